import { Paper, Stack, Typography } from '@mui/material';
import { quarterGradeLabels } from '../../../../shared/domain';
import type { LiveResult } from './form';
import { evalText as t } from './strings';

/** The result in one line, for the confirmation: "87.5分,较好" or "好". */
export function resultWords(result: LiveResult | null): string {
  if (!result) return t.resultPending;
  switch (result.kind) {
    case 'grade':
      return result.grade ? `“${quarterGradeLabels[result.grade]}”` : t.resultPending;
    case 'partial':
      return t.resultPartial(result.scored, result.total);
    case 'score':
      return `${t.points(result.score)},“${quarterGradeLabels[result.grade]}”`;
  }
}

/** The live result as the form stands: weighted score + counted bonus = 分值, and the band's 等次. */
export function ResultBox({ result }: { result: LiveResult | null }) {
  return (
    <Paper component="section" aria-labelledby="eval-result" sx={{ p: 2 }} data-testid="live-result">
      <Typography id="eval-result" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t.result}
      </Typography>
      <Stack spacing={0.5} role="status" aria-live="polite">
        {!result ? (
          <Typography variant="body2" color="text.secondary">
            {t.methodChoose}
          </Typography>
        ) : result.kind === 'grade' ? (
          <Typography>
            {t.resultChosenGrade}:{result.grade ? quarterGradeLabels[result.grade] : t.resultPending}
          </Typography>
        ) : result.kind === 'partial' ? (
          <>
            <Typography variant="body2" color="text.secondary">
              {t.resultPartial(result.scored, result.total)}
            </Typography>
            <Typography variant="body2">
              {t.resultWeightedPartial}:{t.points(result.weighted)}
            </Typography>
          </>
        ) : (
          <>
            <Typography variant="body2">
              {t.resultWeighted} {t.points(result.weighted)} + {t.resultBonus} {t.points(result.bonus)}
            </Typography>
            <Typography sx={{ fontWeight: 600 }}>
              {t.resultScore}:{t.points(result.score)} · {t.resultGrade}:{quarterGradeLabels[result.grade]}
            </Typography>
          </>
        )}
      </Stack>
    </Paper>
  );
}
