/**
 * Finding 9 of issue 20, on the command line: `inspect` and `verify` read a file's first bytes
 * first, then check its size against its kind's cap (shared/host/file-limits.ts), and only then read
 * the rest. A 1 GB file of zeros used to be read whole (2.3 GB of memory) before its first 8 bytes
 * refused it. The peak memory of the child process is measured (GNU time's maximum resident set) and
 * compared with the same command on a tiny file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_MAGIC } from '../../../shared/host/file-limits';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/bundle.mjs');
const TIME = '/usr/bin/time';
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

type Run = { code: number; stdout: string; stderr: string; maxRssKiB: number };

/** `node scripts/bundle.mjs …` under GNU time, which prints the peak memory on its last stderr line. */
function measured(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TIME, ['-f', 'maxrss=%M', process.execPath, SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const rss = /maxrss=(\d+)\s*$/.exec(stderr);
      done({ code, stdout, stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?maxrss=\d+\s*$/, ''), maxRssKiB: rss ? Number(rss[1]) : NaN });
    });
  });
}

let dir: string;
/** A sparse file: `head`, then a hole up to `size` (no disk used; reading it would allocate it). */
function sparse(name: string, head: Uint8Array, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return path;
}

let baseline: Run;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dutybook-cli-bounds-'));
  baseline = await measured('inspect', sparse('tiny.bin', new Uint8Array(8), 8));
}, 200_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(TIME))('the bundle CLI reads the first bytes first', () => {
  it('inspect of 1 GB of zeros: refused from its first bytes, peak memory as for a tiny file', async () => {
    expect(baseline.code).toBe(1);
    const r = await measured('inspect', sparse('zeros.dutybook', new Uint8Array(0), GiB), '--json');
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { size: number; error: { kind: string } };
    expect(out.size).toBe(GiB);
    expect(out.error.kind).toBe('not-a-bundle');
    // Measured: the same ~260 MB either way (Vite's module runner); 2.3 GB before.
    expect(r.maxRssKiB - baseline.maxRssKiB).toBeLessThan((64 * MiB) / 1024);
  }, 200_000);

  it('inspect and verify of a 1 GB file that starts as a bundle: refused from its size, not read', async () => {
    const path = sparse('big.dutybook', Uint8Array.of(...BUNDLE_MAGIC, 1, 0), GiB);
    const r = await measured('inspect', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('所选文件“big.dutybook”有 1.0 GB,超过数据包的上限 256 MB,不是履责记实的数据包。请确认选对了 U 盘中的文件。');
    expect(r.maxRssKiB - baseline.maxRssKiB).toBeLessThan((64 * MiB) / 1024);
    const v = await measured('verify', path, '--key', path, '--json');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: false, error: { class: 'FileTooLarge', kind: 'bundle', size: GiB, limit: 256 * MiB } });
    expect(v.maxRssKiB - baseline.maxRssKiB).toBeLessThan((64 * MiB) / 1024);
  }, 400_000);
});
