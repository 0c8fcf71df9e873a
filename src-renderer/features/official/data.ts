/** Reading what the official's screens show, live from the database. */
import { getPlan, listRecordsOfYear, listSummariesOfYear } from '../../../shared/store';
import { useServices } from '../../state/services';
import { useLiveFor } from '../../components/useLiveFor';
import { useOfficial } from './context';

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
