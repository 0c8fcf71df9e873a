import { useState } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { auditOutput } from '../../../shared/store';
import type { LocalProfile } from '../../../shared/domain';
import { createEnrollmentRequest, fingerprintHex, whoHoldsKey } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { ENROLL_EXT, ENROLL_FILTER, safeName } from '../../bundles/files';
import { Fingerprint } from '../../bundles/Fingerprint';
import { ensureIdentity } from '../../bundles/identity';
import { isCancelled } from '../../key-store/keyStore';
import { Section } from '../../components/Section';
import type { SyncData } from './useSyncData';

const t = zh.sync.identity;

export function IdentitySection({ profile, data }: { profile: LocalProfile; data: SyncData }) {
  const services = useServices();
  const { reportError } = useNotifications();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // 人员编号, if the person knows it: HR matches a folder of requests by it first.
  const [staffNo, setStaffNo] = useState('');
  const { identity, roster } = data;
  const listed = identity && roster ? whoHoldsKey(roster.roster, identity.signingPub) : undefined;

  const makeRequest = async () => {
    setBusy(true);
    setSaved(null);
    try {
      const { suite, keys, identity: me } = await ensureIdentity(services, profile);
      const file = await createEnrollmentRequest(suite, {
        keys,
        personId: me.personId,
        personName: profile.name,
        unitName: profile.unitName,
        ...(staffNo.trim() ? { staffNo: staffNo.trim() } : {}),
        deviceId: me.device,
      });
      const result = await services.host.saveFile({
        suggestedName: `${safeName(profile.name)}-注册申请.${ENROLL_EXT}`,
        data: new Uint8Array(file),
        filters: [ENROLL_FILTER],
      });
      if (result) await auditOutput(services.db, { kind: 'document', what: '注册申请', file: `${safeName(profile.name)}-注册申请.${ENROLL_EXT}` });
      if (result) setSaved(t.requestSaved(result.path));
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="sync-identity" title={t.title} help={t.help}>
      {identity ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            {profile.unitName} · {profile.name} · {t.fingerprint}
          </Typography>
          <Fingerprint value={fingerprintHex(identity.signingPub)} testId="my-fingerprint" />
        </Stack>
      ) : (
        <Typography variant="body2">{t.noKeys}</Typography>
      )}
      {identity ? (
        <Alert severity={listed && !listed.key.retired ? 'success' : 'info'} data-testid="enrollment-status">
          {listed && !listed.key.retired && roster ? t.enrolled(roster.roster.version) : t.notEnrolled}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label="人员编号(可不填)"
          value={staffNo}
          onChange={(e) => setStaffNo(e.target.value.replace(/\s/g, '').slice(0, 30))}
          sx={{ width: 200, flex: '0 0 auto' }}
        />
        <Button variant={listed ? 'outlined' : 'contained'} onClick={() => void makeRequest()} disabled={busy}>
          {t.makeRequest}
        </Button>
      </Stack>
      {saved ? (
        <Alert severity="success" data-testid="enrollment-saved">
          {saved}
        </Alert>
      ) : null}
    </Section>
  );
}
