#!/usr/bin/env node
/**
 * `npm start`: build and launch the Electron app (`--dev`: electron-vite's dev server with reload).
 *
 * Where the Electron binary is absent (it is downloaded by electron's install script, which cannot reach
 * its server on some networks) this says so in Chinese and English and exits with code 2 instead of
 * letting electron try to download it or print a stack trace.
 *
 * `--check-electron` prints the detection result as JSON (exit 0 found / 2 missing); the Electron tests
 * use it so that they skip on exactly the condition `npm start` refuses on.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_NO_ELECTRON = 2;
const projectDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectDir, 'package.json'));

function defaultExecutable() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/**
 * The same lookup electron's own index.js does, without its side effect: requiring `electron` from Node
 * starts a download when the binary is missing.
 */
export function findElectronBinary(env = process.env) {
  let moduleDir;
  try {
    moduleDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'electron 依赖包未安装 (the electron package is not installed; run npm install)' };
  }
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { found: true, path: env.ELECTRON_EXEC_PATH }
      : { found: false, reason: `ELECTRON_EXEC_PATH 指向的文件不存在 (${env.ELECTRON_EXEC_PATH} does not exist)` };
  }
  const pathFile = join(moduleDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || defaultExecutable());
    return existsSync(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH 中没有 Electron 程序 (${candidate} does not exist)` };
  }
  if (!relative) {
    return { found: false, reason: `Electron 程序未下载 (${pathFile} is missing: the binary was never downloaded)` };
  }
  const candidate = join(moduleDir, 'dist', relative);
  return existsSync(candidate)
    ? { found: true, path: candidate }
    : { found: false, reason: `Electron 程序文件缺失 (${candidate} does not exist)` };
}

function explainMissing(reason) {
  console.error(
    [
      '',
      '无法启动桌面版：Electron 程序未安装或无法下载。',
      `  原因：${reason}`,
      '  在浏览器中预览本程序：npm run web',
      '  在可以访问 Electron 下载服务器的网络中安装 Electron：node node_modules/electron/install.js',
      '',
      'Cannot start the desktop app: the Electron binary is not installed and could not be downloaded.',
      `  Reason: ${reason}`,
      '  Preview the app in a browser instead: npm run web',
      '  Where the network can reach Electron’s download server, install it with: node node_modules/electron/install.js',
      '',
    ].join('\n'),
  );
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
  const binary = findElectronBinary();
  if (argv.includes('--check-electron')) {
    console.log(JSON.stringify(binary));
    return binary.found ? 0 : EXIT_NO_ELECTRON;
  }
  if (!binary.found) {
    explainMissing(binary.reason);
    return EXIT_NO_ELECTRON;
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
