/**
 * The main window and the registry of webContents the app created itself. The IPC sender check asks
 * this registry, so a window the app did not make (or a devtools/guest contents) can never call the host.
 */
import type { WebContents } from 'electron';
import { BrowserWindow } from 'electron';
import { buildWindowOptions } from './security';

const ourWebContents = new Set<number>();
let mainWindow: BrowserWindow | null = null;

export function isOurWebContents(id: number): boolean {
  return ourWebContents.has(id);
}

export type MainWindowOptions = { preloadPath: string; url: string; isDev: boolean };

export function createMainWindow({ preloadPath, url, isDev }: MainWindowOptions): BrowserWindow {
  const options = buildWindowOptions(preloadPath, isDev);
  // The essential flags are restated at the construction site because static scanners
  // (electronegativity) look for them only there; buildWindowOptions sets the same values, unit-tested.
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const id = window.webContents.id;
  ourWebContents.add(id);
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    ourWebContents.delete(id);
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[window] renderer gone: ${details.reason} (exit ${details.exitCode})`);
  });
  window.loadURL(url).catch((error: unknown) => console.error(`[window] cannot load ${url}`, error));
  return window;
}

/** Brings the existing window forward (second instance started, dock icon clicked). */
export function focusMainWindow(): boolean {
  if (!mainWindow) return false;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
  return true;
}

export function windowOfWebContents(contents: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(contents);
}
