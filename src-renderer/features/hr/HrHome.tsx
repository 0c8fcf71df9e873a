import { useLiveQuery } from 'dexie-react-hooks';
import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { useServices } from '../../app/services';
import { zh } from '../../i18n/zh';
import { EnrollmentPanel } from './EnrollmentPanel';
import { OrgSetup } from './OrgSetup';
import { PeoplePanel } from './PeoplePanel';
import { readOrg } from './org-service';
import { ReceivedPanel } from './ReceivedPanel';
import { RosterPanel } from './RosterPanel';
import { UnitsPanel } from './UnitsPanel';

const t = zh.sync.hr;

export function HrHome({ profile }: { profile: LocalProfile }) {
  const { db } = useServices();
  const org = useLiveQuery(async () => (await readOrg(db)) ?? null, [db]);
  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        {t.title}
        {org ? ` · ${org.name}` : ''}
      </Typography>
      {org === undefined ? (
        <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
          <CircularProgress aria-label={zh.common.loading} />
        </Box>
      ) : org === null ? (
        <OrgSetup profile={profile} />
      ) : (
        <Stack spacing={2} sx={{ maxWidth: 1100 }}>
          <RosterPanel profile={profile} />
          <UnitsPanel />
          <PeoplePanel />
          <EnrollmentPanel />
          <ReceivedPanel />
        </Stack>
      )}
    </>
  );
}
