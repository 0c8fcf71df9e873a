/** Validation issues from the core (dotted paths such as `items.1.deadline`) as per-field messages. */
import { ValidationError, type ValidationIssue } from '../../shared/errors/errors';

export type FieldErrors = Readonly<Record<string, string>>;

export function toFieldErrors(issues: readonly ValidationIssue[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

/** The issues of a ValidationError, or null for any other error. */
export function validationIssues(e: unknown): readonly ValidationIssue[] | null {
  return e instanceof ValidationError ? e.issues : null;
}

/** Drops the messages of one field (and of everything under it) once the clerk edits it. */
export function clearField(errors: FieldErrors, path: string): FieldErrors {
  const keys = Object.keys(errors).filter((k) => k === path || k.startsWith(`${path}.`));
  if (keys.length === 0) return errors;
  const next = { ...errors };
  for (const k of keys) delete next[k];
  return next;
}

/** Drops the messages of the fields of one entry that were just edited, e.g. `items.0` + ['task']. */
export function clearFields(errors: FieldErrors, prefix: string, fields: readonly string[]): FieldErrors {
  return fields.reduce((acc, f) => clearField(acc, `${prefix}.${f}`), errors);
}

/** Drops every message under `prefix` (rows renumber after a delete or a move). */
export function clearPrefix(errors: FieldErrors, prefix: string): FieldErrors {
  return clearField(errors, prefix);
}
