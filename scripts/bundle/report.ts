/** Exit codes, printing and error words shared by the bundle CLI's commands. */
import { describeBundleError } from '../../shared/errors/bundle-errors.zh';
import type { BundleError} from '../../shared/errors/bundle-errors';
import { isBundleError } from '../../shared/errors/bundle-errors';
import { SyncError } from '../../shared/ledger/errors';

/** Documented in `--help`, docs/sync.md and docs/bundle-format.md. */
export const EXIT = {
  ok: 0,
  /** The file was read but refused: a BundleError (other than wrong-recipient) or a rejected import plan. */
  rejected: 1,
  usage: 2,
  /** A file named on the command line cannot be read (missing, a directory, no permission) or is no key file. */
  unreadable: 3,
  /** The bundle is for another recipient's key; the output says for whom. */
  wrongKey: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliFailure extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
    readonly json: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export type Out = { json: boolean; lines: string[]; data: Record<string, unknown> };

export function newOut(json: boolean): Out {
  return { json, lines: [], data: {} };
}

/** `label` is "中文 English"; values are aligned after it. */
export function line(out: Out, label: string, value: string | number): void {
  out.lines.push(`${label}${' '.repeat(Math.max(2, 28 - displayWidth(label)))}${value}`);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

export function flush(out: Out): void {
  if (out.json) process.stdout.write(`${JSON.stringify(out.data, null, 2)}\n`);
  else if (out.lines.length) process.stdout.write(`${out.lines.join('\n')}\n`);
}

/** The failure for a BundleError: exit 4 for another recipient, 1 otherwise, with the Chinese words. */
export function bundleFailure(e: BundleError, extra: Record<string, unknown> = {}): CliFailure {
  const zh = describeBundleError(e);
  const wrong = e.kind === 'wrong-recipient';
  const who = wrong && e.details.intendedRecipient ? `${e.details.intendedRecipient}(密钥指纹 ${e.details.intendedFingerprint ?? '?'})` : '';
  const message = [
    `${wrong ? '密钥不符 wrong key' : '验证失败 rejected'}: ${zh.title}`,
    `  错误类别 kind: BundleError ${e.kind}${e.details.reason ? ` (${e.details.reason})` : ''}`,
    ...(who ? [`  应由 intended for: ${who}`] : []),
    `  原因 reason: ${zh.detail}`,
    `  详细 detail: ${e.message}`,
  ].join('\n');
  return new CliFailure(wrong ? EXIT.wrongKey : EXIT.rejected, message, {
    ok: false,
    error: {
      class: 'BundleError',
      kind: e.kind,
      reason: e.details.reason ?? null,
      title: zh.title,
      detail: zh.detail,
      message: e.message,
      ...(wrong ? { intendedRecipient: e.details.intendedRecipient ?? null, intendedFingerprint: e.details.intendedFingerprint ?? null } : {}),
    },
    ...extra,
  });
}

export function syncFailure(e: SyncError, code: ExitCode = EXIT.rejected): CliFailure {
  return new CliFailure(code, `验证失败 rejected: SyncError ${e.kind}\n  原因 reason: ${e.reason}`, {
    ok: false,
    error: { class: 'SyncError', kind: e.kind, reason: e.reason },
  });
}

export function asFailure(e: unknown): CliFailure | undefined {
  if (e instanceof CliFailure) return e;
  if (isBundleError(e)) return bundleFailure(e);
  if (e instanceof SyncError) return syncFailure(e);
  return undefined;
}
