/**
 * The bundle command line, for clerks' helpdesks, testers and independent implementers:
 *
 *   npm run bundle -- inspect FILE [--json]
 *   npm run bundle -- verify FILE --key KEYFILE [--roster FILE] [--confirm-hr FINGERPRINT] [--json]
 *   npm run bundle -- example --out DIR [--json]
 *
 * Run through scripts/bundle.mjs, which loads this file with Vite's module runner (Node 20 cannot
 * run TypeScript by itself). Exit codes: see HELP and EXIT (scripts/bundle/report.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { detectSuite } from '../shared/bundle/crypto';
import { describeError, formatSize } from '../shared/errors/messages.zh';
import { fileTooLarge, FILE_LIMITS, HEAD_BYTES, kindOfHead } from '../shared/host/file-limits';
import { MAX_ROSTER_BYTES } from '../shared/sync';
import { buildExample } from './bundle/example';
import { inspect } from './bundle/inspect';
import { KeyFileError, parseKeyFile } from './bundle/keyfile';
import { CliFailure, EXIT, asFailure, bundleFailure, flush, newOut, type ExitCode } from './bundle/report';
import { parseFrame } from '../shared/bundle/header';
import { BundleError, isBundleError } from '../shared/errors/bundle-errors';

/** The BundleError a file's first bytes earn when they are not a bundle's. */
function notABundle(head: Uint8Array): BundleError {
  try {
    parseFrame(head);
  } catch (e) {
    if (isBundleError(e)) return e;
    throw e;
  }
  return new BundleError('not-a-bundle', 'not a DutyBook bundle', { reason: 'magic' });
}
import { verify } from './bundle/verify';

export const HELP = `履责记实数据包工具 DutyBook bundle tool

用法 Usage:
  npm run bundle -- inspect FILE [--json]
      无需密钥:说明文件是什么(数据包、注册申请、密钥备份、密钥文件、人员名册),
      数据包则显示格式版本、发件人、收件人(姓名和指纹)、创建时间、编号、大小。
      No key needed: what the file is; for a bundle its version, sender, recipient, created, id, size.
  npm run bundle -- verify FILE --key KEYFILE [--roster FILE] [--confirm-hr FINGERPRINT] [--json]
      用收件人的密钥完整验证(解密、清单签名、条目、作者签名、名册与权限),并汇总内容;不导入任何内容。
      Full verification with the recipient's key file, and a summary of the contents. Imports nothing.
      --roster FILE        收件人已持有的人员名册(roster.json 或携带名册的数据包)
                           the roster the recipient already holds, when the bundle carries none
      --confirm-hr FP      密钥文件未指定人事密钥时:核对书面通知上的指纹后信任名册中的人事密钥
                           trust on first use: pin the roster's HR key if its fingerprint is FP
  npm run bundle -- example --out DIR [--json]
      生成示例单位(人事 1 人、主管领导 1 人、公务员 2 人)的密钥文件、注册申请、名册和数据包,
      以及说明 README.txt。A small example organisation, its key files and bundles.

选项 Options:
  --json    机器可读输出 machine-readable output (stdout)
  --help    本说明 this help

退出码 Exit codes:
  0  成功 ok(验证通过 verified / 已显示 shown / 已生成 written)
  1  验证失败 verification failed:数据包被拒绝,显示 BundleError/SyncError 类别和中文原因;
     或文件超过其类型的大小上限,未读取 or the file exceeds its kind's size cap (FileTooLarge), not read
  2  用法错误 usage error
  3  文件无法读取或不存在 file unreadable or not found(含无效的密钥文件 / 名册文件)
  4  密钥不符 wrong key:数据包不是发给此密钥的,显示应发给谁
`;

type Args = { command?: string; positional: string[]; options: Map<string, string | true> };

const VALUE_OPTIONS = new Set(['--key', '--out', '--roster', '--confirm-hr']);
const FLAG_OPTIONS = new Set(['--json', '--help', '-h']);
const ALLOWED: Record<string, { positional: number; options: string[]; required: string[] }> = {
  inspect: { positional: 1, options: ['--json'], required: [] },
  verify: { positional: 1, options: ['--json', '--key', '--roster', '--confirm-hr'], required: ['--key'] },
  example: { positional: 0, options: ['--json', '--out'], required: ['--out'] },
};

function usage(message: string): CliFailure {
  return new CliFailure(EXIT.usage, `用法错误 usage error: ${message}\n运行 npm run bundle -- --help 查看用法。`, {
    ok: false,
    error: { class: 'Usage', message },
  });
}

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { positional: [], options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw usage(`${a} 需要一个值 needs a value`);
      args.options.set(a, v);
      i++;
    } else if (FLAG_OPTIONS.has(a)) args.options.set(a === '-h' ? '--help' : a, true);
    else if (a.startsWith('-')) throw usage(`未知选项 unknown option ${a}`);
    else if (args.command === undefined) args.command = a;
    else args.positional.push(a);
  }
  return args;
}

/** What the command line reads, by the first bytes: the app's kinds it knows, or JSON (key files, rosters). */
type InputKind = 'bundle' | 'enrollment' | 'key-backup' | 'json';
/** Key files and signed rosters: no larger than a roster may be. */
const JSON_MAX_BYTES = MAX_ROSTER_BYTES;

export type Input = {
  /** The whole file; only its first bytes when they are no kind the command line reads (its reader refuses them). */
  bytes: Uint8Array;
  /** The file's size on disk. */
  size: number;
  kind: InputKind | null;
};

function kindOf(head: Uint8Array): InputKind | null {
  const kind = kindOfHead(head);
  if (kind === 'bundle' || kind === 'enrollment' || kind === 'key-backup') return kind;
  if (kind === null && /^\s*\{/.test(new TextDecoder().decode(head.subarray(0, 64)))) return 'json';
  return null;
}

/** Fills `into` from the file at `position` on; the number of bytes read. */
function readInto(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * A file named on the command line, read as the app reads a picked one (shared/host/file-limits.ts):
 * its first bytes first, which say its kind; then its size against that kind's cap, before the rest is
 * read; only then the rest. A file whose first bytes are no kind it reads is not read past them.
 */
export function readInput(path: string, what: string): Input {
  const full = resolve(path);
  let fd: number | undefined;
  try {
    fd = openSync(full, 'r');
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    const head = new Uint8Array(Math.min(info.size, HEAD_BYTES));
    const headRead = readInto(fd, head, 0);
    const kind = kindOf(head.subarray(0, headRead));
    const size = fstatSync(fd).size;
    if (kind === null) return { bytes: head.slice(0, headRead), size, kind };
    const cap = kind === 'json' ? JSON_MAX_BYTES : FILE_LIMITS[kind].maxBytes;
    if (size > cap) throw tooLargeFailure(path, kind, size, cap);
    const bytes = new Uint8Array(size);
    bytes.set(head.subarray(0, headRead));
    const read = headRead + readInto(fd, bytes.subarray(headRead), headRead);
    return { bytes: read === size ? bytes : bytes.slice(0, read), size, kind };
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    const code = (e as { code?: string }).code ?? (e instanceof Error ? e.message : '');
    const why = code === 'ENOENT' ? '文件不存在 not found' : code === 'EACCES' ? '没有读取权限 permission denied' : code === 'EISDIR' ? '这是一个文件夹 is a directory' : `无法读取 unreadable (${code})`;
    throw new CliFailure(EXIT.unreadable, `无法读取${what} ${path}:${why}`, { ok: false, error: { class: 'FileUnreadable', path, code } });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLargeFailure(path: string, kind: InputKind, size: number, limit: number): CliFailure {
  const words =
    kind === 'json'
      ? `所选文件“${basename(path)}”有 ${formatSize(size)},超过密钥文件和人员名册的上限 ${formatSize(limit)},未读取。请确认文件是否选对。`
      : describeError(fileTooLarge(kind, basename(path), size)).detail;
  return new CliFailure(EXIT.rejected, `文件过大,未读取 file too large, not read: ${words}`, {
    ok: false,
    file: path,
    size,
    error: { class: 'FileTooLarge', kind, size, limit, message: words },
  });
}

async function run(args: Args, json: boolean): Promise<ExitCode> {
  const out = newOut(json);
  const command = args.command;
  const spec = command !== undefined ? ALLOWED[command] : undefined;
  if (!spec) throw usage(command === undefined ? '缺少命令 missing command (inspect | verify | example)' : `未知命令 unknown command ${command}`);
  for (const o of args.options.keys()) if (!spec.options.includes(o)) throw usage(`${command} 不接受 ${o}`);
  for (const o of spec.required) if (!args.options.has(o)) throw usage(`${command} 需要 ${o} requires ${o}`);
  if (args.positional.length !== spec.positional) {
    throw usage(spec.positional === 1 ? `${command} 需要且只需要一个文件 FILE` : `${command} 不接受文件参数`);
  }
  const suite = await detectSuite();
  out.data.command = command;
  try {
    if (command === 'inspect') {
      const path = args.positional[0]!;
      const input = readInput(path, '文件');
      await inspect(suite, path, input.bytes, out, input.size);
    } else if (command === 'verify') {
      const path = args.positional[0]!;
      const input = readInput(path, '数据包');
      if (input.kind !== 'bundle') {
        // Not a bundle by its first bytes: the container's own verdict on them, the rest unread.
        throw bundleFailure(notABundle(input.bytes), { file: path, size: input.size });
      }
      const bytes = input.bytes;
      const keyPath = args.options.get('--key') as string;
      let key;
      try {
        key = await parseKeyFile(suite, readInput(keyPath, '密钥文件').bytes);
      } catch (e) {
        if (e instanceof KeyFileError) {
          throw new CliFailure(EXIT.unreadable, `无法使用密钥文件 ${keyPath}:${e.message}`, { ok: false, error: { class: 'KeyFile', message: e.message } });
        }
        throw e;
      }
      const rosterPath = args.options.get('--roster') as string | undefined;
      const confirmHr = args.options.get('--confirm-hr') as string | undefined;
      await verify(
        suite,
        {
          path,
          bytes,
          key,
          ...(rosterPath ? { roster: { path: rosterPath, bytes: readInput(rosterPath, '名册文件').bytes } } : {}),
          ...(confirmHr ? { confirmHr } : {}),
        },
        out,
      );
    } else {
      const result = await buildExample(suite, args.options.get('--out') as string);
      out.data.ok = true;
      out.data.dir = result.dir;
      out.data.hrFingerprint = result.hrFingerprint;
      out.data.files = result.files;
      out.lines.push(`示例已生成 example written to ${result.dir}`, `人事部门密钥指纹 HR key fingerprint: ${result.hrFingerprint}`, '');
      for (const f of result.files) out.lines.push(`  ${f.path}`, `      ${f.description}`);
      out.lines.push('', `说明见 see ${resolve(result.dir, 'README.txt')}`);
    }
  } catch (e) {
    const failure = asFailure(e);
    if (!failure) throw e;
    // Whatever was found before the failure still helps (e.g. the hint of a damaged bundle).
    if (!json && out.lines.length) process.stdout.write(`${out.lines.join('\n')}\n\n`);
    throw failure;
  }
  flush(out);
  return EXIT.ok;
}

export async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv);
    if (args.options.has('--help') || (args.command === undefined && argv.length === 0)) {
      if (argv.length === 0) {
        process.stderr.write(HELP);
        return EXIT.usage;
      }
      process.stdout.write(HELP);
      return EXIT.ok;
    }
    return await run(args, json);
  } catch (e) {
    const failure = asFailure(e);
    if (!failure) {
      console.error(`内部错误 internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return 70;
    }
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, exitCode: failure.code, ...failure.json }, null, 2)}\n`);
    else console.error(failure.message);
    return failure.code;
  }
}
