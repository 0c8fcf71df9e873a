/** A signed 领导评鉴, read-only: the supervisor's evaluation page and HR's material panel show the same. */
import {
  Box,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  effectiveLeafWeights,
  evaluationMethodLabels,
  leafIndicators,
  quarterGradeLabels,
  roundScore,
  type AssessmentConfig,
  type IndicatorTemplate,
  type SignedEvaluation,
} from '../../../shared/domain';
import { dateTimeOf } from '../supervisor-forms';

/** The words of the supervisor's 评鉴表 (features/supervisor/evaluation/strings.ts has the editor's). */
const t = {
  method: '评鉴方式',
  methodOption: (label: string) => `${label}评鉴`,
  indicators: '考核指标评分',
  bonuses: '加分要素',
  result: '评鉴结果',
  points: (n: number) => `${n}分`,
  peer: '群众意见',
  publicFb: '服务对象和社会反映',
  opinion: '评鉴意见',
  signedBy: '签署人',
  signedAt: '签署时间',
  versionLabel: (v: number) => `第${v}版`,
  correctionOf: (v: number, reason: string) => `更正第${v}版,更正原因:${reason}`,
  firstVersion: '首次签署',
  indicatorCol: '指标',
  weightCol: '权重(占总分)',
  scoreCol: '得分',
  none: '无',
  peerLine: (count: number, scope: string) => `征求意见${count}人${scope ? `(${scope})` : ''}`,
} as const;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '9em 1fr' }, gap: 1 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function SignedEvaluationView({
  evaluation: e,
  config,
  template,
}: {
  evaluation: SignedEvaluation;
  config: AssessmentConfig;
  template: IndicatorTemplate | undefined;
}) {
  const used = config.indicatorTemplates.find((x) => x.id === e.templateId) ?? template;
  const factors = new Map(config.bonusFactors.map((f) => [f.id, f.name]));
  const weights = used ? effectiveLeafWeights(used.indicators) : new Map<string, number>();
  const result =
    e.resultScore !== undefined
      ? `${t.points(e.resultScore)},${quarterGradeLabels[e.resultGrade]}`
      : quarterGradeLabels[e.resultGrade];
  return (
    <Paper
      component="section"
      aria-label={t.versionLabel(e.version)}
      sx={{ p: 2 }}
      data-testid="signed-evaluation"
    >
      <Stack component="dl" spacing={1} sx={{ m: 0 }}>
        <Row label={t.versionLabel(e.version)}>
          {e.correctionOf ? t.correctionOf(e.correctionOf.version, e.correctionOf.reason) : t.firstVersion}
        </Row>
        <Row label={t.signedBy}>{e.evaluatorName}</Row>
        <Row label={t.signedAt}>{dateTimeOf(e.signedAt)}</Row>
        <Row label={t.method}>{t.methodOption(evaluationMethodLabels[e.method])}</Row>
        <Row label={t.result}>{result}</Row>
      </Stack>
      {e.method === 'score' && used ? (
        <Table size="small" aria-label={t.indicators} sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>{t.indicatorCol}</TableCell>
              <TableCell align="right">{t.weightCol}</TableCell>
              <TableCell align="right">{t.scoreCol}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {leafIndicators(used.indicators).map(({ node, trail }) => (
              <TableRow key={node.id}>
                <TableCell>{trail.join(' / ')}</TableCell>
                <TableCell align="right">{roundScore(weights.get(node.id) ?? 0)}%</TableCell>
                <TableCell align="right">{e.leafScores?.[node.id] ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Stack component="dl" spacing={1} sx={{ m: 0, mt: 2 }}>
        {e.method === 'score' ? (
          <Row label={t.bonuses}>
            {e.bonuses.length === 0
              ? t.none
              : e.bonuses
                  .map((b) => `${factors.get(b.factorId) ?? b.factorId} ${t.points(b.points)}:${b.reason}`)
                  .join('\n')}
          </Row>
        ) : null}
        <Row label={t.peer}>
          {t.peerLine(e.peerOpinion.consulted, e.peerOpinion.scope)}
          {'\n'}
          {e.peerOpinion.gist}
        </Row>
        <Row label={t.publicFb}>
          {e.publicFeedback ? `${e.publicFeedback.source}:${e.publicFeedback.gist}` : t.none}
        </Row>
        <Row label={t.opinion}>{e.opinion}</Row>
      </Stack>
    </Paper>
  );
}
