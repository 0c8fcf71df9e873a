import { MenuItem, Stack, TextField } from '@mui/material';
import type { LowRankThreshold } from '../../../../shared/domain';
import { fieldId } from './config-editor';
import { GradeChecks } from './GradeChecks';
import { NumberField } from './NumberField';
import { within, type RuleFieldsProps } from './rule-props';
import { rulesText as t } from './strings';

const LOW_RANK_KINDS = ['none', 'bottomN', 'bottomPercent', 'belowScore', 'grade'] as const;
type LowRankKind = (typeof LOW_RANK_KINDS)[number];

function thresholdOf(kind: LowRankKind): LowRankThreshold | null {
  switch (kind) {
    case 'none':
      return null;
    case 'bottomN':
      return { kind, n: 1 };
    case 'bottomPercent':
      return { kind, percent: 10 };
    case 'belowScore':
      return { kind, score: 60 };
    case 'grade':
      return { kind, grades: ['poor'] };
  }
}

/** What counts as 靠后 (lower ranked) in the annual linkage: none, the last N, the last %, a score, grades. */
export function LowRankFields({ config, edit, messages }: RuleFieldsProps) {
  const low = config.lowRankThreshold;
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        id={fieldId('lowRankThreshold')}
        select
        size="small"
        label={t.lowRank}
        value={low?.kind ?? 'none'}
        onChange={(e) =>
          edit((c) => ({ ...c, lowRankThreshold: thresholdOf(e.target.value as LowRankKind) }))
        }
        error={!!messages.get('lowRankThreshold')}
        helperText={messages.get('lowRankThreshold')}
        sx={{ minWidth: 380 }}
      >
        {LOW_RANK_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t.lowRankKinds[k]}
          </MenuItem>
        ))}
      </TextField>
      {low?.kind === 'bottomN' ? (
        <NumberField
          path="lowRankThreshold.n"
          label={t.lowRankN}
          value={low.n}
          onChange={(n) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'bottomN', n } }))}
          error={messages.get('lowRankThreshold.n')}
          suffix="名"
        />
      ) : null}
      {low?.kind === 'bottomPercent' ? (
        <NumberField
          path="lowRankThreshold.percent"
          label={t.lowRankPercent}
          value={low.percent}
          onChange={(percent) =>
            edit((c) => ({ ...c, lowRankThreshold: { kind: 'bottomPercent', percent } }))
          }
          error={messages.get('lowRankThreshold.percent')}
        />
      ) : null}
      {low?.kind === 'belowScore' ? (
        <NumberField
          path="lowRankThreshold.score"
          label={t.lowRankScore}
          value={low.score}
          onChange={(score) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'belowScore', score } }))}
          error={messages.get('lowRankThreshold.score')}
        />
      ) : null}
      {low?.kind === 'grade' ? (
        <GradeChecks
          path="lowRankThreshold.grades"
          legend={t.lowRankGrades}
          value={low.grades}
          onChange={(grades) => edit((c) => ({ ...c, lowRankThreshold: { kind: 'grade', grades } }))}
          error={within(messages, 'lowRankThreshold.grades')}
        />
      ) : null}
    </Stack>
  );
}
