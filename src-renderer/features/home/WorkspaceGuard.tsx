import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { Link } from 'react-router';
import type { Role } from '../../../shared/domain';
import { EmptyState } from '../../components/EmptyState';
import { ensureUnlocked, isCancelled } from '../../key-store/keyStore';
import { useNotifications } from '../../state/notifications';
import { useRoles } from '../../state/roles';
import { useServices } from '../../state/services';
import { rolesText as t } from '../../i18n/roles';
import { zh } from '../../i18n/zh';

// Needed only where HR's key store is locked: kept out of the script every start parses.
const KeyStoreDialog = lazy(() => import('../../key-store/KeyStoreDialog').then((m) => ({ default: m.KeyStoreDialog })));

/**
 * A workspace opens only for its role — the roster's once this device is enrolled, the profile's
 * before — and HR's on an enrolled device only with the HR organisation key here. Opened by address
 * without them, it says why and what to do instead of showing a workspace whose actions would fail.
 */
export function WorkspaceGuard({ role, children }: { role: Role; children: ReactNode }) {
  const { host } = useServices();
  const reportError = useNotifications((s) => s.reportError);
  const { source, access, recheckHrKey } = useRoles();
  const state = access(role);
  // Once open, a workspace stays mounted while the key is looked for again (a new roster was just
  // issued here): remounting would drop what is on screen.
  const [wasOpen, setWasOpen] = useState(false);
  if (state !== 'checking' && wasOpen !== (state === 'open')) setWasOpen(state === 'open');
  if (state === 'open' || (state === 'checking' && wasOpen)) return <>{children}</>;

  const version = source.from === 'roster' ? source.rosterVersion : 0;
  let body: ReactNode;
  switch (state) {
    case 'checking':
      return (
        <Box sx={{ display: 'grid', placeItems: 'center', minHeight: 240 }} aria-busy="true">
          <CircularProgress aria-label={t.checking} />
        </Box>
      );
    case 'no-role':
      body =
        source.from === 'roster' ? (
          <EmptyState
            title={t.notInRoster(role)}
            action={
              <Button component={Link} to="/" variant="contained">
                {t.toHome}
              </Button>
            }
          >
            {t.notInRosterBody(version, source.roles)}
          </EmptyState>
        ) : (
          <EmptyState
            title={t.notInProfile(role)}
            action={
              <Button component={Link} to="/settings" variant="contained">
                {t.toSettings}
              </Button>
            }
          >
            {t.notInProfileBody}
          </EmptyState>
        );
      break;
    case 'hr-key-missing':
      body = (
        <EmptyState
          title={t.noHrKey}
          action={
            <Button component={Link} to="/sync" variant="contained">
              {t.toSync}
            </Button>
          }
        >
          {t.noHrKeyBody(version)}
        </EmptyState>
      );
      break;
    case 'hr-key-locked':
      body = (
        <>
          <Suspense fallback={null}>
            <KeyStoreDialog />
          </Suspense>
          <EmptyState
            title={t.hrKeyLocked}
            action={
              <Button
                variant="contained"
                onClick={() =>
                  void ensureUnlocked(host).then(recheckHrKey, (e: unknown) => {
                    if (!isCancelled(e)) reportError(e);
                  })
                }
              >
                {t.unlock}
              </Button>
            }
          >
            {t.hrKeyLockedBody}
          </EmptyState>
        </>
      );
      break;
  }
  return (
    <>
      <Typography variant="h5" component="h1">
        {zh.nav[role]}
      </Typography>
      {body}
    </>
  );
}
