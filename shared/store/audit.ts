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
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { LOCAL_PROFILE_ID } from '../domain/org';
import { quarterGradeLabels } from '../domain';
import { utf8 } from '../sync/bytes';
import { canonicalJson } from '../sync/canonical-json';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

export const AUDIT_ACTIONS = [
  'submit',
  'approve',
  'return',
  'evaluate',
  'sign',
  'file',
  'import',
  'export',
  'config',
  'lock',
  'restore',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  submit: '提交',
  approve: '核准',
  return: '退回',
  evaluate: '领导评鉴',
  sign: '签署',
  file: '备案',
  import: '导入数据包',
  export: '导出数据包',
  config: '修改考核办法',
  lock: '本机密码锁',
  restore: '从备份恢复',
};

export type AuditEntry = {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** ISO time of the change. */
  at: string;
  /** The person id of this device's identity (or profile); '' when neither exists. */
  actor: string;
  action: AuditAction;
  /** The person the change is about, or ''. */
  subject: string;
  /** What changed: a record key, a bundle id, a configuration version. */
  ref: string;
  /** One short line in Chinese, e.g. "提交 张三 2026年1月记实簿 第2版". */
  summary: string;
  prevHash: string;
  hash: string;
};

export type AuditInput = {
  at: string;
  action: AuditAction;
  subject: string;
  ref: string;
  summary: string;
  /** Looked up (identity, then profile) when not given. */
  actor?: string;
};

export const AUDIT_GENESIS = '0'.repeat(64);
const HEAD_KEY = 'auditHead';
type AuditHead = { seq: number; hash: string };

/** SHA-256 hex of the canonical JSON of the entry without its hash. */
export function auditHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = entry;
  const body: Omit<AuditEntry, 'hash'> = {
    seq: rest.seq,
    at: rest.at,
    actor: rest.actor,
    action: rest.action,
    subject: rest.subject,
    ref: rest.ref,
    summary: rest.summary,
    prevHash: rest.prevHash,
  };
  return bytesToHex(sha256(utf8(canonicalJson(body))));
}

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
    default:
      return { ...base, action: 'sign', summary: `签署 ${name} ${input.type}` };
  }
}

// ---- Verification ----

export type AuditProblemKind = 'edited' | 'gap' | 'broken-link' | 'out-of-order';
export type AuditProblem = { seq: number; kind: AuditProblemKind; message: string };
export type AuditVerdict =
  | { ok: true; count: number }
  | { ok: false; count: number; problems: AuditProblem[] };

/**
 * Walks the whole chain and says where it was tampered with: an entry whose content no longer
 * matches its hash (edited), missing entries (gap, also at the end, by the head kept in meta), an
 * entry that does not follow the one before (broken-link: inserted, or rewritten with a fresh hash),
 * an intact entry stored at another position (out-of-order). Problems come in log order.
 */
export function verifyAuditEntries(entries: readonly AuditEntry[], head?: AuditHead | null): AuditVerdict {
  const problems: AuditProblem[] = [];
  const report = (seq: number, kind: AuditProblemKind, message: string) => problems.push({ seq, kind, message });
  const byHash = new Map<string, AuditEntry>();
  for (const e of entries) if (!byHash.has(e.hash)) byHash.set(e.hash, e);
  const intact = entries.map((e) => auditHash(e) === e.hash);
  const origin = new Map<AuditEntry, number | undefined>();
  /** The seq an entry was hashed with: its own when intact, else a neighbour's or its predecessor's + 1. */
  const originalSeq = (e: AuditEntry, depth = 0): number | undefined => {
    if (origin.has(e)) return origin.get(e);
    const candidates: number[] = [];
    if (auditHash(e) === e.hash) candidates.push(e.seq);
    if (e.prevHash === AUDIT_GENESIS) candidates.push(1);
    const p = byHash.get(e.prevHash);
    if (p && p !== e && depth < 4) {
      const o = originalSeq(p, depth + 1);
      if (o !== undefined) candidates.push(o + 1);
    }
    candidates.push(e.seq - 1, e.seq + 1);
    const found = candidates.find((s) => Number.isSafeInteger(s) && s >= 1 && auditHash({ ...e, seq: s }) === e.hash);
    origin.set(e, found);
    return found;
  };

  let expected = 1;
  /** How far entries are renumbered after an insertion or a deletion already reported. */
  let shift = 0;
  let skipLink = false;
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    const before = entries[i - 2];
    const prevIntact = i > 0 && intact[i - 1]!;
    const gap = e.seq !== expected;
    if (gap) {
      report(
        expected,
        'gap',
        e.seq - 1 > expected
          ? `第${expected}条至第${e.seq - 1}条缺失(已被删除)`
          : `第${expected}条缺失(已被删除)`,
      );
    }
    if (!intact[i]) {
      const orig = originalSeq(e);
      if (orig === undefined) {
        report(e.seq, 'edited', `第${e.seq}条的内容被改动(与其哈希不符)`);
      } else if (orig === e.seq - shift) {
        // Renumbered by an insertion or deletion already reported.
      } else if (
        prev &&
        orig === e.seq - 1 - shift &&
        e.prevHash === (before?.hash ?? AUDIT_GENESIS) &&
        (prevIntact || originalSeq(prev) === undefined)
      ) {
        const last = problems[problems.length - 1];
        if (last?.seq === prev.seq && last.kind === 'edited') problems.pop();
        report(prev.seq, 'broken-link', `第${prev.seq}条是后来插入的:原第${orig}条(现第${e.seq}条)本应紧接在第${prev.seq - 1}条之后`);
        shift += 1;
      } else if (orig > e.seq - shift && e.prevHash !== AUDIT_GENESIS && !byHash.has(e.prevHash)) {
        const n = orig - (e.seq - shift);
        report(e.seq, 'gap', `第${e.seq}条之前有${n}条被删除,其后各条被重新编号`);
        shift = e.seq - orig;
      } else {
        report(e.seq, 'out-of-order', `第${e.seq}条原是第${orig}条,顺序被调换`);
      }
    } else if (!gap && !skipLink && e.prevHash !== (prev?.hash ?? AUDIT_GENESIS) && (i === 0 || prevIntact)) {
      // Intact, but not linked to the intact entry before it: one of the two was rewritten with a
      // fresh hash. If the link after this one breaks too, this entry's prevHash was changed;
      // otherwise the entry before was rewritten.
      const next = entries[i + 1];
      const nextBreaks = next
        ? next.seq === e.seq + 1 && intact[i + 1]! && next.prevHash !== e.hash
        : head != null && head.seq === e.seq && head.hash !== e.hash;
      if (!prev || nextBreaks) {
        report(
          e.seq,
          'broken-link',
          prev
            ? `第${e.seq}条的“前一条哈希”被改动,与第${prev.seq}条不相接`
            : `第${e.seq}条的“前一条哈希”不是日志的起始值(被改动)`,
        );
        skipLink = nextBreaks;
        expected = e.seq + 1;
        return;
      }
      report(prev.seq, 'edited', `第${prev.seq}条被改写(哈希已重新计算),与第${e.seq}条不再相接`);
    }
    skipLink = false;
    expected = e.seq + 1;
  });

  const lastEntry = entries[entries.length - 1];
  if (head) {
    if (lastEntry && lastEntry.hash === head.hash) {
      // The genuine last entry: a different seq means renumbering, reported above where it happened.
      if (lastEntry.seq !== head.seq && problems.length === 0)
        report(lastEntry.seq, 'out-of-order', `日志被重新编号:第${lastEntry.seq}条原是第${head.seq}条`);
    } else if (!lastEntry || lastEntry.seq < head.seq) {
      const from = (lastEntry?.seq ?? 0) + 1;
      report(from, 'gap', from < head.seq ? `日志末尾的第${from}条至第${head.seq}条缺失(已被删除)` : `日志末尾的第${from}条缺失(已被删除)`);
    } else if (lastEntry.seq > head.seq) {
      report(head.seq + 1, 'broken-link', `第${head.seq + 1}条起不是本软件追加的`);
    } else if (!problems.some((p) => p.seq === lastEntry.seq)) {
      report(lastEntry.seq, 'edited', `第${lastEntry.seq}条与日志记下的末条不符(日志被改写)`);
    }
  } else if (lastEntry) {
    report(lastEntry.seq, 'broken-link', '日志的末条标记缺失(日志被改动)');
  }
  problems.sort((a, b) => a.seq - b.seq);
  return problems.length === 0
    ? { ok: true, count: entries.length }
    : { ok: false, count: entries.length, problems };
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

function csvField(s: string): string {
  // A leading = + - @ would be read as a formula by Excel: quote it as text.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const AUDIT_CSV_HEADER = ['序号', '时间', '操作人', '操作', '对象', '关联', '内容', '前一条哈希', '哈希'] as const;

/** The whole log as CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese), for HR. */
export async function exportAudit(db: DutyBookDb): Promise<string> {
  const { entries, people } = await wrapStorageErrors('export audit log', () =>
    db.transaction('r', db.audit, db.people, async () => ({
      entries: await db.audit.orderBy('seq').toArray(),
      people: await db.people.toArray(),
    })),
  );
  const names = new Map(people.map((p) => [p.id, p.name]));
  const who = (id: string) => (id === '' ? '' : names.has(id) ? `${names.get(id)}(${id})` : id);
  const rows: string[][] = [[...AUDIT_CSV_HEADER]];
  for (const e of entries) {
    rows.push([
      String(e.seq),
      e.at,
      who(e.actor),
      AUDIT_ACTION_LABELS[e.action] ?? e.action,
      who(e.subject),
      e.ref,
      e.summary,
      e.prevHash,
      e.hash,
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
