import { useState } from 'react';
import { Box, Button, Paper, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { ValidationError } from '../../../shared/errors/errors';
import { createProfile } from '../../../shared/store';
import { ExampleDataButton } from './ExampleDataButton';
import type { PresetId } from '../../../shared/domain';
import { useServices } from '../../state/services';
import { useNotifications } from '../../state/notifications';
import { zh } from '../../i18n/zh';
import { ProfileFields, emptyDraft, type FieldErrors, type ProfileDraft } from '../../components/ProfileFields';
import { PresetPicker } from '../../components/PresetPicker';
import { useDraft } from './useDraft';

type WizardDraft = ProfileDraft & { presetId: PresetId; step: number };

const STEP_OF_FIELD: Record<keyof ProfileDraft, number> = {
  name: 0,
  unitName: 0,
  title: 0,
  positionCategory: 0,
  rankLevel: 0,
  roles: 1,
};

/** Checks one step before moving on, so a clerk fixes a field where it is, not at the end. */
function stepErrors(draft: ProfileDraft, step: number): FieldErrors {
  const e: FieldErrors = {};
  if (step === 0) {
    if (!draft.name.trim()) e.name = '请填写姓名';
    if (!draft.unitName.trim()) e.unitName = '请填写所在单位';
    if (!draft.positionCategory) e.positionCategory = '请选择职位类别';
    if (!draft.rankLevel) e.rankLevel = '请选择职级';
  }
  if (step === 1 && draft.roles.length === 0) e.roles = '请至少选择一个角色';
  return e;
}

export function FirstRunWizard() {
  const { db } = useServices();
  const { reportError, notify } = useNotifications();
  const [draft, setDraft, clearDraft] = useDraft<WizardDraft>('dutybook.setup-draft', {
    ...emptyDraft,
    presetId: 'hubei',
    step: 0,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const step = draft.step;
  const last = zh.wizard.steps.length - 1;

  const update = (patch: Partial<WizardDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k as keyof FieldErrors];
      return next;
    });
  };

  const next = () => {
    const e = stepErrors(draft, step);
    setErrors(e);
    if (Object.keys(e).length === 0) update({ step: step + 1 });
  };

  const finish = async () => {
    setSaving(true);
    try {
      await createProfile(db, {
        name: draft.name.trim(),
        unitName: draft.unitName.trim(),
        title: draft.title.trim() || undefined,
        positionCategory: draft.positionCategory as Exclude<ProfileDraft['positionCategory'], ''>,
        rankLevel: draft.rankLevel,
        roles: draft.roles,
        presetId: draft.presetId,
      });
      clearDraft();
      notify({ kind: 'success', text: zh.wizard.done });
    } catch (e) {
      if (e instanceof ValidationError) {
        const fieldErrors: FieldErrors = {};
        for (const issue of e.issues) {
          const key = issue.path.split('.')[0] as keyof ProfileDraft;
          if (key in STEP_OF_FIELD && !fieldErrors[key]) fieldErrors[key] = issue.message;
        }
        setErrors(fieldErrors);
        const steps = Object.keys(fieldErrors).map((k) => STEP_OF_FIELD[k as keyof ProfileDraft]);
        if (steps.length > 0) update({ step: Math.min(...steps) });
      }
      reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', bgcolor: 'background.default', pt: 6 }}>
      <Paper sx={{ p: 4, width: 640, maxWidth: '94vw' }} component="main">
        <Typography variant="h5" component="h1" gutterBottom sx={{ fontWeight: 600 }}>
          {zh.wizard.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
          {zh.wizard.intro}
        </Typography>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {zh.wizard.steps.map((label) => (
            <Step key={label}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Box
          component="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (step < last) next();
            else void finish();
          }}
        >
          {step < 2 ? (
            <ProfileFields draft={draft} errors={errors} onChange={update} show={step === 0 ? 'identity' : 'roles'} autoFocus />
          ) : (
            <>
              <Typography variant="subtitle1" component="h2" gutterBottom>
                {zh.wizard.preset}
              </Typography>
              <PresetPicker value={draft.presetId} onChange={(presetId) => update({ presetId })} />
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                {zh.wizard.presetHelp}
              </Typography>
            </>
          )}
          <Box sx={{ display: 'flex', justifyContent: 'space-between', mt: 4 }}>
            <Button disabled={step === 0 || saving} onClick={() => update({ step: step - 1 })}>
              {zh.wizard.back}
            </Button>
            <Button type="submit" variant="contained" disabled={saving}>
              {saving ? zh.wizard.saving : step < last ? zh.wizard.next : zh.wizard.finish}
            </Button>
          </Box>
        </Box>
        <ExampleDataButton />
      </Paper>
    </Box>
  );
}
