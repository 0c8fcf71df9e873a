/**
 * From the signed records (shared/domain) to the supervisor's Word forms (shared/documents/models):
 * 平时考核领导评鉴表 and 平时考核备案登记表. Pure, so a test can check every field. The supervisor exports
 * them one at a time; HR builds them in a batch for the 备案 archive.
 */
import type {
  EvaluationForm,
  EvaluationIndicator,
  FilingRegisterForm,
  Grade,
  EvaluationMethod as FormMethod,
  PersonHeader,
} from '../../shared/documents';
import {
  localIsoDate,
  rankLevelLabel,
  roundScore,
  type AssessmentConfig,
  type EvaluationMethod,
  type IndicatorNode,
  type IndicatorTemplate,
  type QuarterGrade,
  type Register,
  type RegisterEntry,
  type SignedEvaluation,
} from '../../shared/domain';

const gradeText: Readonly<Record<QuarterGrade, Grade>> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '较差',
};

const methodText: Readonly<Record<EvaluationMethod, FormMethod>> = {
  grade: 'qualitative',
  score: 'quantitative',
};

/** The calendar day (in the machine's zone) a stored timestamp falls on. */
export function dayOf(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? '' : localIsoDate(d);
}

/** "2026-04-08 15:30", for the screens. */
export function dateTimeOf(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${localIsoDate(d)} ${hh}:${mm}`;
}

/** 职务职级 as printed: "科长、一级主任科员", or the rank alone. */
export function rosterPersonHeader(p: {
  name: string;
  unitName: string;
  title?: string | undefined;
  rankLevel: string;
}): PersonHeader {
  const rank = rankLevelLabel(p.rankLevel);
  const title = p.title?.trim();
  return { name: p.name, unit: p.unitName, post: title && title !== rank ? `${title}、${rank}` : rank };
}

/** The indicator tree with weights as a share of the whole and the weighted score of each level. */
function indicatorRows(
  nodes: readonly IndicatorNode[],
  scores: Readonly<Record<string, number>>,
  factor: number,
): EvaluationIndicator[] {
  return nodes.map((n) => {
    const whole = roundScore(factor * n.weight);
    if (n.children.length === 0) {
      const score = scores[n.id];
      return {
        name: n.name,
        weight: whole,
        ...(score !== undefined ? { score, weighted: roundScore((score * factor * n.weight) / 100) } : {}),
      };
    }
    const children = indicatorRows(n.children, scores, (factor * n.weight) / 100);
    const weighted = children.every((c) => c.weighted !== undefined)
      ? roundScore(children.reduce((s, c) => s + (c.weighted ?? 0), 0))
      : undefined;
    return { name: n.name, weight: whole, ...(weighted !== undefined ? { weighted } : {}), children };
  });
}

/** The 平时考核领导评鉴表 of one signed version. */
export function evaluationDocument(
  e: SignedEvaluation,
  person: PersonHeader,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): EvaluationForm {
  const used = config.indicatorTemplates.find((t) => t.id === e.templateId) ?? template;
  const factors = new Map(config.bonusFactors.map((f) => [f.id, f.name]));
  return {
    kind: 'evaluation',
    person,
    year: e.year,
    quarter: e.quarter,
    method: methodText[e.method],
    indicators: e.method === 'score' && used ? indicatorRows(used.indicators, e.leafScores ?? {}, 1) : [],
    bonuses: e.bonuses.map((b) => ({
      factor: factors.get(b.factorId) ?? b.factorId,
      points: b.points,
      reason: b.reason,
    })),
    publicOpinion: {
      scope: e.peerOpinion.scope,
      count: e.peerOpinion.consulted,
      summary: e.peerOpinion.gist,
    },
    socialFeedback: e.publicFeedback ? `${e.publicFeedback.source}:${e.publicFeedback.gist}` : '无',
    opinion: e.opinion,
    result: {
      ...(e.resultScore !== undefined ? { score: e.resultScore } : {}),
      grade: gradeText[e.resultGrade],
    },
    supervisor: { name: e.evaluatorName, date: dayOf(e.signedAt) },
    ...(e.correctionOf ? { revision: { version: e.version, reason: e.correctionOf.reason } } : {}),
  };
}

function registerEntryRow(e: RegisterEntry): FilingRegisterForm['entries'][number] {
  return {
    name: e.name,
    post: e.post,
    method: methodText[e.method],
    ...(e.score !== undefined ? { score: e.score } : {}),
    grade: gradeText[e.grade],
    ...(e.bonus !== undefined ? { bonus: e.bonus } : {}),
    feedback: { way: e.feedbackWay, ...(e.feedbackDate ? { date: e.feedbackDate } : {}) },
    ...(e.remark ? { remark: e.remark } : {}),
  };
}

/** The 平时考核备案登记表: a draft (review lines left blank) or a signed version. */
export function registerDocument(
  r: { unitName: string; year: number; quarter: 1 | 2 | 3 | 4; entries: readonly RegisterEntry[] },
  signed?: Pick<Register, 'supervisorName' | 'signedAt' | 'opinion'>,
): FilingRegisterForm {
  return {
    kind: 'filingRegister',
    unit: r.unitName,
    year: r.year,
    quarter: r.quarter,
    entries: r.entries.map(registerEntryRow),
    ...(signed
      ? { review: { name: signed.supervisorName, date: dayOf(signed.signedAt), opinion: signed.opinion } }
      : {}),
  };
}

export { gradeText };
