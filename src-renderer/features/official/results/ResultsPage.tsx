/**
 * 评鉴结果: the supervisor's signed 领导评鉴 of each quarter of the year shown, with every corrected
 * version and its reason, and the 评鉴结果反馈 (会议点评 / 个人谈话) on which the official writes and
 * signs a 签署意见. Everything here arrives through 同步 as signed records.
 */
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link } from 'react-router';
import { evaluationMethodLabels, feedbackKindLabels, type SignedEvaluation } from '../../../../shared/domain';
import { configInForce, readPersonYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { Loading, PageHeader, PrintButton } from '../../../components/page-parts';
import { useOfficial } from '../context';
import { useLiveFor } from '../../../components/useLiveFor';
import { EvaluationView, resultText } from './EvaluationView';
import { FeedbackCard } from './FeedbackCard';
import { QUARTER_NAMES, resultsText as t } from './strings';

const QUARTERS = [1, 2, 3, 4] as const;

function useResults() {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  return useLiveFor(
    `${personId}-${year}`,
    async () => {
      const [py, rules] = await Promise.all([readPersonYear(db, personId, year), configInForce(db)]);
      return { evaluations: py.evaluations, feedback: py.feedback, config: rules.config };
    },
    [db, personId, year],
  );
}

type Results = NonNullable<ReturnType<typeof useResults>>;

const current = (versions: readonly SignedEvaluation[]) =>
  versions.length === 0 ? undefined : versions.reduce((a, b) => (b.version > a.version ? b : a));

/** Brings a quarter's section into view and puts the keyboard there. */
function goTo(quarter: number) {
  const heading = document.getElementById(`results-q${quarter}`);
  heading?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  heading?.focus();
}

function Overview({ data }: { data: Results }) {
  return (
    <Table size="small" aria-label={t.summaryLabel} sx={{ maxWidth: 820 }} data-testid="results-summary">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 90 }}>{t.quarterCol}</TableCell>
          <TableCell sx={{ width: 110 }}>{t.method}</TableCell>
          <TableCell>{t.result}</TableCell>
          <TableCell sx={{ width: 120 }}>{t.evaluator}</TableCell>
          <TableCell>{t.feedback}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {QUARTERS.map((q) => {
          const e = current(data.evaluations.filter((x) => x.quarter === q));
          const fb = data.feedback.filter((f) => f.quarter === q);
          return (
            <TableRow key={q}>
              <TableCell>
                {/* Not an href: the address's hash is the route. */}
                <Button size="small" sx={{ minWidth: 0, p: 0 }} onClick={() => goTo(q)}>
                  {QUARTER_NAMES[q - 1]}
                </Button>
              </TableCell>
              <TableCell>{e ? t.methodValue(evaluationMethodLabels[e.method]) : '—'}</TableCell>
              <TableCell sx={{ color: e ? undefined : 'text.secondary' }}>
                {e
                  ? `${resultText(e)}${e.version > 1 ? `(${t.version(e.version)},${t.corrected})` : ''}`
                  : t.notReceivedShort}
              </TableCell>
              <TableCell>{e?.evaluatorName ?? '—'}</TableCell>
              <TableCell>
                {fb.length > 0 ? fb.map((f) => `${feedbackKindLabels[f.kind]} ${f.date}`).join(';') : '—'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function QuarterSection({
  quarter,
  data,
  personId,
}: {
  quarter: 1 | 2 | 3 | 4;
  data: Results;
  personId: string;
}) {
  const versions = data.evaluations.filter((e) => e.quarter === quarter);
  const feedback = data.feedback.filter((f) => f.quarter === quarter);
  const headingId = `results-q${quarter}`;
  return (
    <Paper component="section" aria-labelledby={headingId} sx={{ p: 2 }} data-testid={`quarter-${quarter}`}>
      <Typography
        id={headingId}
        variant="subtitle1"
        component="h3"
        sx={{ fontWeight: 600, mb: 1.5 }}
        tabIndex={-1}
      >
        {t.quarterHeading(quarter)}
      </Typography>
      {versions.length > 0 ? (
        <EvaluationView versions={versions} config={data.config} />
      ) : (
        <Alert severity="info" variant="outlined" data-testid="not-received">
          <AlertTitle>{t.notReceived(quarter)}</AlertTitle>
          {t.arriveHint}
          <Box sx={{ mt: 1 }} data-print="hide">
            <Button component={Link} to="/sync" size="small" variant="outlined">
              {t.goSync}
            </Button>
          </Box>
        </Alert>
      )}
      {versions.length > 0 || feedback.length > 0 ? (
        <Box component="section" aria-label={`${QUARTER_NAMES[quarter - 1]}${t.feedback}`} sx={{ mt: 2.5 }}>
          <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600, mb: 1 }}>
            {t.feedback}
          </Typography>
          {feedback.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t.noFeedback}
            </Typography>
          ) : (
            <Stack spacing={1.5}>
              {feedback.map((f) => (
                <FeedbackCard key={f.id} personId={personId} row={f} />
              ))}
            </Stack>
          )}
        </Box>
      ) : null}
    </Paper>
  );
}

export function ResultsPage() {
  const { personId, year } = useOfficial();
  const data = useResults();
  return (
    <Stack spacing={2.5}>
      <PageHeader title={t.title(year)} actions={<PrintButton />} />
      {data ? (
        <>
          <Overview data={data} />
          {QUARTERS.map((q) => (
            <QuarterSection key={`${year}-${q}`} quarter={q} data={data} personId={personId} />
          ))}
        </>
      ) : (
        <Loading />
      )}
    </Stack>
  );
}
