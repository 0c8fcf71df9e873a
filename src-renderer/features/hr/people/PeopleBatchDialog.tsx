import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  localIsoDate,
  ROLES,
  roleLabels,
  type OrgUnit,
  type Person,
  type Role,
} from '../../../../shared/domain';
import { ValidationError } from '../../../../shared/errors/errors';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  applyPeopleBatch,
  planPeopleBatch,
  type PeopleBatchChange,
  type PeopleBatchRefusal,
} from '../../../../shared/store';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { unitDepths } from '../../../components/list';
import { useServices } from '../../../state/services';
import { batchText as t } from './batch-strings';

export type BatchKind = 'supervisor' | 'unit' | 'leave' | 'roles';

type Props = {
  kind: BatchKind;
  chosen: readonly Person[];
  everyone: readonly Person[];
  units: readonly OrgUnit[];
  onClose: () => void;
  /** After the batch is applied: how many changed. */
  onDone: (changed: number) => void;
  /** Takes the refused people out of the selection. */
  onDrop: (ids: string[]) => void;
};

/**
 * One batch action on the people chosen in the list: what changes and from which day, a check of
 * every person before anything is written (the single edit's rules), and the refusals by name.
 */
export function PeopleBatchDialog({ kind, chosen, everyone, units, onClose, onDone, onDrop }: Props) {
  const { db } = useServices();
  const [on, setOn] = useState(() => localIsoDate(new Date()));
  const [supervisor, setSupervisor] = useState<Person | null>(null);
  const [noSupervisor, setNoSupervisor] = useState(false);
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const [roles, setRoles] = useState<Role[]>([]);
  const [refused, setRefused] = useState<PeopleBatchRefusal[]>([]);
  const [summary, setSummary] = useState<{ changed: number; same: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = useMemo(() => chosen.map((p) => p.id), [chosen]);
  const depth = useMemo(() => unitDepths(units), [units]);
  const supervisors = useMemo(
    () => everyone.filter((p) => p.active && p.roles.includes('supervisor')),
    [everyone],
  );

  const change: PeopleBatchChange | string = (() => {
    if (kind === 'leave') return { kind };
    if (kind === 'supervisor') {
      if (noSupervisor) return { kind, supervisorId: null };
      return supervisor ? { kind, supervisorId: supervisor.id } : t.pickSupervisor;
    }
    if (kind === 'unit') return unit ? { kind, unitId: unit.id } : t.pickUnit;
    if (roles.length === 0) return t.rolesPick;
    return { kind, add: mode === 'add' ? roles : [], remove: mode === 'remove' ? roles : [] };
  })();
  const key = typeof change === 'string' ? '' : JSON.stringify([change, on, ids]);

  // Every person checked as the choice changes, before anything is written.
  useEffect(() => {
    if (key === '' || !on) return undefined;
    let live = true;
    const [c, day, who] = JSON.parse(key) as [PeopleBatchChange, string, string[]];
    planPeopleBatch(db, who, c, day).then(
      (plan) => {
        if (!live) return;
        setRefused(plan.refused);
        setSummary({ changed: plan.changed.length, same: plan.unchanged.length });
        setError(null);
      },
      (e: unknown) => {
        if (!live) return;
        setRefused([]);
        setSummary(null);
        setError(describeError(e).fields[0]?.message ?? describeError(e).detail);
      },
    );
    return () => {
      live = false;
    };
  }, [db, key, on]);

  const confirm = async () => {
    if (typeof change === 'string') {
      setError(change);
      return;
    }
    if (!on) {
      setError(t.dateRequired);
      return;
    }
    setBusy(true);
    try {
      const done = await applyPeopleBatch(db, ids, change, on);
      onDone(done.changed.length);
      onClose();
    } catch (e) {
      if (e instanceof ValidationError && e.issues.every((i) => ids.includes(i.path))) {
        const plan = await planPeopleBatch(db, ids, change, on);
        setRefused(plan.refused);
      } else {
        const d = describeError(e);
        setError(d.fields.length > 0 ? d.fields.map((f) => f.message).join('；') : d.detail);
      }
    } finally {
      setBusy(false);
    }
  };

  const what = t.actions[kind];
  return (
    <ConfirmDialog
      open
      title={t.title(what, chosen.length)}
      confirmText={what}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      busy={busy}
      maxWidth="sm"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        {kind === 'supervisor' ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Autocomplete
              options={supervisors}
              value={supervisor}
              disabled={noSupervisor}
              onChange={(_, p) => setSupervisor(p)}
              getOptionLabel={(p) => p.name}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              renderInput={(params) => <TextField {...params} label={t.newSupervisor} />}
              sx={{ width: 260 }}
            />
            <FormControlLabel
              control={
                <Checkbox checked={noSupervisor} onChange={(e) => setNoSupervisor(e.target.checked)} />
              }
              label={t.noSupervisor}
            />
          </Stack>
        ) : null}
        {kind === 'unit' ? (
          <Autocomplete
            options={units}
            value={unit}
            onChange={(_, u) => setUnit(u)}
            getOptionLabel={(u) => u.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            renderOption={({ key: k, ...props }, u) => (
              <li key={k} {...props} style={{ paddingLeft: 12 + 16 * (depth.get(u.id) ?? 0) }}>
                {u.name}
              </li>
            )}
            renderInput={(params) => <TextField {...params} label={t.newUnit} />}
            sx={{ width: 320 }}
          />
        ) : null}
        {kind === 'roles' ? (
          <Box>
            <RadioGroup
              row
              value={mode}
              onChange={(e) => setMode(e.target.value as 'add' | 'remove')}
              aria-label={t.rolesMode}
            >
              <FormControlLabel value="add" control={<Radio />} label={t.rolesAdd} />
              <FormControlLabel value="remove" control={<Radio />} label={t.rolesRemove} />
            </RadioGroup>
            <FormGroup row>
              {ROLES.map((r) => (
                <FormControlLabel
                  key={r}
                  control={
                    <Checkbox
                      checked={roles.includes(r)}
                      onChange={(e) =>
                        setRoles((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))
                      }
                    />
                  }
                  label={roleLabels[r]}
                />
              ))}
            </FormGroup>
          </Box>
        ) : null}
        <TextField
          type="date"
          label={kind === 'leave' ? t.leaveDate : t.changeDate}
          value={on}
          onChange={(e) => setOn(e.target.value)}
          helperText={kind === 'leave' ? t.leaveDateHelp : t.changeDateHelp}
          required
          sx={{ maxWidth: 380 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {kind === 'leave' ? (
          <Alert severity="warning" role="note">
            {t.leaveNote}
          </Alert>
        ) : null}
        {refused.length > 0 ? (
          <Alert severity="error" role="alert" data-testid="batch-refused">
            <Typography variant="body2">{t.refusedTitle(refused.length)}</Typography>
            <Box component="ul" sx={{ m: 0, pl: 3, maxHeight: 200, overflowY: 'auto' }}>
              {refused.map((r) => (
                <li key={r.personId}>
                  {r.name}：{r.reason}
                </li>
              ))}
            </Box>
            <Button
              size="small"
              sx={{ mt: 1 }}
              onClick={() => {
                onDrop(refused.map((r) => r.personId));
                setRefused([]);
              }}
            >
              {t.dropRefused(refused.length)}
            </Button>
          </Alert>
        ) : summary && typeof change !== 'string' ? (
          <Typography variant="body2" data-testid="batch-summary">
            {summary.changed === 0 ? t.nothing : t.willChange(summary.changed, summary.same)}
          </Typography>
        ) : null}
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
