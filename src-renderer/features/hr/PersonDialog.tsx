import { useState, type FormEvent, type ReactNode } from 'react';
import {
  Alert,
  Autocomplete,
  Box,
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
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import {
  EDUCATION_SUGGESTIONS,
  GENDERS,
  POLITICAL_STATUS_SUGGESTIONS,
  ROLES,
  genderLabels,
  localIsoDate,
  roleLabels,
  unitPathIds,
  type Gender,
  type OrgUnit,
  type Person,
  type PersonInput,
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
import { midQuarter, personText as pt } from './person-strings';
import { PersonPeriods } from './PersonPeriods';

const t = zh.sync.hr;

type Draft = {
  name: string;
  gender: Gender | '';
  birthMonth: string;
  ethnicity: string;
  politicalStatus: string;
  education: string;
  staffNo: string;
  idNumber: string;
  title: string;
  positionCategory: PositionCategory | '';
  rankLevel: string;
  rankSince: string;
  duties: string;
  unitId: string;
  supervisorId: string;
  roles: Role[];
  joinedOn: string;
  probationEnd: string;
  effectiveFrom: string;
};

const sameRoles = (a: readonly Role[], b: readonly Role[]) => [...a].sort().join() === [...b].sort().join();

/** The optional text fields, sent only when filled (the schema reads '' as absent too). */
const OPTIONAL = [
  'birthMonth',
  'ethnicity',
  'politicalStatus',
  'education',
  'staffNo',
  'idNumber',
  'title',
  'rankSince',
  'duties',
  'joinedOn',
  'probationEnd',
] as const;

/** A group of fields under its heading, laid out three to a row. */
function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1.5, p: 0 }}>
        {title}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 2 }}>{children}</Box>
    </Box>
  );
}

const span = (n: number) => ({ gridColumn: `span ${n}` });
const dateSlot = { inputLabel: { shrink: true } } as const;

/**
 * Adds or edits one person: 基本信息, 职务职级 and 在本单位 (unit, 主管领导, roles, dates). A change of
 * unit, 主管领导 or roles takes effect on a date the clerk gives (today unless changed); editing shows
 * the person's 任职经历 on a second tab.
 */
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
  const [tab, setTab] = useState<'info' | 'periods'>('info');
  const [draft, setDraft] = useState<Draft>(() => ({
    name: person?.name ?? '',
    gender: person?.gender ?? '',
    birthMonth: person?.birthMonth ?? '',
    ethnicity: person?.ethnicity ?? '',
    politicalStatus: person?.politicalStatus ?? '',
    education: person?.education ?? '',
    staffNo: person?.staffNo ?? '',
    idNumber: person?.idNumber ?? '',
    title: person?.title ?? '',
    positionCategory: person?.positionCategory ?? '',
    rankLevel: person?.rankLevel ?? '',
    rankSince: person?.rankSince ?? '',
    duties: person?.duties ?? '',
    unitId: person?.unitId ?? units[0]?.id ?? '',
    supervisorId: person?.supervisorId ?? '',
    roles: person ? [...person.roles] : ['official'],
    joinedOn: person?.joinedOn ?? '',
    probationEnd: person?.probationEnd ?? '',
    effectiveFrom: localIsoDate(new Date()),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const keys = Object.keys(patch).filter((k) => k in e);
      if (keys.length === 0 && !e.form) return e;
      const next = { ...e };
      for (const k of keys) delete next[k];
      delete next.form;
      return next;
    });
  };
  // Only people in post can be chosen; a supervisor who has since left stays shown while still set.
  const supervisors = people.filter(
    (p) =>
      p.roles.includes('supervisor') && p.id !== person?.id && (p.active || p.id === person?.supervisorId),
  );
  const nameOf = (id: string | null | undefined) => (id ? (people.find((p) => p.id === id)?.name ?? '') : '');

  // What changed of the assignment (only an existing person in post has one to change).
  const changed = person?.active
    ? {
        unit: draft.unitId !== person.unitId,
        supervisor: (draft.supervisorId || null) !== person.supervisorId,
        roles: !sameRoles(draft.roles, person.roles),
      }
    : { unit: false, supervisor: false, roles: false };
  const anyChange = changed.unit || changed.supervisor || changed.roles;
  const changedWhat = (['unit', 'supervisor', 'roles'] as const)
    .filter((k) => changed[k])
    .map((k) => pt.changeWhat[k])
    .join('、');
  const mid = anyChange && changed.supervisor ? midQuarter(draft.effectiveFrom) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: PersonInput = {
      ...(person ? { id: person.id, active: person.active } : {}),
      name: draft.name,
      unitId: draft.unitId,
      positionCategory: draft.positionCategory as PositionCategory,
      rankLevel: draft.rankLevel,
      roles: draft.roles,
      supervisorId: draft.supervisorId || null,
      ...(draft.gender ? { gender: draft.gender } : {}),
      ...(anyChange ? { effectiveFrom: draft.effectiveFrom } : {}),
    };
    for (const k of OPTIONAL) if (draft[k].trim()) input[k] = draft[k];
    if (anyChange && !draft.effectiveFrom) {
      setErrors({ effectiveFrom: pt.dateRequired });
      return;
    }
    try {
      const saved = await putPerson(db, input);
      notify({ kind: 'success', text: orgText.saved(saved.name) });
      onClose();
    } catch (err) {
      const d = describeError(err);
      const next: Record<string, string> = {};
      for (const f of d.fields) next[f.path.split('.')[0] || 'form'] ??= f.message;
      if (Object.keys(next).length === 0) next.form = d.detail;
      setErrors(next);
      setTab('info');
    }
  };

  const text = (
    key: 'name' | 'ethnicity' | 'staffNo' | 'idNumber' | 'title' | 'duties',
    label: string,
    max: number,
    extra: { help?: string; autoFocus?: boolean; cols?: number } = {},
  ) => (
    <TextField
      label={label}
      autoFocus={extra.autoFocus}
      value={draft[key]}
      onChange={(e) => change({ [key]: e.target.value })}
      error={!!errors[key]}
      helperText={errors[key] ?? extra.help}
      sx={extra.cols ? span(extra.cols) : undefined}
      slotProps={{ htmlInput: { maxLength: max } }}
    />
  );
  const date = (
    key: 'rankSince' | 'joinedOn' | 'probationEnd' | 'birthMonth',
    label: string,
    help?: string,
  ) => (
    <TextField
      type={key === 'birthMonth' ? 'month' : 'date'}
      label={label}
      value={draft[key]}
      onChange={(e) => change({ [key]: e.target.value })}
      error={!!errors[key]}
      helperText={errors[key] ?? help}
      slotProps={dateSlot}
    />
  );
  const suggest = (key: 'politicalStatus' | 'education', label: string, options: readonly string[]) => (
    <Autocomplete
      freeSolo
      options={options}
      value={draft[key]}
      inputValue={draft[key]}
      onInputChange={(_, v) => change({ [key]: v })}
      onChange={(_, v) => change({ [key]: v ?? '' })}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={!!errors[key]}
          helperText={errors[key]}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, maxLength: 20 } }}
        />
      )}
    />
  );

  const info = (
    <Stack spacing={3} sx={{ pt: 1 }}>
      <Group title={pt.groupBasic}>
        {text('name', t.personName, 50, { autoFocus: true })}
        <TextField
          select
          label={pt.gender}
          value={draft.gender}
          onChange={(e) => change({ gender: e.target.value as Gender | '' })}
          error={!!errors.gender}
          helperText={errors.gender}
        >
          <MenuItem value="">{pt.genderNone}</MenuItem>
          {GENDERS.map((g) => (
            <MenuItem key={g} value={g}>
              {genderLabels[g]}
            </MenuItem>
          ))}
        </TextField>
        {date('birthMonth', pt.birthMonth)}
        {text('ethnicity', pt.ethnicity, 20)}
        {suggest('politicalStatus', pt.politicalStatus, POLITICAL_STATUS_SUGGESTIONS)}
        {suggest('education', pt.education, EDUCATION_SUGGESTIONS)}
        {text('staffNo', pt.staffNo, 30, { help: pt.staffNoHelp })}
        {text('idNumber', pt.idNumber, 18, { help: pt.idNumberHelp, cols: 2 })}
      </Group>
      <Group title={pt.groupPost}>
        {text('title', pt.title, 50)}
        <Box sx={span(2)}>
          <PositionRankFields
            direction="row"
            positionCategory={draft.positionCategory}
            rankLevel={draft.rankLevel}
            onChange={change}
            errors={errors}
          />
        </Box>
        {date('rankSince', pt.rankSince)}
        {text('duties', pt.duties, 200, { cols: 2 })}
      </Group>
      <Group title={pt.groupUnit}>
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
        <Box />
        {date('joinedOn', pt.joinedOn, pt.joinedOnHelp)}
        {date('probationEnd', pt.probationEnd)}
        <Box />
        <FormControl component="fieldset" error={!!errors.roles} sx={span(3)}>
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
                      change({
                        roles: e.target.checked
                          ? [...draft.roles, role]
                          : draft.roles.filter((r) => r !== role),
                      })
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          {errors.roles ? <FormHelperText>{errors.roles}</FormHelperText> : null}
        </FormControl>
      </Group>
      {anyChange ? (
        <Alert severity="info" role="note" data-testid="change-date" icon={false}>
          <Stack spacing={1.5}>
            <Typography variant="subtitle2">{pt.changeTitle(changedWhat)}</Typography>
            <TextField
              type="date"
              label={pt.effectiveFrom}
              required
              value={draft.effectiveFrom}
              onChange={(e) => change({ effectiveFrom: e.target.value })}
              error={!!errors.effectiveFrom}
              helperText={errors.effectiveFrom}
              sx={{ maxWidth: 260, bgcolor: 'background.paper' }}
              slotProps={dateSlot}
            />
            {changed.supervisor ? (
              <Typography variant="body2">
                {pt.changeSupervisor(nameOf(person?.supervisorId), nameOf(draft.supervisorId))}
                {mid ? pt.changeMidQuarter(mid) : ''}
              </Typography>
            ) : null}
            {changed.unit ? <Typography variant="body2">{pt.changeUnit}</Typography> : null}
            {changed.roles ? <Typography variant="body2">{pt.changeRoles}</Typography> : null}
            <Typography variant="body2">{pt.changeIssue}</Typography>
          </Stack>
        </Alert>
      ) : null}
      {errors.form ? <FormHelperText error>{errors.form}</FormHelperText> : null}
    </Stack>
  );

  return (
    <Dialog open onClose={onClose} aria-labelledby="person-dialog-title" maxWidth="md" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="person-dialog-title">{person ? t.editPerson : t.addPerson}</DialogTitle>
        {person ? (
          <Tabs value={tab} onChange={(_, v: 'info' | 'periods') => setTab(v)} sx={{ px: 3 }}>
            <Tab value="info" label={pt.tabInfo} id="person-tab-info" aria-controls="person-panel-info" />
            <Tab
              value="periods"
              label={pt.tabPeriods}
              id="person-tab-periods"
              aria-controls="person-panel-periods"
            />
          </Tabs>
        ) : null}
        <DialogContent dividers={!!person}>
          <Box
            id="person-panel-info"
            role={person ? 'tabpanel' : undefined}
            aria-labelledby={person ? 'person-tab-info' : undefined}
            hidden={tab !== 'info'}
          >
            {info}
          </Box>
          {person && tab === 'periods' ? (
            <Box id="person-panel-periods" role="tabpanel" aria-labelledby="person-tab-periods">
              <PersonPeriods person={person} units={units} people={people} />
            </Box>
          ) : null}
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
