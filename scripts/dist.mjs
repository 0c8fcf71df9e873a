#!/usr/bin/env node
/**
 * `npm run dist`: build with electron-vite, then make installers with electron-builder
 * (electron-builder.yml; extra arguments pass through, e.g. `npm run dist -- --linux deb --x64`).
 *
 * electron-builder packs the Electron release zip for every target platform/arch and fetches some
 * of its own tools (NSIS, fpm, the AppImage runtime); none of them ships on npm. Where those downloads
 * cannot be reached the build fails deep inside electron-builder, so this script recognises that
 * failure and explains it in Chinese and English, exiting with code 3.
 *
 * `--skip-build` packs an existing out/ (e.g. after `npm run build` in CI) instead of rebuilding.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_DOWNLOAD_UNAVAILABLE = 3;
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));

/** Network failures as Node, got and electron-builder's Go helper report them. */
const DOWNLOAD_FAILURE =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|RequestError|HTTPError|dial tcp|i\/o timeout|net::ERR_|unable to (get|verify)|self[- ]signed certificate|cannot (download|resolve)|download.*fail|fail.*download/i;

function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** Where @electron/get keeps downloaded release zips (the cache electron-builder reads first). */
function electronZipCache() {
  if (process.env.electron_config_cache) return process.env.electron_config_cache;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron');
}

function cachedElectronZips(version) {
  const root = electronZipCache();
  if (!existsSync(root)) return [];
  const found = [];
  const walk = (dir, depth) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && depth < 3) walk(join(dir, entry.name), depth + 1);
      else if (entry.isFile() && entry.name.startsWith(`electron-v${version}-`) && entry.name.endsWith('.zip')) found.push(entry.name);
    }
  };
  walk(root, 0);
  return found;
}

/**
 * electron-builder's report of a failed build: "⨯ <message>  failedTask=build" on a terminal, or
 * "<message> { failedTask: 'build', … }" when it logs plainly (e.g. under a test runner). Colour codes
 * are stripped first: they split "failedTask" from "=".
 */
const BUILDER_FAILED = /failedTask(=|: ')/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
/**
 * After reporting a failed download electron-builder idles for about 30 s before exiting, and a handler
 * of its swallows SIGTERM. Once it has said it failed it is given a moment, then SIGTERM, then SIGKILL.
 */
const FAILED_GRACE_MS = 3000;
const KILL_AFTER_TERM_MS = 2000;

/** Runs a Node CLI with inherited stdin, echoing its output while keeping a copy to inspect. */
function runNode(script, args) {
  return new Promise((resolve) => {
    let output = '';
    let failed = false;
    let graceTimer;
    const child = spawn(process.execPath, [script, ...args], { cwd: projectDir, stdio: ['inherit', 'pipe', 'pipe'] });
    const collect = (sink) => (chunk) => {
      output += chunk;
      sink.write(chunk);
      if (!graceTimer && BUILDER_FAILED.test(output.replace(ANSI, ''))) {
        graceTimer = setTimeout(() => {
          failed = true;
          child.kill('SIGTERM');
          graceTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_TERM_MS);
        }, FAILED_GRACE_MS);
      }
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', (error) => resolve({ code: 1, output: String(error) }));
    child.on('exit', (code, signal) => {
      clearTimeout(graceTimer);
      resolve({ code: failed ? 1 : (code ?? (signal ? 1 : 0)), output });
    });
  });
}

function explainDownloadFailure(version) {
  console.error(
    [
      '',
      `无法生成安装包：electron-builder 需要下载 Electron ${version} 的发行包（及 NSIS、fpm、AppImage 等打包工具），`,
      '而本机无法访问其下载服务器（只有 npm 等软件源可用）。',
      '  请在可以访问 GitHub（或设置了 ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR 镜像）的机器上运行 npm run dist。',
      '  浏览器预览不受影响：npm run web',
      '',
      `Cannot build installers: electron-builder must download the Electron ${version} release zip (and its`,
      'packaging tools: NSIS, fpm, the AppImage runtime), and this machine cannot reach their download server.',
      '  Run npm run dist on a machine that can reach GitHub, or set ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR.',
      '  The browser preview still works: npm run web',
      '',
    ].join('\n'),
  );
}

async function main(args) {
  const version = electronVersion();
  const viteCli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const builderCli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');

  const skipBuild = args.includes('--skip-build');
  if (!skipBuild) {
    const build = await runNode(viteCli, ['build']);
    if (build.code !== 0) return build.code;
  }

  const cached = cachedElectronZips(version);
  console.log(
    cached.length > 0
      ? `Electron ${version} 发行包已在缓存中 (cached): ${cached.join(', ')}`
      : `缓存中没有 Electron ${version} 发行包，electron-builder 将尝试下载 (not cached in ${electronZipCache()}; electron-builder will download it)`,
  );

  const pack = await runNode(builderCli, ['--config', 'electron-builder.yml', '--publish', 'never', ...args.filter((a) => a !== '--skip-build')]);
  if (pack.code === 0) return 0;
  if (DOWNLOAD_FAILURE.test(pack.output.replace(ANSI, ''))) {
    explainDownloadFailure(version);
    return EXIT_DOWNLOAD_UNAVAILABLE;
  }
  return pack.code;
}

process.exitCode = await main(process.argv.slice(2));
