/**
 * Example data through the signed-record path: a deterministic organisation (units, people with
 * Chinese names, supervisors, one HR person) and its years of plans, record books, summaries,
 * decisions, evaluations, feedback and registers, every record a fact signed by its author's own key
 * and imported by HR through the real bundle verification. Portable (no Node APIs): runs in Node
 * with fake-indexeddb and in the browser.
 *
 * USAGE
 *   // tests, the benchmark: any fresh database
 *   const result = await seedDatabase(db, { seed: 'x', units: 3, people: 30, years: 1, today });
 *
 *   // the renderer's “载入示例数据” (a fresh profile; the key store unlocked first):
 *   await ensureUnlocked(host);                       // src-renderer/key-store/keyStore.ts
 *   const result = await loadExampleData({ db, host }, { onProgress });
 *   // The device is now the HR person of 示例市市场监督管理局, with keys in the key store.
 *
 *   // the command line: npm run seed -- --units 20 --people 1000 --years 2 --out DIR
 */
import type { HostApi } from '../host/contract';
import type { DutyBookDb } from '../store';
import { storeDeviceKeys, storeOrgKey } from '../ledger/identity';
import { seedDatabase, type SeedOptions, type SeedResult } from './seed-database';

export * from './seed-database';
export {
  generateOrganisation,
  DEFAULT_ORG_NAME,
  type Organisation,
  type SeedPerson,
  type SeedUnit,
} from './organisation';
export { generateHistory } from './history';
export type { FactDraft, History, HistoryStats } from './history-drafts';
export {
  factsOf,
  makeInstalls,
  orgKeyFor,
  personKeys,
  relayBundles,
  MAX_FACTS_PER_BUNDLE,
  type OutgoingBundle,
} from './deliver';
export { CHINESE_NAME_RE } from './content';
export { Random } from './random';

/** The size the app loads: big enough to look alive, small enough to load in seconds. */
export const EXAMPLE_SIZE = { units: 6, people: 60, years: 2 } as const;

/**
 * “载入示例数据”: seeds this device's (fresh) database as the example organisation's HR person and
 * keeps the private keys — the HR person's device keys and the organisation key — with the host,
 * before anything is written. The host's key store must be unlocked (`ensureUnlocked`). If a
 * profile exists, its person becomes the HR person (and gains the HR role); otherwise one is made.
 * Throws DutyBookError('conflict', …, { reason }) when the database already holds data.
 */
export function loadExampleData(
  services: { db: DutyBookDb; host: Pick<HostApi, 'storeSecret' | 'loadSecret'> },
  options: Omit<SeedOptions, 'beforeWrite' | 'keepBundles'> = {},
): Promise<SeedResult> {
  return seedDatabase(services.db, {
    ...EXAMPLE_SIZE,
    ...options,
    beforeWrite: async ({ hr, orgKey }) => {
      await storeDeviceKeys(services.host, hr);
      await storeOrgKey(services.host, orgKey);
    },
  });
}
