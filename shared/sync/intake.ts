/**
 * 接收数据包 in bulk: a folder (or a pile) of files, each one read, verified and — when it is a bundle
 * for this device that passes every check — applied in its own transaction, so one bad file changes
 * nothing and the others still go in. Files that are not bundles are skipped with a reason; bundles
 * that are refused say why, in Chinese. The caller gets progress after every file and may cancel
 * between files; the window stays responsive because control returns to the event loop between files,
 * behind any frame that is due (`yieldBehindFrames`).
 */
import { cleanLine, csvCell } from '../domain/text';
import { describeError, formatSize } from '../errors/messages.zh';
import { FILE_LIMITS } from '../host/file-limits';
import type { DutyBookDb } from '../store/db';
import { readBundleHint } from '../bundle/container';
import { fingerprint, type CryptoSuite } from '../bundle/crypto';
import { isBundleError } from '../errors/bundle-errors';
import { MAGIC } from '../bundle/format';
import { applyImport } from './apply';
import { loadImportContext, readBundle } from './bundle';
import type { DeviceKeys } from '../ledger/identity';
import type { ImportContext, ImportPlan } from './import';

/** Why the host did not read a file of a folder (see the host contract's openFiles `skipped`). */
export type HostSkip = 'too-large' | 'other-kind' | 'link' | 'unreadable' | 'limit';

export type IntakeFile = { name: string; data: Uint8Array; skipped?: HostSkip | undefined };

export type IntakeOutcome =
  | { kind: 'imported'; facts: number; rosterVersion: number | null; from: string }
  | { kind: 'already'; from: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'refused'; reason: string; from?: string; trustNeeded?: { hrKey: string; fingerprint: string } }
  | { kind: 'cancelled' };

export type IntakeEntry = { name: string; outcome: IntakeOutcome };

export type IntakeTotals = {
  files: number;
  imported: number;
  facts: number;
  already: number;
  skipped: number;
  refused: number;
  cancelled: number;
};

export type IntakeReport = { entries: IntakeEntry[]; totals: IntakeTotals };

export type IntakeProgress = { index: number; total: number; name: string; facts: number; imported: number };

export type IntakeOptions = {
  suite: CryptoSuite;
  keys: DeviceKeys;
  /** Called before each file (index 0-based) and once at the end (index = total). */
  onProgress?: (p: IntakeProgress) => void;
  /** Called once an entry's outcome is known. */
  onEntry?: (entry: IntakeEntry, index: number) => void;
  /** Stops between files; the rest are reported as not processed. */
  signal?: AbortSignal;
  /** Gives the event loop a turn between files (default: `yieldBehindFrames`). */
  yieldToUi?: () => Promise<void>;
  now?: Date;
  /**
   * The device's identity, roster and pinned key for planning each file (default: read per file).
   * `importBatch` reads them once and again only after a file brought a newer roster.
   */
  importContext?: () => Promise<ImportContext>;
};

const HOST_SKIPS: Readonly<Record<HostSkip, string>> = {
  'too-large': `文件超过数据包的上限 ${formatSize(FILE_LIMITS.bundle.maxBytes)},不是数据包,未读取`,
  'other-kind': '不是数据包',
  link: '快捷方式或链接,出于安全考虑未读取',
  unreadable: '文件无法读取',
  limit: '文件夹中文件过多,超出一次可接收的数量,未读取',
};

const KNOWN_KINDS: Readonly<Record<string, string>> = {
  docx: 'Word 文档',
  doc: 'Word 文档',
  xlsx: 'Excel 表格',
  xls: 'Excel 表格',
  pdf: 'PDF 文件',
  jpg: '图片',
  jpeg: '图片',
  png: '图片',
  gif: '图片',
  txt: '文本文件',
  zip: '压缩包',
  rar: '压缩包',
  dutyenroll: '注册申请文件(请在“单位和人员”中接收)',
  dutykey: '密钥备份文件',
};

/** "不是数据包(Word 文档)". */
function notABundle(name: string): string {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const kind = KNOWN_KINDS[ext];
  return kind ? `不是数据包(${kind})` : '不是数据包';
}

function startsWithMagic(data: Uint8Array): boolean {
  if (data.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (data[i] !== MAGIC[i]) return false;
  return true;
}

function errorReason(e: unknown): string {
  const d = describeError(e);
  return d.detail ? `${d.title}:${d.detail}` : d.title;
}

function refusedOf(plan: ImportPlan): IntakeOutcome {
  const from = plan.sender.name;
  if (plan.trustNeeded) {
    return {
      kind: 'refused',
      from,
      reason: '数据包带来的人员名册使用本机尚未确认的人事部门密钥;请先在“同步”页核对指纹并确认',
      trustNeeded: plan.trustNeeded,
    };
  }
  const reasons = plan.rejected.map((r) => `${r.what}:${r.reason}`);
  const shown = reasons.slice(0, 5).join(';') + (reasons.length > 5 ? `;等共${reasons.length}项` : '');
  return { kind: 'refused', from, reason: shown || '数据包未通过校验' };
}

/** One file, start to end: never throws; the outcome says what happened. */
export async function intakeOne(
  db: DutyBookDb,
  file: IntakeFile,
  options: IntakeOptions,
): Promise<IntakeOutcome> {
  if (file.skipped) {
    if (file.skipped === 'other-kind') return { kind: 'skipped', reason: notABundle(file.name) };
    return file.skipped === 'too-large' || file.skipped === 'limit'
      ? { kind: 'skipped', reason: HOST_SKIPS[file.skipped] }
      : { kind: 'refused', reason: HOST_SKIPS[file.skipped] };
  }
  if (!startsWithMagic(file.data)) return { kind: 'skipped', reason: notABundle(file.name) };
  let hint;
  try {
    hint = readBundleHint(file.data).hint;
  } catch (e) {
    if (isBundleError(e) && e.kind === 'not-a-bundle')
      return { kind: 'skipped', reason: notABundle(file.name) };
    return { kind: 'refused', reason: errorReason(e) };
  }
  // The readable hint is unchecked: its names are shown without characters that hide or reorder text.
  const from = cleanLine(hint.sender.name);
  if (hint.recipient.fingerprint !== fingerprint(options.keys.encryption.pub)) {
    return {
      kind: 'refused',
      from,
      reason: `这是发给“${cleanLine(hint.recipient.name)}”的数据包,不是发给本机的`,
    };
  }
  let plan: ImportPlan;
  try {
    const context = await options.importContext?.();
    plan = await readBundle(db, file.data, {
      suite: options.suite,
      keys: options.keys,
      ...(context ? { context } : {}),
    });
  } catch (e) {
    if (isBundleError(e) && e.kind === 'wrong-recipient') {
      const to = typeof e.details.intendedRecipient === 'string' ? e.details.intendedRecipient : '其他人';
      return { kind: 'refused', from, reason: `这是发给“${to}”的数据包,不是发给本机的` };
    }
    return { kind: 'refused', from, reason: errorReason(e) };
  }
  if (plan.status === 'already-imported') return { kind: 'already', from };
  if (plan.status === 'rejected') return refusedOf(plan);
  try {
    const r = await applyImport(db, plan, options.now ? { now: options.now } : {});
    if (r.status === 'already-imported') return { kind: 'already', from };
    return { kind: 'imported', facts: r.facts, rosterVersion: r.rosterVersion, from };
  } catch (e) {
    return { kind: 'refused', from, reason: errorReason(e) };
  }
}

/** `scheduler.postTask` where the platform has it (Chromium, Electron), typed here: not in every DOM library. */
type PostTask = (callback: () => void, options: { priority: 'background' }) => Promise<void>;

/**
 * A turn of the event loop behind any frame that is due: a background-priority task where the
 * platform has `scheduler.postTask` (a frame the page owes is drawn before the next file starts),
 * else a zero timeout, which a due frame can lose to. Measured with the bench's intake at 20,000
 * people (5,000 files, 5 runs): runs with a frame gap over 50 ms two of five, against three of five
 * with the zero timeout; median longest gap 50.0 ms against 50.1 (docs/performance.md).
 */
export function yieldBehindFrames(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask === 'function')
    return scheduler.postTask(() => {}, { priority: 'background' });
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

export function totalsOf(entries: readonly IntakeEntry[]): IntakeTotals {
  const t: IntakeTotals = {
    files: entries.length,
    imported: 0,
    facts: 0,
    already: 0,
    skipped: 0,
    refused: 0,
    cancelled: 0,
  };
  for (const { outcome: o } of entries) {
    if (o.kind === 'imported') {
      t.imported += 1;
      t.facts += o.facts;
    } else if (o.kind === 'already') t.already += 1;
    else if (o.kind === 'skipped') t.skipped += 1;
    else if (o.kind === 'refused') t.refused += 1;
    else t.cancelled += 1;
  }
  return t;
}

/**
 * Imports every file in turn, each in its own transaction. Bundles refused by the roster check are
 * tried once more at the end when something was imported meanwhile (a newer roster in one file can
 * make another acceptable).
 */
export async function importBatch(
  db: DutyBookDb,
  files: readonly IntakeFile[],
  options: IntakeOptions,
): Promise<IntakeReport> {
  const pause = options.yieldToUi ?? yieldBehindFrames;
  // Read once, not per file: an organisation's roster is megabytes, and thousands of files arrive.
  let context: Promise<ImportContext> | null = null;
  const batchOptions: IntakeOptions = {
    ...options,
    importContext: () => (context ??= loadImportContext(db, options.suite)),
  };
  const noteOutcome = (outcome: IntakeOutcome) => {
    if (outcome.kind === 'imported' && outcome.rosterVersion !== null) context = null;
  };
  const entries: IntakeEntry[] = files.map((f) => ({ name: f.name, outcome: { kind: 'cancelled' } }));
  let facts = 0;
  let imported = 0;
  const retry: number[] = [];
  for (let i = 0; i < files.length; i++) {
    if (options.signal?.aborted) break;
    const file = files[i]!;
    options.onProgress?.({ index: i, total: files.length, name: file.name, facts, imported });
    await pause();
    const outcome = await intakeOne(db, file, batchOptions);
    noteOutcome(outcome);
    if (outcome.kind === 'imported') {
      facts += outcome.facts;
      imported += 1;
    }
    if (outcome.kind === 'refused' && outcome.from !== undefined && !outcome.trustNeeded) retry.push(i);
    const entry = { name: file.name, outcome };
    entries[i] = entry;
    options.onEntry?.(entry, i);
  }
  if (imported > 0 && !options.signal?.aborted) {
    for (const i of retry) {
      if (options.signal?.aborted) break;
      await pause();
      const outcome = await intakeOne(db, files[i]!, batchOptions);
      noteOutcome(outcome);
      if (outcome.kind === 'imported' || outcome.kind === 'already') {
        if (outcome.kind === 'imported') facts += outcome.facts;
        const entry = { name: files[i]!.name, outcome };
        entries[i] = entry;
        options.onEntry?.(entry, i);
      }
    }
  }
  options.onProgress?.({ index: files.length, total: files.length, name: '', facts, imported });
  return { entries, totals: totalsOf(entries) };
}

// ---- The report, as people keep it ----

export function outcomeText(o: IntakeOutcome): string {
  switch (o.kind) {
    case 'imported':
      return `已导入 ${o.facts} 条${o.rosterVersion !== null ? `(人员名册更新为第${o.rosterVersion}版)` : ''}`;
    case 'already':
      return '已导入过';
    case 'skipped':
      return `跳过:${o.reason}`;
    case 'refused':
      return `拒绝:${o.reason}`;
    case 'cancelled':
      return '未处理(已取消)';
  }
}

export function totalsText(t: IntakeTotals): string {
  return (
    `共 ${t.files} 个文件:已导入 ${t.imported} 个(${t.facts} 条记录),已导入过 ${t.already} 个,` +
    `跳过 ${t.skipped} 个,拒绝 ${t.refused} 个` +
    (t.cancelled > 0 ? `,未处理 ${t.cancelled} 个` : '')
  );
}

/** Plain text: one line per file, the totals last. */
export function reportText(report: IntakeReport, heading = '接收数据包报告'): string {
  const lines = report.entries.map((e) => {
    const from = 'from' in e.outcome && e.outcome.from ? `(发送方:${e.outcome.from})` : '';
    return `${e.name}\t${outcomeText(e.outcome)}${from}`;
  });
  return [heading, ...lines, '', totalsText(report.totals), ''].join('\n');
}

const CSV_KINDS: Readonly<Record<IntakeOutcome['kind'], string>> = {
  imported: '已导入',
  already: '已导入过',
  skipped: '跳过',
  refused: '拒绝',
  cancelled: '未处理',
};

/** CSV with a byte-order mark, so Excel opens the Chinese correctly. */
export function reportCsv(report: IntakeReport): string {
  const rows = [['文件名', '结果', '记录条数', '发送方', '说明']];
  for (const e of report.entries) {
    const o = e.outcome;
    rows.push([
      e.name,
      CSV_KINDS[o.kind],
      o.kind === 'imported' ? String(o.facts) : '',
      'from' in o && o.from ? o.from : '',
      o.kind === 'skipped' || o.kind === 'refused'
        ? o.reason
        : o.kind === 'imported' && o.rosterVersion !== null
          ? `人员名册更新为第${o.rosterVersion}版`
          : '',
    ]);
  }
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
