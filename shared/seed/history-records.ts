/**
 * 平时考核记实簿 in the example history: each month's record book (work linked to the plan's items,
 * attendance from the month's working days, the odd leave and error), submitted a few days after
 * the month ends; now and then 退回 by the supervisor and sent again with more detail. Bodies are
 * built as record-repo's `submitRecord` and supervision-repo's `returnRecordBook` build them.
 */
import {
  jsonSnapshot,
  monthlyRecordIssues,
  monthlyRecordVersionSchema,
  parseOrThrow,
  recordReturnSchema,
  type MonthlyRecordVersion,
  type RecordReturn,
  type WorkItem,
} from '../domain';
import { ValidationError } from '../errors/errors';
import { recordKeys } from '../ledger/facts';
import * as words from './content';
import { DAY, iso, type PersonYearRun } from './history-context';
import type { FactDraft } from './history-drafts';
import type { PlanOfYear } from './history-plan';
import { beijing, errorEntry, monthAttendance, monthWork } from './forms';

/** One month's record book as the person's device holds it. */
export type RecordState = {
  month: number;
  recordId: string;
  versions: { at: number; body: MonthlyRecordVersion; draft: FactDraft }[];
  /** When a version was returned (by version number). */
  returnedAt: Map<number, number>;
};

/** The versions of a person's record books as the person's device holds them at `t` (submitted only). */
export function submittedAt(records: readonly RecordState[], t: number): MonthlyRecordVersion[] {
  const out: MonthlyRecordVersion[] = [];
  for (const r of records) {
    const v = [...r.versions].reverse().find((x) => x.at <= t);
    if (!v) continue;
    const returned = r.returnedAt.get(v.body.version);
    if (returned !== undefined && returned <= t) continue;
    out.push(v.body);
  }
  return out;
}

/** The year's record books, month by month until one would be submitted on or after today. */
export function writeRecordBooks(run: PersonYearRun, plan: PlanOfYear): RecordState[] {
  const { ctx, writer, person, year, rng, supervisor, field, id } = run;
  const { later, holidays } = ctx;
  const { today } = ctx.options;
  const stats = writer.stats;
  const { items, currentItems } = plan;

  const records: RecordState[] = [];
  const progress = new Map<string, number>();
  const lagging = new Set(items.filter(() => rng.chance(0.08)).map((i) => i.id));
  for (let month = 1; month <= 12; month++) {
    const endOfMonth = beijing(year, month, 28);
    const submitted = later(rng, endOfMonth + (rng.chance(0.3) ? 0 : 4 * DAY), 0, 3);
    if (submitted >= today) break;
    const state: RecordState = { month, recordId: id(submitted), versions: [], returnedAt: new Map() };
    const workItems = monthWork(rng, year, month, currentItems, progress, lagging, field);
    const attendance = monthAttendance(rng, year, month, holidays);
    const errors = rng.chance(0.03) ? [errorEntry(rng, year, month, holidays)] : [];
    const write = (at: number, work: WorkItem[]): FactDraft | null => {
      const issues = monthlyRecordIssues({ year, month, workItems: work, attendance, errors });
      if (issues.length > 0) throw new ValidationError(issues);
      const body = parseOrThrow(
        monthlyRecordVersionSchema,
        jsonSnapshot({
          id: id(at),
          recordId: state.recordId,
          personId: person.id,
          year,
          month,
          version: state.versions.length + 1,
          workItems: work,
          attendance,
          errors,
          submittedAt: iso(at),
        }),
      );
      const prev = state.versions[state.versions.length - 1];
      const draft = writer.add({
        at,
        author: person.id,
        type: 'record.version',
        subject: person.id,
        recordKey: recordKeys.record(person.id, year, month),
        body,
        parents: prev ? [prev.draft] : [],
      });
      if (draft) state.versions.push({ at, body, draft });
      return draft;
    };
    if (!write(submitted, workItems)) break;
    records.push(state);
    stats.records += 1;
    if (supervisor && rng.chance(0.03)) {
      const at = later(rng, submitted, 1, 3);
      const v = state.versions[0]!;
      const body: RecordReturn = parseOrThrow(recordReturnSchema, {
        id: id(at),
        personId: person.id,
        year,
        month,
        version: v.body.version,
        by: supervisor.name,
        reason: rng.pick(words.RECORD_RETURN_REASONS),
        returnedAt: iso(at),
      });
      const ret = writer.add({
        at,
        author: supervisor.id,
        type: 'record.return',
        subject: person.id,
        recordKey: recordKeys.recordDecision(person.id, year, month),
        body,
        parents: [v.draft],
      });
      if (ret) {
        stats.recordReturns += 1;
        state.returnedAt.set(v.body.version, at);
        const again = later(rng, at, 1, 2);
        write(
          again,
          workItems.map((w) => ({ ...w, progress: `${w.progress};补充说明:已按要求核实相关材料和数据` })),
        );
      }
    }
  }
  return records;
}
