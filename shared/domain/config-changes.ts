/**
 * What changed between two versions of 考核办法, in one line for the version history and the editor
 * (“个人记实形式:月记→周记;指标体系“综合管理类”:新增“调研”……”).
 */
import {
  evaluationMethodChoiceLabels,
  q4TimingLabels,
  quotaRoundingLabels,
  quotaScopeLabels,
  type AssessmentConfig,
  type BonusFactor,
  type ExcellentRule,
  type LowRankThreshold,
  type ScoreBand,
} from './config';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from './vocabulary';

function numberText(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '(未填)';
}

function gradesText(grades: readonly QuarterGrade[]): string {
  return QUARTER_GRADES.filter((g) => grades.includes(g))
    .map((g) => quarterGradeLabels[g])
    .join('、');
}

function thresholdText(t: LowRankThreshold | null): string {
  if (t === null) return '不适用';
  switch (t.kind) {
    case 'bottomN':
      return `排名后${numberText(t.n)}名`;
    case 'bottomPercent':
      return `排名后${numberText(t.percent)}%`;
    case 'belowScore':
      return `低于${numberText(t.score)}分`;
    case 'grade':
      return `等次为${gradesText(t.grades)}`;
  }
}

function flatIndicators(nodes: readonly { id: string; name: string; weight: number; children: unknown[] }[]) {
  const out = new Map<string, { name: string; weight: number; parent: string | null; index: number }>();
  const walk = (list: readonly IndicatorNodeLike[], parent: string | null) =>
    list.forEach((n, index) => {
      out.set(n.id, { name: n.name, weight: n.weight, parent, index });
      walk(n.children, n.id);
    });
  walk(nodes as IndicatorNodeLike[], null);
  return out;
}
type IndicatorNodeLike = { id: string; name: string; weight: number; children: IndicatorNodeLike[] };

/**
 * What changed between two configurations, in one line for the version history
 * (“个人记实形式:月记→周记;指标体系“综合管理类”:新增“调研”……”). “未作修改” when nothing did.
 */
export function describeConfigChanges(before: AssessmentConfig, after: AssessmentConfig): string {
  const parts: string[] = [];
  const modes = { daily: '日记', weekly: '周记', monthly: '月记', quarterly: '季度记' } as const;
  if (before.recordMode !== after.recordMode)
    parts.push(`个人记实形式:${modes[before.recordMode]}→${modes[after.recordMode]}`);
  if (before.evaluationMethod !== after.evaluationMethod)
    parts.push(
      `评鉴方式:${evaluationMethodChoiceLabels[before.evaluationMethod]}→${evaluationMethodChoiceLabels[after.evaluationMethod]}`,
    );
  const bandsText = (bs: readonly ScoreBand[]) =>
    [...bs]
      .sort((a, b) => b.min - a.min)
      .map((b) => `${quarterGradeLabels[b.grade]}${numberText(b.min)}`)
      .join('/');
  if (bandsText(before.scoreBands) !== bandsText(after.scoreBands))
    parts.push(`分数段:${bandsText(before.scoreBands)}→${bandsText(after.scoreBands)}`);
  const cap = (p: number | null) => (p === null ? '不限' : `${numberText(p)}%`);
  if (before.goodCapPercent !== after.goodCapPercent)
    parts.push(`“好”等次比例上限:${cap(before.goodCapPercent)}→${cap(after.goodCapPercent)}`);
  const rule = (r: ExcellentRule | null) =>
    r === null
      ? '不设条件'
      : `“好”不少于${numberText(r.minGoodPercent)}%${r.forbiddenGrades.length ? `且无${gradesText(r.forbiddenGrades)}` : ''}`;
  if (rule(before.excellentRule) !== rule(after.excellentRule))
    parts.push(`优秀人选条件:${rule(before.excellentRule)}→${rule(after.excellentRule)}`);
  if (thresholdText(before.lowRankThreshold) !== thresholdText(after.lowRankThreshold))
    parts.push(`分值靠后:${thresholdText(before.lowRankThreshold)}→${thresholdText(after.lowRankThreshold)}`);
  if (before.quarterWeightInAnnual !== after.quarterWeightInAnnual)
    parts.push(
      `平时考核结果权重:${numberText(before.quarterWeightInAnnual)}%→${numberText(after.quarterWeightInAnnual)}%`,
    );
  const bonus: string[] = [];
  const oldBonus = new Map(before.bonusFactors.map((f) => [f.id, f]));
  const newBonus = new Map(after.bonusFactors.map((f) => [f.id, f]));
  const pts = (f: BonusFactor) =>
    f.fixedPoints !== undefined ? `加${numberText(f.fixedPoints)}分` : `最高${numberText(f.maxPoints)}分`;
  for (const f of after.bonusFactors) {
    const o = oldBonus.get(f.id);
    if (!o) bonus.push(`新增“${f.name}”`);
    else if (o.name !== f.name || pts(o) !== pts(f) || (o.description ?? '') !== (f.description ?? ''))
      bonus.push(`修改“${f.name}”`);
  }
  for (const f of before.bonusFactors) if (!newBonus.has(f.id)) bonus.push(`删除“${f.name}”`);
  if (bonus.length) parts.push(`加分要素:${bonus.join('、')}`);
  const bcap = (p: number | null) => (p === null ? '不限' : `${numberText(p)}分`);
  if (before.bonusCapPoints !== after.bonusCapPoints)
    parts.push(`加分上限:${bcap(before.bonusCapPoints)}→${bcap(after.bonusCapPoints)}`);
  const oldT = new Map(before.indicatorTemplates.map((t) => [t.id, t]));
  const newT = new Map(after.indicatorTemplates.map((t) => [t.id, t]));
  for (const t of after.indicatorTemplates) {
    const o = oldT.get(t.id);
    if (!o) {
      parts.push(`指标体系:新增模板“${t.name}”`);
      continue;
    }
    const changes: string[] = [];
    if (o.name !== t.name) changes.push(`更名为“${t.name}”`);
    if (o.positionCategory !== t.positionCategory) changes.push('职位类别调整');
    if ([...o.rankLevels].sort().join() !== [...t.rankLevels].sort().join()) changes.push('适用职级调整');
    const a = flatIndicators(o.indicators);
    const b = flatIndicators(t.indicators);
    for (const [id, n] of b) {
      const m = a.get(id);
      if (!m) changes.push(`新增“${n.name}”`);
      else {
        if (m.name !== n.name) changes.push(`“${m.name}”更名为“${n.name}”`);
        if (m.weight !== n.weight)
          changes.push(`“${n.name}”权重${numberText(m.weight)}→${numberText(n.weight)}`);
        if (m.parent !== n.parent) changes.push(`“${n.name}”移动位置`);
        else if (m.index !== n.index) changes.push(`“${n.name}”调整顺序`);
      }
    }
    for (const [id, m] of a) if (!b.has(id)) changes.push(`删除“${m.name}”`);
    const described = JSON.stringify(o.indicators) !== JSON.stringify(t.indicators) && changes.length === 0;
    if (described) changes.push('指标说明调整');
    if (changes.length) {
      const shown = changes.length > 6 ? [...changes.slice(0, 6), `等${changes.length}处`] : changes;
      parts.push(`指标体系“${t.name}”:${shown.join('、')}`);
    }
  }
  for (const t of before.indicatorTemplates) if (!newT.has(t.id)) parts.push(`指标体系:删除模板“${t.name}”`);
  if (JSON.stringify(before.holidayCalendars) !== JSON.stringify(after.holidayCalendars))
    parts.push('节假日安排调整');
  const a0 = before.annualAssessment;
  const a1 = after.annualAssessment;
  if (a0.probationUngraded !== a1.probationUngraded)
    parts.push(`试用期人员:${a1.probationUngraded ? '不定等次' : '确定等次'}`);
  if (a0.minMonthsToTakePart !== a1.minMonthsToTakePart)
    parts.push(
      `参加年度考核的最短任职月数:${a0.minMonthsToTakePart ?? '不限'}→${a1.minMonthsToTakePart ?? '不限'}`,
    );
  if (a0.q4 !== a1.q4) parts.push(`第四季度:${q4TimingLabels[a1.q4]}`);
  if (a0.quota.percent !== a1.quota.percent)
    parts.push(`优秀名额比例:${numberText(a0.quota.percent)}%→${numberText(a1.quota.percent)}%`);
  if (a0.quota.rounding !== a1.quota.rounding)
    parts.push(
      `优秀名额取整:${quotaRoundingLabels[a0.quota.rounding]}→${quotaRoundingLabels[a1.quota.rounding]}`,
    );
  if (a0.quota.scope !== a1.quota.scope) parts.push(`优秀名额:${quotaScopeLabels[a1.quota.scope]}`);
  if (a0.lowRankMinGroup !== a1.lowRankMinGroup)
    parts.push(`参加排序最少人数:${a0.lowRankMinGroup}→${a1.lowRankMinGroup}人`);
  return parts.length ? parts.join(';') : '未作修改';
}
