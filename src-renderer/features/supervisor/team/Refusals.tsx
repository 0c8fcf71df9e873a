/**
 * HR's 不予备案 still waiting for a correction, at the top of the supervisor's 待办: their own quarterly
 * registers (they correct and sign the next version) and their reports' plans (the official corrects
 * and submits again; the supervisor approves the new version).
 */
import { Button, Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { listOpenRefusals, type TeamMember } from '../../../../shared/store';
import type { RosterPerson } from '../../../../shared/sync';
import { FilingRefusalNotice } from '../../../records/FilingRefusalNotice';
import { useServices } from '../../../state/services';
import { supervisorPaths } from './links';

const words = {
  planNext: (name: string) => `已退回${name}本人修改;${name}重新提交后,请重新核准,再报人事部门备案。`,
  openRegister: '去更正登记表',
  openPlan: '查看计划',
} as const;

export function Refusals({ me, team, year }: { me: RosterPerson; team: readonly TeamMember[]; year: number }) {
  const { db } = useServices();
  const ids = [me.id, ...team.map((p) => p.id)];
  const refusals = useLiveQuery(() => listOpenRefusals(db, ids, year), [db, ids.join(','), year]);
  if (!refusals || refusals.length === 0) return null;
  const nameOf = (id: string) => team.find((p) => p.id === id)?.name ?? '';
  return (
    <Stack spacing={1} component="section" aria-label="人事部门不予备案" data-testid="team-refusals">
      {refusals.map((r) => (
        <Stack key={r.id} spacing={0.5}>
          {r.what === 'register' ? (
            <FilingRefusalNotice refusal={r} />
          ) : (
            <FilingRefusalNotice refusal={r} name={nameOf(r.personId)} next={words.planNext(nameOf(r.personId))} />
          )}
          <div>
            <Button
              component={Link}
              size="small"
              variant="outlined"
              to={
                r.what === 'register'
                  ? supervisorPaths.register(r.year, r.quarter ?? 1)
                  : supervisorPaths.person(r.personId, r.year, 'plan')
              }
            >
              {r.what === 'register' ? words.openRegister : words.openPlan}
            </Button>
          </div>
        </Stack>
      ))}
    </Stack>
  );
}
