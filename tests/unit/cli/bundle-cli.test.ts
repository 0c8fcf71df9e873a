/**
 * The bundle CLI as a user runs it: `node scripts/bundle.mjs …` in a child process, against one
 * `example` output made in beforeAll (real model path, fake-indexeddb). Checks exit codes and words.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/bundle.mjs');

type Run = { code: number; stdout: string; stderr: string };

function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
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
    const [r, asJson] = await Promise.all([cli('inspect', at(OFFICIAL_TO_SUPERVISOR)), cli('inspect', at(OFFICIAL_TO_SUPERVISOR), '--json')]);
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
    const [req, backup] = await Promise.all([
      cli('inspect', at('requests/注册申请-张伟.dutyenroll'), '--json'),
      cli('inspect', at('密钥备份-张伟.dutykey')),
    ]);
    expect(req.code, req.stderr).toBe(0);
    expect(json(req)).toMatchObject({ type: 'enrollment-request', request: { personName: '张伟', unitName: '办公室' } });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('密钥备份 key backup');
  });
});

describe('verify --key', () => {
  it('accepts the official’s bundle for the supervisor and summarises it', async () => {
    const text = cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(SUPERVISOR_KEY));
    const r = await cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(SUPERVISOR_KEY), '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = json(r);
    expect(j).toMatchObject({ ok: true, status: 'ready', factsByType: { 'plan.version': 1, 'record.version': 3, 'summary.version': 1 } });
    expect(j.factsByAuthor).toEqual({ 张伟: 5 });
    expect(j.roster).toMatchObject({ inside: true, version: 1, outcome: 'newer' });
    expect((await text).stdout).toContain('验证通过 Verified');
  });

  it('accepts the supervisor’s relay for HR against the roster HR holds, with each author’s attestation', async () => {
    const r = await cli('verify', at(RELAY), '--key', at(HR_KEY), '--roster', at('roster.json'), '--json');
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const j = json(r);
    expect(Object.keys(j.factsByAuthor).sort()).toEqual(['张伟', '李娜', '王建国'].sort());
    expect(j.attestations.map((a) => a.author).sort()).toEqual(['张伟', '李娜', '王建国'].sort());
    expect(j.warnings).toEqual([]);
  });

  it('rejects with exit 1 and the SyncError when the recipient holds no roster', async () => {
    const r = await cli('verify', at(RELAY), '--key', at(HR_KEY));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SyncError bundle-rejected');
  });

  it('exits 4 with the wrong person’s key and names the intended recipient', async () => {
    const [r, asJson] = await Promise.all([
      cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(OTHER_OFFICIAL_KEY)),
      cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at(OTHER_OFFICIAL_KEY), '--json'),
    ]);
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
    const r = await cli('verify', flipped, '--key', at(SUPERVISOR_KEY));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('BundleError corrupt');
    expect(r.stderr).toContain('数据包已损坏');
    expect(r.stderr).toContain('本次没有导入任何内容');
  });
});

describe('exit codes for files and arguments', () => {
  it('exits 3 for a missing bundle or key file', async () => {
    const [missing, inspectMissing, keyMissing] = await Promise.all([
      cli('verify', at('nope.dutybook'), '--key', at(SUPERVISOR_KEY)),
      cli('inspect', at('nope.dutybook')),
      cli('verify', at(OFFICIAL_TO_SUPERVISOR), '--key', at('nope.key.json')),
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('文件不存在');
    expect(inspectMissing.code).toBe(3);
    expect(keyMissing.code).toBe(3);
  });

  it('exits 2 on bad arguments', async () => {
    const cases = [[], ['frobnicate'], ['verify', at(OFFICIAL_TO_SUPERVISOR)], ['inspect', 'a', 'b'], ['example', '--bogus']];
    const runs = await Promise.all(cases.map((args) => cli(...args)));
    runs.forEach((r, i) => expect(r.code, cases[i]!.join(' ')).toBe(2));
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('退出码 Exit codes');
  });
});
