import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { buildWindowOptions, hardenWebContents, isAllowedNavigation } from '../../../src-main/security';
import { APP_ENTRY_URL, isAppUrl, resolveDevServerUrl } from '../../../src-main/origin';

describe('buildWindowOptions', () => {
  it('sets every security flag explicitly and points at the given preload', () => {
    const prefs = buildWindowOptions('/app/out/preload/index.cjs', false).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: false,
    });
    // Every flag is present as an own property, not left to Electron's defaults.
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'webviewTag']) {
      expect(Object.hasOwn(prefs ?? {}, key), key).toBe(true);
    }
  });

  it('allows devtools only when asked for development', () => {
    expect(buildWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(true);
    expect(buildWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(false);
  });

  it('never enables blink features or a preload other than the one given', () => {
    const options = buildWindowOptions('/p.cjs', true);
    expect(options.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(options.show).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it.each([APP_ENTRY_URL, 'app://dutybook/', 'app://dutybook/reports?year=2025#top'])('allows the app itself: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://dutybook/',
    'app://evil/index.html',
    'app://dutybook.evil.com/',
    'app://user:pw@dutybook/',
    'app://dutybook:8080/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('allows the loopback dev server only when one is configured', () => {
    expect(isAllowedNavigation('http://localhost:5174/x')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5174/x', 'http://localhost:5174')).toBe(true);
    expect(isAllowedNavigation('http://localhost:5175/x', 'http://localhost:5174')).toBe(false);
  });
});

describe('resolveDevServerUrl', () => {
  it('accepts only loopback http servers for an unpackaged app', () => {
    expect(resolveDevServerUrl('http://localhost:5174/', false)).toBe('http://localhost:5174');
    expect(resolveDevServerUrl('http://127.0.0.1:5174', false)).toBe('http://127.0.0.1:5174');
    expect(resolveDevServerUrl('http://localhost:5174/', true)).toBeUndefined();
    expect(resolveDevServerUrl('https://example.com/', false)).toBeUndefined();
    expect(resolveDevServerUrl('http://192.168.1.5:5174/', false)).toBeUndefined();
    expect(resolveDevServerUrl('file:///tmp/index.html', false)).toBeUndefined();
    expect(resolveDevServerUrl(undefined, false)).toBeUndefined();
    expect(isAppUrl('http://localhost:5174/', resolveDevServerUrl('http://localhost:5174/', true))).toBe(false);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: vi.fn(),
    session,
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  };
  return { contents: contents as unknown as WebContents, emit, session, setWindowOpenHandler: contents.setWindowOpenHandler, listeners };
}

function navigationEvent(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);

  it('blocks navigation and redirects away from the app, and lets app URLs through', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent('https://example.com/');
      fake.emit(event, away);
      expect(away.preventDefault, event).toHaveBeenCalledOnce();
      const home = navigationEvent('app://dutybook/index.html');
      fake.emit(event, home);
      expect(home.preventDefault, event).not.toHaveBeenCalled();
    }
  });

  it('blocks subframe navigation to other origins', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    const sub = navigationEvent('https://example.com/', false);
    fake.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    const handler = fake.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://dutybook/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    const event = { preventDefault: vi.fn() };
    fake.emit('will-attach-webview', event, {}, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('answers every permission request and check with false', () => {
    const fake = fakeWebContents();
    hardenWebContents(fake.contents);
    const request = fake.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      wc: unknown,
      permission: string,
      cb: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request(fake.contents, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = fake.session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check(fake.contents, 'media', 'app://dutybook', {})).toBe(false);
    const device = fake.session.setDevicePermissionHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
