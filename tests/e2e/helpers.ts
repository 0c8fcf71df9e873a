import { mkdirSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/**
 * Waits until every finite animation is over (a dialog fading in, a tab indicator sliding home).
 * Infinite ones are not waited for: a keyboard-focused MUI button pulses for ever, and a wait on it
 * would hold the test until its own timeout.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Saves a full-page screenshot under a stable name (looked at by people) and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}

/** Reads every row of one object store straight from IndexedDB, bypassing the app's own code. */
export async function readStore(page: Page, dbName: string, store: string): Promise<unknown[]> {
  return page.evaluate(
    ([dbName, store]) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => {
            resolve(req.result as unknown[]);
            db.close();
          };
          req.onerror = () => reject(new Error(String(req.error)));
        };
      }),
    [dbName, store] as const,
  );
}

/** One write to an object store straight through IndexedDB, outside the app's own code. */
async function writeStore(page: Page, dbName: string, store: string, change: { put: unknown } | { clear: true }): Promise<void> {
  await page.evaluate(
    ([dbName, store, change]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite');
          if ('put' in change) tx.objectStore(store).put(change.put);
          else tx.objectStore(store).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    [dbName, store, change] as const,
  );
}

/** Writes one row (as another device's data would arrive). */
export const putRow = (page: Page, dbName: string, store: string, row: unknown) => writeStore(page, dbName, store, { put: row });

/** Empties a store (as rows lost from a damaged profile). */
export const clearStore = (page: Page, dbName: string, store: string) => writeStore(page, dbName, store, { clear: true });
