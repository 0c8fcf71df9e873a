import { useMemo, useState } from 'react';
import { Alert, Box, Button, Checkbox, FormControlLabel, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { createBundle, whoHoldsKey } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { BUNDLE_EXT, BUNDLE_FILTER, kb, safeName, stamp } from '../../bundles/files';
import { ensureIdentity, tick } from '../../bundles/identity';
import { isCancelled } from '../../key-store/keyStore';
import { recipientsFor } from './recipients';
import { Section } from '../../components/Section';
import type { SyncData } from './useSyncData';

const t = zh.sync.exporter;

type Outcome = { text: string; more: boolean; withheld: string[] } | { cancelled: true };

export function ExportSection({ profile, data }: { profile: LocalProfile; data: SyncData }) {
  const services = useServices();
  const { reportError } = useNotifications();
  const { identity, roster } = data;
  const me = identity && roster ? whoHoldsKey(roster.roster, identity.signingPub) : undefined;
  const recipients = useMemo(() => (roster && me ? recipientsFor(roster.roster, me.person.id) : []), [roster, me]);
  const [picked, setPicked] = useState('');
  const [full, setFull] = useState(false);
  const [stage, setStage] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const recipient = recipients.find((r) => r.personId === picked) ?? recipients[0];

  const run = async () => {
    if (!recipient || !roster || !me) return;
    setOutcome(null);
    setStage(t.planning);
    try {
      const { suite, keys } = await ensureIdentity(services, profile);
      await tick();
      const { bytes, plan, commit } = await createBundle(services.db, {
        suite,
        keys,
        peer: { personId: recipient.personId },
        full,
        deferRecord: true,
      });
      setStage(t.saving);
      await tick();
      const name = `${safeName(me.person.name)}-发给${safeName(recipient.name)}-${stamp()}.${BUNDLE_EXT}`;
      const saved = await services.host.saveFile({ suggestedName: name, data: new Uint8Array(bytes), filters: [BUNDLE_FILTER] });
      // Only a file that was written counts as sent in 往来记录.
      if (!saved) return setOutcome({ cancelled: true });
      await commit();
      // Withheld facts are not among the facts sent: each names its record itself.
      const withheld = plan.withheld.map((w) => `${w.label}:${w.reason}`);
      setOutcome({ text: t.written(saved.path, plan.facts.length, kb(saved.bytes)), more: plan.more, withheld });
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      setStage(null);
    }
  };

  let blocked: string | null = null;
  if (!roster) blocked = t.noRoster;
  else if (!me || me.key.retired) blocked = t.notListed;
  else if (recipients.length === 0) blocked = t.noRecipients;

  return (
    <Section id="sync-export" title={t.title} help={t.help}>
      {blocked ? (
        <Typography variant="body2">{blocked}</Typography>
      ) : (
        <Stack spacing={1.5}>
          <Stack direction="row" spacing={3} sx={{ alignItems: 'center' }}>
            <TextField
              select
              size="small"
              label={t.recipient}
              value={recipient?.personId ?? ''}
              onChange={(e) => setPicked(e.target.value)}
              sx={{ width: 320, flex: '0 0 auto' }}
            >
              {recipients.map((r) => (
                <MenuItem key={r.personId} value={r.personId}>
                  {r.name}({r.relation})
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={<Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} />}
              label={t.full}
              sx={{ m: 0 }}
            />
          </Stack>
          {full ? (
            <Typography variant="body2" color="text.secondary">
              {t.fullHelp}
            </Typography>
          ) : null}
          <Box>
            <Button variant="contained" onClick={() => void run()} disabled={stage !== null}>
              {t.button}
            </Button>
          </Box>
        </Stack>
      )}
      {stage ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{stage}</Typography>
          <LinearProgress aria-label={stage} />
        </Box>
      ) : null}
      {outcome && 'text' in outcome ? (
        <Alert severity="success" data-testid="export-result">
          {outcome.text}
          {outcome.more ? <div>{t.more}</div> : null}
          {outcome.withheld.length > 0 ? (
            <div>
              {t.withheld(outcome.withheld.length)}
              <ul>
                {outcome.withheld.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </Alert>
      ) : null}
      {outcome && 'cancelled' in outcome ? <Alert severity="info">{t.cancelled}</Alert> : null}
    </Section>
  );
}
