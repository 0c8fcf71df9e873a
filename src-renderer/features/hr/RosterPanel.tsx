import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Box, Button, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { LocalProfile } from '../../../shared/domain';
import { getCurrentRoster } from '../../../shared/store';
import { useServices } from '../../app/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { dateTime } from '../sync/files';
import { isCancelled } from '../sync/keyStore';
import { Section } from '../sync/Section';
import { useEnrollments } from './enrollments';
import { issueRoster } from './org-service';

const t = zh.sync.hr;

export function RosterPanel({ profile }: { profile: LocalProfile }) {
  const services = useServices();
  const { reportError, notify } = useNotifications();
  const roster = useLiveQuery(async () => (await getCurrentRoster(services.db)) ?? null, [services.db]);
  const { pending, clearBound } = useEnrollments();
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    try {
      const version = await issueRoster(services, profile, pending);
      clearBound();
      notify({ kind: 'success', text: t.issued(version) });
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="hr-roster" title={t.roster}>
      <Typography data-testid="roster-version">
        {roster ? t.rosterCurrent(roster.roster.version, dateTime(roster.roster.issuedAt)) : t.rosterNone}
      </Typography>
      <Stack direction="row" spacing={1.5}>
        <Box>
          <Button variant="contained" onClick={() => void issue()} disabled={busy}>
            {t.issue}
          </Button>
        </Box>
        <Button component={RouterLink} to="/hr/notice">
          {t.notice}
        </Button>
      </Stack>
    </Section>
  );
}
