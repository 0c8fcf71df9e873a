import { createServer, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { build } from 'vite';

/**
 * The deflate worker of a large export (shared/bundle/deflate.ts), in Chromium: a page built from
 * tests/e2e/pages/deflate with the real bundle writer, served from its own loopback port (the
 * preview server serves only the app). The joining of the two DEFLATE parts and the fallback are
 * also unit-tested in Node; what only a browser can show is the worker itself.
 */
const root = resolve('tests/e2e/pages/deflate');
const out = resolve('test-results/pages/deflate');
let server: Server;
let base = '';

test.beforeAll(async () => {
  await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 },
  });
  server = createServer((req, res) => {
    const file = join(out, normalize(new URL(req.url ?? '/', 'http://x').pathname));
    try {
      if (!file.startsWith(out) || !statSync(file).isFile()) throw new Error('not found');
      const type = extname(file) === '.js' ? 'text/javascript' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

test('a large bundle: its tail deflated in the worker, the parts joined, and it opens entry for entry', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/index.html`);
  await expect(page.locator('#status')).toHaveText('ready');
  const r = await page.evaluate(() => window.deflateCheck());
  expect(r.contentBytes).toBeGreaterThan(2 * r.headBytes);
  expect(r.smallSame).toBe(true);
  expect(r.workersAfterSmall).toBe(0); // a small bundle deflates on its own thread
  expect(r.bigSame).toBe(true);
  expect(r.bigCompressed).toBe(true);
  expect(r.concurrentSame).toBe(true);
  expect(r.workers).toEqual(['dutybook-deflate']); // one worker, kept for the next bundles
  expect(errors).toEqual([]);
});

test('where the worker cannot load: large bundles are still written whole, and it is tried once', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/index.html?broken`);
  await expect(page.locator('#status')).toHaveText('ready');
  const r = await page.evaluate(() => window.deflateCheckBroken());
  expect(r.same).toBe(true);
  expect(r.workers).toEqual(['dutybook-deflate']);
  expect(errors).toEqual([]);
});
