/** Beside the 评语: the official's 年度个人总结 (read-only) and the year's four 平时考核 results. */
import { Box, Paper, Stack, Typography } from '@mui/material';
import { quarterResultText } from '../../../../shared/domain';
import { averageOf, type QuarterResult } from './form';
import { annualText as t } from './strings';

export type SummaryView = { text: string; submittedOn: string; version: number };

export function YearEvidence({
  summary,
  quarters,
}: {
  summary: SummaryView | undefined;
  quarters: readonly QuarterResult[];
}) {
  const avg = averageOf(quarters);
  const any = quarters.some((q) => q.grade !== null);
  return (
    <Stack spacing={2} data-testid="annual-evidence">
      <Paper variant="outlined" component="section" aria-labelledby="annual-quarters-heading" sx={{ p: 2 }}>
        <Typography
          id="annual-quarters-heading"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600, mb: 1 }}
        >
          {t.quartersTitle}
        </Typography>
        {any ? (
          <>
            <Box
              component="dl"
              sx={{
                m: 0,
                display: 'grid',
                gridTemplateColumns: 'repeat(4, 1fr)',
                gap: 1,
                textAlign: 'center',
              }}
            >
              {quarters.map((q) => (
                <Box key={q.quarter} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1 }}>
                  <Typography component="dt" variant="caption" color="text.secondary">
                    {t.quarterLabel(q.quarter)}
                  </Typography>
                  <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600 }}>
                    {q.grade === null ? t.noQuarter : quarterResultText(q)}
                  </Typography>
                </Box>
              ))}
            </Box>
            {avg !== null ? (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t.averageLabel(avg)}
              </Typography>
            ) : null}
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t.quartersNone}
          </Typography>
        )}
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="annual-summary-heading" sx={{ p: 2 }}>
        <Typography id="annual-summary-heading" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.summaryTitle}
        </Typography>
        {summary ? (
          <>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              {t.summaryMeta(summary.submittedOn, summary.version)}
            </Typography>
            <Typography
              variant="body2"
              data-testid="annual-summary-text"
              sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '55vh', overflowY: 'auto' }}
            >
              {summary.text}
            </Typography>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t.summaryMissing}
          </Typography>
        )}
      </Paper>
    </Stack>
  );
}
