/**
 * The 领导评鉴 form as typed (numbers kept as the text typed, so nothing is lost or silently
 * rewritten), and the step from it to the store's `EvaluationFormInput`. Pure, for the page and tests.
 */
import type { ValidationIssue } from '../../../../shared/errors/errors';
import {
  computeResult,
  countedBonusPoints,
  effectiveLeafWeights,
  evaluationIssues,
  gradeForScore,
  leafIndicators,
  roundScore,
  type AssessmentConfig,
  type EvaluationEvidence,
  type EvaluationMethod,
  type IndicatorTemplate,
  type QuarterGrade,
  type SignedEvaluation,
} from '../../../../shared/domain';
import type { EvaluationFormInput } from '../../../../shared/store';

export type BonusRow = { factorId: string; points: string; reason: string };

export type EvalForm = {
  method: EvaluationMethod | '';
  grade: QuarterGrade | '';
  leafScores: Record<string, string>;
  bonuses: BonusRow[];
  peerConsulted: string;
  peerScope: string;
  peerGist: string;
  hasPublicFeedback: boolean;
  publicSource: string;
  publicGist: string;
  opinion: string;
  /** The signed version this draft corrects; absent for a first evaluation. */
  correcting?: number;
  correctionReason: string;
};

export function blankForm(config: AssessmentConfig): EvalForm {
  return {
    method: config.evaluationMethod === 'either' ? '' : config.evaluationMethod,
    grade: '',
    leafScores: {},
    bonuses: [],
    peerConsulted: '',
    peerScope: '',
    peerGist: '',
    hasPublicFeedback: false,
    publicSource: '',
    publicGist: '',
    opinion: '',
    correctionReason: '',
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored draft (any shape: an older version may have saved it) read back as the form, field by field. */
export function formFromDraft(raw: Record<string, unknown>, config: AssessmentConfig): EvalForm {
  const blank = blankForm(config);
  const method = raw.method === 'grade' || raw.method === 'score' ? raw.method : blank.method;
  const grade = ['good', 'fairlyGood', 'average', 'poor'].includes(str(raw.grade))
    ? (raw.grade as QuarterGrade)
    : '';
  const leafScores: Record<string, string> = {};
  if (isRecord(raw.leafScores)) for (const [k, v] of Object.entries(raw.leafScores)) leafScores[k] = str(v);
  const bonuses = Array.isArray(raw.bonuses)
    ? raw.bonuses
        .filter(isRecord)
        .map((b) => ({ factorId: str(b.factorId), points: str(b.points), reason: str(b.reason) }))
    : [];
  return {
    method,
    grade,
    leafScores,
    bonuses,
    peerConsulted: str(raw.peerConsulted),
    peerScope: str(raw.peerScope),
    peerGist: str(raw.peerGist),
    hasPublicFeedback: raw.hasPublicFeedback === true,
    publicSource: str(raw.publicSource),
    publicGist: str(raw.publicGist),
    opinion: str(raw.opinion),
    ...(typeof raw.correcting === 'number' ? { correcting: raw.correcting } : {}),
    correctionReason: str(raw.correctionReason),
  };
}

/** A correction starts from what was signed. */
export function formFromSigned(e: SignedEvaluation): EvalForm {
  return {
    method: e.method,
    grade: e.grade ?? '',
    leafScores: Object.fromEntries(Object.entries(e.leafScores ?? {}).map(([k, v]) => [k, String(v)])),
    bonuses: e.bonuses.map((b) => ({ factorId: b.factorId, points: String(b.points), reason: b.reason })),
    peerConsulted: String(e.peerOpinion.consulted),
    peerScope: e.peerOpinion.scope,
    peerGist: e.peerOpinion.gist,
    hasPublicFeedback: e.publicFeedback !== null,
    publicSource: e.publicFeedback?.source ?? '',
    publicGist: e.publicFeedback?.gist ?? '',
    opinion: e.opinion,
    correcting: e.version,
    correctionReason: '',
  };
}

/** '' → undefined; anything else the number it says, NaN when it says none (the rules then explain). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : Number.NaN;
}

type Context = { subject: string; year: number; quarter: 1 | 2 | 3 | 4; evidence: EvaluationEvidence };

/**
 * What `signEvaluation` takes. A 定性 evaluation carries no scores or bonuses: what was typed under
 * 定量 stays in the draft, in case the method is switched back.
 */
export function toInput(
  form: EvalForm,
  ctx: Context,
  template: IndicatorTemplate | undefined,
): EvaluationFormInput {
  const method: EvaluationMethod = form.method === '' ? 'grade' : form.method;
  const leafScores: Record<string, number> = {};
  for (const [id, text] of Object.entries(form.leafScores)) {
    const n = parseNumber(text);
    if (n !== undefined) leafScores[id] = n;
  }
  const consulted = parseNumber(form.peerConsulted);
  return {
    subject: ctx.subject,
    year: ctx.year,
    quarter: ctx.quarter,
    method,
    ...(form.grade !== '' ? { grade: form.grade } : {}),
    ...(method === 'score'
      ? {
          leafScores,
          ...(template ? { templateId: template.id } : {}),
          bonuses: form.bonuses.map((b) => ({
            factorId: b.factorId,
            points: parseNumber(b.points) ?? Number.NaN,
            reason: b.reason,
          })),
        }
      : { bonuses: [] }),
    peerOpinion: {
      consulted: consulted === undefined || Number.isNaN(consulted) ? 0 : consulted,
      scope: form.peerScope,
      gist: form.peerGist,
    },
    publicFeedback: form.hasPublicFeedback ? { source: form.publicSource, gist: form.publicGist } : null,
    opinion: form.opinion,
    evidence: ctx.evidence,
    ...(form.correcting !== undefined ? { correctionReason: form.correctionReason } : {}),
  };
}

/** Every problem with the form, each at its field (the domain's rules plus what only the form knows). */
export function formIssues(
  form: EvalForm,
  ctx: Context,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (form.method === '') issues.push({ path: 'method', message: '请选择评鉴方式(定性评鉴或定量评鉴)' });
  const consulted = parseNumber(form.peerConsulted);
  if (consulted !== undefined && (Number.isNaN(consulted) || !Number.isInteger(consulted))) {
    issues.push({ path: 'peerOpinion.consulted', message: '征求意见人数应为整数' });
  }
  form.bonuses.forEach((b, i) => {
    if (b.factorId === '')
      issues.push({ path: `bonuses.${i}.factorId`, message: `请选择第${i + 1}项加分要素` });
    else if (Number.isNaN(parseNumber(b.points) ?? Number.NaN) && b.points.trim() !== '')
      issues.push({ path: `bonuses.${i}.points`, message: '加分应为数字' });
  });
  const input = toInput(form, ctx, template);
  const { correctionReason, ...rest } = input;
  const domain = evaluationIssues(
    {
      ...rest,
      id: 'draft',
      evaluator: 'draft',
      version: (form.correcting ?? 0) + 1,
      ...(form.correcting !== undefined
        ? { correctionOf: { version: form.correcting, reason: correctionReason ?? '' } }
        : {}),
    },
    config,
    template,
  ).filter((i) => !(form.method === '' && i.path === 'grade'));
  const seen = new Set(issues.map((i) => i.path));
  for (const i of domain) {
    // The form's own words win where both speak (a bonus row without a factor).
    if (seen.has(i.path)) continue;
    issues.push(i.path === 'correctionOf.reason' ? { ...i, path: 'correctionReason' } : i);
  }
  return issues;
}

/** True when the field at `path` is still empty: its "请填写" waits until the first 签署 attempt. */
export function isEmptyAt(form: EvalForm, path: string): boolean {
  const parts = path.split('.');
  const blank = (s: string | undefined) => (s ?? '').trim() === '';
  switch (parts[0]) {
    case 'method':
      return form.method === '';
    case 'grade':
      return form.grade === '';
    case 'leafScores':
      return parts.length > 1 ? blank(form.leafScores[parts.slice(1).join('.')]) : false;
    case 'bonuses': {
      if (parts.length < 3) return false;
      const row = form.bonuses[Number(parts[1])];
      const field = parts[2] as keyof BonusRow;
      return row ? blank(row[field]) : true;
    }
    case 'peerOpinion':
      return blank(
        parts[1] === 'consulted' ? form.peerConsulted : parts[1] === 'scope' ? form.peerScope : form.peerGist,
      );
    case 'publicFeedback':
      return blank(parts[1] === 'source' ? form.publicSource : form.publicGist);
    case 'opinion':
      return blank(form.opinion);
    case 'correctionReason':
      return blank(form.correctionReason);
    default:
      return false;
  }
}

export type LiveResult =
  | { kind: 'grade'; grade: QuarterGrade | undefined }
  | { kind: 'partial'; scored: number; total: number; weighted: number }
  | { kind: 'score'; weighted: number; bonus: number; score: number; grade: QuarterGrade };

/** The result as typed so far: the grade chosen, or the weighted score, the counted bonus and the band. */
export function liveResult(
  form: EvalForm,
  ctx: Context,
  config: AssessmentConfig,
  template: IndicatorTemplate | undefined,
): LiveResult | null {
  if (form.method === 'grade') return { kind: 'grade', grade: form.grade === '' ? undefined : form.grade };
  if (form.method !== 'score' || !template) return null;
  const leaves = leafIndicators(template.indicators);
  const weights = effectiveLeafWeights(template.indicators);
  let weighted = 0;
  let scored = 0;
  for (const { node } of leaves) {
    const n = parseNumber(form.leafScores[node.id] ?? '');
    if (n === undefined || Number.isNaN(n) || n < 0 || n > 100) continue;
    scored += 1;
    weighted += (n * (weights.get(node.id) ?? 0)) / 100;
  }
  if (scored < leaves.length)
    return { kind: 'partial', scored, total: leaves.length, weighted: roundScore(weighted) };
  const input = toInput(form, ctx, template);
  const known = new Set(config.bonusFactors.map((f) => f.id));
  const bonuses = input.bonuses.filter((b) => known.has(b.factorId) && Number.isFinite(b.points));
  try {
    const r = computeResult(
      { ...input, bonuses, id: 'draft', evaluator: 'draft', version: 1 },
      config,
      template,
    );
    const bonus = countedBonusPoints(bonuses, config);
    return { kind: 'score', weighted: roundScore(weighted), bonus, score: r.score!, grade: r.grade };
  } catch {
    const score = roundScore(Math.min(100, weighted));
    return {
      kind: 'score',
      weighted: roundScore(weighted),
      bonus: 0,
      score,
      grade: gradeForScore(score, config.scoreBands),
    };
  }
}
