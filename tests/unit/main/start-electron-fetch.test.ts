/**
 * `npm start` where the Electron binary is missing: scripts/start.mjs runs Electron's own installer
 * (node_modules/electron/install.js with the real @electron/get), which fetches from ELECTRON_MIRROR —
 * here a node:http server on 127.0.0.1 started by each test.
 *
 * Each test runs start.mjs in a project of its own in a temporary folder: start.mjs copied as it is,
 * Electron's package copied (so its installer writes there, never into this checkout's
 * node_modules/electron), @electron/get, the extractor and electron-vite linked to this checkout's.
 * The installer's cache (electron_config_cache) and temporary folder are the test's own too, and are
 * checked to be empty afterwards: a failed fetch leaves no half-downloaded file behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const realModules = join(root, 'node_modules');
const version = (
  JSON.parse(readFileSync(join(realModules, 'electron', 'package.json'), 'utf8')) as { version: string }
).version;
/** The archive @electron/get asks for on this machine (it names 32-bit ARM armv7l). */
const archive = `electron-v${version}-${process.platform}-${process.arch === 'arm' ? 'armv7l' : process.arch}.zip`;
const archivePath = `/v${version}/${archive}`;
/** Where Electron's zip keeps the executable, as install.js writes it to path.txt. */
const executable =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
/** An upper bound for one start.mjs run on a busy machine; reaching it fails the test rather than hanging it. */
const RUN_LIMIT_MS = 90_000;

type Project = { dir: string; electron: string; cache: string; temp: string };
type Mirror = { url: string; requests: string[]; close: () => Promise<void> };
type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function project(): Project {
  // The real path: macOS's temporary folder is behind a symlink, and the launched program reports the real one.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'dutybook-start-')));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(join(root, 'scripts', 'start.mjs'), join(dir, 'scripts', 'start.mjs'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'start-fixture', private: true, type: 'module', main: 'out/main/index.js' }),
  );
  const modules = join(dir, 'node_modules');
  const electron = join(modules, 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'install.js', 'checksums.json', 'index.js', 'cli.js']) {
    copyFileSync(join(realModules, 'electron', file), join(electron, file));
  }
  for (const name of ['@electron', '@electron-internal', 'electron-vite']) {
    symlinkSync(join(realModules, name), join(modules, name), 'junction');
  }
  const cache = join(dir, 'electron-cache');
  const temp = join(dir, 'tmp');
  mkdirSync(cache);
  mkdirSync(temp);
  return { dir, electron, cache, temp };
}

async function mirror(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Mirror> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  cleanups.push(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests, close };
}

/** A port nothing listens on: one the system just handed out and that was closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** This environment without any Electron download settings of the machine's, plus the test's own. */
function environment(fixture: Project, settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(electron_|npm_config_electron|npm_package_config_electron|force_no_cache$|debug$)/i.test(key))
      continue;
    env[key] = value;
  }
  return {
    ...env,
    electron_config_cache: fixture.cache,
    TMPDIR: fixture.temp,
    TEMP: fixture.temp,
    TMP: fixture.temp,
    ...settings,
  };
}

/** Runs the fixture's start.mjs to its end, or fails once RUN_LIMIT_MS has passed. */
function start(
  fixture: Project,
  env: NodeJS.ProcessEnv,
  args: string[] = [],
  onStderr?: (all: string) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(fixture.dir, 'scripts', 'start.mjs'), ...args], {
      cwd: fixture.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      onStderr?.(stderr);
    });
    const limit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start.mjs still running after ${RUN_LIMIT_MS} ms; its stderr so far:\n${stderr}`));
    }, RUN_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** The clear message of a failed fetch, in both languages, without a stack trace; and nothing left behind. */
function expectRefusal(fixture: Project, run: Run, reason: { zh: string; en: string }) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`正在获取 Electron ${version}`);
  expect(run.stderr).toContain(`fetching Electron ${version}`);
  expect(run.stderr).toContain('无法启动桌面版：Electron 程序未安装或无法下载。');
  expect(run.stderr).toContain(
    'Cannot start the desktop app: the Electron binary is not installed and could not be downloaded.',
  );
  expect(run.stderr).toContain(reason.zh);
  expect(run.stderr).toContain(reason.en);
  expect(run.stderr).toContain('npm run web');
  expect(run.stderr).toContain('ELECTRON_MIRROR=');
  expect(run.stderr).toContain('npm start');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('@electron/get:');
  expect(existsSync(join(fixture.electron, 'path.txt'))).toBe(false);
  expect(existsSync(join(fixture.electron, 'dist'))).toBe(false);
  expect(readdirSync(fixture.temp)).toEqual([]);
  expect(filesUnder(fixture.cache)).toEqual([]);
}

describe(
  'npm start fetches a missing Electron binary from ELECTRON_MIRROR',
  { timeout: RUN_LIMIT_MS * 2 },
  () => {
    it('asks the mirror for this platform’s archive, shows the download’s progress, and a fake archive fails its checksum with the clear message', async () => {
      const fixture = project();
      // The mirror sends 0.1 MB and waits until start.mjs has reported it, then the rest of the first
      // mebibyte, and holds the remainder back until that too is reported — so the download stalls right
      // after a burst, as a slow mirror does, and the log must still come to show what arrived.
      const signal = () => {
        let resolve!: () => void;
        return { shown: new Promise<void>((r) => (resolve = r)), report: () => resolve() };
      };
      const small = signal();
      const mebibyte = signal();
      const first = Buffer.alloc(100 * 1024, 1);
      const second = Buffer.alloc(1024 * 1024 - first.length, 1);
      const rest = Buffer.alloc(512 * 1024, 2);
      const server = await mirror((_request, response) => {
        response.writeHead(200, {
          'content-type': 'application/zip',
          'content-length': first.length + second.length + rest.length,
        });
        response.write(first);
        void small.shown
          .then(() => {
            response.write(second);
            return mebibyte.shown;
          })
          .then(() => response.end(rest));
      });
      const run = await start(
        fixture,
        environment(fixture, { ELECTRON_MIRROR: server.url }),
        [],
        (stderr) => {
          if (/已下载 0\.1 MB.*\(downloaded 0\.1 MB in \d+ s\)/.test(stderr)) small.report();
          if (/已下载 1\.0 MB.*\(downloaded 1\.0 MB in \d+ s\)/.test(stderr)) mebibyte.report();
        },
      );
      expect(server.requests).toEqual([archivePath]);
      expect(run.stderr).toMatch(/已下载 0\.1 MB[^]*已下载 1\.0 MB/);
      expectRefusal(fixture, run, {
        zh: '与 Electron 官方校验值不符',
        en: 'does not match Electron’s published checksum',
      });
      expect(run.stderr).toContain(`${server.url.replace(/\/$/, '')}${archivePath}`);
    });

    it('passes on the mirror’s HTTP status', async () => {
      const fixture = project();
      const server = await mirror((_request, response) => {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('no such release');
      });
      const run = await start(fixture, environment(fixture, { ELECTRON_MIRROR: server.url }));
      expect(server.requests).toEqual([archivePath]);
      expectRefusal(fixture, run, {
        zh: '下载服务器回答 404',
        en: 'the download server answered 404 (Not Found)',
      });
    });

    it('says the server cannot be reached when the mirror is a closed port', async () => {
      const fixture = project();
      const port = await closedPort();
      const run = await start(
        fixture,
        environment(fixture, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` }),
      );
      expectRefusal(fixture, run, { zh: '无法连接下载服务器', en: 'could not reach the download server' });
      expect(run.stderr).toContain(`http://127.0.0.1:${port}${archivePath}`);
    });

    it('--check-electron fetches nothing', async () => {
      const fixture = project();
      const server = await mirror((_request, response) => {
        response.writeHead(500);
        response.end();
      });
      const run = await start(fixture, environment(fixture, { ELECTRON_MIRROR: server.url }), [
        '--check-electron',
      ]);
      expect(run.code).toBe(2);
      const check = JSON.parse(run.stdout) as { found: boolean; fetchable: boolean; reason: string };
      expect(check).toMatchObject({ found: false, fetchable: true });
      expect(check.reason).toContain('path.txt');
      expect(server.requests).toEqual([]);
      expect(readdirSync(fixture.electron).sort()).toEqual([
        'checksums.json',
        'cli.js',
        'index.js',
        'install.js',
        'package.json',
      ]);
    });

    it.skipIf(process.platform === 'win32')(
      'unpacks an archive whose checksum the mirror publishes, then builds and launches it',
      async () => {
        const fixture = project();
        // A stand-in for Electron that notes how electron-vite launched it.
        const stand_in = `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > "$PWD/launched.txt"\n`;
        const zip = Buffer.from(
          zipSync({
            [executable]: [strToU8(stand_in), { os: 3, attrs: (0o100755 << 16) >>> 0 }],
            version: strToU8(version),
          }),
        );
        const sum = createHash('sha256').update(zip).digest('hex');
        const server = await mirror((request, response) => {
          if (request.url === archivePath) {
            response.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
            response.end(zip);
          } else if (request.url === `/v${version}/SHASUMS256.txt`) {
            response.writeHead(200, { 'content-type': 'text/plain' });
            response.end(`${sum} *${archive}\n`);
          } else {
            response.writeHead(404);
            response.end();
          }
        });
        // The smallest app electron-vite builds: one main-process file.
        mkdirSync(join(fixture.dir, 'src'));
        writeFileSync(join(fixture.dir, 'src', 'main.js'), "console.log('main');\n");
        writeFileSync(
          join(fixture.dir, 'electron.vite.config.mjs'),
          "export default { main: { build: { outDir: 'out/main', rolldownOptions: { input: { index: 'src/main.js' } } } } };\n",
        );

        const run = await start(
          fixture,
          environment(fixture, { ELECTRON_MIRROR: server.url, electron_use_remote_checksums: '1' }),
        );

        expect(run.stderr).toContain(`Electron ${version} 已就绪`);
        expect(run.stderr).not.toContain('@electron/get:');
        expect(run.code).toBe(0);
        expect(server.requests).toEqual([archivePath, `/v${version}/SHASUMS256.txt`]);
        expect(readFileSync(join(fixture.electron, 'path.txt'), 'utf8')).toBe(executable);
        expect(readFileSync(join(fixture.electron, 'dist', 'version'), 'utf8')).toBe(version);
        expect(existsSync(join(fixture.dir, 'out', 'main', 'index.js'))).toBe(true);
        expect(readFileSync(join(fixture.dir, 'launched.txt'), 'utf8').trim().split('\n')).toEqual([
          fixture.dir,
          '.',
        ]);
        expect(readdirSync(fixture.temp)).toEqual([]);
        // The archive is kept in the cache, so a later install (or a rebuilt node_modules) need not fetch it again.
        expect(filesUnder(fixture.cache).map((path) => path.split('/').pop())).toEqual([archive]);
        // Once there, it is not fetched again.
        const again = await start(fixture, environment(fixture, { ELECTRON_MIRROR: server.url }), [
          '--check-electron',
        ]);
        expect(JSON.parse(again.stdout)).toMatchObject({
          found: true,
          path: join(fixture.electron, 'dist', executable),
        });
        expect(server.requests).toHaveLength(2);
      },
    );
  },
);
