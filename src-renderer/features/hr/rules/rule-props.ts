/**
 * What every group of the rules editor's fields is given: the rules being edited, how to change them,
 * and the messages of the last check, by field path.
 */
import type { AssessmentConfig } from '../../../../shared/domain';

export type EditConfig = (fn: (c: AssessmentConfig) => AssessmentConfig) => void;
export type RuleFieldsProps = { config: AssessmentConfig; edit: EditConfig; messages: Map<string, string> };

/** The first message at `path` or below it (a group shows the problems of its parts). */
export function within(messages: Map<string, string>, path: string): string | undefined {
  const direct = messages.get(path);
  if (direct) return direct;
  for (const [p, m] of messages) if (p.startsWith(`${path}.`)) return m;
  return undefined;
}
