import { MenuItem, Stack, TextField } from '@mui/material';
import {
  POSITION_CATEGORIES,
  positionCategoryLabels,
  rankLevelsFor,
  type PositionCategory,
} from '../../shared/domain';
import { zh } from '../i18n/zh';

export type PositionRankValue = { positionCategory: PositionCategory | ''; rankLevel: string };

type Props = PositionRankValue & {
  onChange: (patch: Partial<PositionRankValue>) => void;
  errors?: { positionCategory?: string | undefined; rankLevel?: string | undefined };
  required?: boolean;
  /** Side by side (dialogs) or one above the other (the wizard). */
  direction?: 'row' | 'column';
};

/**
 * 职位类别 and 职级: the rank list follows the category, and a rank that does not exist in a newly
 * chosen category is cleared rather than kept silently.
 */
export function PositionRankFields({
  positionCategory,
  rankLevel,
  onChange,
  errors = {},
  required = false,
  direction = 'column',
}: Props) {
  return (
    <Stack direction={direction} spacing={2}>
      <TextField
        select
        fullWidth={direction === 'row'}
        label={zh.wizard.positionCategory}
        required={required}
        value={positionCategory}
        onChange={(e) => {
          const next = e.target.value as PositionCategory;
          const keep = rankLevelsFor(next).some((r) => r.id === rankLevel);
          onChange({ positionCategory: next, ...(keep ? {} : { rankLevel: '' }) });
        }}
        error={!!errors.positionCategory}
        helperText={errors.positionCategory}
      >
        {POSITION_CATEGORIES.map((c) => (
          <MenuItem key={c} value={c}>
            {positionCategoryLabels[c]}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth={direction === 'row'}
        label={zh.wizard.rankLevel}
        required={required}
        value={rankLevel}
        onChange={(e) => onChange({ rankLevel: e.target.value })}
        error={!!errors.rankLevel}
        helperText={errors.rankLevel ?? (positionCategory ? undefined : '请先选择职位类别')}
      >
        {(positionCategory ? rankLevelsFor(positionCategory) : []).map((r) => (
          <MenuItem key={r.id} value={r.id}>
            {r.label}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
