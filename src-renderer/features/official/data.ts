/** Reading what the official's screens show, live from the database. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getPlan, listRecordsOfYear, listSummariesOfYear } from '../../../shared/store';
import { useServices } from '../../app/services';
import { useOfficial } from './context';

/**
 * A live query for one thing asked for (`key`: the person and the year, month or quarter), undefined
 * until its answer is in. useLiveQuery keeps its previous result while a new one runs; the key makes
 * sure a screen never shows, or starts an editor from, another month's or year's data.
 */
export function useLiveFor<T>(key: string, query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const tagged = useLiveQuery(async () => ({ key, value: await query() }), [...deps, key]);
  return tagged?.key === key ? tagged.value : undefined;
}

/** The year's plan, record books and summaries of the official shown. */
export function useYearData() {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  return useLiveFor(
    `${personId}-${year}`,
    async () => {
      const [plan, records, summaries] = await Promise.all([
        getPlan(db, personId, year),
        listRecordsOfYear(db, personId, year),
        listSummariesOfYear(db, personId, year),
      ]);
      return { plan, records, summaries };
    },
    [db, personId, year],
  );
}
