/**
 * scripts/start.mjs where fetching Electron cannot help (the binary is looked for where the user pointed,
 * not where Electron's installer puts it), its `--check-electron` detection, its reading of the
 * installer's errors, and the root postinstall's note on the EBADENGINE warnings. The fetch itself, from a
 * mirror on this machine, is in start-electron-fetch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain ES module of the scripts folder, without types
import { NEWER_NODE_PACKAGES, describeFetchFailure } from '../../../scripts/start.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'start.mjs');

type Failure = {
  zh: string;
  en: string;
  detail?: string;
  url?: string;
  node?: { current: string; wanted: string };
};
const describeFailure = describeFetchFailure as (
  stderr: string,
  node?: { current: string; wanted: string },
) => Failure;
const newerNodePackages = NEWER_NODE_PACKAGES as Record<string, string[]>;

/** Runs start.mjs for real, with an environment that guarantees no Electron binary can be found. */
function startWithoutElectron(args: string[] = []) {
  const empty = mkdtempSync(join(tmpdir(), 'dutybook-no-electron-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty };
    delete env.ELECTRON_EXEC_PATH;
    return spawnSync(process.execPath, [script, ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

describe('scripts/start.mjs where the binary is looked for elsewhere than Electron installs it', () => {
  it('exits 2 with a Chinese and English explanation pointing at npm run web, and no stack trace', () => {
    const result = startWithoutElectron();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Electron 程序未安装或无法下载');
    expect(result.stderr).toContain('the Electron binary is not installed');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    // Electron's installer would not put a binary there, so none is fetched.
    expect(result.stderr).not.toContain('正在获取');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('reports the same detection as JSON for the Electron tests', () => {
    const result = startWithoutElectron(['--check-electron']);
    expect(result.status).toBe(2);
    const check = JSON.parse(result.stdout) as { found: boolean; fetchable: boolean; reason: string };
    expect(check.found).toBe(false);
    expect(check.fetchable).toBe(false);
    expect(check.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});

describe("start.mjs's reading of a failed Electron installer", () => {
  const node = { current: '20.18.0', wanted: '22.12.0' };

  it('names an old Node when the installer cannot even load', () => {
    const failure = describeFailure(
      [
        '/app/node_modules/electron/install.js:3',
        "const { downloadArtifact } = require('@electron/get');",
        '                             ^',
        '',
        'Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/@electron/get/dist/index.js from /app/node_modules/electron/install.js not supported.',
        '    at Object.<anonymous> (/app/node_modules/electron/install.js:3:30) {',
        "  code: 'ERR_REQUIRE_ESM'",
        '}',
      ].join('\n'),
      node,
    );
    expect(failure.zh).toContain('Node');
    expect(failure.detail).toMatch(/^Error \[ERR_REQUIRE_ESM\]/);
    expect(failure.node).toEqual(node);
  });

  it('reads the HTTP status and the URL @electron/get logged, and leaves Node out of a network failure', () => {
    const failure = describeFailure(
      [
        '2026-12-07T15:00:00.000Z @electron/get:index Checking the cache (undefined) for electron-v45.4.1-linux-x64.zip (https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip)',
        "2026-12-07T15:00:00.001Z @electron/get:index Artifact in cache didn't match checksums",
        '2026-12-07T15:00:00.002Z @electron/get:index Downloading https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip to /tmp/x/electron-v45.4.1-linux-x64.zip with options: undefined',
        'HTTPError: Response code 403 (Forbidden) for https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip',
        '    at FetchDownloader.download (file:///app/node_modules/@electron/get/dist/FetchDownloader.js:47:23)',
      ].join('\n'),
      node,
    );
    expect(failure.zh).toContain('403');
    expect(failure.en).toContain('403 (Forbidden)');
    expect(failure.zh).not.toContain('校验');
    expect(failure.url).toBe('https://mirror.example/v45.4.1/electron-v45.4.1-linux-x64.zip');
    expect(failure.node).toBeUndefined();
  });

  it('tells an unpacking failure from a download failure', () => {
    const failure = describeFailure(
      'Error: ENOSPC: no space left on device, write\n    at async extract (file:///x.js:1:1)',
    );
    expect(failure.zh).toContain('解压失败');
    expect(failure.detail).toBe('Error: ENOSPC: no space left on device, write');
  });
});

describe('the root postinstall (start.mjs --after-install)', () => {
  const semver = createRequire(import.meta.url)('semver') as {
    satisfies(version: string, range: string): boolean;
  };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  const floor = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
  ).engines.node;

  it('names exactly the installed packages that npm warns about on the oldest Node the project supports', () => {
    const lowest = '20.19.0';
    expect(semver.satisfies(lowest, floor)).toBe(true);
    const warned = Object.entries(lock.packages)
      .filter(([path, meta]) => path && meta.engines?.node && !semver.satisfies(lowest, meta.engines.node))
      .map(([path]) => path.replace(/^.*node_modules\//, ''))
      .sort();
    expect(Object.values(newerNodePackages).flat().sort()).toEqual(warned);
  });

  it('explains the warnings on a Node below Electron’s requirement, and says nothing otherwise', () => {
    const electronNode = (
      JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    const result = spawnSync(process.execPath, [script, '--after-install'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    if (semver.satisfies(process.versions.node, electronNode)) {
      expect(result.stderr).toBe('');
    } else {
      expect(result.stderr).toContain('EBADENGINE');
      expect(result.stderr).toContain(`Node ${process.versions.node}`);
      for (const name of Object.values(newerNodePackages).flat()) expect(result.stderr).toContain(name);
    }
  });
});
