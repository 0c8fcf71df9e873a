/**
 * Window hardening: the options every window is created with and the guards every webContents gets.
 * Plain functions over Electron's types (no runtime electron import), so they are unit-tested in Node;
 * tests/electron checks the same facts in a real window.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl } from './origin';

export function buildWindowOptions(preloadPath: string, isDev: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    title: '履责记实',
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      // Set explicitly even where they are Electron's defaults: the checklist is reviewed from here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would open links in new windows; they are denied anyway, this stops the attempt.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: isDev,
    },
  };
}

/** Only the app's own pages may be navigated to; everything else (http, file, data, javascript) is refused. */
export function isAllowedNavigation(url: string, devServerOrigin?: string): boolean {
  return isAppUrl(url, devServerOrigin);
}

/**
 * Guards for one webContents, applied from app 'web-contents-created' so that no window, devtools or
 * guest ever escapes them. The app is offline and has nothing to open, ask for or embed.
 */
export function hardenWebContents(contents: WebContents, devServerOrigin?: string): void {
  const refuse = (kind: string) => (event: { url: string; preventDefault: () => void }) => {
    if (isAllowedNavigation(event.url, devServerOrigin)) return;
    event.preventDefault();
    console.warn(`[security] blocked ${kind} to ${event.url}`);
  };
  contents.on('will-navigate', refuse('navigation'));
  // will-navigate sees the main frame only; subframes (blocked by CSP frame-src anyway) come through here.
  const refuseFrame = refuse('frame navigation');
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) refuseFrame(event);
  });
  contents.on('will-redirect', refuse('redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked window.open of ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[security] blocked a <webview>');
  });

  const session = contents.session;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
