/**
 * 季度评鉴 of one report: per quarter what is in, the evaluation (未评鉴 / grade, score, version), the
 * way to 领导评鉴 and to 记录反馈, and the quarter's feedback with the official's 签署意见.
 */
import { useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import {
  QUARTERS,
  feedbackKindLabels,
  formatChineseDate,
  localIsoDate,
  quarterGradeLabels,
  teamOverview,
  teamQuarterStateLabels,
  type Quarter,
} from '../../../../shared/domain';
import type { PersonYear, TeamMember } from '../../../../shared/store';
import { PageHeader } from '../../../components/page-parts';
import { FeedbackDialog } from '../feedback/FeedbackDialog';
import { teamQuarterTone } from './chips';
import { supervisorPaths } from './links';
import { st } from './strings';

const t = st.quarters;

function dateText(date: string): string {
  try {
    return formatChineseDate(date);
  } catch {
    return date;
  }
}

export function QuarterReview({
  person,
  year,
  data,
}: {
  person: TeamMember;
  year: number;
  data: PersonYear;
}) {
  const [feedbackFor, setFeedbackFor] = useState<Quarter | null>(null);
  const overview = teamOverview({
    year,
    today: localIsoDate(new Date()),
    people: [{ id: person.id, name: person.name }],
    data: { [person.id]: data },
  }).people[0]!;

  return (
    <Stack spacing={2}>
      <PageHeader title={t.heading(year)} />
      {QUARTERS.map((quarter) => {
        const q = overview.quarters[quarter - 1]!;
        const feedback = data.feedback.filter((f) => f.year === year && f.quarter === quarter);
        const e = q.evaluation;
        const headingId = `quarter-${quarter}-heading`;
        return (
          <Paper
            key={quarter}
            variant="outlined"
            component="section"
            aria-labelledby={headingId}
            sx={{ p: 2 }}
            data-testid={`quarter-${quarter}`}
          >
            <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component="h3" id={headingId} sx={{ fontWeight: 600 }}>
                {t.quarter(quarter)}
              </Typography>
              <Chip size="small" label={teamQuarterStateLabels[q.state]} color={teamQuarterTone[q.state]} />
              <Box sx={{ flexGrow: 1 }} />
              <Button
                component={Link}
                to={supervisorPaths.evaluate(person.id, year, quarter)}
                variant={e ? 'outlined' : 'contained'}
              >
                {e ? t.view : t.evaluate}
              </Button>
              <Button variant="outlined" onClick={() => setFeedbackFor(quarter)}>
                {t.recordFeedback}
              </Button>
            </Stack>
            <Typography variant="body2" sx={{ mt: 1 }}>
              {e ? t.evaluated(quarterGradeLabels[e.grade], e.score, e.version) : t.notEvaluated}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {`${t.recordsIn(q.recordsIn)};${t.summary}${t.summaryState[q.summary]}`}
            </Typography>
            <Typography variant="subtitle2" component="h4" sx={{ mt: 1.5 }}>
              {t.feedback}
            </Typography>
            {feedback.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t.noFeedback}
              </Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {feedback.map((f) => (
                  <li key={f.id}>
                    <Typography variant="body2">
                      {t.feedbackLine(feedbackKindLabels[f.kind], dateText(f.date), f.by)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap' }}>
                      {f.content}
                    </Typography>
                    <Typography variant="body2" color={f.ack ? 'success.main' : 'text.secondary'}>
                      {f.ack ? t.signed(f.ack.text) : t.unsigned}
                    </Typography>
                  </li>
                ))}
              </Box>
            )}
          </Paper>
        );
      })}
      {feedbackFor !== null ? (
        <FeedbackDialog
          open
          onClose={() => setFeedbackFor(null)}
          personId={person.id}
          personName={person.name}
          year={year}
          quarter={feedbackFor}
        />
      ) : null}
    </Stack>
  );
}
