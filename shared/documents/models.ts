/**
 * What the Word forms print: plain view-model data, display-ready, with no ids, no zod and no
 * database shapes. The domain layer maps its records to these; the builders only lay them out.
 *
 * Dates are calendar days as 'YYYY-MM-DD' strings (as in shared/domain/dates.ts); the forms write
 * them as "2026年3月31日". A missing date prints as blanks to fill in by hand ("  年  月  日").
 */

import type { AnnualGrade } from '../domain/vocabulary';
import type { Gender } from '../domain/org';
import type { HolidayCalendar } from '../domain/holidays';

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The person a form is about, as the header of every form shows them. */
export type PersonHeader = {
  /** 姓名 */
  name: string;
  /** 单位, e.g. "某某市财政局办公室" */
  unit: string;
  /** 职务职级, as printed, e.g. "一级主任科员" or "副科长、二级主任科员" */
  post: string;
};

// ---- 个人年度工作计划 (person × year) ----

export type PlanItem = {
  /** 工作任务 */
  task: string;
  /** 目标要求 */
  target: string;
  /**
   * 完成时限: a 'YYYY-MM-DD' date is written as "2026年6月30日"; any other text ("每月10日前",
   * "全年") is written as given.
   */
  deadline: string;
  /** 对应岗位职责/能力席位标准 */
  basis: string;
  /** 权重, in per cent of the plan. When any item has one, the form adds a 权重 column. */
  weight?: number;
};

/** A supervisor's or HR's signed-off step. */
export type SignOff = {
  /** Who signed, printed beside the signature line. */
  name: string;
  date: IsoDate;
};

export type AnnualPlanForm = {
  kind: 'annualPlan';
  person: PersonHeader;
  year: number;
  items: PlanItem[];
  /** 主管领导核准意见. Absent until approved: the form then leaves lines to write and sign on. */
  approval?: SignOff & { opinion: string };
  /** 人事部门备案. Absent until filed: the date prints as blanks. */
  filing?: { date: IsoDate };
};

// ---- 平时考核记实簿 (person × month) ----

export type WorkStatus = 'notStarted' | 'inProgress' | 'completed' | 'delayed' | 'cancelled';

export type RecordWorkItem = {
  /** 工作内容 */
  content: string;
  /** 工作进度: what was done this month, in words. */
  progress: string;
  /** 完成情况 = status + percent, printed as "进行中 60%". */
  status: WorkStatus;
  /** 0–100. */
  percent: number;
};

/**
 * 出勤情况, in days (half days allowed: 0.5).
 *
 * The rule the forms and the example data follow:
 *   required = present + personalLeave + sickLeave + annualLeave + absent
 * 公差 (official travel) is work, so travel days are counted INSIDE `present` and shown again
 * separately in the 公差 column; they are not added to the sum.
 */
export type Attendance = {
  /** 应出勤 */
  required: number;
  /** 实出勤 (includes 公差 days) */
  present: number;
  /** 事假 */
  personalLeave: number;
  /** 病假 */
  sickLeave: number;
  /** 年休假 */
  annualLeave: number;
  /** 公差 (already inside `present`) */
  businessTrip: number;
  /** 旷工 */
  absent: number;
};

export type ErrorEntry = {
  /** 日期 */
  date: IsoDate;
  /** 事项 */
  matter: string;
  /** 原因 */
  cause: string;
  /** 纠正情况 */
  correction: string;
  /** 程度, as the unit grades it (e.g. "一般", "较重"); blank when not graded. */
  severity?: string;
};

export type MonthlyRecordForm = {
  kind: 'monthlyRecord';
  person: PersonHeader;
  year: number;
  /** 1–12 */
  month: number;
  workItems: RecordWorkItem[];
  attendance: Attendance;
  errors: ErrorEntry[];
  /** Dates of the signatures once signed; the signatures themselves are always left to the pen. */
  signedOn?: { official?: IsoDate; supervisor?: IsoDate };
};

// ---- 季度个人工作小结 (person × quarter) ----

export type PlanProgress = {
  /** The plan item's 工作任务. */
  task: string;
  status: WorkStatus;
  /** 0–100, at the end of the quarter. */
  percent: number;
};

/** The quarter's record highlights, rolled up from the three monthly record books. */
export type QuarterHighlights = {
  /** 完成事项: the work items completed in the quarter, one line each. */
  completedItems: string[];
  /** 年度计划推进情况 */
  planProgress: PlanProgress[];
  /** The quarter's attendance totals (the same rule as a month's). */
  attendance: Attendance;
  /** 差错登记 of the quarter. */
  errors: ErrorEntry[];
};

export type QuarterSummaryForm = {
  kind: 'quarterSummary';
  person: PersonHeader;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** The official's own summary, one string per paragraph. */
  paragraphs: string[];
  highlights: QuarterHighlights;
  /** The day the summary was written; blank when absent. */
  writtenOn?: IsoDate;
};

export type FormData = AnnualPlanForm | MonthlyRecordForm | QuarterSummaryForm;
export type FormKind = FormData['kind'];

// ---- 平时考核领导评鉴表 (person × quarter) ----

/** 评鉴方式: 定量 scores weighted indicators; 定性 gives the 等次 directly. */
export type EvaluationMethod = 'quantitative' | 'qualitative';

/** 平时考核等次. By score: ≥ 90 好, 80–89 较好, 60–79 一般, below 60 较差. */
export type Grade = '好' | '较好' | '一般' | '较差';

/**
 * One 考核指标 of a 定量 evaluation, as a tree (一级指标 with 二级指标 under them). Display-ready:
 * the domain layer computes the figures, the form prints them.
 */
export type EvaluationIndicator = {
  /** 指标名称 */
  name: string;
  /** 权重, in per cent of the whole evaluation (a parent's weight is the sum of its children's). */
  weight: number;
  /** 得分, 0–100 on this indicator; blank when absent (a parent usually has none). */
  score?: number;
  /** 加权得分 = score × weight / 100; for a parent, the sum of its children's. */
  weighted?: number;
  /** 二级指标 */
  children?: EvaluationIndicator[];
};

/** 加分要素 */
export type BonusFactor = {
  /** 要素, e.g. "受到市级表彰" */
  factor: string;
  /** 分值 */
  points: number;
  /** 理由 */
  reason: string;
};

/** 群众意见 */
export type PublicOpinion = {
  /** 听取范围, e.g. "本科室及业务往来科室干部" */
  scope: string;
  /** 人数 */
  count: number;
  /** 主要意见 */
  summary: string;
};

export type EvaluationForm = {
  kind: 'evaluation';
  person: PersonHeader;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  method: EvaluationMethod;
  /** 定量 only: the indicators in order. Ignored for 定性. */
  indicators: EvaluationIndicator[];
  bonuses: BonusFactor[];
  publicOpinion: PublicOpinion;
  /** 服务对象和社会反映 */
  socialFeedback: string;
  /** 评鉴意见, one string per paragraph or lines separated by "\n". */
  opinion: string;
  /** 评鉴结果: 分值 (定量: weighted total plus bonus) and 等次. */
  result: { score?: number; grade: Grade };
  /** 主管领导 and the day signed; the signature itself is left to the pen. */
  supervisor?: SignOff;
  /** A corrected evaluation: "本表为第2版，更正原因：…". Absent on the first version. */
  revision?: { version: number; reason: string };
};

// ---- 平时考核备案登记表 (unit × quarter) ----

export type FilingRegisterEntry = {
  /** 姓名 */
  name: string;
  /** 职务职级 */
  post: string;
  /** 评鉴方式 */
  method: EvaluationMethod;
  /** 分值 (定量 only) */
  score?: number;
  /** 等次 */
  grade: Grade;
  /** 加分; absent or 0 prints as "无". */
  bonus?: number;
  /** 反馈方式 (e.g. "当面反馈", "书面反馈") and its date. */
  feedback: { way: string; date?: IsoDate };
  /** 备注 */
  remark?: string;
};

export type FilingRegisterForm = {
  kind: 'filingRegister';
  /** 单位 */
  unit: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** One row per person, in the order printed. */
  entries: FilingRegisterEntry[];
  /** 主管领导审核意见. Absent until reviewed: lines to write and sign on. */
  review?: SignOff & { opinion: string };
  /** 人事部门备案. Absent until filed: the date prints as blanks. */
  filing?: { date: IsoDate; clerk?: string };
};

/**
 * The supervisor's and HR's forms. Not part of `FormData` (an official's own forms, which the year's
 * archive in archive.ts lays out per person); `buildDocument` and `fileNameFor` in index.ts take both.
 */
export type SupervisorFormData = EvaluationForm | FilingRegisterForm;

// ---- 年度考核工作表 (organisation × year) ----

export type AnnualWorksheetRow = {
  name: string;
  post: string;
  /** The four quarters: grade, and the score under it for 定量; null when not evaluated. */
  quarters: ({ grade: Grade; score?: number } | null)[];
  /** Mean of the scored quarters. */
  averageScore?: number;
  /** averageScore × the weight of the quarterly results in the annual score. */
  weightedScore?: number;
  eligible: boolean;
  /** Among the unit's candidates; ties share a rank. */
  rank?: number;
  /** "在名额内", "并列,待研究确定", "名额外", "不符合条件". */
  standing: string;
  /** Every reason the person cannot be 优秀; empty when eligible. */
  reasons: string[];
};

export type AnnualWorksheetUnit = {
  unit: string;
  headcount: number;
  quota: number;
  rows: AnnualWorksheetRow[];
  notes: string[];
};

export type AnnualWorksheetForm = {
  kind: 'annualWorksheet';
  /** The organisation, e.g. "荆楚市财政局". */
  organisation: string;
  year: number;
  /** Percent of the annual quantified score the quarterly results make up. */
  quarterWeight: number;
  /** The rules applied, in words. */
  rules: string[];
  units: AnnualWorksheetUnit[];
  /** 人事部门 clerk and the day the sheet was made. */
  prepared?: { clerk?: string; date?: IsoDate };
};

// ---- 统计分析 (organisation × year) ----

export type ReportTable = {
  title: string;
  columns: { header: string; weight: number; align?: 'left' | 'center' }[];
  rows: string[][];
  /** A line under the table. */
  note?: string;
};

export type StatisticsReportForm = {
  kind: 'statisticsReport';
  organisation: string;
  year: number;
  tables: ReportTable[];
  /** The day the figures were taken. */
  asOf?: IsoDate;
  /**
   * Pictures of the charts (PNG, drawn from chart-svg.ts on the page), each placed above the table
   * it is drawn from (matched by the table's title). Absent: the report has the tables alone.
   */
  charts?: ReportChart[];
};

export type ReportChart = {
  /** The title of the table the chart is drawn from. */
  table: string;
  /** The chart's own title, its caption and alternative text. */
  title: string;
  png: Uint8Array;
  /** Pixels of the picture (its shape; it is scaled to the text width). */
  width: number;
  height: number;
};

// ---- 公示 notice (organisation × year or quarter) ----

export type PublicationEntry = {
  name: string;
  unit: string;
  post: string;
  /** "优秀" / "好", or the quarter's grade with its score. */
  result: string;
};

export type PublicationNoticeForm = {
  kind: 'publicationNotice';
  /** 年度考核优秀等次人选, or a quarter's 平时考核结果. */
  scope: { kind: 'annual'; year: number } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };
  /** 发文机关标志 (红头), e.g. "荆楚市财政局"; absent: a plain notice without 红头. */
  redHeader?: string;
  /** 主送, e.g. "局机关各科室、各直属单位". */
  recipients: string;
  /** The opening paragraph; a standard one per scope when absent. */
  opening?: string;
  entries: PublicationEntry[];
  /**
   * 公示期. For the annual 优秀 notice at least five working days on the holiday calendar
   * (publication-period.ts); the builder refuses a shorter one.
   */
  period: { from: IsoDate; to: IsoDate };
  /** The unit's own holiday schedules (AssessmentConfig.holidayCalendars); the shipped ones otherwise. */
  holidayCalendars?: readonly HolidayCalendar[] | undefined;
  /** Where objections go, e.g. "局人事科". */
  office: string;
  contact: { person: string; phone: string };
  /** 落款 (发文机关署名) */
  issuer: string;
  /** 成文日期 */
  date: IsoDate;
};

// ---- 年度考核 (person or unit × year): 登记表, 结果通知, 统计表, 花名册 ----
//
// Plain data the screens map the annual records to (shared/domain/annual-records.ts: the bodies of
// annual.summary, annual.comment, annual.decision and annual.opinion); no ids, no signing metadata.
// Grades are the domain's keys (excellent, competent, …), printed through annualGradeLabels.

export type { AnnualGrade, Gender };

/** The person as the 登记表 and the 花名册 print them: the roster's profile (org.ts Person). */
export type AnnualPersonProfile = PersonHeader & {
  /** 性别 */
  gender?: Gender | undefined;
  /** 出生年月, 'YYYY-MM'; printed "1988.05". */
  birthMonth?: string | undefined;
  /** 政治面貌, as typed ("中共党员"). */
  politicalStatus?: string | undefined;
  /** 任现职务职级时间, 'YYYY-MM-DD' (or 'YYYY-MM'); printed "2019.07". */
  rankSince?: IsoDate | undefined;
  /** 从事或分管工作 */
  duties?: string | undefined;
};

/** 年度考核结果: a 等次, or 不定等次 / 不参加 with the reason (the decision's `outcome`). */
export type AnnualOutcome =
  | { kind: 'graded'; grade: AnnualGrade }
  | { kind: 'ungraded'; reason: string }
  | { kind: 'notParticipating'; reason: string };

/** 个人总结 (述职): the official's own text, paragraphs separated by line breaks. */
export type AnnualSummaryText = { text: string; submittedOn?: IsoDate | undefined };

/** 主管领导评语和考核等次建议 */
export type AnnualSupervisorComment = {
  comment: string;
  /** 考核等次建议; 'ungraded': 建议不定等次. */
  suggestion: AnnualGrade | 'ungraded';
  signedOn?: IsoDate | undefined;
};

/** 机关负责人或考核委员会意见 and the 等次 decided. */
export type AnnualDecision = {
  outcome: AnnualOutcome;
  /** The committee's or the head's words; may be empty when the outcome speaks for itself. */
  committeeOpinion: string;
  /** A tie at the quota edge and how it was settled ("与李四并列第2名，经考核委员会研究确定"). */
  tieNote?: string | undefined;
  /** The day the unit set for 本人意见 (and a 复核 request). */
  opinionDueOn?: IsoDate | undefined;
  decidedOn?: IsoDate | undefined;
};

/** 本人意见: 同意, or 有异议 with the official's words (a 复核 request). */
export type AnnualOwnOpinion = { agree: boolean; text: string; signedOn?: IsoDate | undefined };

/**
 * 公务员年度考核登记表 (person × year), the national form of 《公务员考核规定》. Every part but the
 * person is optional: what is absent prints as an empty box to write in by hand.
 */
export type AnnualRegisterForm = {
  kind: 'annualRegister';
  year: number;
  person: AnnualPersonProfile;
  summary?: AnnualSummaryText | undefined;
  comment?: AnnualSupervisorComment | undefined;
  decision?: AnnualDecision | undefined;
  opinion?: AnnualOwnOpinion | undefined;
  /** 备注 (e.g. "2026年7月由办公室调入"). */
  remark?: string | undefined;
};

/** 年度考核结果通知 (person × year): the result and the right to 复核. */
export type AnnualResultNoticeForm = {
  kind: 'annualResultNotice';
  year: number;
  person: PersonHeader;
  outcome: AnnualOutcome;
  /** The last day to sign 本人意见 or ask for 复核, as the unit set it. */
  opinionDueOn: IsoDate;
  /** Where a 复核 request goes, e.g. "局人事科". */
  office: string;
  /** 落款 (the 机关 or its 考核委员会) */
  issuer: string;
  /** 成文日期 */
  date: IsoDate;
};

/** One line of the 花名册: the person, the result, and a remark (the reason of 不定等次 / 不参加). */
export type AnnualRosterEntry = {
  name: string;
  /** 单位 (内设机构), the 统计表 groups by it. */
  unit: string;
  post: string;
  gender?: Gender | undefined;
  birthMonth?: string | undefined;
  politicalStatus?: string | undefined;
  rankSince?: IsoDate | undefined;
  outcome: AnnualOutcome;
  remark?: string | undefined;
};

/** Who filled in a list for 备案, as its foot prints it. */
export type FilingPreparer = {
  clerk?: string | undefined;
  phone?: string | undefined;
  date?: IsoDate | undefined;
};

/** 年度考核结果花名册 (机关 × year), for 备案 with the 公务员主管部门. */
export type AnnualRosterForm = {
  kind: 'annualRoster';
  /** 填报单位 (the 机关) */
  organisation: string;
  year: number;
  entries: AnnualRosterEntry[];
  prepared?: FilingPreparer | undefined;
};

/** 年度考核结果统计表 (机关 × year): counts per unit; the shares and the 机关 total are computed. */
export type AnnualStatisticsForm = {
  kind: 'annualStatistics';
  organisation: string;
  year: number;
  /** Units in the order printed, each with its people's outcomes. */
  units: { unit: string; outcomes: AnnualOutcome[] }[];
  prepared?: FilingPreparer | undefined;
};

/** HR's forms: the annual worksheet, the statistics and the 公示 notice. */
export type HrFormData =
  | AnnualWorksheetForm
  | StatisticsReportForm
  | PublicationNoticeForm
  | AnnualRegisterForm
  | AnnualResultNoticeForm
  | AnnualRosterForm
  | AnnualStatisticsForm;
export type AnyFormData = FormData | SupervisorFormData | HrFormData;
