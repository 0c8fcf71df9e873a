/** What a generated history covers: its random seed, its years, the moment it stops, the unit's rules. */
import type { AssessmentConfig } from '../domain';

export type HistoryOptions = {
  seed: string;
  years: readonly number[];
  /** Milliseconds: nothing is written at or after it. */
  today: number;
  config: AssessmentConfig;
};
