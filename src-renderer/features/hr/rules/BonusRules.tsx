import { Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { fieldId, newBonusFactor } from './config-editor';
import { NumberField } from './NumberField';
import type { RuleFieldsProps } from './rule-props';
import { rulesText as t } from './strings';

/** The catalogue of 加分要素 (each with a cap or fixed points) and the cap on their total. */
export function BonusRules({
  config,
  edit,
  messages,
  offerUndo,
}: RuleFieldsProps & { offerUndo: (text: string, undo: () => void) => void }) {
  const factors = config.bonusFactors;
  const setFactor = (i: number, fn: (f: (typeof factors)[number]) => (typeof factors)[number]) =>
    edit((c) => ({ ...c, bonusFactors: c.bonusFactors.map((f, k) => (k === i ? fn(f) : f)) }));
  return (
    <Stack spacing={2} id={fieldId('bonusFactors')} tabIndex={-1}>
      {factors.map((f, i) => {
        const fixed = f.fixedPoints !== undefined;
        const pointsPath = `bonusFactors.${i}.${fixed ? 'fixedPoints' : 'maxPoints'}`;
        return (
          <Stack
            key={f.id}
            direction="row"
            spacing={1.5}
            sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
            data-testid="bonus-row"
          >
            <TextField
              id={fieldId(`bonusFactors.${i}.name`)}
              size="small"
              label={t.bonusName(i + 1)}
              value={f.name}
              onChange={(e) => setFactor(i, (x) => ({ ...x, name: e.target.value }))}
              error={!!messages.get(`bonusFactors.${i}.name`)}
              helperText={messages.get(`bonusFactors.${i}.name`)}
              sx={{ minWidth: 260 }}
              slotProps={{ htmlInput: { maxLength: 100 } }}
            />
            <TextField
              select
              size="small"
              label={t.bonusKind(i + 1)}
              value={fixed ? 'fixed' : 'max'}
              onChange={(e) =>
                setFactor(i, (x) => {
                  const points = x.fixedPoints ?? x.maxPoints ?? 1;
                  const { fixedPoints: _f, maxPoints: _m, ...rest } = x;
                  return e.target.value === 'fixed'
                    ? { ...rest, fixedPoints: points }
                    : { ...rest, maxPoints: points };
                })
              }
              sx={{ width: 200 }}
            >
              <MenuItem value="max">{t.bonusKinds.max}</MenuItem>
              <MenuItem value="fixed">{t.bonusKinds.fixed}</MenuItem>
            </TextField>
            <NumberField
              path={pointsPath}
              label={t.bonusPoints(i + 1)}
              value={fixed ? f.fixedPoints : f.maxPoints}
              onChange={(v) =>
                setFactor(i, (x) =>
                  x.fixedPoints !== undefined ? { ...x, fixedPoints: v } : { ...x, maxPoints: v },
                )
              }
              error={messages.get(pointsPath) ?? messages.get(`bonusFactors.${i}.maxPoints`)}
              suffix="分"
              width={200}
            />
            <TextField
              size="small"
              label={t.bonusDescription(i + 1)}
              value={f.description ?? ''}
              onChange={(e) =>
                setFactor(i, (x) => {
                  const { description: _d, ...rest } = x;
                  return e.target.value ? { ...rest, description: e.target.value } : rest;
                })
              }
              sx={{ flex: 1, minWidth: 200 }}
            />
            <Button
              size="small"
              color="error"
              onClick={() => {
                edit((c) => ({ ...c, bonusFactors: c.bonusFactors.filter((_, k) => k !== i) }));
                offerUndo(t.bonusRemoved(f.name), () =>
                  edit((c) => {
                    const list = [...c.bonusFactors];
                    list.splice(Math.min(i, list.length), 0, f);
                    return { ...c, bonusFactors: list };
                  }),
                );
              }}
            >
              {t.removeBonus(i + 1)}
            </Button>
          </Stack>
        );
      })}
      <Box>
        <Button
          size="small"
          onClick={() => edit((c) => ({ ...c, bonusFactors: [...c.bonusFactors, newBonusFactor(c)] }))}
        >
          {t.addBonus}
        </Button>
      </Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={config.bonusCapPoints === null}
              onChange={(e) => edit((c) => ({ ...c, bonusCapPoints: e.target.checked ? null : 5 }))}
            />
          }
          label={t.bonusCapNone}
        />
        {config.bonusCapPoints !== null ? (
          <NumberField
            path="bonusCapPoints"
            label={t.bonusCap}
            value={config.bonusCapPoints}
            onChange={(v) => edit((c) => ({ ...c, bonusCapPoints: v }))}
            error={messages.get('bonusCapPoints')}
            width={260}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
