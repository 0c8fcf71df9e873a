/** One quarter's signed 领导评鉴 as the official reads it: the current version, then every version. */
import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  evaluationMethodLabels,
  leafIndicators,
  quarterGradeLabels,
  type AssessmentConfig,
  type SignedEvaluation,
} from '../../../../shared/domain';
import { formatTimestamp } from '../../../components/dates';
import { resultsText as t } from './strings';

const num = (n: number) => String(Math.round(n * 100) / 100);
const dateOf = (iso: string) => formatTimestamp(iso).slice(0, 10);
const orMissing = (s: string) => (s.trim() === '' ? t.notFilled : s);

/** 'xx分 · 等次“好”' for a 定量 result, '等次“好”' for a 定性 one. */
export function resultText(e: SignedEvaluation): string {
  const grade = t.grade(quarterGradeLabels[e.resultGrade]);
  return e.resultScore !== undefined ? `${t.score(num(e.resultScore))} · ${grade}` : grade;
}

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box component="div" data-testid={testId}>
      <Typography variant="body2" component="div" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography
        variant="body1"
        component="div"
        sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {children}
      </Typography>
    </Box>
  );
}

function LeafScores({
  evaluation,
  config,
}: {
  evaluation: SignedEvaluation;
  config: AssessmentConfig | undefined;
}) {
  const scores = evaluation.leafScores ?? {};
  const ids = Object.keys(scores);
  if (evaluation.method !== 'score' || ids.length === 0) return null;
  const template = config?.indicatorTemplates.find((x) => x.id === evaluation.templateId);
  const named = template ? leafIndicators(template.indicators) : [];
  const names = new Map(named.map(({ node, trail }) => [node.id, trail.join(' / ')]));
  // The template's order when it is known here; the signed order otherwise.
  const order =
    named.length > 0
      ? [...named.map((l) => l.node.id).filter((id) => id in scores), ...ids.filter((id) => !names.has(id))]
      : ids;
  return (
    <Box>
      <Typography variant="body2" component="h4" sx={{ color: 'text.secondary', fontWeight: 600, mb: 0.5 }}>
        {t.leafScores}
      </Typography>
      <Table size="small" aria-label={t.leafScores} sx={{ maxWidth: 560 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t.indicator}</TableCell>
            <TableCell sx={{ width: 90, textAlign: 'right' }}>{t.leafScore}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.map((id) => (
            <TableRow key={id}>
              <TableCell>{names.get(id) ?? id}</TableCell>
              <TableCell sx={{ textAlign: 'right' }}>{num(scores[id]!)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function Bonuses({
  evaluation,
  config,
}: {
  evaluation: SignedEvaluation;
  config: AssessmentConfig | undefined;
}) {
  // 定性评鉴 cannot add points (evaluation.ts), so the line is left off there.
  if (evaluation.method !== 'score') return null;
  const factors = new Map((config?.bonusFactors ?? []).map((f) => [f.id, f.name]));
  return (
    <Field label={t.bonuses} testId="eval-bonuses">
      {evaluation.bonuses.length === 0 ? (
        t.noBonus
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {evaluation.bonuses.map((b) => (
            <li key={b.factorId}>
              {t.bonusLine(factors.get(b.factorId) ?? b.factorId, num(b.points))}
              {`;${t.bonusReason}:${orMissing(b.reason)}`}
            </li>
          ))}
        </Box>
      )}
    </Field>
  );
}

/** The current version in full. */
function Current({
  evaluation: e,
  config,
}: {
  evaluation: SignedEvaluation;
  config: AssessmentConfig | undefined;
}) {
  return (
    <Stack spacing={1.5} data-testid="eval-current">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip size="small" color="primary" label={t.version(e.version)} data-testid="eval-version" />
        {e.correctionOf ? <Chip size="small" color="warning" label={t.corrected} /> : null}
      </Stack>
      {e.correctionOf ? (
        <Alert severity="warning" variant="outlined" role="note" data-testid="eval-correction">
          {t.correctedNote(e.version, e.correctionOf.version, orMissing(e.correctionOf.reason))}
        </Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          gridTemplateColumns: {
            xs: '1fr',
            sm: 'repeat(2, minmax(0, 1fr))',
            md: 'repeat(4, minmax(0, 1fr))',
          },
        }}
      >
        <Field label={t.method}>{t.methodValue(evaluationMethodLabels[e.method])}</Field>
        <Field label={t.result} testId="eval-result">
          <Box component="span" sx={{ fontWeight: 700 }}>
            {resultText(e)}
          </Box>
        </Field>
        <Field label={t.evaluator}>{e.evaluatorName}</Field>
        <Field label={t.signedAt}>{dateOf(e.signedAt)}</Field>
      </Box>
      <Field label={t.opinion} testId="eval-opinion">
        {orMissing(e.opinion)}
      </Field>
      <LeafScores evaluation={e} config={config} />
      <Bonuses evaluation={e} config={config} />
      <Field label={t.peer} testId="eval-peer">
        {t.peerConsulted(e.peerOpinion.consulted)}
        {`;${t.peerScope}:${orMissing(e.peerOpinion.scope)}`}
        {`\n${t.peerGist}:${orMissing(e.peerOpinion.gist)}`}
      </Field>
      <Field label={t.public} testId="eval-public">
        {e.publicFeedback
          ? `${t.publicSource}:${orMissing(e.publicFeedback.source)}\n${t.publicGist}:${orMissing(e.publicFeedback.gist)}`
          : t.publicNone}
      </Field>
    </Stack>
  );
}

/** Every signed version, newest first, each with why it corrected the one before. */
function History({
  versions,
  currentVersion,
}: {
  versions: readonly SignedEvaluation[];
  currentVersion: number;
}) {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Box component="section" aria-label={t.history} data-testid="eval-history">
      <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
        {t.history}
      </Typography>
      <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
        {t.historyHint}
      </Typography>
      <Box component="ol" reversed sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1 }}>
        {newestFirst.map((v) => (
          <li key={v.id}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {t.historyEntry(v.version, dateOf(v.signedAt), v.evaluatorName)}
              {v.version === currentVersion ? t.historyCurrent : ''}
            </Typography>
            <Typography variant="body2">
              {`${t.result}:${resultText(v)}(${t.methodValue(evaluationMethodLabels[v.method])})`}
            </Typography>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {`${t.opinion}:${orMissing(v.opinion)}`}
            </Typography>
            <Typography variant="body2" sx={{ color: v.correctionOf ? 'warning.dark' : 'text.secondary' }}>
              {v.correctionOf
                ? t.historyReason(v.correctionOf.version, orMissing(v.correctionOf.reason))
                : t.historyFirst}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
}

/** `versions`: every signed version of the quarter (at least one). */
export function EvaluationView({
  versions,
  config,
}: {
  versions: readonly SignedEvaluation[];
  config: AssessmentConfig | undefined;
}) {
  const current = versions.reduce((a, b) => (b.version > a.version ? b : a));
  return (
    <Stack spacing={2}>
      <Current evaluation={current} config={config} />
      {versions.length > 1 ? <History versions={versions} currentVersion={current.version} /> : null}
    </Stack>
  );
}
