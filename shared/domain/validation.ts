/**
 * From zod to the core's typed errors: every schema in the domain reports its problems as
 * `ValidationIssue`s (a dotted path and a Chinese message), so a form can mark every field at once.
 */
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/errors';

export function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

export function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: pathOf(i.path), message: i.message }));
}

/** Parses `input` or throws a ValidationError listing every field at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(issuesOf(r.error));
  return r.data;
}

/** Puts `prefix` in front of each issue's path (for a schema checked inside a larger object). */
export function prefixIssues(prefix: string, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({ path: i.path ? `${prefix}.${i.path}` : prefix, message: i.message }));
}
