import type { ReactNode } from 'react';
import { Alert, Box, LinearProgress, Stack, Typography } from '@mui/material';
import { errorSeverityLabels, formatDays, leaveDays } from '../../../../shared/domain/record-book';
import type { QuarterHighlights } from '../../../../shared/domain/summary';
import { zh } from '../../../i18n/zh';

const t = zh.official.summary;

/** One heading of the facts; `empty` says 无 in place of the list. */
function Section({ title, empty = false, children }: { title: string; empty?: boolean; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          {t.none}
        </Typography>
      ) : (
        children
      )}
    </Box>
  );
}

/** The quarter's facts from the submitted record books, shown beside the text the official writes. */
export function Highlights({ h }: { h: QuarterHighlights }) {
  const a = h.attendance;
  return (
    <Stack spacing={1.5} data-testid="highlights">
      {h.monthsMissing.length > 0 ? (
        <Alert severity="info">{`${h.monthsMissing.map((m) => `${m}月`).join('、')}记实簿尚未提交,以下要点未含该月。`}</Alert>
      ) : null}
      <Section title={t.completed} empty={h.completedItems.length === 0}>
        <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
          {h.completedItems.map((c, i) => (
            <li key={i}>
              <Typography variant="body2">
                {c.content}({c.month}月)
              </Typography>
            </li>
          ))}
        </Box>
      </Section>
      <Section title={t.planProgress} empty={h.planProgress.length === 0}>
        <Stack spacing={0.75}>
          {h.planProgress.map((p) => (
            <Box key={p.planItemId}>
              <Typography variant="body2">
                {p.task} — {p.percent}%
              </Typography>
              <LinearProgress variant="determinate" value={Math.max(0, Math.min(100, p.percent))} sx={{ height: 6, borderRadius: 3 }} aria-label={`${p.task} 完成进度`} />
            </Box>
          ))}
        </Stack>
      </Section>
      <Section title={t.attendance}>
        <Typography variant="body2">
          {t.attendanceLine({
            due: Number(formatDays(a.due)),
            present: Number(formatDays(a.present)),
            leave: Number(formatDays(leaveDays(a))),
            trip: Number(formatDays(a.businessTrip)),
            absent: Number(formatDays(a.absent)),
          })}
        </Typography>
      </Section>
      <Section title={t.errors} empty={h.errors.length === 0}>
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {h.errors.map((e, i) => (
            <li key={i}>
              <Typography variant="body2">
                {e.date} {e.matter}({errorSeverityLabels[e.severity]})
              </Typography>
            </li>
          ))}
        </Box>
      </Section>
    </Stack>
  );
}
