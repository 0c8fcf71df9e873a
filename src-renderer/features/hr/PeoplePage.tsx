import { Stack } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { EnrollmentPanel } from './EnrollmentPanel';
import { PeoplePanel } from './PeoplePanel';
import { RosterPanel } from './RosterPanel';
import { UnitsPanel } from './UnitsPanel';
import { RosterExcelToolbar } from './people/RosterExcelToolbar';

/** 单位和人员: the roster to issue, units, people, enrollment requests. */
export function PeoplePage({ profile }: { profile: LocalProfile }) {
  return (
    <Stack spacing={2}>
      <RosterPanel profile={profile} />
      <UnitsPanel />
      <RosterExcelToolbar />
      <PeoplePanel />
      <EnrollmentPanel />
    </Stack>
  );
}
