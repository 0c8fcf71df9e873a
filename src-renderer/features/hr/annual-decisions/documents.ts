/**
 * The 年度考核's papers from HR's 年度考核结果 page: each person's 登记表 and 结果通知, every 登记表 in one
 * .zip (built in the documents worker), and the 机关's 花名册 and 统计表. The page's rows (linkage,
 * 建议, decision, 本人意见) come with the call; what they lack is read here: the people's own details
 * (HR's people table, else the roster's profile), the submitted 个人总结, the 机关 and HR's own unit.
 */
import type {
  AnnualRegisterForm,
  AnnualResultNoticeForm,
  AnnualRosterForm,
  AnnualStatisticsForm,
  PersonHeader,
} from '../../../../shared/documents/models';
import { localIsoDate, type AnnualSummaryRow } from '../../../../shared/domain';
import {
  listAnnualSummaries,
  readSelfIdentity,
  wrapStorageErrors,
  type DutyBookDb,
} from '../../../../shared/store';
import { handleBatchRequest } from '../../../workers/protocol';
import type { WorkerLike } from '../../../workers/batchDocuments';
import {
  annualProfile,
  registerForm,
  registerUnit,
  resultNoticeForm,
  rosterForms,
  type ProfileSource,
} from '../../../records/annual-forms';
import type { DeskRow } from './rows';

export type AnnualPapers = {
  register(r: DeskRow): AnnualRegisterForm;
  /** Absent until the person's result is decided. */
  notice(r: DeskRow): AnnualResultNoticeForm | undefined;
  /** The decided people (undecided ones are not listed: they have no 等次 to print). */
  roster(rows: readonly DeskRow[]): { roster: AnnualRosterForm; statistics: AnnualStatisticsForm };
};

/** Reads what the papers need beyond the page's rows (a few small tables, once per export). */
export async function readAnnualPapers(db: DutyBookDb, year: number): Promise<AnnualPapers> {
  const read = await wrapStorageErrors('read annual papers', async () => {
    const [people, units, rosterRow, me] = await Promise.all([
      db.people.toArray(),
      db.orgUnits.toArray(),
      db.rosters.orderBy('version').last(),
      readSelfIdentity(db),
    ]);
    return { people, units, roster: rosterRow?.signed.roster, me };
  });
  const summaries = new Map<string, AnnualSummaryRow>(
    (await listAnnualSummaries(db, year)).map((s) => [s.personId, s]),
  );
  const org =
    read.units.find((u) => u.parentId === null)?.name ||
    read.roster?.units.find((u) => u.parentId === null)?.name ||
    '本机关';
  const unitNames = new Map<string, string>([
    ...(read.roster?.units ?? []).map((u) => [u.id, u.name] as const),
    ...read.units.map((u) => [u.id, u.name] as const),
  ]);
  const profiles = new Map<string, ProfileSource>([
    ...(read.roster?.people ?? []).map((p) => [p.id, p.profile ?? {}] as const),
    ...read.people.map((p) => [p.id, p] as const),
  ]);
  const hr = read.me ? read.people.find((p) => p.id === read.me!.personId) : undefined;
  const office = (hr && unitNames.get(hr.unitId)) || '人事部门';
  const unitOf = (r: DeskRow) => unitNames.get(r.row.unitId) ?? r.unit.unitName;
  const header = (r: DeskRow): PersonHeader => ({
    name: r.row.name,
    unit: registerUnit(org, unitOf(r)),
    post: r.row.post,
  });

  return {
    register: (r) =>
      registerForm(year, annualProfile(header(r), profiles.get(r.row.personId)), {
        summary: summaries.get(r.row.personId),
        comment: r.comment,
        decision: r.decision,
        opinion: r.opinion,
      }),
    notice: (r) =>
      r.decision ? resultNoticeForm(year, header(r), r.decision, { office, issuer: org }) : undefined,
    roster: (rows) =>
      rosterForms(
        org,
        year,
        rows.flatMap((r) => {
          if (!r.decision) return [];
          const p = profiles.get(r.row.personId);
          return [
            {
              name: r.row.name,
              unit: unitOf(r),
              post: r.row.post,
              outcome: r.decision.outcome,
              ...(p?.gender ? { gender: p.gender } : {}),
              ...(p?.birthMonth ? { birthMonth: p.birthMonth } : {}),
              ...(p?.politicalStatus ? { politicalStatus: p.politicalStatus } : {}),
              ...(p?.rankSince ? { rankSince: p.rankSince } : {}),
            },
          ];
        }),
        { ...(hr ? { clerk: hr.name } : {}), date: localIsoDate(new Date()) },
      ),
  };
}

/**
 * Where no Web Worker exists (a test's DOM, an old embedded browser) the batch runs the worker's own
 * handler on this thread: the same messages, the same bytes, only the window is busier meanwhile.
 */
export function createDocumentsWorker(): WorkerLike | undefined {
  if (typeof Worker === 'function') return undefined;
  const fake: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => {
      fake.onmessage = null;
    },
    postMessage: (request) => {
      void handleBatchRequest(request, (message) =>
        queueMicrotask(() => fake.onmessage?.({ data: message } as MessageEvent<typeof message>)),
      );
    },
  };
  return fake;
}
