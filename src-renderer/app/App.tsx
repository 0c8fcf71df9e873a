import { useEffect, useMemo, useState } from 'react';
import { Box, CircularProgress, CssBaseline, ThemeProvider } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { createHashRouter, RouterProvider } from 'react-router';
import { getProfile } from '../../shared/store';
import type { LocalProfile } from '../../shared/domain';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { NoticeBar } from '../components/NoticeBar';
import { lazyPage, PageSuspense } from '../components/LazyPage';
import { HomePage } from '../features/home/HomePage';
import { WorkspaceGuard } from '../features/home/WorkspaceGuard';
import { AppLockGate } from '../lock/AppLockGate';
import { readMarker, writeMarker } from '../features/recovery/marker';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { AutomaticBackups } from '../backup/AutomaticBackups';
import { RecoveryRestore } from '../backup';
import { zh } from '../i18n/zh';
import { AppShell } from './AppShell';
import { ServicesProvider, useServices, type Services } from '../state/services';
import { RolesProvider } from '../state/roles';
import { theme } from './theme';

// Each workspace and page is a chunk of its own, loaded when first opened (the home screen is not:
// it is where most starts land). The first-run wizard is used once per device.
const FirstRunWizard = lazyPage(() => import('../features/setup/FirstRunWizard'), 'FirstRunWizard');
const OfficialWorkspace = lazyPage(() => import('../features/official/OfficialWorkspace'), 'OfficialWorkspace');
const SupervisorWorkspace = lazyPage(() => import('../features/supervisor/SupervisorWorkspace'), 'SupervisorWorkspace');
const HrWorkspace = lazyPage(() => import('../features/hr/HrWorkspace'), 'HrWorkspace');
const SyncPage = lazyPage(() => import('../features/sync/SyncPage'), 'SyncPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage'), 'SettingsPage');

/** Hash routes: the app is served from a custom protocol or a static folder, with no server to rewrite paths. */
function Routed({ profile }: { profile: LocalProfile }) {
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <AppShell profile={profile} />,
          children: [
            { index: true, element: <HomePage profile={profile} /> },
            {
              path: 'official/*',
              element: (
                <WorkspaceGuard role="official">
                  <OfficialWorkspace profile={profile} />
                </WorkspaceGuard>
              ),
            },
            {
              path: 'supervisor/*',
              element: (
                <WorkspaceGuard role="supervisor">
                  <SupervisorWorkspace />
                </WorkspaceGuard>
              ),
            },
            {
              path: 'hr/*',
              element: (
                <WorkspaceGuard role="hr">
                  <HrWorkspace profile={profile} />
                </WorkspaceGuard>
              ),
            },
            { path: 'sync', element: <SyncPage profile={profile} /> },
            { path: 'settings', element: <SettingsPage profile={profile} /> },
            { path: '*', element: <HomePage profile={profile} /> },
          ],
        },
      ]),
    [profile],
  );
  return <RouterProvider router={router} />;
}

function Loading() {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }} aria-busy="true" aria-label={zh.common.loading}>
      <CircularProgress />
    </Box>
  );
}

function Root() {
  const { db, host } = useServices();
  // undefined while loading, null when this device has no profile yet.
  const profile = useLiveQuery(async () => (await getProfile(db)) ?? null, [db]);
  const [startedOver, setStartedOver] = useState(false);
  // A note outside the database that a profile lives here: an empty database then means lost, not new.
  useEffect(() => {
    if (profile) writeMarker(db.name, profile);
  }, [db, profile]);
  if (profile === undefined) return <Loading />;
  if (profile === null) {
    const marker = startedOver ? null : readMarker(db.name);
    if (marker) {
      return (
        <RecoveryScreen
          dbName={db.name}
          marker={marker}
          restore={<RecoveryRestore dbName={db.name} host={host} onRestored={() => window.location.reload()} />}
          onStartedOver={() => setStartedOver(true)}
        />
      );
    }
    return (
      <PageSuspense fullScreen>
        <FirstRunWizard />
      </PageSuspense>
    );
  }
  return (
    <>
      {/* The daily database backup (src-renderer/backup): at start and hourly, never in the way. */}
      <AutomaticBackups />
      {/* The roles every screen works with: the roster's once this device is enrolled, the profile's before. */}
      <RolesProvider profile={profile} loading={<Loading />}>
        <Routed profile={profile} />
      </RolesProvider>
    </>
  );
}

export function App({ services }: { services: Services }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ErrorBoundary>
        <ServicesProvider services={services}>
          {/* The local password lock: wraps the host's key access and covers the app while locked. */}
          <AppLockGate>
            <Root />
          </AppLockGate>
          <NoticeBar />
        </ServicesProvider>
      </ErrorBoundary>
    </ThemeProvider>
  );
}
