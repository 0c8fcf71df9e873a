import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { LocalProfile } from '../../../shared/domain';
import { getCurrentRoster, getSelfIdentity, readRosterDistribution } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { dateTime } from '../../components/dates';
import { isCancelled } from '../../key-store/keyStore';
import { Section } from '../../components/Section';
import { useEnrollments } from './enrollments';
import { issueRoster, pendingRosterChanges } from './org-service';
import { orgText } from './rules/org-strings';
import { DistributeDialog } from './DistributeDialog';
import { distText } from './dist-strings';

const t = zh.sync.hr;

export function RosterPanel({ profile }: { profile: LocalProfile }) {
  const services = useServices();
  const { reportError, notify } = useNotifications();
  const roster = useLiveQuery(async () => (await getCurrentRoster(services.db)) ?? null, [services.db]);
  const changes = useLiveQuery(() => pendingRosterChanges(services.db), [services.db]) ?? [];
  const { pending, clearBound } = useEnrollments();
  const distribution = useLiveQuery(() => readRosterDistribution(services.db), [services.db]) ?? null;
  const me = useLiveQuery(() => getSelfIdentity(services.db), [services.db]);
  const [distributing, setDistributing] = useState(false);
  const [busy, setBusy] = useState(false);
  const boundCount = pending.filter((p) => p.boundTo).length;

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
      {roster === null ? <Typography variant="body2">{orgText.notIssued}</Typography> : null}
      {roster && (changes.length > 0 || boundCount > 0) ? (
        <Alert severity="warning" data-testid="roster-pending">
          <Typography variant="body2">{orgText.pendingTitle}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
            {boundCount > 0 ? <li>{orgText.pendingEnrollments(boundCount)}</li> : null}
          </Box>
        </Alert>
      ) : null}
      {roster && changes.length === 0 && boundCount === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="roster-up-to-date">
          {orgText.upToDate}
        </Typography>
      ) : null}
      {roster && distribution ? (
        <Alert
          severity={distribution.pending.length > 0 ? 'info' : 'success'}
          data-testid="roster-distribution"
          action={
            <Button color="inherit" size="small" variant="outlined" onClick={() => setDistributing(true)}>
              {distText.distribute}
            </Button>
          }
        >
          {distribution.pending.length > 0
            ? distText.notDistributed(distribution.version, distribution.pending.length)
            : distText.allDistributed(distribution.version)}
          {distribution.noKey.length > 0 ? <div>{distText.noKeysYet(distribution.noKey.length)}</div> : null}
        </Alert>
      ) : null}
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
      {roster && distributing ? (
        <DistributeDialog
          open
          onClose={() => setDistributing(false)}
          profile={profile}
          roster={roster}
          distribution={distribution}
          myId={me?.personId ?? profile.personId}
        />
      ) : null}
    </Section>
  );
}
