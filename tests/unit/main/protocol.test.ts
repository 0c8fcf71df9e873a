import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';
import { registerAppScheme, resolveAppPath, serveAppRequest, setupProtocol } from '../../../src-main/protocol';

const root = '/srv/dutybook/out/renderer';

describe('resolveAppPath', () => {
  it.each([
    ['app://dutybook/', 'index.html'],
    ['app://dutybook', 'index.html'],
    ['app://dutybook/index.html', 'index.html'],
    ['app://dutybook/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://dutybook/assets/', 'assets/index.html'],
    ['app://dutybook/fonts/%E6%80%9D%E6%BA%90.woff2', 'fonts/思源.woff2'],
    ['app://dutybook/index.html?x=1#y', 'index.html'],
    // The URL parser resolves dot segments before we see them; the result stays inside root.
    ['app://dutybook/assets/../index.html', 'index.html'],
    ['app://dutybook/../../etc/passwd', 'etc/passwd'],
    ['app://dutybook/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('maps %s inside the root', (url, relative) => {
    expect(resolveAppPath(root, url)).toBe(join(root, relative));
  });

  it.each([
    ['encoded slash', 'app://dutybook/..%2f..%2fetc/passwd'],
    ['encoded slash, upper case', 'app://dutybook/..%2F..%2Fetc%2Fpasswd'],
    ['encoded dots and slashes in one segment', 'app://dutybook/%2e%2e%2f%2e%2e%2fetc'],
    ['encoded backslash', 'app://dutybook/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://dutybook/..\\..\\etc\\passwd'],
    ['encoded absolute path', 'app://dutybook/%2Fetc%2Fpasswd'],
    ['empty segment (absolute path smuggling)', 'app://dutybook//etc/passwd'],
    ['windows drive', 'app://dutybook/C:%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://dutybook/index.html%00.png'],
    ['malformed escape', 'app://dutybook/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['host with port', 'app://dutybook:80/index.html'],
    ['credentials', 'app://a:b@dutybook/index.html'],
    ['other scheme', 'file:///srv/dutybook/out/renderer/index.html'],
    ['https', 'https://dutybook/index.html'],
    ['not a URL', '/etc/passwd'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('decodes once: a double-encoded dot segment is a literal file name inside the root', () => {
    expect(resolveAppPath(root, 'app://dutybook/%252e%252e/x')).toBe(join(root, '%2e%2e', 'x'));
  });
});

describe('serveAppRequest', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dutybook-protocol-'));
    await mkdir(join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>履责记实</title>');
    await writeFile(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'outside the root');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => serveAppRequest(join(dir, 'renderer'), new Request(url, { method }));

  it('serves files with their type and the CSP header', async () => {
    const page = await get('app://dutybook/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('履责记实');

    const script = await get('app://dutybook/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers client-side routes with the app shell, missing assets with 404', async () => {
    const route = await get('app://dutybook/reports/2025');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('履责记实');
    const missing = await get('app://dutybook/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves a file outside the root', async () => {
    for (const url of ['app://dutybook/..%2fsecret.txt', 'app://dutybook/%2e%2e/secret.txt', 'app://evil/secret.txt']) {
      const response = await get(url);
      expect(await response.text(), url).not.toContain('outside the root');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://dutybook/', 'POST')).status).toBe(405);
    const head = await get('app://dutybook/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('scheme registration', () => {
  it('registers app:// as a standard, secure scheme without CORS or service workers', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('handles the app scheme with the renderer folder', () => {
    const protocol = { handle: vi.fn() };
    setupProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
