/** A live query keyed by what it asks for: every workspace's screens read through it. */
import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live query for one thing asked for (`key`: the person and the year, month or quarter), undefined
 * until its answer is in. useLiveQuery keeps its previous result while a new one runs; the key makes
 * sure a screen never shows, or starts an editor from, another month's or year's data.
 */
export function useLiveFor<T>(key: string, query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const tagged = useLiveQuery(async () => ({ key, value: await query() }), [...deps, key]);
  return tagged?.key === key ? tagged.value : undefined;
}
