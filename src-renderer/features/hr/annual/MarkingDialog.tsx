/**
 * HR marks what the roster cannot show — 病、事假累计超过规定, 立案审查尚未结案 … — as 不定等次 or
 * 不参加, with the reason; kept on this device per year (annual-quota-repo.ts). A refusal keeps
 * everything typed.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  PARTICIPATION_MARKING_PRESETS,
  annualParticipationLabels,
  type ParticipationMarking,
} from '../../../../shared/domain';
import { saveAnnualMarking } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { validationIssues } from '../../../components/fieldErrors';
import { reportsText as t } from './strings';

export function MarkingDialog(props: {
  year: number;
  personId: string;
  name: string;
  current: ParticipationMarking | undefined;
  onClose: () => void;
}) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const [kind, setKind] = useState<ParticipationMarking['kind']>(props.current?.kind ?? 'notParticipating');
  const [reason, setReason] = useState(props.current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const store = async (marking: ParticipationMarking | null) => {
    setSaving(true);
    try {
      await saveAnnualMarking(db, { year: props.year, personId: props.personId, marking });
      notify({ kind: 'success', text: marking ? t.markSaved(props.name) : t.markCleared(props.name) });
      props.onClose();
    } catch (e) {
      const issues = validationIssues(e);
      if (issues && issues[0]) setError(issues.map((i) => i.message).join(';'));
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm" aria-labelledby="marking-title">
      <DialogTitle id="marking-title">{t.markTitle(props.name)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t.markIntro}
          </Typography>
          <FormControl>
            <FormLabel id="marking-kind">{t.markKind}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="marking-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as ParticipationMarking['kind'])}
            >
              {(['notParticipating', 'ungraded'] as const).map((k) => (
                <FormControlLabel
                  key={k}
                  value={k}
                  control={<Radio />}
                  label={annualParticipationLabels[k]}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label={t.markPresets}>
            {PARTICIPATION_MARKING_PRESETS.map((p) => (
              <Chip
                key={p.reason}
                label={p.reason}
                variant="outlined"
                onClick={() => {
                  setKind(p.kind);
                  setReason(p.reason);
                  setError(null);
                }}
              />
            ))}
          </Stack>
          <TextField
            label={t.markReason}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            multiline
            minRows={2}
            error={error !== null}
            helperText={error ?? ' '}
          />
          {props.current ? <Alert severity="info">{t.marked}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        {props.current ? (
          <Button color="inherit" disabled={saving} onClick={() => void store(null)}>
            {t.markClear}
          </Button>
        ) : null}
        <Button onClick={props.onClose} disabled={saving}>
          {t.markCancel}
        </Button>
        <Button variant="contained" disabled={saving} onClick={() => void store({ kind, reason })}>
          {t.markSave}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
