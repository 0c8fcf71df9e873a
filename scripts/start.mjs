#!/usr/bin/env node
/**
 * `npm start`: build and launch the Electron app (`--dev`: electron-vite's dev server with reload).
 *
 * Electron's npm package does not carry its binary: it is fetched on first use, from GitHub or from the
 * mirror in `ELECTRON_MIRROR`, into node_modules/electron/dist. Where the binary is missing this runs
 * Electron's own installer (node_modules/electron/install.js, which honours ELECTRON_MIRROR,
 * ELECTRON_CUSTOM_DIR, electron_config_cache and the rest of @electron/get's settings) and shows how
 * far the download has got, then builds and launches as usual. Only when that fetch fails does it say
 * so in Chinese and English, with what to do next, and exit with code 2 — never with a stack trace.
 *
 * `--check-electron` prints the detection result as JSON (exit 0 found / 2 missing) and fetches
 * nothing; the Electron tests use it to skip where no binary is installed.
 *
 * `--after-install` is the root `postinstall`: on a Node older than Electron's requirement it explains
 * the EBADENGINE warnings npm has just printed for Electron's packages.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const EXIT_NO_ELECTRON = 2;
const EXIT_INTERRUPTED = 130;
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));

/** A mirror that carries every Electron release (the example Electron's own installation guide gives). */
const MIRROR_EXAMPLE = 'https://npmmirror.com/mirrors/electron/';

function defaultExecutable() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function electronModuleDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * The same lookup electron's own index.js does, without its side effect: requiring `electron` from Node
 * starts a download when the binary is missing. `fetchable` says whether Electron's installer would put
 * a binary where this looks (not when ELECTRON_EXEC_PATH or ELECTRON_OVERRIDE_DIST_PATH point elsewhere).
 */
export function findElectronBinary(env = process.env) {
  const moduleDir = electronModuleDir();
  if (!moduleDir) {
    return {
      found: false,
      fetchable: false,
      reason: 'electron 依赖包未安装 (the electron package is not installed; run npm ci)',
    };
  }
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { found: true, path: env.ELECTRON_EXEC_PATH }
      : {
          found: false,
          fetchable: false,
          reason: `ELECTRON_EXEC_PATH 指向的文件不存在 (${env.ELECTRON_EXEC_PATH} does not exist)`,
        };
  }
  const pathFile = join(moduleDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || defaultExecutable());
    return existsSync(candidate)
      ? { found: true, path: candidate }
      : {
          found: false,
          fetchable: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH 中没有 Electron 程序 (${candidate} does not exist)`,
        };
  }
  if (!relative) {
    return {
      found: false,
      fetchable: true,
      reason: `Electron 程序未下载 (${pathFile} is missing: the binary was never downloaded)`,
    };
  }
  const candidate = join(moduleDir, 'dist', relative);
  return existsSync(candidate)
    ? { found: true, path: candidate }
    : { found: false, fetchable: true, reason: `Electron 程序文件缺失 (${candidate} does not exist)` };
}

function electronPackage(moduleDir) {
  return JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8'));
}

/** The lowest Node Electron's package declares (`>= 22.12.0` for Electron 45), as [major, minor, patch]. */
function electronNodeRequirement(moduleDir) {
  const range = moduleDir ? electronPackage(moduleDir).engines?.node : undefined;
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

/** `{ current, wanted }` when the running Node is below Electron's requirement; else undefined. */
function nodeBelowElectron(moduleDir) {
  const wanted = electronNodeRequirement(moduleDir);
  if (!wanted) return undefined;
  const current = process.versions.node.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    if (current[i] > wanted[i]) return undefined;
    if (current[i] < wanted[i]) return { current: process.versions.node, wanted: wanted.join('.') };
  }
  return undefined;
}

function print(lines) {
  console.error(['', ...lines, ''].join('\n'));
}

/** Where no fetch could help: the package is missing, or ELECTRON_EXEC_PATH / ELECTRON_OVERRIDE_DIST_PATH point at nothing. */
function explainMissing(reason) {
  const fix = reason.includes('ELECTRON_EXEC_PATH')
    ? [
        '  请让 ELECTRON_EXEC_PATH 指向 Electron 程序，或删除这个环境变量后重试：npm start',
        '  Point ELECTRON_EXEC_PATH at an Electron binary, or unset it and retry: npm start',
      ]
    : reason.includes('ELECTRON_OVERRIDE_DIST_PATH')
      ? [
          '  请把 Electron 放进 ELECTRON_OVERRIDE_DIST_PATH 所指的目录，或删除这个环境变量后重试：npm start',
          '  Put Electron in the ELECTRON_OVERRIDE_DIST_PATH directory, or unset it and retry: npm start',
        ]
      : ['  请先安装依赖：npm ci', '  Install the dependencies first: npm ci'];
  print([
    '无法启动桌面版：Electron 程序未安装或无法下载。',
    `  原因：${reason}`,
    '  在浏览器中预览本程序：npm run web',
    fix[0],
    '',
    'Cannot start the desktop app: the Electron binary is not installed and could not be downloaded.',
    `  Reason: ${reason}`,
    '  Preview the app in a browser instead: npm run web',
    fix[1],
  ]);
}

/**
 * What went wrong, from the installer's stderr. install.js prints the error's stack; only its first line
 * is shown, under a plain-words reason. `DEBUG=@electron/get:*` made @electron/get log the URL it fetched.
 */
export function describeFetchFailure(stderr, node) {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const url = /Downloading (\S+) to /.exec(stderr)?.[1];
  const error =
    lines.find((line) => /^([A-Za-z]*Error|Error \[[A-Z_]+\])\b/.test(line)) ??
    lines.find(
      (line) =>
        line && !/^\S+ @electron\/get:/.test(line) && !/^@electron\/get:/.test(line) && !/^at /.test(line),
    );
  // The error's own first line, not the debug log around it (which mentions checksums on a mere cache miss).
  const text = error ?? stderr;
  const status = /Response code (\d+) \(([^)]*)\)/.exec(text);
  let zh;
  let en;
  // Where the cause is unclear, an old Node is worth naming; where it is a network or checksum failure, it is not.
  let nodeMatters = false;
  if (/ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE|ERR_UNKNOWN_FILE_EXTENSION/.test(text)) {
    nodeMatters = true;
    zh = '当前 Node 版本无法运行 Electron 的安装程序';
    en = 'this Node cannot run Electron’s installer';
  } else if (/checksum/i.test(text)) {
    zh = '下载到的文件与 Electron 官方校验值不符（下载源给出的不是官方发布的文件，或文件已损坏）';
    en =
      'the downloaded file does not match Electron’s published checksum (the source served something else, or it was damaged)';
  } else if (status) {
    zh = `下载服务器回答 ${status[1]}（${status[2]}），没有给出 Electron 程序`;
    en = `the download server answered ${status[1]} (${status[2]}) instead of the Electron archive`;
  } else if (
    /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ENETUNREACH|EHOSTUNREACH|UND_ERR|socket|certificate/i.test(
      text,
    )
  ) {
    zh = '无法连接下载服务器（网络不通、被防火墙拦截或地址有误）';
    en = 'could not reach the download server (no network, a firewall, or a wrong address)';
  } else if (/zip|extract|central directory|ENOSPC|EACCES|EPERM/i.test(text)) {
    zh = '下载完成，但解压失败（磁盘已满、无写入权限或文件已损坏）';
    en = 'the download finished but unpacking it failed (disk full, no write permission, or a damaged file)';
  } else {
    nodeMatters = true;
    zh = 'Electron 的安装程序出错';
    en = 'Electron’s installer failed';
  }
  return { zh, en, detail: error, url, node: nodeMatters ? node : undefined };
}

function explainFetchFailure({ zh, en, detail, url, node }) {
  const zhLines = ['无法启动桌面版：Electron 程序未安装或无法下载。', `  原因：${zh}`];
  const enLines = [
    'Cannot start the desktop app: the Electron binary is not installed and could not be downloaded.',
    `  Reason: ${en}`,
  ];
  if (detail) {
    zhLines.push(`  详情：${detail}`);
    enLines.push(`  Details: ${detail}`);
  }
  if (url) {
    zhLines.push(`  下载地址：${url}`);
    enLines.push(`  URL: ${url}`);
  }
  if (node) {
    zhLines.push(`  Electron 要求 Node ≥ ${node.wanted}，当前为 ${node.current}：请先升级 Node。`);
    enLines.push(`  Electron needs Node ≥ ${node.wanted}; this is ${node.current}: upgrade Node first.`);
  }
  zhLines.push(
    '  在浏览器中预览本程序：npm run web',
    '  换一个下载源（如国内镜像或单位内部镜像）后重试：',
    `    Linux、macOS：ELECTRON_MIRROR=${MIRROR_EXAMPLE} npm start`,
    `    Windows PowerShell：$env:ELECTRON_MIRROR="${MIRROR_EXAMPLE}"; npm start`,
    '  网络恢复后直接重试：npm start',
  );
  enLines.push(
    '  Preview the app in a browser instead: npm run web',
    '  Retry from another download source (a nearer mirror, or your organisation’s own):',
    `    Linux, macOS: ELECTRON_MIRROR=${MIRROR_EXAMPLE} npm start`,
    `    Windows PowerShell: $env:ELECTRON_MIRROR="${MIRROR_EXAMPLE}"; npm start`,
    '  Or retry once the network is back: npm start',
  );
  print([...zhLines, '', ...enLines]);
}

/** Bytes under `dir` (the installer's temporary download folder), walked shallowly. */
function bytesUnder(dir, depth = 0) {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) {
        if (depth < 3) total += bytesUnder(path, depth + 1);
      } else {
        total += statSync(path).size;
      }
    } catch {
      // Moved or removed between listing and stat: the installer is working on it.
    }
  }
  return total;
}

const megabytes = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Shows how far the download has got by watching the installer's temporary folder grow (@electron/get
 * draws its own bar only on a terminal it writes to, and only after 30 s; its stderr is captured here).
 */
function watchProgress(folder) {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let peak = 0;
  let shown = 0;
  let lastLine = 0;
  let lastShownBytes = 0;
  let unpacking = false;
  const line = (text, last = false) => {
    if (!tty) {
      process.stderr.write(`${text}\n`);
      return;
    }
    // On a terminal one line is rewritten in place (\x1b[K clears what is left of the previous one).
    process.stderr.write(`\r${text}\x1b[K${last ? '\n' : ''}`);
    shown = last ? 0 : text.length;
  };
  const timer = setInterval(() => {
    const bytes = bytesUnder(folder);
    const seconds = Math.round((Date.now() - started) / 1000);
    if (!unpacking && peak > 0 && bytes < peak / 2) {
      // The finished archive has left the temporary folder for the cache; the installer now unpacks it.
      unpacking = true;
      line(
        `  已下载 ${megabytes(peak)}，正在校验并解压…  (downloaded ${megabytes(peak)}; verifying and unpacking…)`,
        true,
      );
      return;
    }
    if (unpacking) return;
    peak = Math.max(peak, bytes);
    if (bytes === lastShownBytes) return;
    // Off a terminal (a log), a line when the download starts and then at most one every 5 s — also after
    // the download has stalled, so the last figure in the log is the size that really arrived.
    if (tty || Date.now() - lastLine >= 5000) {
      lastLine = Date.now();
      lastShownBytes = bytes;
      line(
        `  已下载 ${megabytes(bytes)}，用时 ${seconds} 秒  (downloaded ${megabytes(bytes)} in ${seconds} s)`,
      );
    }
  }, 500);
  return () => {
    clearInterval(timer);
    if (shown > 0) process.stderr.write('\n');
  };
}

/**
 * Runs node_modules/electron/install.js — Electron's own installer, unchanged — and resolves to
 * `{ ok: true }` or `{ ok: false, stderr }`. Its temporary download folder is one this owns and removes,
 * so an interrupted or failed download leaves nothing behind.
 */
function runElectronInstaller(moduleDir) {
  const folder = mkdtempSync(join(tmpdir(), 'dutybook-electron-'));
  const env = {
    ...process.env,
    // os.tmpdir() in the installer: TMPDIR on Linux and macOS, TEMP/TMP on Windows.
    TMPDIR: folder,
    TEMP: folder,
    TMP: folder,
    // The URL it fetches, for the message if the fetch fails.
    DEBUG: '@electron/get:*',
    DEBUG_COLORS: '0',
    ELECTRON_GET_NO_PROGRESS: '1',
  };
  const stop = watchProgress(folder);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(moduleDir, 'install.js')], {
      cwd: moduleDir,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    let interrupted = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 256 * 1024) stderr += chunk;
    });
    const interrupt = () => {
      interrupted = true;
      child.kill('SIGTERM');
    };
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    const finish = (result) => {
      stop();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      rmSync(folder, { recursive: true, force: true });
      resolve(result);
    };
    child.on('error', (error) => finish({ ok: false, stderr: `Error: ${error.message}` }));
    child.on('close', (code, signal) => {
      if (interrupted) finish({ ok: false, interrupted: true, stderr });
      else if (code === 0) finish({ ok: true, stderr });
      else finish({ ok: false, stderr: stderr || `Error: install.js exited with ${code ?? signal}` });
    });
  });
}

async function fetchElectron() {
  const moduleDir = electronModuleDir();
  const { version } = electronPackage(moduleDir);
  console.error(
    `未找到 Electron 程序：正在获取 Electron ${version}（只需一次）…\nNo Electron binary yet: fetching Electron ${version} (needed once)…`,
  );
  const result = await runElectronInstaller(moduleDir);
  if (result.interrupted) {
    console.error('已取消下载。 (Download cancelled.)');
    return { ok: false, exitCode: EXIT_INTERRUPTED };
  }
  if (!result.ok) {
    explainFetchFailure(describeFetchFailure(result.stderr, nodeBelowElectron(moduleDir)));
    return { ok: false, exitCode: EXIT_NO_ELECTRON };
  }
  const binary = findElectronBinary();
  if (!binary.found) {
    explainFetchFailure({
      zh: `Electron 的安装程序已结束，但仍找不到程序：${binary.reason}`,
      en: `Electron’s installer finished, yet the binary is still missing: ${binary.reason}`,
      node: nodeBelowElectron(moduleDir),
    });
    return { ok: false, exitCode: EXIT_NO_ELECTRON };
  }
  // What the installer said besides @electron/get's debug log (a deprecation notice, say) is passed on.
  const said = result.stderr
    .split(/\r?\n/)
    .filter((line) => line.trim() && !/@electron\/get:/.test(line))
    .join('\n');
  if (said) console.error(said);
  console.error(`Electron ${version} 已就绪。 (Electron ${version} is ready.)`);
  return { ok: true, binary };
}

/**
 * The packages that declare a newer Node than the browser preview and the tests need (npm prints an
 * EBADENGINE warning for each on an older Node), by what they are installed for.
 */
export const NEWER_NODE_PACKAGES = {
  desktop: ['electron', '@electron/get', '@electron-internal/extract-zip'],
  installers: ['@electron/rebuild', 'node-abi'],
  documents: ['nanoid'],
};

/** The root postinstall: say what the EBADENGINE warnings npm printed just above mean, where it printed them. */
function afterInstall() {
  let node;
  try {
    node = nodeBelowElectron(electronModuleDir());
  } catch {
    // A note must never fail the install.
  }
  if (!node) return 0;
  const { desktop, installers, documents } = NEWER_NODE_PACKAGES;
  const list = (names) => names.join('、');
  const listEn = (names) => names.join(', ');
  print([
    `Node ${node.current}：浏览器预览（npm run web）和测试（npm test）可以运行；桌面版（npm start、npm run dist）所用的`,
    `Electron 工具要求 Node ≥ ${node.wanted}。上面的 EBADENGINE 警告说的就是这一点：`,
    `  ${list(desktop)}：下载并运行 Electron（npm start）；`,
    `  ${list(installers)}：制作安装包（npm run dist）；`,
    `  ${list(documents)}：docx 生成文档时用，在浏览器和 Electron 中运行，在 Node 20.19 及以上的测试里同样可用。`,
    '',
    `Node ${node.current}: the browser preview (npm run web) and the tests (npm test) run on it; the Electron tools`,
    `the desktop app uses (npm start, npm run dist) require Node ≥ ${node.wanted}. That is what the EBADENGINE`,
    'warnings above are about:',
    `  ${listEn(desktop)}: fetch and run Electron (npm start);`,
    `  ${listEn(installers)}: make the installers (npm run dist);`,
    `  ${listEn(documents)}: used by docx to write documents; it runs in the browser and in Electron, and works in`,
    '    the tests on Node 20.19 and later too.',
  ]);
  return 0;
}

function run(args, env) {
  const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: projectDir, stdio: 'inherit', env });
    child.on('error', (error) => {
      console.error(`electron-vite 无法运行 (cannot run electron-vite): ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(argv) {
  if (argv.includes('--after-install')) return afterInstall();
  let binary = findElectronBinary();
  if (argv.includes('--check-electron')) {
    console.log(JSON.stringify(binary));
    return binary.found ? 0 : EXIT_NO_ELECTRON;
  }
  if (!binary.found && !binary.fetchable) {
    explainMissing(binary.reason);
    return EXIT_NO_ELECTRON;
  }
  if (!binary.found) {
    const fetched = await fetchElectron();
    if (!fetched.ok) return fetched.exitCode;
    binary = fetched.binary;
  }
  // electron-vite looks the binary up itself and knows nothing of ELECTRON_OVERRIDE_DIST_PATH: hand it over.
  const env = { ...process.env, ELECTRON_EXEC_PATH: binary.path };
  if (argv.includes('--dev')) return run(['dev'], { ...env, DUTYBOOK_DEV: '1' });
  // `preview` builds main, preload and renderer, then launches Electron on the result.
  return run(['preview'], env);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
