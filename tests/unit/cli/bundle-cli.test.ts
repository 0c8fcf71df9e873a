/**
 * The bundle CLI as a user runs it: `node scripts/bundle.mjs …` in a child process, against one
 * `example` output made in beforeAll (real model path, fake-indexeddb). Checks exit codes and words.
 *
 * Each child spends two seconds or more compiling the TypeScript through Vite before it does anything,
 * and twenty of them started together took 90 s on a busy 2-core machine (once past a test's limit).
 * So the child processes, one after another, cover what only a process shows (the exit code the shell
 * sees, stdout and stderr apart, the example written end to end, help, and a usage error); the other
 * cases call the same main() in this process with its output captured.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../scripts/bundle.ts';
import { parseKeyFile } from '../../../scripts/bundle/keyfile';
import { openBundle, writeBundle } from '../../../shared/bundle/container';
import { nobleSuite } from '../../../shared/bundle/crypto';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/bundle.mjs');

type Run = { code: number; stdout: string; stderr: string };

/** `node scripts/bundle.mjs …` as a user runs it. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The CLI's main() in this process, with what it writes to stdout and stderr captured. Not concurrent. */
async function run(...args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (chunk: string | Uint8Array) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture(stdout)),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture(stderr)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(`${format(...a)}\n`)),
  ];
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

type Summary = {
  ok: boolean;
  size: number;
  factsByAuthor: Record<string, number>;
  attestations: { author: string }[];
  warnings: string[];
  [key: string]: unknown;
};
const json = (r: Run) => JSON.parse(r.stdout) as Summary;

let dir: string;
const at = (p: string) => join(dir, p);
const OFFICIAL_TO_SUPERVISOR = 'bundles/2-张伟至王建国.dutybook';
const RELAY = 'bundles/3-王建国至陈静-转报.dutybook';
const SUPERVISOR_KEY = 'keys/supervisor-王建国.key.json';
const HR_KEY = 'keys/hr-陈静.key.json';
const OTHER_OFFICIAL_KEY = 'keys/official2-李娜.key.json';
const OFFICIAL_KEY = 'keys/official1-张伟.key.json';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dutybook-cli-'));
  const r = await cli('example', '--out', dir, '--json');
  expect(r.code, r.stderr).toBe(0);
  expect(json(r).ok).toBe(true);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run bundle -- example', () => {
  it('writes key files, enrollment requests, the roster, bundles in every direction and a README', () => {
    for (const p of [OFFICIAL_TO_SUPERVISOR, RELAY, SUPERVISOR_KEY, HR_KEY, OTHER_OFFICIAL_KEY, 'roster.json', 'README.txt', 'bundles/1-名册-陈静至张伟.dutybook', 'requests/注册申请-张伟.dutyenroll']) {
      expect(existsSync(at(p)), p).toBe(true);
    }
    const readme = readFileSync(at('README.txt'), 'utf8');
    expect(readme).toContain(OFFICIAL_TO_SUPERVISOR);
    expect(readme).toContain('人事部门密钥指纹');
  });
});

describe('inspect (no key)', () => {
  it('prints version, sender, recipient with fingerprints, created, id and size', async () => {
    const r = await cli('inspect', at(OFFICIAL_TO_SUPERVISOR));
    const asJson = await run('inspect', at(OFFICIAL_TO_SUPERVISOR), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('格式版本 Format');
    expect(r.stdout).toMatch(/发件人 Sender\s+张伟\(签名密钥指纹 [0-9A-Z]{4}(-[0-9A-Z]{4}){3}\)/);
    expect(r.stdout).toMatch(/收件人 Recipient\s+王建国\(加密密钥指纹 [0-9A-Z]{4}(-[0-9A-Z]{4}){3}\)/);
    expect(r.stdout).toContain('数据包编号 Bundle id');
    const j = json(asJson);
    expect(j).toMatchObject({ ok: true, type: 'bundle', formatVersion: '1.0', hint: { sender: { name: '张伟' }, recipient: { name: '王建国' } } });
    expect(j.size).toBe(readFileSync(at(OFFICIAL_TO_SUPERVISOR)).length);
  });

  it('recognises an enrollment request and a key backup', async () => {
    const req = await run('inspect', at('requests/注册申请-张伟.dutyenroll'), '--json');
    const backup = await run('inspect', at('密钥备份-张伟.dutykey'));
    expect(req.code, req.stderr).toBe(0);
    expect(json(req)).toMatchObject({ type: 'enrollment-request', request: { personName: '张伟', unitName: '办公室' } });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('密钥备份 key backup');
  });
});

describe('verify --key', () => {
  it('accepts the official’s bundle for the supervisor and summarises it', async () => {
    const text = await run('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(SUPERVISOR_KEY));
    const r = await run('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(SUPERVISOR_KEY), '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = json(r);
    expect(j).toMatchObject({ ok: true, status: 'ready', factsByType: { 'plan.version': 1, 'record.version': 3, 'summary.version': 1 } });
    expect(j.factsByAuthor).toEqual({ 张伟: 5 });
    expect(j.roster).toMatchObject({ inside: true, version: 1, outcome: 'newer' });
    expect(text.stdout).toContain('验证通过 Verified');
  });

  it('accepts the supervisor’s relay for HR against the roster HR holds, with each author’s attestation', async () => {
    const r = await run('verify', at(RELAY), '--key', at(HR_KEY), '--roster', at('roster.json'), '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = json(r);
    expect(Object.keys(j.factsByAuthor).sort()).toEqual(['张伟', '李娜', '王建国'].sort());
    expect(j.attestations.map((a) => a.author).sort()).toEqual(['张伟', '李娜', '王建国'].sort());
    expect(j.warnings).toEqual([]);
  });

  it('rejects with exit 1 and the SyncError when the recipient holds no roster', async () => {
    const r = await run('verify', at(RELAY), '--key', at(HR_KEY));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SyncError bundle-rejected');
  });

  it('exits 4 with the wrong person’s key and names the intended recipient', async () => {
    const r = await run('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(OTHER_OFFICIAL_KEY));
    const asJson = await cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(OTHER_OFFICIAL_KEY), '--json');
    expect(asJson.code).toBe(4);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('此文件是发给 王建国 的');
    expect(r.stderr).toContain('wrong-recipient');
    expect(json(asJson)).toMatchObject({ ok: false, exitCode: 4, error: { kind: 'wrong-recipient', intendedRecipient: '王建国' } });
  });

  it('exits 1 on a flipped byte, with the BundleError kind and the Chinese reason', async () => {
    const bytes = readFileSync(at(OFFICIAL_TO_SUPERVISOR));
    bytes[bytes.length - 40]! ^= 0x01;
    const flipped = at('flipped.dutybook');
    writeFileSync(flipped, bytes);
    const r = await run('verify', flipped, '--key', at(SUPERVISOR_KEY));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BundleError corrupt');
    expect(r.stderr).toContain('数据包已损坏');
    expect(r.stderr).toContain('本次没有导入任何内容');
  });
});

describe('entry types (docs/bundle-format.md §10, §17)', () => {
  /** The official's bundle to the supervisor, re-signed by the official with `extra` entries added. */
  async function rewritten(extra: { type: string; bytes: Uint8Array }[]): Promise<string> {
    const official = await parseKeyFile(nobleSuite, readFileSync(at(OFFICIAL_KEY)));
    const supervisor = await parseKeyFile(nobleSuite, readFileSync(at(SUPERVISOR_KEY)));
    const opened = await openBundle(readFileSync(at(OFFICIAL_TO_SUPERVISOR)), {
      suite: nobleSuite,
      recipientEncryptionKey: supervisor.keys.encryption.seed,
      recipientEncryptionPub: supervisor.keys.encryption.pub,
    });
    const bytes = await writeBundle({
      suite: nobleSuite,
      sender: { signingKey: official.keys.signing.seed, signingPub: official.keys.signing.pub, name: opened.manifest.senderName },
      recipient: { encryptionPub: supervisor.keys.encryption.pub, name: opened.manifest.recipientName },
      entries: [...opened.entries.map((e) => ({ type: e.type, bytes: e.bytes })), ...extra],
      acks: opened.manifest.acks,
      sequence: opened.manifest.sequence,
    });
    const path = at(`entry-types-${extra.map((e) => e.type).join('-') || 'none'}.dutybook`);
    writeFileSync(path, bytes);
    return path;
  }

  it('verifies a bundle of the documented types, and refuses the whole bundle for one entry of another type (exit 1, 请升级软件)', async () => {
    const plain = await run('verify', await rewritten([]), '--key', at(SUPERVISOR_KEY), '--json');
    expect(plain.code, plain.stdout + plain.stderr).toBe(0);
    expect(Object.keys(json(plain).entries as Record<string, number>).sort()).toEqual(['attestation', 'fact', 'roster']);

    const path = await rewritten([{ type: 'x-future', bytes: new TextEncoder().encode('{}') }]);
    const r = await run('verify', path, '--key', at(SUPERVISOR_KEY));
    const j = await run('verify', path, '--key', at(SUPERVISOR_KEY), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SyncError bundle-rejected');
    expect(r.stderr).toContain('内容类型“x-future”');
    expect(r.stderr).toContain('请升级软件');
    expect(json(j)).toMatchObject({ ok: false, exitCode: 1, error: { class: 'SyncError', kind: 'bundle-rejected' } });
  });
});

describe('exit codes for files and arguments', () => {
  it('exits 3 for a missing bundle or key file', async () => {
    const missing = await run('verify', at('nope.dutybook'), '--key', at(SUPERVISOR_KEY));
    const inspectMissing = await run('inspect', at('nope.dutybook'));
    const keyMissing = await run('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at('nope.key.json'));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('文件不存在');
    expect(inspectMissing.code).toBe(3);
    expect(keyMissing.code).toBe(3);
  });

  it('exits 2 on bad arguments', async () => {
    // No arguments at all, in a child: the usage goes to stderr and the shell sees 2.
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('退出码 Exit codes');
    const cases = [['frobnicate'], ['verify', at(OFFICIAL_TO_SUPERVISOR)], ['inspect', 'a', 'b'], ['example', '--bogus']];
    for (const args of cases) expect((await run(...args)).code, args.join(' ')).toBe(2);
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('退出码 Exit codes');
  });
});
