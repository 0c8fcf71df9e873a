/**
 * Boot: each concern lives in its own module and is wired here, once, with the Electron objects it
 * needs. Only this file, window.ts and preload.ts import electron at runtime; everything else is plain
 * functions that unit tests load in Node.
 */
import { app, dialog, ipcMain, Menu, protocol, safeStorage } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ENTRY_URL, resolveDevServerUrl } from './origin';
import { hardenWebContents } from './security';
import { registerAppScheme, setupProtocol } from './protocol';
import { createSenderCheck, registerHostHandlers } from './ipc';
import { createHostHandlers } from './host';
import { setupMenu } from './menu';
import { createMainWindow, focusMainWindow, isOurWebContents, windowOfWebContents } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');
const APP_ID = 'cn.dutybook.app';

const devServerOrigin = resolveDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
const isDev = !app.isPackaged && (process.env.DUTYBOOK_DEV === '1' || devServerOrigin !== undefined);

/**
 * The profile (IndexedDB, keys) must sit in the same folder however the app is launched, so it is named
 * here rather than derived from package.json's productName. Tests may point it elsewhere, but only for
 * an unpackaged app.
 */
function setupUserData(): void {
  const override = app.isPackaged ? undefined : process.env.DUTYBOOK_USER_DATA_DIR;
  app.setPath('userData', override ?? join(app.getPath('appData'), 'DutyBook'));
}

function setupIpc(): void {
  const handlers = createHostHandlers<IpcMainInvokeEvent>({
    version: app.getVersion(),
    platform: process.platform,
    dialog,
    windowOf: (event) => windowOfWebContents(event.sender),
    defaultDir: () => app.getPath('documents'),
    safeStorage,
    dir: () => join(app.getPath('userData'), 'keys'),
    backupDir: () => join(app.getPath('userData'), 'backups'),
  });
  registerHostHandlers(ipcMain, handlers, createSenderCheck(isOurWebContents, devServerOrigin));
}

function openMainWindow(): void {
  createMainWindow({ preloadPath: PRELOAD_PATH, url: devServerOrigin ? `${devServerOrigin}/` : APP_ENTRY_URL, isDev });
}

function boot(): void {
  app.enableSandbox();
  registerAppScheme(protocol);
  app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({ applicationName: 'DutyBook 履责记实', applicationVersion: app.getVersion() });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerOrigin));
  app.on('second-instance', () => {
    if (!focusMainWindow() && app.isReady()) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !focusMainWindow()) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      setupProtocol(protocol, RENDERER_DIR);
      setupIpc();
      setupMenu(Menu, isDev, process.platform);
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[main] startup failed', error);
      app.exit(1);
    });
}

setupUserData();
// The lock lives in userData, so it is taken after the path is fixed. A second launch hands over to the
// first (which comes to the front) and quits.
if (app.requestSingleInstanceLock()) {
  boot();
} else {
  app.quit();
}
