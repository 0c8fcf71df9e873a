/** What the team screens read besides the scaffold's hooks: the whole team's year, live. */
import { useMemo } from 'react';
import { QUARTERS, localIsoDate, teamOverview, type TeamOverview } from '../../../../shared/domain';
import { listRegisterVersions, readPersonYear, type TeamMember } from '../../../../shared/store';
import type { RosterPerson } from '../../../../shared/sync';
import { useServices } from '../../../state/services';
import { useLiveFor } from '../../../components/useLiveFor';

/** The team overview of `year` for the acting supervisor, recomputed whenever the database changes. */
export function useTeamOverview(
  me: RosterPerson,
  team: readonly TeamMember[],
  year: number,
): TeamOverview | undefined {
  const { db } = useServices();
  const ids = team.map((p) => p.id).join(',');
  const people = useMemo(() => team.map((p) => ({ id: p.id, name: p.name })), [team]);
  return useLiveFor(
    `${me.id}|${ids}|${year}`,
    async () => {
      const years = await Promise.all(people.map((p) => readPersonYear(db, p.id, year)));
      const registers = (
        await Promise.all(QUARTERS.map((q) => listRegisterVersions(db, me.id, year, q)))
      ).flat();
      return teamOverview({
        year,
        today: localIsoDate(new Date()),
        people,
        data: Object.fromEntries(people.map((p, i) => [p.id, years[i]])),
        registers,
      });
    },
    [db, me.id, people, year],
  );
}
