/**
 * What the Word forms print: plain view-model data, display-ready, with no ids, no zod and no
 * database shapes. The domain layer maps its records to these; the builders only lay them out.
 *
 * Dates are calendar days as 'YYYY-MM-DD' strings (as in shared/domain/dates.ts); the forms write
 * them as "2026年3月31日". A missing date prints as blanks to fill in by hand ("  年  月  日").
 */

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
  /** 公示期 */
  period: { from: IsoDate; to: IsoDate };
  /** Where objections go, e.g. "局人事科". */
  office: string;
  contact: { person: string; phone: string };
  /** 落款 (发文机关署名) */
  issuer: string;
  /** 成文日期 */
  date: IsoDate;
};

/** HR's forms: the annual worksheet, the statistics and the 公示 notice. */
export type HrFormData = AnnualWorksheetForm | StatisticsReportForm | PublicationNoticeForm;
export type AnyFormData = FormData | SupervisorFormData | HrFormData;
