import { Stack } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { AuditPanel } from './AuditPanel';
import { EnrollmentPanel } from './EnrollmentPanel';
import { PeoplePanel } from './PeoplePanel';
import { ReceivedPanel } from './ReceivedPanel';
import { RosterPanel } from './RosterPanel';
import { UnitsPanel } from './UnitsPanel';

/** 单位和人员: the roster to issue, units, people, enrollment requests, what has been received, the 操作日志. */
export function HrHome({ profile }: { profile: LocalProfile }) {
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <RosterPanel profile={profile} />
      <UnitsPanel />
      <PeoplePanel />
      <EnrollmentPanel />
      <ReceivedPanel />
      <AuditPanel />
    </Stack>
  );
}
