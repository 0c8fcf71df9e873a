import { Checkbox, FormControlLabel, Stack } from '@mui/material';
import { fieldId } from './config-editor';
import { GradeChecks } from './GradeChecks';
import { LowRankFields } from './LowRankFields';
import { NumberField } from './NumberField';
import { within, type RuleFieldsProps } from './rule-props';
import { ScoreBandFields } from './ScoreBandFields';
import { rulesText as t } from './strings';

/** Score bands, the 好 cap, the annual 优秀 condition and what counts as 靠后. */
export function GradeRules({ config, edit, messages }: RuleFieldsProps) {
  const rule = config.excellentRule;
  return (
    <Stack spacing={3}>
      <ScoreBandFields config={config} edit={edit} messages={messages} />

      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={config.goodCapPercent === null}
              onChange={(e) => edit((c) => ({ ...c, goodCapPercent: e.target.checked ? null : 40 }))}
            />
          }
          label={t.goodCapNone}
        />
        {config.goodCapPercent !== null ? (
          <NumberField
            path="goodCapPercent"
            label={t.goodCap}
            value={config.goodCapPercent}
            onChange={(v) => edit((c) => ({ ...c, goodCapPercent: v }))}
            error={messages.get('goodCapPercent')}
            width={220}
          />
        ) : null}
      </Stack>

      <Stack spacing={1} id={fieldId('excellentRule')} tabIndex={-1}>
        <FormControlLabel
          control={
            <Checkbox
              checked={rule !== null}
              onChange={(e) =>
                edit((c) => ({
                  ...c,
                  excellentRule: e.target.checked
                    ? { minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] }
                    : null,
                }))
              }
            />
          }
          label={t.excellentOn}
        />
        {rule ? (
          <Stack direction="row" spacing={3} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', pl: 4 }}>
            <NumberField
              path="excellentRule.minGoodPercent"
              label={t.excellentMinGood}
              value={rule.minGoodPercent}
              onChange={(v) =>
                edit((c) => ({
                  ...c,
                  excellentRule: c.excellentRule && { ...c.excellentRule, minGoodPercent: v },
                }))
              }
              error={messages.get('excellentRule.minGoodPercent')}
              width={220}
            />
            <GradeChecks
              path="excellentRule.forbiddenGrades"
              legend={t.excellentForbidden}
              value={rule.forbiddenGrades}
              onChange={(forbiddenGrades) =>
                edit((c) => ({
                  ...c,
                  excellentRule: c.excellentRule && { ...c.excellentRule, forbiddenGrades },
                }))
              }
              error={within(messages, 'excellentRule.forbiddenGrades')}
            />
          </Stack>
        ) : null}
      </Stack>

      <LowRankFields config={config} edit={edit} messages={messages} />
    </Stack>
  );
}
