import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { buildWindowOptions } from '../../../src-main/security';

/**
 * window.ts restates the security webPreferences at `new BrowserWindow(…)` so that the static scanner
 * sees them (electronegativity.test.ts). These tests check what the window is really created with: the
 * restated literal must agree with buildWindowOptions (security.test.ts) and with the checklist, so a
 * flag changed in either place fails here — including `nodeIntegration: true`, which the scanner does
 * not report next to `sandbox`.
 */
const created = vi.hoisted(() => [] as { options: BrowserWindowConstructorOptions; loaded: string[] }[]);

vi.mock('electron', () => {
  let nextId = 100;
  class FakeBrowserWindow {
    readonly webContents = { id: nextId++, on: vi.fn() };
    private readonly record: { options: BrowserWindowConstructorOptions; loaded: string[] };
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, loaded: [] };
      created.push(this.record);
    }
    once = vi.fn();
    on = vi.fn();
    loadURL = vi.fn((url: string) => {
      this.record.loaded.push(url);
      return Promise.resolve();
    });
    static fromWebContents = vi.fn(() => null);
  }
  return { BrowserWindow: FakeBrowserWindow };
});

const { createMainWindow, isOurWebContents } = await import('../../../src-main/window');

beforeEach(() => {
  created.length = 0;
});

describe('createMainWindow', () => {
  it.each([false, true])('creates the window with exactly the options buildWindowOptions gives (isDev %s)', (isDev) => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', url: 'app://dutybook/index.html', isDev });
    expect(created).toHaveLength(1);
    expect(created[0]?.options).toEqual(buildWindowOptions('/app/out/preload/index.cjs', isDev));
    expect(created[0]?.loaded).toEqual(['app://dutybook/index.html']);
  });

  it('gives the window every checklist flag, set explicitly', () => {
    createMainWindow({ preloadPath: '/p.cjs', url: 'app://dutybook/index.html', isDev: false });
    const prefs = created[0]?.options.webPreferences ?? {};
    expect(prefs).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('registers the window as one of ours, so the IPC sender check accepts it', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', url: 'app://dutybook/index.html', isDev: false });
    expect(isOurWebContents(window.webContents.id)).toBe(true);
    expect(isOurWebContents(window.webContents.id + 1000)).toBe(false);
  });
});
