/**
 * 年度考核 in the unit's 办法: Q4 timing, 试用期, the shortest service to take part, the 优秀 quota
 * (percent, rounding, per 科室 or the whole 机关), the smallest group ranked for 分值靠后, and the
 * ranking rule in words. Rules saved before these existed show the national defaults.
 */
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  Q4_TIMINGS,
  QUOTA_ROUNDINGS,
  QUOTA_SCOPES,
  defaultAnnualAssessment,
  q4TimingLabels,
  quotaRoundingLabels,
  quotaScopeLabels,
  rankingRuleLabels,
  type AnnualAssessmentRules,
} from '../../../../shared/domain';
import { fieldId } from './config-editor';
import { NumberField } from './NumberField';
import type { RuleFieldsProps } from './rule-props';
import { rulesText as t } from './strings';

export function AnnualRules({ config, edit, messages }: RuleFieldsProps) {
  const a: AnnualAssessmentRules = config.annualAssessment ?? defaultAnnualAssessment();
  const set = (fn: (x: AnnualAssessmentRules) => AnnualAssessmentRules) =>
    edit((c) => ({ ...c, annualAssessment: fn(c.annualAssessment ?? defaultAnnualAssessment()) }));
  return (
    <Stack spacing={3}>
      <FormControl id={fieldId('annualAssessment.q4')} tabIndex={-1}>
        <FormLabel id="annual-q4">{t.annualQ4}</FormLabel>
        <RadioGroup
          aria-labelledby="annual-q4"
          value={a.q4}
          onChange={(e) => set((x) => ({ ...x, q4: e.target.value as AnnualAssessmentRules['q4'] }))}
        >
          {Q4_TIMINGS.map((q) => (
            <FormControlLabel key={q} value={q} control={<Radio />} label={q4TimingLabels[q]} />
          ))}
        </RadioGroup>
      </FormControl>

      <Stack spacing={1}>
        <FormControlLabel
          control={
            <Checkbox
              checked={a.probationUngraded}
              onChange={(e) => set((x) => ({ ...x, probationUngraded: e.target.checked }))}
            />
          }
          label={t.annualProbation}
        />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={a.minMonthsToTakePart !== null}
                onChange={(e) => set((x) => ({ ...x, minMonthsToTakePart: e.target.checked ? 6 : null }))}
              />
            }
            label={t.annualMinMonthsOn}
          />
          {a.minMonthsToTakePart !== null ? (
            <NumberField
              path="annualAssessment.minMonthsToTakePart"
              label={t.annualMinMonths}
              value={a.minMonthsToTakePart}
              onChange={(v) => set((x) => ({ ...x, minMonthsToTakePart: v }))}
              error={messages.get('annualAssessment.minMonthsToTakePart')}
              suffix="个月"
              width={200}
            />
          ) : null}
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t.annualLeaveHelp}
        </Typography>
      </Stack>

      <Stack spacing={1}>
        <FormControl>
          <FormLabel id="annual-quota-scope">{t.annualQuotaScope}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="annual-quota-scope"
            value={a.quota.scope}
            onChange={(e) =>
              set((x) => ({
                ...x,
                quota: { ...x.quota, scope: e.target.value as AnnualAssessmentRules['quota']['scope'] },
              }))
            }
          >
            {QUOTA_SCOPES.map((s) => (
              <FormControlLabel key={s} value={s} control={<Radio />} label={quotaScopeLabels[s]} />
            ))}
          </RadioGroup>
        </FormControl>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <NumberField
            path="annualAssessment.quota.percent"
            label={t.annualQuotaPercent}
            value={a.quota.percent}
            onChange={(v) => set((x) => ({ ...x, quota: { ...x.quota, percent: v } }))}
            error={messages.get('annualAssessment.quota.percent')}
            suffix="%"
            width={220}
          />
          <TextField
            select
            size="small"
            id={fieldId('annualAssessment.quota.rounding')}
            label={t.annualQuotaRounding}
            value={a.quota.rounding}
            onChange={(e) =>
              set((x) => ({
                ...x,
                quota: { ...x.quota, rounding: e.target.value as AnnualAssessmentRules['quota']['rounding'] },
              }))
            }
            sx={{ minWidth: 200 }}
          >
            {QUOTA_ROUNDINGS.map((r) => (
              <MenuItem key={r} value={r}>
                {quotaRoundingLabels[r]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Stack>

      <Stack spacing={1}>
        <NumberField
          path="annualAssessment.lowRankMinGroup"
          label={t.annualMinGroup}
          value={a.lowRankMinGroup}
          onChange={(v) => set((x) => ({ ...x, lowRankMinGroup: v }))}
          error={messages.get('annualAssessment.lowRankMinGroup')}
          suffix="人"
          width={260}
        />
        <Typography variant="body2">
          {t.annualRanking}
          {rankingRuleLabels[a.ranking]}
        </Typography>
      </Stack>
    </Stack>
  );
}
