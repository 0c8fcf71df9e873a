/**
 * HR's 批量导出领导评鉴表: every person in scope's latest signed 领导评鉴 of a quarter as 平时考核领导评鉴表
 * (the supervisor's own mapping, evaluationDocument), built into one Word .zip in a Web Worker and
 * saved through the host. The reads: the roster, this device's identity (for HR's scope, as the
 * 督促检查 page) and one `[subject+year+quarter]` query for all the people — never a table scan.
 */
import type { EvaluationForm } from '../../../../shared/documents';
import {
  sortUnitsAsTree,
  templateFor,
  type PositionCategory,
  type SignedEvaluation,
} from '../../../../shared/domain';
import type { HostApi } from '../../../../shared/host/contract';
import {
  configInForce,
  readSelfIdentity,
  wrapStorageErrors,
  type DutyBookDb, auditOutput } from '../../../../shared/store';
import { findPerson, hrCovers } from '../../../../shared/ledger/roster';
import { evaluationDocument, rosterPersonHeader } from '../../../records/supervisor-forms';
import { batchDocuments, type BatchDocumentsProgress } from '../../../workers/batchDocuments';
import { compareChinese } from '../../../../shared/domain/collate';

export const batchExportText = {
  button: '批量导出领导评鉴表(Word 压缩包)',
  quarterLabel: '季度',
  quarter: (q: number) => `第${q}季度`,
  reading: '正在读取领导评鉴…',
  progress: (done: number, total: number) => `正在生成领导评鉴表:第 ${done} / ${total} 份`,
  progressLabel: '领导评鉴表生成进度',
  cancel: '取消',
  none: (year: number, q: number) => `${year}年第${q}季度没有已签署的领导评鉴。`,
  saved: (n: number, name: string) => `已导出 ${n} 份领导评鉴表:${name}`,
  cancelled: '已取消导出。',
  zipFilter: 'Zip 压缩包',
  zipName: (year: number, q: number) => `${year}年第${q}季度平时考核领导评鉴表.zip`,
} as const;

/**
 * The 领导评鉴表 of every person in HR's scope (everyone active, when this device is not on the roster
 * as HR) with a signed evaluation of the quarter: the latest version each, in unit-tree then name order.
 */
export async function readQuarterEvaluationForms(
  db: DutyBookDb,
  year: number,
  quarter: 1 | 2 | 3 | 4,
): Promise<EvaluationForm[]> {
  const read = await wrapStorageErrors('read quarter evaluations', async () => {
    const roster = (await db.rosters.orderBy('version').last())?.signed.roster;
    if (!roster) return null;
    const me = await readSelfIdentity(db);
    const hr = me ? findPerson(roster, me.personId) : undefined;
    const active = roster.people.filter((p) => p.active);
    const people = hr?.roles.includes('hr') ? active.filter((p) => hrCovers(roster, hr, p)) : active;
    const evaluations: SignedEvaluation[] = people.length
      ? await db.evaluations
          .where('[subject+year+quarter]')
          .anyOf(people.map((p) => [p.id, year, quarter]))
          .toArray()
      : [];
    const { config } = await configInForce(db);
    return { roster, people, evaluations, config };
  });
  if (!read) return [];
  const { roster, people, evaluations, config } = read;
  const latest = new Map<string, SignedEvaluation>();
  for (const e of evaluations) {
    const seen = latest.get(e.subject);
    if (!seen || e.version > seen.version) latest.set(e.subject, e);
  }
  const tree = sortUnitsAsTree(roster.units);
  const order = new Map(tree.map((u, i) => [u.id, i]));
  const unitNames = new Map(roster.units.map((u) => [u.id, u.name]));
  return people
    .filter((p) => latest.has(p.id))
    .sort(
      (a, b) =>
        (order.get(a.unitId) ?? Infinity) - (order.get(b.unitId) ?? Infinity) ||
        compareChinese(a.name, b.name) ||
        a.id.localeCompare(b.id),
    )
    .map((p) => {
      const template = templateFor(
        config.indicatorTemplates,
        p.positionCategory as PositionCategory,
        p.rankLevel,
      );
      const header = rosterPersonHeader({ ...p, unitName: unitNames.get(p.unitId) ?? '' });
      return evaluationDocument(latest.get(p.id)!, header, config, template);
    });
}

export type BatchExportOutcome =
  { kind: 'none' } | { kind: 'cancelled' } | { kind: 'saved'; count: number; name: string };

/**
 * Reads the quarter's forms, builds the .zip in the worker (progress per document, throttled) and asks
 * the host where to save it. `signal` cancels the build; a cancelled save dialog is 'cancelled' too.
 */
export async function exportQuarterEvaluations(opts: {
  db: DutyBookDb;
  host: Pick<HostApi, 'saveFile'>;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  onProgress: (p: BatchDocumentsProgress) => void;
  signal?: AbortSignal;
}): Promise<BatchExportOutcome> {
  const forms = await readQuarterEvaluationForms(opts.db, opts.year, opts.quarter);
  if (forms.length === 0) return { kind: 'none' };
  const job = batchDocuments(forms, {
    onProgress: opts.onProgress,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  let zip: Uint8Array<ArrayBuffer>;
  try {
    zip = await job.result;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') return { kind: 'cancelled' };
    throw e;
  }
  const name = batchExportText.zipName(opts.year, opts.quarter);
  const saved = await opts.host.saveFile({
    suggestedName: name,
    data: zip,
    filters: [{ name: batchExportText.zipFilter, extensions: ['zip'] }],
  });
  if (saved) await auditOutput(opts.db, { kind: 'document', what: name.replace(/\.zip$/, ''), file: name, count: forms.length });
  return saved ? { kind: 'saved', count: forms.length, name } : { kind: 'cancelled' };
}
