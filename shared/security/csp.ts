/**
 * The Content-Security-Policy of the app, one source for every place that serves the UI: the Electron
 * protocol handler sends it as a header, the web preview build writes it into a meta tag.
 *
 * The app is offline: nothing is ever loaded from another origin, so every directive names 'self' at
 * most. `style-src 'unsafe-inline'` is the one concession, because emotion (MUI) injects <style> tags
 * at runtime; scripts stay strictly 'self' (no inline, no eval), which is what stops injected markup
 * from running code.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  // Bundle import/export and batch documents run in workers, some created from blob: URLs.
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function buildContentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY: string = buildContentSecurityPolicy(CSP_DIRECTIVES);

/**
 * The same policy for a <meta http-equiv> tag. Browsers ignore frame-ancestors there (and warn), so it is
 * left out; where the page also gets the header (Electron), both apply and the header keeps it.
 */
export const META_CONTENT_SECURITY_POLICY: string = buildContentSecurityPolicy(
  Object.fromEntries(Object.entries(CSP_DIRECTIVES).filter(([name]) => name !== 'frame-ancestors')),
);
