import { useEffect, useState } from 'react';
import { Box, Button, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { ValidationError } from '../../../shared/errors/errors';
import { updateProfile } from '../../../shared/store';
import type { HostOutput } from '../../../shared/host/contract';
import type { LocalProfile, PresetId } from '../../../shared/domain';
import { useServices } from '../../state/services';
import { useNotifications } from '../../state/notifications';
import { zh } from '../../i18n/zh';
import { ProfileFields, type FieldErrors, type ProfileDraft } from '../../components/ProfileFields';
import { PresetPicker } from '../../components/PresetPicker';
import { PresetSummary } from './PresetSummary';
import { AppLockSettings } from '../../lock/AppLockSettings';
import { BackupSection } from '../../backup/BackupSection';
import { useRoles } from '../../state/roles';
import { rolesText } from '../../i18n/roles';

function draftOf(p: LocalProfile): ProfileDraft {
  return {
    name: p.name,
    unitName: p.unitName,
    title: p.title ?? '',
    positionCategory: p.positionCategory,
    rankLevel: p.rankLevel,
    roles: [...p.roles],
  };
}

export function SettingsPage({ profile }: { profile: LocalProfile }) {
  const { db, host } = useServices();
  const { reportError, notify } = useNotifications();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [presetId, setPresetId] = useState<PresetId>(profile.presetId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [info, setInfo] = useState<HostOutput<'getAppInfo'> | null>(null);
  // Once this device is enrolled the roster's roles apply: shown as they are, not to be ticked here.
  const { source } = useRoles();
  const rosterRoles = source.from === 'roster' ? source.roles : null;

  useEffect(() => {
    host.getAppInfo().then(setInfo, reportError);
  }, [host, reportError]);

  const save = async () => {
    try {
      await updateProfile(db, {
        name: draft.name.trim(),
        unitName: draft.unitName.trim(),
        title: draft.title.trim() || undefined,
        positionCategory: draft.positionCategory as LocalProfile['positionCategory'],
        rankLevel: draft.rankLevel,
        // The tick is kept as it was while the roster decides (it is not used then).
        roles: rosterRoles ? profile.roles : draft.roles,
        presetId,
      });
      setErrors({});
      notify({ kind: 'success', text: zh.settings.saved });
    } catch (e) {
      if (e instanceof ValidationError) {
        const fe: FieldErrors = {};
        for (const i of e.issues) fe[i.path.split('.')[0] as keyof ProfileDraft] ??= i.message;
        setErrors(fe);
      }
      reportError(e);
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Typography variant="h5" component="h1">
        {zh.settings.title}
      </Typography>
      <Paper sx={{ p: 3 }} component="section" aria-labelledby="settings-profile">
        <Typography id="settings-profile" variant="h6" component="h2" gutterBottom>
          {zh.settings.profile}
        </Typography>
        <ProfileFields
          draft={rosterRoles ? { ...draft, roles: rosterRoles } : draft}
          errors={errors}
          onChange={(p) => setDraft((d) => ({ ...d, ...p }))}
          show="all"
          rolesLocked={rosterRoles !== null}
          rolesNote={source.from === 'roster' ? rolesText.fromRoster(source.rosterVersion) : rolesText.fromProfile}
        />
      </Paper>
      <Paper sx={{ p: 3 }} component="section" aria-labelledby="settings-preset">
        <Typography id="settings-preset" variant="h6" component="h2" gutterBottom>
          {zh.settings.preset}
        </Typography>
        <PresetPicker value={presetId} onChange={setPresetId} />
        <PresetSummary presetId={presetId} />
      </Paper>
      <Box>
        <Button variant="contained" onClick={() => void save()}>
          {zh.settings.save}
        </Button>
      </Box>
      <AppLockSettings />
      <BackupSection />
      <Paper sx={{ p: 3 }} component="section" aria-labelledby="settings-about">
        <Typography id="settings-about" variant="h6" component="h2" gutterBottom>
          {zh.settings.about}
        </Typography>
        {info ? (
          <Table size="small">
            <TableBody>
              <TableRow>
                <TableCell component="th">{zh.settings.version}</TableCell>
                <TableCell>
                  {info.version}({info.kind === 'web' ? zh.settings.hostWeb : zh.settings.hostElectron})
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell component="th">{zh.settings.keyStore}</TableCell>
                <TableCell>{info.keyStore === 'os' ? zh.settings.keyStoreOs : zh.settings.keyStorePassphrase}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2">{zh.common.loading}</Typography>
        )}
      </Paper>
    </Stack>
  );
}
