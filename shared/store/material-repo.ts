/**
 * Reading one material whole for HR's read-only panel (台账, the 督促检查 grid, 备案, 抽查): the
 * working row, every submitted or signed version, the decisions about them (核准/退回 with their
 * reasons, read from the decision records' facts, so a reason a later version replaced is still
 * shown) and the 备案回执. Each read goes through an index by person and period — a handful of
 * small queries, whatever the size of the organisation.
 */
import {
  feedbackAckSchema,
  planDecisionSchema,
  recordReturnSchema,
  type AnnualCommentRow,
  type AnnualDecisionRow,
  type AnnualPlan,
  type AnnualSummaryRow,
  type FeedbackAck,
  type FeedbackRow,
  type FilingReceipt,
  type MonthlyRecord,
  type MonthlyRecordVersion,
  type OrgUnit,
  type Person,
  type PlanDecision,
  type PlanVersion,
  type QuarterSummary,
  type QuarterSummaryVersion,
  type RecordReturn,
  type Register,
  type SignedEvaluation,
} from '../domain';
import { decodeBody, factOfRow, recordKeys } from '../ledger/facts';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

/** Which material (src-renderer/records/materials `MaterialRef` has this shape). */
export type MaterialKey = {
  personId: string;
  kind: 'plan' | 'record' | 'summary' | 'evaluation' | 'feedback' | 'register' | 'filing' | 'annual';
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  month?: number;
  unitId?: string;
  registerId?: string;
};

export type MaterialOwner = { person?: Person; unit?: OrgUnit };

export type Material = MaterialOwner &
  (
    | {
        kind: 'plan';
        plan?: AnnualPlan;
        versions: PlanVersion[];
        decisions: PlanDecision[];
        filings: FilingReceipt[];
      }
    | {
        kind: 'record';
        record?: MonthlyRecord;
        versions: MonthlyRecordVersion[];
        returns: RecordReturn[];
        /** The year's plan, for the work items' 关联计划项. */
        plan?: AnnualPlan;
      }
    | { kind: 'summary'; summary?: QuarterSummary; versions: QuarterSummaryVersion[] }
    | { kind: 'evaluation'; versions: SignedEvaluation[] }
    | { kind: 'feedback'; feedback: FeedbackRow[]; acks: FeedbackAck[] }
    | { kind: 'register'; versions: Register[]; filings: FilingReceipt[] }
    | { kind: 'filing'; filings: FilingReceipt[] }
    | {
        kind: 'annual';
        summary?: AnnualSummaryRow;
        comment?: AnnualCommentRow;
        decision?: AnnualDecisionRow;
      }
  );

const byVersion = <T extends { version: number }>(a: T, b: T) => a.version - b.version;

/** Every fact of a decision record, its body parsed with `schema` (bodies that do not parse are left out). */
async function decisionsOf<T>(
  db: DutyBookDb,
  recordKey: string,
  parse: (body: unknown) => T | undefined,
): Promise<T[]> {
  const rows = await db.facts.where('recordKey').equals(recordKey).toArray();
  const out: T[] = [];
  for (const row of rows) {
    const v = parse(decodeBody(factOfRow(row).body));
    if (v !== undefined) out.push(v);
  }
  return out;
}

const parsed =
  <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
  (body: unknown): T | undefined => {
    const r = schema.safeParse(body);
    return r.success ? r.data : undefined;
  };

async function ownerOf(db: DutyBookDb, personId: string, unitId?: string): Promise<MaterialOwner> {
  const person = await db.people.get(personId);
  const unit = await db.orgUnits.get(unitId ?? person?.unitId ?? '');
  return { ...(person ? { person } : {}), ...(unit ? { unit } : {}) };
}

/** The register a ref names: by its version row's id, else by supervisor and quarter. */
async function registerVersions(db: DutyBookDb, key: MaterialKey): Promise<Register[]> {
  let { personId, year, quarter } = key;
  if (key.registerId) {
    const row = await db.registers.get(key.registerId);
    if (row) ({ supervisorId: personId, year, quarter } = row);
  }
  if (quarter === undefined) return [];
  return (
    await db.registers.where('[supervisorId+year+quarter]').equals([personId, year, quarter]).toArray()
  ).sort(byVersion);
}

/** One material, whole, read-only. */
export function readMaterial(db: DutyBookDb, key: MaterialKey): Promise<Material> {
  return wrapStorageErrors('read material', async () => {
    const { personId, year, quarter, month } = key;
    switch (key.kind) {
      case 'plan': {
        const [owner, plan, versions, decisions, filings] = await Promise.all([
          ownerOf(db, personId, key.unitId),
          db.plans.where('[personId+year]').equals([personId, year]).first(),
          db.planVersions.where('[personId+year]').equals([personId, year]).toArray(),
          decisionsOf(db, recordKeys.planDecision(personId, year), parsed(planDecisionSchema)),
          db.filings.where('[personId+year]').equals([personId, year]).toArray(),
        ]);
        return {
          ...owner,
          kind: 'plan',
          ...(plan ? { plan } : {}),
          versions: versions.sort(byVersion),
          decisions: decisions.sort((a, b) => a.version - b.version || (a.decidedAt < b.decidedAt ? -1 : 1)),
          filings: filings.filter((f) => f.what === 'plan').sort(byVersion),
        };
      }
      case 'record': {
        if (month === undefined)
          return { ...(await ownerOf(db, personId, key.unitId)), kind: 'record', versions: [], returns: [] };
        const [owner, record, versions, returns, plan] = await Promise.all([
          ownerOf(db, personId, key.unitId),
          db.monthlyRecords.where('[personId+year+month]').equals([personId, year, month]).first(),
          db.recordVersions.where('[personId+year+month]').equals([personId, year, month]).toArray(),
          decisionsOf(db, recordKeys.recordDecision(personId, year, month), parsed(recordReturnSchema)),
          db.plans.where('[personId+year]').equals([personId, year]).first(),
        ]);
        return {
          ...owner,
          kind: 'record',
          ...(record ? { record } : {}),
          versions: versions.sort(byVersion),
          returns: returns.sort((a, b) => a.version - b.version || (a.returnedAt < b.returnedAt ? -1 : 1)),
          ...(plan ? { plan } : {}),
        };
      }
      case 'summary': {
        const owner = await ownerOf(db, personId, key.unitId);
        if (quarter === undefined) return { ...owner, kind: 'summary', versions: [] };
        const summary = await db.summaries
          .where('[personId+year+quarter]')
          .equals([personId, year, quarter])
          .first();
        const versions = summary
          ? await db.summaryVersions.where('summaryId').equals(summary.id).toArray()
          : [];
        return {
          ...owner,
          kind: 'summary',
          ...(summary ? { summary } : {}),
          versions: versions.sort(byVersion),
        };
      }
      case 'evaluation': {
        const owner = await ownerOf(db, personId, key.unitId);
        if (quarter === undefined) return { ...owner, kind: 'evaluation', versions: [] };
        const versions = await db.evaluations
          .where('[subject+year+quarter]')
          .equals([personId, year, quarter])
          .toArray();
        return { ...owner, kind: 'evaluation', versions: versions.sort(byVersion) };
      }
      case 'feedback': {
        const owner = await ownerOf(db, personId, key.unitId);
        if (quarter === undefined) return { ...owner, kind: 'feedback', feedback: [], acks: [] };
        const feedback = (
          await db.feedback.where('[personId+year+quarter]').equals([personId, year, quarter]).toArray()
        ).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.recordedAt < b.recordedAt ? -1 : 1));
        // Every 签署意见 the official signed (the row keeps the latest): one record per feedback.
        const acks = (
          await Promise.all(
            feedback.map((f) =>
              decisionsOf(db, recordKeys.feedback(personId, f.id), (body) => {
                const r = feedbackAckSchema.safeParse(body);
                return r.success && r.data.feedbackId === f.id ? r.data : undefined;
              }),
            ),
          )
        )
          .flat()
          .sort((a, b) => (a.at < b.at ? -1 : 1));
        return { ...owner, kind: 'feedback', feedback, acks };
      }
      case 'register': {
        const versions = await registerVersions(db, key);
        const first = versions[0];
        const supervisorId = first?.supervisorId ?? personId;
        const owner = await ownerOf(db, supervisorId, key.unitId);
        const filings = first
          ? (await db.filings.where('[personId+year]').equals([supervisorId, first.year]).toArray())
              .filter((f) => f.what === 'register' && f.quarter === first.quarter)
              .sort(byVersion)
          : [];
        return { ...owner, kind: 'register', versions, filings };
      }
      case 'filing': {
        const owner = await ownerOf(db, personId, key.unitId);
        const filings = (await db.filings.where('[personId+year]').equals([personId, year]).toArray())
          .filter((f) =>
            quarter === undefined ? f.what === 'plan' : f.what === 'register' && f.quarter === quarter,
          )
          .sort(byVersion);
        return { ...owner, kind: 'filing', filings };
      }
      case 'annual': {
        const [owner, summary, comment, decision] = await Promise.all([
          ownerOf(db, personId, key.unitId),
          db.annualSummaries.where('[personId+year]').equals([personId, year]).first(),
          db.annualComments.where('[personId+year]').equals([personId, year]).first(),
          db.annualDecisions.where('[personId+year]').equals([personId, year]).first(),
        ]);
        return {
          ...owner,
          kind: 'annual',
          ...(summary ? { summary } : {}),
          ...(comment ? { comment } : {}),
          ...(decision ? { decision } : {}),
        };
      }
    }
  });
}
