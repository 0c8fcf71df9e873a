/**
 * What encrypting the records at rest under the local password lock would cost (a part of
 * `npm run bench`, driven from scripts/bench/at-rest.mjs over the seeded organisation's profile; the
 * decision and the figures are in docs/security.md, "What the lock protects").
 *
 * Every row of every table that holds record content is read from the app's database in pages of
 * 20,000 (the bare read), then each row is sealed as it would be stored — a fact's canonical bytes,
 * any other row as its JSON — with AES-256-GCM through WebCrypto (one call per row, a fresh 96-bit
 * nonce, 256 calls in flight), and each sealed row opened again (and parsed back). Timed per table:
 * the bare read, the sealing (what an import or a save would add for those rows) and the opening
 * (what a screen reading those rows would add). Nothing is written. No assertions: numbers only.
 */
import type { IndexableType } from 'dexie';
import { openDatabase, type DutyBookDb } from '../../shared/store';

export type AtRestOptions = { runs: number };
export type AtRestTable = { table: string; rows: number; plainBytes: number; sealedBytes: number };
export type AtRestRun = Record<string, { readMs: number; sealMs: number; openMs: number }>;
export type AtRestResult = { tables: AtRestTable[]; runs: AtRestRun[] };

/** Tables whose rows hold what people wrote or what was decided about them (not the sync bookkeeping). */
export const CONTENT_TABLES = [
  'facts',
  'people',
  'plans',
  'planVersions',
  'monthlyRecords',
  'recordVersions',
  'journalEntries',
  'summaries',
  'summaryVersions',
  'evaluations',
  'evaluationDrafts',
  'feedback',
  'registers',
  'filings',
  'spotChecks',
  'personYears',
  'audit',
] as const;

const PAGE = 20_000;
const IN_FLIGHT = 256;
const now = () => performance.now();
const enc = new TextEncoder();
const dec = new TextDecoder();

/** A row as it would be sealed: a fact's canonical bytes (the content), any other row as JSON. */
function plainOf(table: string, row: unknown): Uint8Array {
  if (table === 'facts') return (row as { bytes: Uint8Array }).bytes;
  return enc.encode(JSON.stringify(row));
}

async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  for (let i = 0; i < items.length; i += IN_FLIGHT) {
    const slice = items.slice(i, i + IN_FLIGHT);
    const done = await Promise.all(slice.map(run));
    for (let j = 0; j < done.length; j++) out[i + j] = done[j]!;
  }
  return out;
}

/** One pass over one table, page by page: read, seal, open (each summed over the pages). */
async function passOver(db: DutyBookDb, table: string, key: CryptoKey): Promise<AtRestTable & { readMs: number; sealMs: number; openMs: number }> {
  const t = db.table(table);
  let readMs = 0;
  let sealMs = 0;
  let openMs = 0;
  let rows = 0;
  let plainBytes = 0;
  let sealedBytes = 0;
  const keyPath = t.schema.primKey.keyPath as string;
  let last: IndexableType | undefined;
  for (;;) {
    let s = now();
    // In primary-key order, each page after the last key of the one before: the same pages every run.
    const page = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last)).limit(PAGE).toArray();
    readMs += now() - s;
    if (page.length === 0) break;
    last = (page[page.length - 1] as Record<string, IndexableType>)[keyPath];
    rows += page.length;

    s = now();
    const sealed = await inBatches(page, async (row) => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = plainOf(table, row);
      plainBytes += plain.length;
      const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain as Uint8Array<ArrayBuffer>));
      return { iv, ct };
    });
    sealMs += now() - s;

    s = now();
    await inBatches(sealed, async ({ iv, ct }) => {
      sealedBytes += iv.length + ct.length;
      const plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct));
      return table === 'facts' ? plain : (JSON.parse(dec.decode(plain)) as unknown);
    });
    openMs += now() - s;
    if (page.length < PAGE) break;
  }
  return { table, rows, plainBytes, sealedBytes, readMs, sealMs, openMs };
}

export async function atRest(o: AtRestOptions): Promise<AtRestResult> {
  const status = document.getElementById('status')!;
  const db = await openDatabase();
  try {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    let tables: AtRestTable[] = [];
    const once = async (): Promise<AtRestRun> => {
      const run: AtRestRun = {};
      tables = [];
      for (const table of CONTENT_TABLES) {
        status.textContent = `at rest: ${table}`;
        const r = await passOver(db, table, key);
        tables.push({ table, rows: r.rows, plainBytes: r.plainBytes, sealedBytes: r.sealedBytes });
        run[table] = { readMs: r.readMs, sealMs: r.sealMs, openMs: r.openMs };
      }
      return run;
    };
    await once(); // warm-up: the first read of a profile opens its files cold
    const runs: AtRestRun[] = [];
    for (let i = 0; i < o.runs; i++) runs.push(await once());
    return { tables, runs };
  } finally {
    db.close();
  }
}
