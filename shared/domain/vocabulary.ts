/**
 * The terms of 公务员平时考核, once: code identifiers (English, stored in the database and in
 * bundles, so never renamed) and the Chinese words the policy uses (shown in the UI).
 * See docs: shared/design/domain.md, "Vocabulary".
 */
import { z } from 'zod';

// ---- Roles: capabilities of one person, not exclusive accounts ----

export const ROLES = ['official', 'supervisor', 'hr'] as const;
export type Role = (typeof ROLES)[number];
export const roleLabels: Readonly<Record<Role, string>> = {
  official: '公务员',
  supervisor: '主管领导',
  hr: '人事部门',
};
/** The long form the policy writes, for documents and help text. */
export const roleFullLabels: Readonly<Record<Role, string>> = {
  official: '公务员(被考核人)',
  supervisor: '主管领导',
  hr: '机关人事(干部)部门',
};
export const roleSchema = z.enum(ROLES, { error: '角色不正确' });

// ---- 职位类别 ----

export const POSITION_CATEGORIES = ['comprehensive', 'professional', 'enforcement'] as const;
export type PositionCategory = (typeof POSITION_CATEGORIES)[number];
export const positionCategoryLabels: Readonly<Record<PositionCategory, string>> = {
  comprehensive: '综合管理类',
  professional: '专业技术类',
  enforcement: '行政执法类',
};
export const positionCategorySchema = z.enum(POSITION_CATEGORIES, { error: '请选择职位类别' });

// ---- 职务职级 ----
// 2026-11-23: the ladder of 《公务员职务与职级并行规定》(2019) for 综合管理类, and the separate 职级
// sequences of 《专业技术类公务员管理规定》 and 《行政执法类公务员管理规定》 (both revised 2023).
// Leadership posts (领导职务) are listed for every category. Ids are stored: add, never renumber.

export type RankKind = 'leadership' | 'rank';
export type RankLevel = {
  id: string;
  label: string;
  kind: RankKind;
  /** The categories whose officials can hold it. */
  categories: readonly PositionCategory[];
};

const ALL: readonly PositionCategory[] = POSITION_CATEGORIES;
const lead = (id: string, label: string): RankLevel => ({ id, label, kind: 'leadership', categories: ALL });
const rank = (c: PositionCategory, id: string, label: string): RankLevel => ({
  id,
  label,
  kind: 'rank',
  categories: [c],
});

/** Most senior first within each sequence. */
export const RANK_LEVELS: readonly RankLevel[] = [
  lead('ministerialChief', '省部级正职'),
  lead('ministerialDeputy', '省部级副职'),
  lead('bureauChief', '厅局级正职'),
  lead('bureauDeputy', '厅局级副职'),
  lead('divisionChief', '县处级正职'),
  lead('divisionDeputy', '县处级副职'),
  lead('sectionChief', '乡科级正职'),
  lead('sectionDeputy', '乡科级副职'),
  rank('comprehensive', 'inspector1', '一级巡视员'),
  rank('comprehensive', 'inspector2', '二级巡视员'),
  rank('comprehensive', 'researcher1', '一级调研员'),
  rank('comprehensive', 'researcher2', '二级调研员'),
  rank('comprehensive', 'researcher3', '三级调研员'),
  rank('comprehensive', 'researcher4', '四级调研员'),
  rank('comprehensive', 'principalStaff1', '一级主任科员'),
  rank('comprehensive', 'principalStaff2', '二级主任科员'),
  rank('comprehensive', 'principalStaff3', '三级主任科员'),
  rank('comprehensive', 'principalStaff4', '四级主任科员'),
  rank('comprehensive', 'staff1', '一级科员'),
  rank('comprehensive', 'staff2', '二级科员'),
  rank('professional', 'proDirector1', '一级总监'),
  rank('professional', 'proDirector2', '二级总监'),
  rank('professional', 'proSeniorManager1', '一级高级主管'),
  rank('professional', 'proSeniorManager2', '二级高级主管'),
  rank('professional', 'proSeniorManager3', '三级高级主管'),
  rank('professional', 'proSeniorManager4', '四级高级主管'),
  rank('professional', 'proManager1', '一级主管'),
  rank('professional', 'proManager2', '二级主管'),
  rank('professional', 'proManager3', '三级主管'),
  rank('professional', 'proManager4', '四级主管'),
  rank('professional', 'proTechnician', '专业技术员'),
  rank('enforcement', 'enfSupervisor', '督办'),
  rank('enforcement', 'enfSeniorOfficer1', '一级高级主办'),
  rank('enforcement', 'enfSeniorOfficer2', '二级高级主办'),
  rank('enforcement', 'enfSeniorOfficer3', '三级高级主办'),
  rank('enforcement', 'enfSeniorOfficer4', '四级高级主办'),
  rank('enforcement', 'enfOfficer1', '一级主办'),
  rank('enforcement', 'enfOfficer2', '二级主办'),
  rank('enforcement', 'enfOfficer3', '三级主办'),
  rank('enforcement', 'enfOfficer4', '四级主办'),
  rank('enforcement', 'enfAgent1', '一级行政执法员'),
  rank('enforcement', 'enfAgent2', '二级行政执法员'),
];

const rankById = new Map(RANK_LEVELS.map((r) => [r.id, r]));

export function findRankLevel(id: string): RankLevel | undefined {
  return rankById.get(id);
}

export function rankLevelLabel(id: string): string {
  return rankById.get(id)?.label ?? id;
}

/** The posts and ranks an official of this category can hold, in ladder order (for a select list). */
export function rankLevelsFor(category: PositionCategory): RankLevel[] {
  return RANK_LEVELS.filter((r) => r.categories.includes(category));
}

export const rankLevelSchema = z
  .string({ error: '请选择职级' })
  .min(1, { error: '请选择职级', abort: true })
  .refine((id) => rankById.has(id), { error: '职级不在职务职级序列中,请重新选择' });

// ---- 季度评鉴等次 and 年度考核等次 ----

/** Best first; the order is used by rules (e.g. score bands must rise with the grade). */
export const QUARTER_GRADES = ['good', 'fairlyGood', 'average', 'poor'] as const;
export type QuarterGrade = (typeof QUARTER_GRADES)[number];
export const quarterGradeLabels: Readonly<Record<QuarterGrade, string>> = {
  good: '好',
  fairlyGood: '较好',
  average: '一般',
  poor: '较差',
};
export const quarterGradeSchema = z.enum(QUARTER_GRADES, { error: '请选择评鉴等次' });

export const ANNUAL_GRADES = ['excellent', 'competent', 'basicallyCompetent', 'incompetent'] as const;
export type AnnualGrade = (typeof ANNUAL_GRADES)[number];
export const annualGradeLabels: Readonly<Record<AnnualGrade, string>> = {
  excellent: '优秀',
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
};
export const annualGradeSchema = z.enum(ANNUAL_GRADES, { error: '请选择年度考核等次' });

// ---- 个人记实形式 and 评鉴方式 ----

export const RECORD_MODES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type RecordMode = (typeof RECORD_MODES)[number];
export const recordModeLabels: Readonly<Record<RecordMode, string>> = {
  daily: '日记',
  weekly: '周记',
  monthly: '月记',
  quarterly: '季度记',
};
export const recordModeSchema = z.enum(RECORD_MODES, { error: '请选择个人记实形式' });

export const EVALUATION_METHODS = ['grade', 'score'] as const;
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];
export const evaluationMethodLabels: Readonly<Record<EvaluationMethod, string>> = {
  grade: '定性',
  score: '定量',
};
export const evaluationMethodSchema = z.enum(EVALUATION_METHODS, { error: '请选择评鉴方式' });
