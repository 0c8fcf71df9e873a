import {
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
} from '@mui/material';
import {
  EVALUATION_METHOD_CHOICES,
  RECORD_MODES,
  evaluationMethodChoiceLabels,
  recordModeLabels,
  type EvaluationMethodChoice,
  type RecordMode,
} from '../../../../shared/domain';
import { fieldId } from './config-editor';
import { NumberField } from './NumberField';
import type { RuleFieldsProps } from './rule-props';
import { rulesText as t } from './strings';

/** 个人记实形式, 评鉴方式 and the weight of the quarterly results in the annual assessment. */
export function RecordRules({ config, edit, messages }: RuleFieldsProps) {
  return (
    <Stack spacing={2}>
      <FormControl
        component="fieldset"
        id={fieldId('recordMode')}
        tabIndex={-1}
        error={!!messages.get('recordMode')}
      >
        <FormLabel component="legend">{t.recordMode}</FormLabel>
        <RadioGroup
          row
          value={config.recordMode}
          onChange={(e) => edit((c) => ({ ...c, recordMode: e.target.value as RecordMode }))}
        >
          {RECORD_MODES.map((m) => (
            <FormControlLabel key={m} value={m} control={<Radio />} label={recordModeLabels[m]} />
          ))}
        </RadioGroup>
        {messages.get('recordMode') ? <FormHelperText>{messages.get('recordMode')}</FormHelperText> : null}
      </FormControl>
      <FormControl
        component="fieldset"
        id={fieldId('evaluationMethod')}
        tabIndex={-1}
        error={!!messages.get('evaluationMethod')}
      >
        <FormLabel component="legend">{t.evaluationMethod}</FormLabel>
        <RadioGroup
          row
          value={config.evaluationMethod}
          onChange={(e) =>
            edit((c) => ({ ...c, evaluationMethod: e.target.value as EvaluationMethodChoice }))
          }
        >
          {EVALUATION_METHOD_CHOICES.map((m) => (
            <FormControlLabel key={m} value={m} control={<Radio />} label={evaluationMethodChoiceLabels[m]} />
          ))}
        </RadioGroup>
        {messages.get('evaluationMethod') ? (
          <FormHelperText>{messages.get('evaluationMethod')}</FormHelperText>
        ) : null}
      </FormControl>
      <NumberField
        path="quarterWeightInAnnual"
        label={t.quarterWeight}
        value={config.quarterWeightInAnnual}
        onChange={(v) => edit((c) => ({ ...c, quarterWeightInAnnual: v }))}
        error={messages.get('quarterWeightInAnnual')}
        width={320}
      />
    </Stack>
  );
}
