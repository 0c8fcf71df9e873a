/** 定量评鉴: a score input per leaf of the indicator tree, and the unit's 加分要素. */
import { Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  describeBonusFactor,
  roundScore,
  type AssessmentConfig,
  type IndicatorNode,
  type IndicatorTemplate,
} from '../../../../shared/domain';
import type { FieldErrors } from '../../../components/fieldErrors';
import type { BonusRow, EvalForm } from './form';
import { evalText as t } from './strings';

type Update = (change: (f: EvalForm) => EvalForm, path: string) => void;

const pct = (n: number) => String(roundScore(n));

function IndicatorNodes({
  nodes,
  factor,
  depth,
  form,
  errors,
  update,
}: {
  nodes: readonly IndicatorNode[];
  factor: number;
  depth: number;
  form: EvalForm;
  errors: FieldErrors;
  update: Update;
}) {
  return (
    <Stack spacing={1.5} sx={{ pl: depth > 0 ? 2 : 0 }}>
      {nodes.map((n) => {
        const whole = factor * n.weight;
        if (n.children.length > 0) {
          return (
            <Box key={n.id} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2" sx={{ fontWeight: 600, mb: 1 }}>
                {n.name} · {t.weight(pct(n.weight), pct(whole))}
              </Typography>
              <IndicatorNodes
                nodes={n.children}
                factor={whole / 100}
                depth={depth + 1}
                form={form}
                errors={errors}
                update={update}
              />
            </Box>
          );
        }
        const path = `leafScores.${n.id}`;
        const error = errors[path];
        return (
          <TextField
            key={n.id}
            label={n.name}
            value={form.leafScores[n.id] ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              update((f) => ({ ...f, leafScores: { ...f.leafScores, [n.id]: v } }), path);
            }}
            error={!!error}
            helperText={
              error ?? `${t.weight(pct(n.weight), pct(whole))}${n.description ? ` · ${n.description}` : ''}`
            }
            size="small"
            sx={{ maxWidth: 420 }}
            slotProps={{ htmlInput: { inputMode: 'decimal', 'data-score': n.id } }}
          />
        );
      })}
    </Stack>
  );
}

export function IndicatorFields({
  template,
  form,
  errors,
  update,
}: {
  template: IndicatorTemplate | undefined;
  form: EvalForm;
  errors: FieldErrors;
  update: Update;
}) {
  return (
    <Paper component="section" aria-labelledby="eval-indicators" sx={{ p: 2 }}>
      <Typography id="eval-indicators" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t.indicators}
      </Typography>
      {template ? (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {t.template(template.name)} · {t.scoreHelp}
          </Typography>
          <IndicatorNodes
            nodes={template.indicators}
            factor={1}
            depth={0}
            form={form}
            errors={errors}
            update={update}
          />
        </>
      ) : (
        <Typography color="error" role="alert">
          {errors.templateId ?? t.noTemplate}
        </Typography>
      )}
    </Paper>
  );
}

export function BonusFields({
  config,
  form,
  errors,
  update,
}: {
  config: AssessmentConfig;
  form: EvalForm;
  errors: FieldErrors;
  update: Update;
}) {
  const factors = config.bonusFactors;
  const setRow = (i: number, field: keyof BonusRow, value: string) =>
    update(
      (f) => ({ ...f, bonuses: f.bonuses.map((b, j) => (j === i ? { ...b, [field]: value } : b)) }),
      `bonuses.${i}.${field}`,
    );
  return (
    <Paper component="section" aria-labelledby="eval-bonuses" sx={{ p: 2 }}>
      <Typography id="eval-bonuses" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t.bonuses}
      </Typography>
      {factors.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.bonusesNone}
        </Typography>
      ) : (
        <Stack spacing={1.5} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {factors.map((f) => `${f.name}:${describeBonusFactor(f)}`).join(';')}
            {config.bonusCapPoints !== null ? `。${t.bonusCap(config.bonusCapPoints)}` : '。'}
          </Typography>
          {form.bonuses.map((b, i) => {
            const factor = factors.find((f) => f.id === b.factorId);
            const p = `bonuses.${i}`;
            return (
              <Box
                key={i}
                component="fieldset"
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0 }}
                data-testid={`bonus-${i}`}
              >
                <Typography component="legend" variant="body2" sx={{ px: 0.5 }}>
                  {t.bonusRow(i + 1)}
                </Typography>
                <Stack
                  direction={{ xs: 'column', sm: 'row' }}
                  spacing={1.5}
                  sx={{ alignItems: 'flex-start' }}
                >
                  <TextField
                    select
                    label={`${t.bonusRow(i + 1)} ${t.bonusFactor}`}
                    value={b.factorId}
                    onChange={(e) => {
                      const id = e.target.value;
                      const chosen = factors.find((f) => f.id === id);
                      update(
                        (f) => ({
                          ...f,
                          bonuses: f.bonuses.map((row, j) =>
                            j === i
                              ? {
                                  ...row,
                                  factorId: id,
                                  points:
                                    chosen?.fixedPoints !== undefined
                                      ? String(chosen.fixedPoints)
                                      : row.points,
                                }
                              : row,
                          ),
                        }),
                        `${p}.factorId`,
                      );
                    }}
                    error={!!errors[`${p}.factorId`]}
                    helperText={errors[`${p}.factorId`] ?? (factor ? describeBonusFactor(factor) : ' ')}
                    size="small"
                    sx={{ minWidth: 240 }}
                    slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                  >
                    <option value="">{t.bonusChoose}</option>
                    {factors.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}({describeBonusFactor(f)})
                      </option>
                    ))}
                  </TextField>
                  <TextField
                    label={`${t.bonusRow(i + 1)} ${t.bonusPoints}`}
                    value={b.points}
                    onChange={(e) => setRow(i, 'points', e.target.value)}
                    error={!!errors[`${p}.points`]}
                    helperText={errors[`${p}.points`] ?? ' '}
                    size="small"
                    sx={{ width: 160 }}
                    slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                  />
                  <TextField
                    label={`${t.bonusRow(i + 1)} ${t.bonusReason}`}
                    value={b.reason}
                    onChange={(e) => setRow(i, 'reason', e.target.value)}
                    error={!!errors[`${p}.reason`]}
                    helperText={errors[`${p}.reason`] ?? ' '}
                    size="small"
                    multiline
                    sx={{ flexGrow: 1 }}
                  />
                  <Button
                    color="error"
                    size="small"
                    aria-label={t.bonusRemove(i + 1)}
                    onClick={() =>
                      update((f) => ({ ...f, bonuses: f.bonuses.filter((_, j) => j !== i) }), 'bonuses')
                    }
                    sx={{ whiteSpace: 'nowrap', mt: 0.5 }}
                  >
                    {t.bonusRemoveShort}
                  </Button>
                </Stack>
              </Box>
            );
          })}
          {errors.bonuses ? (
            <Typography color="error" variant="body2" role="alert">
              {errors.bonuses}
            </Typography>
          ) : null}
          <Box>
            <Button
              variant="outlined"
              size="small"
              onClick={() =>
                update(
                  (f) => ({ ...f, bonuses: [...f.bonuses, { factorId: '', points: '', reason: '' }] }),
                  'bonuses',
                )
              }
            >
              {t.bonusAdd}
            </Button>
          </Box>
        </Stack>
      )}
    </Paper>
  );
}
