/**
 * The audit trail's entries and their hash chain, apart from the database: what an entry holds, how it is
 * hashed, and how a chain read back is verified. audit.ts appends and reads them inside the database's
 * transactions; db.ts needs only the entry's type, so it imports this file and not audit.ts.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { utf8 } from '../bundle/bytes';
import { canonicalJson } from '../bundle/canonical-json';

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
  'document',
  'print',
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
  document: '导出文件',
  print: '打印',
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
export type AuditHead = { seq: number; hash: string };

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
