import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import {
  ROLES,
  roleLabels,
  unitPathIds,
  type OrgUnit,
  type Person,
  type PositionCategory,
  type Role,
} from '../../../shared/domain';
import { describeError } from '../../../shared/errors/messages.zh';
import { putPerson } from '../../../shared/store';
import { useServices } from '../../state/services';
import { useNotifications } from '../../state/notifications';
import { zh } from '../../i18n/zh';
import { PositionRankFields } from '../../components/PositionRankFields';
import { orgText } from './rules/org-strings';

const t = zh.sync.hr;

type Draft = {
  name: string;
  unitId: string;
  positionCategory: PositionCategory | '';
  rankLevel: string;
  title: string;
  roles: Role[];
  supervisorId: string;
};

/** Adds or edits one person: name, unit, category, rank, roles and 主管领导. */
export function PersonDialog({
  person,
  units,
  people,
  onClose,
}: {
  person: Person | null;
  units: OrgUnit[];
  people: Person[];
  onClose: () => void;
}) {
  const { db } = useServices();
  const notify = useNotifications((s) => s.notify);
  const [draft, setDraft] = useState<Draft>(() => ({
    name: person?.name ?? '',
    unitId: person?.unitId ?? units[0]?.id ?? '',
    positionCategory: person?.positionCategory ?? '',
    rankLevel: person?.rankLevel ?? '',
    title: person?.title ?? '',
    roles: person ? [...person.roles] : ['official'],
    supervisorId: person?.supervisorId ?? '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  // Only people in post can be chosen; a supervisor who has since left stays shown while still set.
  const supervisors = people.filter(
    (p) => p.roles.includes('supervisor') && p.id !== person?.id && (p.active || p.id === person?.supervisorId),
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const saved = await putPerson(db, {
        ...(person ? { id: person.id, active: person.active } : {}),
        ...(draft.title.trim() ? { title: draft.title } : {}),
        name: draft.name,
        unitId: draft.unitId,
        positionCategory: draft.positionCategory as PositionCategory,
        rankLevel: draft.rankLevel,
        roles: draft.roles,
        supervisorId: draft.supervisorId || null,
      });
      notify({ kind: 'success', text: orgText.saved(saved.name) });
      onClose();
    } catch (err) {
      const d = describeError(err);
      const next: Record<string, string> = {};
      for (const f of d.fields) next[f.path.split('.')[0] || 'form'] ??= f.message;
      if (Object.keys(next).length === 0) next.form = d.detail;
      setErrors(next);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="person-dialog-title" maxWidth="sm" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="person-dialog-title">{person ? t.editPerson : t.addPerson}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField
              label={t.personName}
              autoFocus
              value={draft.name}
              onChange={(e) => change({ name: e.target.value })}
              error={!!errors.name}
              helperText={errors.name}
              slotProps={{ htmlInput: { maxLength: 50 } }}
            />
            <TextField
              select
              label={t.personUnit}
              value={draft.unitId}
              onChange={(e) => change({ unitId: e.target.value })}
              error={!!errors.unitId}
              helperText={errors.unitId}
            >
              {units.map((u) => (
                <MenuItem key={u.id} value={u.id} sx={{ pl: 2 + (unitPathIds(u.path).length - 1) * 2 }}>
                  {u.name}
                </MenuItem>
              ))}
            </TextField>
            <PositionRankFields
              direction="row"
              positionCategory={draft.positionCategory}
              rankLevel={draft.rankLevel}
              onChange={change}
              errors={errors}
            />
            <TextField
              label={orgText.title}
              value={draft.title}
              onChange={(e) => change({ title: e.target.value })}
              error={!!errors.title}
              helperText={errors.title}
              slotProps={{ htmlInput: { maxLength: 50 } }}
            />
            <FormControl component="fieldset" error={!!errors.roles}>
              <FormLabel component="legend">{t.roles}</FormLabel>
              <FormGroup row>
                {ROLES.map((role) => (
                  <FormControlLabel
                    key={role}
                    label={roleLabels[role]}
                    control={
                      <Checkbox
                        checked={draft.roles.includes(role)}
                        onChange={(e) =>
                          change({ roles: e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) })
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
              {errors.roles ? <FormHelperText>{errors.roles}</FormHelperText> : null}
            </FormControl>
            <TextField
              select
              label={t.supervisor}
              value={draft.supervisorId}
              onChange={(e) => change({ supervisorId: e.target.value })}
              error={!!errors.supervisorId}
              helperText={errors.supervisorId}
            >
              <MenuItem value="">{t.noSupervisor}</MenuItem>
              {supervisors.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.active ? p.name : orgText.supervisorLeft(p.name)}
                </MenuItem>
              ))}
            </TextField>
            {errors.form ? <FormHelperText error>{errors.form}</FormHelperText> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{zh.common.cancel}</Button>
          <Button type="submit" variant="contained">
            {t.save}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
