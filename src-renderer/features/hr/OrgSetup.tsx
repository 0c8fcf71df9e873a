import { useState, type FormEvent } from 'react';
import { Box, Button, Stack, TextField } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { isCancelled } from '../../key-store/keyStore';
import { Section } from '../../components/Section';
import { createOrg } from './org-service';

const t = zh.sync.hr;

export function OrgSetup({ profile }: { profile: LocalProfile }) {
  const services = useServices();
  const { reportError, notify } = useNotifications();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('请填写单位名称');
    setBusy(true);
    try {
      await createOrg(services, profile, name.trim());
      notify({ kind: 'success', text: t.created });
    } catch (err) {
      if (!isCancelled(err)) reportError(err);
      setBusy(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 720 }}>
      <Section id="hr-setup" title={t.setupTitle} help={t.setupHelp}>
        <Stack component="form" direction="row" spacing={1.5} onSubmit={(e) => void submit(e)} noValidate sx={{ alignItems: 'flex-start' }}>
          <TextField
            label={t.orgName}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            error={!!error}
            helperText={error ?? ' '}
            size="small"
            sx={{ flexGrow: 1 }}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <Button type="submit" variant="contained" disabled={busy}>
            {t.create}
          </Button>
        </Stack>
      </Section>
    </Box>
  );
}
