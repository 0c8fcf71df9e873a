/**
 * Where the UI lives. The packaged app serves it from a privileged custom scheme rather than file://,
 * so the page has a real origin of its own (IndexedDB, CSP 'self', fetch) and file:// keeps no special
 * powers. Never change scheme or host after release: IndexedDB data is keyed by this origin, and a new
 * origin would show users an empty database.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dutybook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The dev server electron-vite starts (ELECTRON_RENDERER_URL), accepted only for an unpackaged app and
 * only on loopback: an environment variable must never be able to point the installed app at a remote
 * page that would then get the preload bridge.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || !value) return undefined;
  const url = parse(value);
  if (!url || url.protocol !== 'http:') return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return url.origin;
}

/** True for URLs of the app itself: app://dutybook/… or, in development, the loopback dev server. */
export function isAppUrl(url: string, devServerOrigin?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  // Node's URL gives opaque origins ("null") for non-special schemes, so compare the parts instead.
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return devServerOrigin !== undefined && parsed.origin === devServerOrigin;
}
