import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from '../../../../shared/domain';
import { fieldId } from './config-editor';
import { NumberField } from './NumberField';
import type { RuleFieldsProps } from './rule-props';
import { rulesText as t } from './strings';

/** The score bands: which quarterly grade each range of scores gives. */
export function ScoreBandFields({ config, edit, messages }: RuleFieldsProps) {
  const bands = config.scoreBands;
  const setBand = (i: number, patch: Partial<(typeof bands)[number]>) =>
    edit((c) => ({ ...c, scoreBands: c.scoreBands.map((b, k) => (k === i ? { ...b, ...patch } : b)) }));
  return (
    <Box id={fieldId('scoreBands')} tabIndex={-1}>
      <Typography variant="subtitle1" component="h4">
        {t.bands}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {t.bandsHelp}
      </Typography>
      {messages.get('scoreBands') ? (
        <Typography variant="body2" color="error">
          {messages.get('scoreBands')}
        </Typography>
      ) : null}
      <Stack spacing={1.5} sx={{ mt: 1 }}>
        {bands.map((b, i) => (
          <Stack
            key={i}
            direction="row"
            spacing={1.5}
            sx={{ alignItems: 'flex-start' }}
            data-testid="band-row"
          >
            <TextField
              id={fieldId(`scoreBands.${i}.grade`)}
              select
              size="small"
              label={t.bandGrade(i + 1)}
              value={b.grade}
              onChange={(e) => setBand(i, { grade: e.target.value as QuarterGrade })}
              error={!!messages.get(`scoreBands.${i}.grade`)}
              helperText={messages.get(`scoreBands.${i}.grade`)}
              sx={{ width: 140 }}
            >
              {QUARTER_GRADES.map((g) => (
                <MenuItem key={g} value={g}>
                  {quarterGradeLabels[g]}
                </MenuItem>
              ))}
            </TextField>
            <NumberField
              path={`scoreBands.${i}.min`}
              label={t.bandMin(i + 1)}
              value={b.min}
              onChange={(min) => setBand(i, { min })}
              error={messages.get(`scoreBands.${i}.min`)}
              suffix="分"
              width={180}
            />
            <NumberField
              path={`scoreBands.${i}.max`}
              label={t.bandMax(i + 1)}
              value={b.max}
              onChange={(max) => setBand(i, { max })}
              error={messages.get(`scoreBands.${i}.max`)}
              suffix="分"
              width={180}
            />
            <Button
              size="small"
              color="error"
              onClick={() => edit((c) => ({ ...c, scoreBands: c.scoreBands.filter((_, k) => k !== i) }))}
              disabled={bands.length <= 1}
            >
              {t.removeBand(i + 1)}
            </Button>
          </Stack>
        ))}
        <Box>
          <Button
            size="small"
            onClick={() =>
              edit((c) => ({
                ...c,
                scoreBands: [
                  ...c.scoreBands,
                  {
                    grade: QUARTER_GRADES.find((g) => !c.scoreBands.some((b) => b.grade === g)) ?? 'poor',
                    min: 0,
                    max: 0,
                  },
                ],
              }))
            }
            disabled={bands.length >= QUARTER_GRADES.length}
          >
            {t.addBand}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
