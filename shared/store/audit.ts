/**
 * The audit trail (操作日志): every state change on this device — a submission, a supervisor's
 * decision, an evaluation, a signature, a filing, a bundle imported or written, a saved 考核办法 —
 * appends one entry to a hash chain, INSIDE the transaction of the change it describes (so a change
 * and its entry cannot diverge, and a refused import leaves no entry). Each entry's hash is the
 * SHA-256 of the canonical JSON of the entry without `hash`; `prevHash` is the previous entry's hash
 * (64 zeros for the first). The synchronous @noble hash keeps the append inside the Dexie
 * transaction (an await on WebCrypto would commit it early).
 *
 * The last entry's seq and hash are also kept in `meta` (key `auditHead`), so deleting entries at the
 * end of the log, or rewriting the whole chain, is found too.
 */
import { LOCAL_PROFILE_ID } from '../domain/org';
import {
  annualOutcomeLabel,
  annualOutcomeSchema,
  annualSuggestionLabels,
  csvCell,
  quarterGradeLabels,
  type AnnualSuggestion,
} from '../domain';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_GENESIS,
  auditHash,
  verifyAuditEntries,
  type AuditEntry,
  type AuditHead,
  type AuditInput,
  type AuditVerdict,
} from './audit-chain';

export * from './audit-chain';

const HEAD_KEY = 'auditHead';

/** The tables an append reads and writes: add them to the caller's read-write transaction. */
export function auditTables(db: DutyBookDb) {
  return [db.audit, db.meta, db.trust, db.profile, db.people] as const;
}

/** Who acts on this device: its identity's person, else the profile's, else ''. */
export async function auditActor(db: DutyBookDb): Promise<string> {
  const self = await db.trust.get('self');
  if (self?.id === 'self') return self.personId;
  return (await db.profile.get(LOCAL_PROFILE_ID))?.personId ?? '';
}

/** A person's name as this device knows it (people table, else the profile), else the id. */
export async function auditName(db: DutyBookDb, personId: string): Promise<string> {
  if (personId === '') return '';
  const person = await db.people.get(personId);
  if (person) return person.name;
  const profile = await db.profile.get(LOCAL_PROFILE_ID);
  return profile?.personId === personId ? profile.name : personId;
}

/**
 * Appends entries to the chain. Call it inside the caller's read-write transaction over
 * `auditTables(db)`: it only touches IndexedDB (two reads, two writes per call, whatever the count).
 */
export async function appendAudit(db: DutyBookDb, entries: readonly AuditInput[]): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  const last = await db.audit.orderBy('seq').last();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? AUDIT_GENESIS;
  const actor = entries.every((e) => e.actor !== undefined) ? '' : await auditActor(db);
  const out: AuditEntry[] = [];
  for (const e of entries) {
    seq += 1;
    const body: Omit<AuditEntry, 'hash'> = {
      seq,
      at: e.at,
      actor: e.actor ?? actor,
      action: e.action,
      subject: e.subject,
      ref: e.ref,
      summary: e.summary,
      prevHash,
    };
    const entry: AuditEntry = { ...body, hash: auditHash(body) };
    out.push(entry);
    prevHash = entry.hash;
  }
  await db.audit.bulkAdd(out);
  const head: AuditHead = { seq, hash: prevHash };
  await db.meta.put({ key: HEAD_KEY, value: head });
  return out;
}

/**
 * Records that a file left the app (a Word form, an Excel list, a CSV) or that a page was printed:
 * the 操作日志 promises every export and print. `what` is the document's name in words
 * ("人员名册", "督促检查表 2026年"), `file` the name it was saved under (empty for a print), `count` the
 * rows or people it holds, `subject` the one person it is about, if any. One entry, in its own transaction.
 */
export async function auditOutput(
  db: DutyBookDb,
  o: { kind: 'document' | 'print'; what: string; file?: string; count?: number; subject?: string },
): Promise<void> {
  const parts = [o.kind === 'print' ? '打印' : '导出', o.what];
  if (o.count !== undefined) parts.push(`(${o.count}条)`);
  const summary = parts.join(' ').replace(' (', '(') + (o.file ? `,文件“${o.file}”` : '');
  await db.transaction('rw', auditTables(db), () =>
    appendAudit(db, [
      { at: new Date().toISOString(), action: o.kind, subject: o.subject ?? '', ref: o.file ?? '', summary },
    ]),
  );
}

// ---- What a signed fact of this device's person means ----

const field = (body: unknown, key: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
const num = (body: unknown, key: string): number | undefined => {
  const v = field(body, key);
  return typeof v === 'number' ? v : undefined;
};
const ver = (body: unknown) => {
  const v = num(body, 'version');
  return v === undefined ? '' : ` 第${v}版`;
};

/** The audit entry of a fact this device's person signs (or a version they submit). */
export async function auditOfOwnFact(
  db: DutyBookDb,
  input: { type: string; subject: string; recordKey: string; body: unknown; createdAt: string },
): Promise<AuditInput> {
  const { body } = input;
  const name = await auditName(db, input.subject);
  const year = num(body, 'year') ?? '';
  const month = num(body, 'month') ?? '';
  const quarter = num(body, 'quarter') ?? '';
  const plan = `${year}年度个人工作计划`;
  const record = `${year}年${month}月记实簿`;
  const base = { at: input.createdAt, subject: input.subject, ref: input.recordKey };
  switch (input.type) {
    case 'plan.version':
      return { ...base, action: 'submit', summary: `提交 ${name} ${plan}${ver(body)}` };
    case 'record.version':
      return { ...base, action: 'submit', summary: `提交 ${name} ${record}${ver(body)}` };
    case 'summary.version':
      return { ...base, action: 'submit', summary: `提交 ${name} ${year}年第${quarter}季度个人工作小结${ver(body)}` };
    case 'plan.approval':
      return { ...base, action: 'approve', summary: `核准 ${name} ${plan}${ver(body)}` };
    case 'plan.return':
      return { ...base, action: 'return', summary: `退回 ${name} ${plan}${ver(body)}` };
    case 'record.return':
      return { ...base, action: 'return', summary: `退回 ${name} ${record}${ver(body)}` };
    case 'evaluation': {
      const grade = field(body, 'grade');
      const label =
        typeof grade === 'string' && grade in quarterGradeLabels
          ? `(${quarterGradeLabels[grade as keyof typeof quarterGradeLabels]})`
          : '';
      return {
        ...base,
        action: 'evaluate',
        summary: `领导评鉴 ${name} ${year}年第${quarter}季度${label}${ver(body)}`,
      };
    }
    case 'feedback':
      return { ...base, action: 'sign', summary: `签署 ${name} ${year}年第${quarter}季度评鉴结果反馈` };
    case 'feedback.ack':
      return { ...base, action: 'sign', summary: `签署 ${name} 对评鉴结果反馈的签署意见` };
    case 'register':
      return {
        ...base,
        action: 'sign',
        summary: `签署 ${name} ${year}年第${quarter}季度平时考核备案登记表${ver(body)}`,
      };
    case 'filing.receipt':
      return {
        ...base,
        action: 'file',
        summary:
          field(body, 'what') === 'plan'
            ? `备案 ${name} ${plan}${ver(body)}`
            : `备案 ${name} ${year}年第${quarter}季度平时考核备案登记表${ver(body)}`,
      };
    case 'filing.refusal': {
      const reason = field(body, 'reason');
      return {
        ...base,
        action: 'return',
        summary:
          (field(body, 'what') === 'plan'
            ? `不予备案 ${name} ${plan}${ver(body)}`
            : `不予备案 ${name} ${year}年第${quarter}季度平时考核备案登记表${ver(body)}`) +
          (typeof reason === 'string' ? `,原因:${reason.slice(0, 100)}` : ''),
      };
    }
    case 'annual.summary':
      return { ...base, action: 'submit', summary: `提交 ${name} ${year}年度个人总结${ver(body)}` };
    case 'annual.comment': {
      const s = field(body, 'suggestion');
      const label = typeof s === 'string' && s in annualSuggestionLabels ? `(建议${annualSuggestionLabels[s as AnnualSuggestion]})` : '';
      return { ...base, action: 'sign', summary: `签署 ${name} ${year}年度主管领导评语和考核等次建议${label}${ver(body)}` };
    }
    case 'annual.decision': {
      const r = annualOutcomeSchema.safeParse(field(body, 'outcome'));
      const label = r.success ? `(${annualOutcomeLabel(r.data)})` : '';
      return { ...base, action: 'sign', summary: `确定 ${name} ${year}年度考核结果${label}${ver(body)}` };
    }
    case 'annual.opinion': {
      const agree = field(body, 'agree');
      const label = agree === true ? '(同意)' : agree === false ? '(有异议,申请复核)' : '';
      return { ...base, action: 'sign', summary: `签署 ${name} ${year}年度考核结果的本人意见${label}` };
    }
    default:
      return { ...base, action: 'sign', summary: `签署 ${name} ${input.type}` };
  }
}

/** Reads the whole log (only when asked: the button, not a render) and verifies it. */
export async function verifyAudit(db: DutyBookDb): Promise<AuditVerdict> {
  const { entries, head } = await wrapStorageErrors('read audit log', () =>
    db.transaction('r', db.audit, db.meta, async () => ({
      entries: await db.audit.orderBy('seq').toArray(),
      head: (await db.meta.get(HEAD_KEY))?.value as AuditHead | undefined,
    })),
  );
  return verifyAuditEntries(entries, head ?? null);
}

/** The newest entries, newest first, read through the key (never the whole log). */
export async function listRecentAudit(db: DutyBookDb, limit = 20): Promise<AuditEntry[]> {
  return wrapStorageErrors('read audit log', () => db.audit.orderBy('seq').reverse().limit(limit).toArray());
}

export async function countAudit(db: DutyBookDb): Promise<number> {
  return wrapStorageErrors('count audit log', () => db.audit.count());
}

/**
 * The CSV's columns: what a clerk reads first — local time, names, the action in words, the line — and
 * the hash chain last (前一条哈希, 哈希), for whoever checks the file against 核验日志.
 */
export const AUDIT_CSV_HEADER = ['序号', '时间', '操作人', '操作', '对象', '内容', '关联', '前一条哈希', '哈希'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
/** '2026-03-31 20:31:05' in this machine's own time zone (no "Z"); an unreadable time stays as written. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

/** The whole log as CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese), for HR. */
export async function exportAudit(db: DutyBookDb): Promise<string> {
  const { entries, people } = await wrapStorageErrors('export audit log', () =>
    db.transaction('r', db.audit, db.people, async () => ({
      entries: await db.audit.orderBy('seq').toArray(),
      people: await db.people.toArray(),
    })),
  );
  const names = new Map(people.map((p) => [p.id, p.name]));
  const who = (id: string) => (id === '' ? '' : (names.get(id) ?? id));
  const rows: string[][] = [[...AUDIT_CSV_HEADER]];
  for (const e of entries) {
    rows.push([
      String(e.seq),
      localTime(e.at),
      who(e.actor),
      AUDIT_ACTION_LABELS[e.action] ?? e.action,
      who(e.subject),
      e.summary,
      e.ref,
      e.prevHash,
      e.hash,
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
