/** Reading what the supervisor's screens show, live from the database. */
import { useLiveQuery } from 'dexie-react-hooks';
import { describeError } from '../../../shared/errors/messages.zh';
import { listTeam, readPersonYear, type PersonYear, type TeamMember } from '../../../shared/store';
import type { RosterPerson } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { useLiveFor } from '../../components/useLiveFor';

export type TeamState =
  | { status: 'loading' }
  /** No keys or no roster yet: `reason` says what to do (in Chinese). */
  | { status: 'unavailable'; reason: string }
  | { status: 'ready'; me: RosterPerson; team: TeamMember[] };

/** The acting supervisor's direct reports from the HR-signed roster, live. */
export function useTeam(): TeamState {
  const { db } = useServices();
  const result = useLiveQuery(async (): Promise<TeamState> => {
    try {
      const { me, team } = await listTeam(db);
      return { status: 'ready', me, team };
    } catch (e) {
      return { status: 'unavailable', reason: describeError(e).detail };
    }
  }, [db]);
  return result ?? { status: 'loading' };
}

/** One person's year as this device holds it (plan, record books, summaries, evaluations, feedback). */
export function usePersonYear(personId: string, year: number): PersonYear | undefined {
  const { db } = useServices();
  return useLiveFor(`${personId}-${year}`, () => readPersonYear(db, personId, year), [db, personId, year]);
}
