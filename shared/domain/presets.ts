/**
 * The configurations that ship (domain.md, "Presets"). They are data: choosing a preset copies its
 * configuration, and a unit may change any field afterwards. The words of each description are what
 * the first-run wizard shows; they must match the numbers below.
 */
import { z } from 'zod';
import { defaultAnnualAssessment, type AssessmentConfig, type ScoreBand } from './config';
import { DEFAULT_INDICATOR_TEMPLATES } from './indicator-templates';

export const PRESET_IDS = ['hubei', 'national'] as const;
export type PresetId = (typeof PRESET_IDS)[number];
export const presetIdSchema = z.enum(PRESET_IDS, { error: '请选择考核办法预设' });

export type Preset = {
  id: PresetId;
  /** Short name for a picker. */
  name: string;
  /** One paragraph in the policy's words: what the preset does. */
  description: string;
  /** Where the rules come from, so a clerk can check them against the unit's own 办法. */
  basis: string;
  config: AssessmentConfig;
};

/** ≥90 好, 80–89 较好, 60–79 一般, <60 较差 (lower bound included, upper excluded; 100 is 好). */
const NATIONAL_SCORE_BANDS: ScoreBand[] = [
  { grade: 'good', min: 90, max: 100 },
  { grade: 'fairlyGood', min: 80, max: 90 },
  { grade: 'average', min: 60, max: 80 },
  { grade: 'poor', min: 0, max: 60 },
];

const hubei: Preset = {
  id: 'hubei',
  name: '湖北省平时考核意见',
  description:
    '公务员每月填写平时考核记实簿,每季度进行个人工作小结;主管领导每季度进行一次定性或定量评鉴,可设置加分要素;' +
    '平时考核量化评鉴分值靠后的,年度考核不能评为优秀(默认以本单位排名后10%为靠后,定性、定量评鉴的人员一并排序,可调整);' +
    '季度评鉴为“较差”的,不能作为年度考核优秀人选;' +
    '年度考核优秀名额按参加年度考核并确定等次人数的20%向下取整核定,第四季度平时考核与年度考核结合进行。',
  basis: '《关于健全履责机制加强公务员平时考核工作的意见》四、五',
  config: {
    schemaVersion: 1,
    recordMode: 'monthly',
    evaluationMethod: 'either',
    // The seed names no bands; these let a 定量 score be read as a grade and can be changed.
    scoreBands: NATIONAL_SCORE_BANDS,
    goodCapPercent: null,
    // A 较差 in any quarter rules out 优秀 whatever the ranking (a group too small to rank included).
    excellentRule: { minGoodPercent: 0, forbiddenGrades: ['poor'] },
    lowRankThreshold: { kind: 'bottomPercent', percent: 10 },
    quarterWeightInAnnual: 40,
    bonusFactors: [
      { id: 'commendation', name: '受到上级表彰奖励', maxPoints: 3 },
      { id: 'urgentTask', name: '承担急难险重任务表现突出', maxPoints: 3 },
      { id: 'adoptedProposal', name: '提出的意见建议被采纳', fixedPoints: 1 },
    ],
    bonusCapPoints: 5,
    indicatorTemplates: [...DEFAULT_INDICATOR_TEMPLATES],
    holidayCalendars: [],
    annualAssessment: defaultAnnualAssessment(),
  },
};

const national: Preset = {
  id: 'national',
  name: '全国通行做法',
  description:
    '季度评鉴结果分为好、较好、一般、较差四个等次(90分以上为好,80分至89分为较好,60分至79分为一般,60分以下为较差);' +
    '“好”等次人数一般不超过本单位参加平时考核人数的40%;' +
    '年度内“好”等次达到半数以上季度且无“一般”“较差”等次的,方可作为年度考核优秀人选。' +
    '年度考核等次为优秀、称职、基本称职、不称职;新录用公务员在试用期内参加年度考核,只写评语,不确定等次;' +
    '优秀名额按参加年度考核并确定等次人数的20%向下取整核定,第四季度平时考核与年度考核结合进行。',
  basis: '各地公务员平时考核办法的通行做法,请以本单位印发的办法为准',
  config: {
    schemaVersion: 1,
    recordMode: 'monthly',
    evaluationMethod: 'either',
    scoreBands: NATIONAL_SCORE_BANDS,
    goodCapPercent: 40,
    excellentRule: { minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] },
    lowRankThreshold: null,
    quarterWeightInAnnual: 40,
    bonusFactors: [],
    bonusCapPoints: null,
    indicatorTemplates: [...DEFAULT_INDICATOR_TEMPLATES],
    holidayCalendars: [],
    annualAssessment: defaultAnnualAssessment(),
  },
};

/** Presets are shared values; freezing them makes an accidental edit fail loudly instead of leaking. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export const presets: Readonly<Record<PresetId, Preset>> = deepFreeze({ hubei, national });

/** A fresh copy of a preset's configuration, safe to edit. */
export function presetConfig(id: PresetId): AssessmentConfig {
  return structuredClone(presets[id].config);
}
