import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import { HistorySection } from './HistorySection';
import { IdentitySection } from './IdentitySection';
import { ImportSection } from './ImportSection';
import { ensureIdentity } from '../../bundles/identity';
import { isCancelled } from '../../key-store/keyStore';
import { KeyStoreDialog } from '../../key-store/KeyStoreDialog';
import { TrustSection } from './TrustSection';
import { useSyncData } from './useSyncData';

const t = zh.sync;

/** 同步: this device's identity, trust in HR, and bundles in and out. Every role has it. */
export function SyncPage({ profile }: { profile: LocalProfile }) {
  const services = useServices();
  const { reportError } = useNotifications();
  const data = useSyncData(services.db);
  const [locked, setLocked] = useState(false);

  // The first visit makes this device's keys (after the key store is unlocked).
  const prepare = useCallback(async () => {
    setLocked(false);
    try {
      await ensureIdentity(services, profile);
    } catch (e) {
      if (isCancelled(e)) setLocked(true);
      else reportError(e);
    }
  }, [services, profile, reportError]);
  useEffect(() => {
    void prepare();
  }, [prepare]);

  return (
    <>
      <KeyStoreDialog />
      <Typography variant="h5" component="h1" gutterBottom>
        {t.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 960 }}>
        {t.intro}
      </Typography>
      {locked ? (
        <Alert
          severity="warning"
          sx={{ mb: 2, maxWidth: 960 }}
          action={
            <Button color="inherit" size="small" onClick={() => void prepare()}>
              {t.unlock}
            </Button>
          }
        >
          {t.unlockNeeded}
        </Alert>
      ) : null}
      {data === undefined ? (
        <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }} aria-busy="true" aria-label={t.preparing}>
          <CircularProgress />
        </Box>
      ) : (
        <Stack spacing={2} sx={{ maxWidth: 960 }}>
          <IdentitySection profile={profile} data={data} />
          <TrustSection data={data} />
          <ImportSection profile={profile} data={data} />
          <ExportSection profile={profile} data={data} />
          <HistorySection />
          <BackupSection profile={profile} />
        </Stack>
      )}
    </>
  );
}
