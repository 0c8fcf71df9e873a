import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import {
  describeScoreBand,
  evaluationMethodChoiceLabels,
  presets,
  q4TimingLabels,
  quarterGradeLabels,
  quotaRoundingLabels,
  quotaScopeLabels,
  rankingRuleLabels,
  recordModeLabels,
  type LowRankThreshold,
  type PresetId,
} from '../../../shared/domain';

function lowRankText(t: LowRankThreshold | null): string {
  if (!t) return '未设置';
  switch (t.kind) {
    case 'bottomN':
      return `本单位量化评鉴分值排名最后${t.n}名`;
    case 'bottomPercent':
      return `本单位量化评鉴分值排名后${t.percent}%`;
    case 'belowScore':
      return `量化评鉴分值低于${t.score}分`;
    case 'grade':
      return `季度评鉴等次为${t.grades.map((g) => `“${quarterGradeLabels[g]}”`).join('或')}`;
  }
}

/** The preset's rules in plain words, so a clerk can check them against the unit's own 办法. */
export function PresetSummary({ presetId }: { presetId: PresetId }) {
  const p = presets[presetId];
  const c = p.config;
  const rows: [string, string][] = [
    ['个人记实形式', recordModeLabels[c.recordMode]],
    ['领导评鉴方式', evaluationMethodChoiceLabels[c.evaluationMethod]],
    ['分值与等次', c.scoreBands.map(describeScoreBand).join(';')],
    [
      '“好”等次比例',
      c.goodCapPercent === null ? '不限' : `不超过本单位参加平时考核人数的${c.goodCapPercent}%`,
    ],
    [
      '年度优秀人选条件',
      c.excellentRule
        ? (c.excellentRule.minGoodPercent > 0
            ? `“好”等次季度达到${c.excellentRule.minGoodPercent}%以上`
            : '') +
          (c.excellentRule.forbiddenGrades.length
            ? `${c.excellentRule.minGoodPercent > 0 ? ',且' : ''}无${c.excellentRule.forbiddenGrades.map((g) => `“${quarterGradeLabels[g]}”`).join('、')}等次`
            : '')
        : '未设置',
    ],
    ['“分值靠后”认定', lowRankText(c.lowRankThreshold)],
    ['年度考核排序', rankingRuleLabels[c.annualAssessment.ranking]],
    [
      '年度考核优秀名额',
      `参加年度考核并确定等次人数的${c.annualAssessment.quota.percent}%,${quotaRoundingLabels[c.annualAssessment.quota.rounding]};${quotaScopeLabels[c.annualAssessment.quota.scope]}`,
    ],
    ['第四季度平时考核', q4TimingLabels[c.annualAssessment.q4]],
    [
      '试用期人员',
      c.annualAssessment.probationUngraded ? '参加年度考核,只写评语,不确定等次' : '参加年度考核,确定等次',
    ],
    ['平时考核结果在年度考核中的权重', `${c.quarterWeightInAnnual}%`],
    ['加分要素', c.bonusFactors.length ? c.bonusFactors.map((b) => b.name).join('、') : '由本单位设置'],
  ];
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        “{p.name}”的主要规则
      </Typography>
      <Table size="small" aria-label="考核办法规则">
        <TableBody>
          {rows.map(([k, v]) => (
            <TableRow key={k}>
              <TableCell component="th" scope="row" sx={{ width: 200, color: 'text.secondary' }}>
                {k}
              </TableCell>
              <TableCell>{v}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        依据:{p.basis}
      </Typography>
    </>
  );
}
