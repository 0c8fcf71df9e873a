import { Alert, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Stack, TextField } from '@mui/material';
import { ROLES, roleLabels, type PositionCategory, type Role } from '../../shared/domain';
import { PositionRankFields } from './PositionRankFields';
import { zh } from '../i18n/zh';

export type ProfileDraft = {
  name: string;
  unitName: string;
  title: string;
  positionCategory: PositionCategory | '';
  rankLevel: string;
  roles: Role[];
};

export const emptyDraft: ProfileDraft = {
  name: '',
  unitName: '',
  title: '',
  positionCategory: '',
  rankLevel: '',
  roles: ['official'],
};

export type FieldErrors = Partial<Record<keyof ProfileDraft, string>>;

type Props = {
  draft: ProfileDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ProfileDraft>) => void;
  show: 'identity' | 'roles' | 'all';
  autoFocus?: boolean;
  /** The roles shown are not this form's to change (they come from the roster): the boxes are disabled. */
  rolesLocked?: boolean;
  /** Said under the roles, after what each role does: where the roles come from. */
  rolesNote?: string;
};

/** The profile's fields, shared by the first-run wizard and the settings page. */
export function ProfileFields({ draft, errors, onChange, show, autoFocus = false, rolesLocked = false, rolesNote }: Props) {
  const identity = show !== 'roles';
  const roles = show !== 'identity';
  return (
    <Stack spacing={2}>
      {identity ? (
        <>
          <TextField
            label={zh.wizard.name}
            required
            autoFocus={autoFocus}
            value={draft.name}
            onChange={(e) => onChange({ name: e.target.value })}
            error={!!errors.name}
            helperText={errors.name}
            slotProps={{ htmlInput: { maxLength: 50 } }}
          />
          <TextField
            label={zh.wizard.unit}
            required
            value={draft.unitName}
            onChange={(e) => onChange({ unitName: e.target.value })}
            error={!!errors.unitName}
            helperText={errors.unitName}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
          <TextField
            label={zh.wizard.jobTitle}
            value={draft.title}
            onChange={(e) => onChange({ title: e.target.value })}
            slotProps={{ htmlInput: { maxLength: 50 } }}
          />
          <PositionRankFields
            positionCategory={draft.positionCategory}
            rankLevel={draft.rankLevel}
            onChange={onChange}
            errors={errors}
            required
          />
        </>
      ) : null}
      {roles ? (
        <FormControl error={!!errors.roles} component="fieldset" aria-describedby={rolesNote ? 'roles-note' : undefined}>
          <FormLabel component="legend">{zh.wizard.roles}</FormLabel>
          <FormGroup>
            {ROLES.map((role) => (
              <FormControlLabel
                key={role}
                label={roleLabels[role]}
                control={
                  <Checkbox
                    checked={draft.roles.includes(role)}
                    disabled={rolesLocked}
                    onChange={(e) =>
                      onChange({
                        roles: e.target.checked
                          ? ROLES.filter((r) => r === role || draft.roles.includes(r))
                          : draft.roles.filter((r) => r !== role),
                      })
                    }
                  />
                }
              />
            ))}
          </FormGroup>
          <FormHelperText>{errors.roles ?? zh.wizard.rolesHelp}</FormHelperText>
          {rolesNote && rolesLocked ? (
            <Alert id="roles-note" role="note" severity="info" sx={{ mt: 1 }}>
              {rolesNote}
            </Alert>
          ) : rolesNote ? (
            <FormHelperText id="roles-note" sx={{ color: 'text.primary' }}>
              {rolesNote}
            </FormHelperText>
          ) : null}
        </FormControl>
      ) : null}
    </Stack>
  );
}
