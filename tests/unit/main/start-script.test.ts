import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'start.mjs');
const binaryPresent = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

/** Runs start.mjs for real, with an environment that guarantees no Electron binary can be found. */
function startWithoutElectron(args: string[] = []) {
  const empty = mkdtempSync(join(tmpdir(), 'dutybook-no-electron-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty };
    delete env.ELECTRON_EXEC_PATH;
    return spawnSync(process.execPath, [script, ...args], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

describe('scripts/start.mjs without an Electron binary', () => {
  it('exits 2 with a Chinese and English explanation pointing at npm run web, and no stack trace', () => {
    const result = startWithoutElectron();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Electron 程序未安装或无法下载');
    expect(result.stderr).toContain('the Electron binary is not installed');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('reports the same detection as JSON for the Electron tests', () => {
    const result = startWithoutElectron(['--check-electron']);
    expect(result.status).toBe(2);
    const check = JSON.parse(result.stdout) as { found: boolean; reason: string };
    expect(check.found).toBe(false);
    expect(check.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });

  it.skipIf(binaryPresent)('exits 2 in this checkout, where node_modules/electron has no binary', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    delete env.ELECTRON_EXEC_PATH;
    const result = spawnSync(process.execPath, [script], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('path.txt');
    // It must not have tried to fetch Electron: electron's installer would have created path.txt or dist/.
    expect(existsSync(join(root, 'node_modules', 'electron', 'dist'))).toBe(false);
  });
});
