/**
 * Example forms: one official's first quarter of 2026 in a municipal finance bureau. Used by
 * `npm run documents -- --example`, the tests and as a sample for the domain mapping.
 *
 * Attendance follows the rule in models.ts (应出勤 = 实出勤 + 事假 + 病假 + 年休假 + 旷工, with 公差
 * inside 实出勤) and the 2026 holiday notice: January has 21 working days (1–2 January off, Sunday
 * 4 January worked), February 16 (15–23 February off, 14 and 28 February worked), March 22.
 */
import type {
  AnnualPlanForm,
  Attendance,
  ErrorEntry,
  FormData,
  MonthlyRecordForm,
  QuarterSummaryForm,
} from './models';
import { examplePerson } from './example-person';

export { examplePerson };

export const exampleAnnualPlan: AnnualPlanForm = {
  kind: 'annualPlan',
  person: examplePerson,
  year: 2026,
  items: [
    {
      task: '编制2027年度市级部门预算草案',
      target: '按时完成42家一级预算单位预算编审，数据准确，无重大差错',
      deadline: '2026-11-30',
      basis: '岗位职责：部门预算编制审核；能力席位：预算管理',
      weight: 20,
    },
    {
      task: '2025年度市级决算编报',
      target: '5月底前汇总上报，数据真实完整，通过省财政厅审核',
      deadline: '2026-05-31',
      basis: '岗位职责：决算编审',
      weight: 15,
    },
    {
      task: '预算绩效目标审核',
      target: '一级预算单位绩效目标审核覆盖率100%',
      deadline: '2026-03-31',
      basis: '能力席位：预算绩效管理',
      weight: 15,
    },
    {
      task: '预算执行月度分析',
      target: '形成执行分析报告报科长，提出加快支出进度的建议',
      deadline: '每月10日前',
      basis: '岗位职责：预算执行监控',
      weight: 15,
    },
    {
      task: '预算管理一体化系统二期上线',
      target: '配合完成系统测试和上线，及时解答预算单位操作咨询',
      deadline: '2026-09-30',
      basis: '能力席位：财政信息化应用',
      weight: 10,
    },
    {
      task: '财政支出政策专题调研',
      target: '完成调研报告1篇，为完善支出政策提供参考',
      deadline: '2026-12-15',
      basis: '能力席位：调查研究',
      weight: 10,
    },
    {
      task: '政治理论和业务学习',
      target: '参加集中学习不少于40学时，完成年度网络培训',
      deadline: '全年',
      basis: '岗位职责：政治素质和业务能力',
      weight: 5,
    },
    {
      task: '科室内务及领导交办事项',
      target: '按时保质完成，做到事事有回音',
      deadline: '全年',
      basis: '岗位职责：综合协调',
      weight: 10,
    },
  ],
  approval: {
    name: '李明',
    date: '2026-01-16',
    opinion: '同意。计划任务明确、目标具体，与岗位职责和能力席位标准相对应，请抓好落实。',
  },
  filing: { date: '2026-01-20' },
};

const marchError: ErrorEntry = {
  date: '2026-03-12',
  matter: '报送的市交通运输局预算调整表中一处项目金额录入错误',
  cause: '复核不细致，未执行双人复核',
  correction: '当日发现后更正并重新报送，未造成影响；已落实报表双人复核',
  severity: '一般',
};

/** The March record book, the month with everything on it (travel, leave, an error). */
export const exampleRecordBook: MonthlyRecordForm = {
  kind: 'monthlyRecord',
  person: examplePerson,
  year: 2026,
  month: 3,
  workItems: [
    {
      content: '2026年2月预算执行分析',
      progress: '分析42家一级预算单位支出进度，3月10日报送执行分析报告',
      status: 'completed',
      percent: 100,
    },
    {
      content: '预算绩效目标审核',
      progress: '完成全部42家单位审核，退回修改5家，已全部整改',
      status: 'completed',
      percent: 100,
    },
    {
      content: '2025年度市级决算编报',
      progress: '完成决算报表布置和培训，收回报表27家',
      status: 'inProgress',
      percent: 45,
    },
    {
      content: '预算管理一体化系统二期上线',
      progress: '参加系统测试3次，整理问题清单16条',
      status: 'inProgress',
      percent: 30,
    },
    {
      content: '财政支出政策专题调研',
      progress: '拟定调研提纲，报科长审定',
      status: 'inProgress',
      percent: 10,
    },
    {
      content: '领导交办：起草预算执行管理通知',
      progress: '起草《关于进一步加强预算执行管理的通知》，已印发',
      status: 'completed',
      percent: 100,
    },
  ],
  attendance: {
    required: 22,
    present: 20,
    personalLeave: 0,
    sickLeave: 1,
    annualLeave: 1,
    businessTrip: 3,
    absent: 0,
  },
  errors: [marchError],
  signedOn: { official: '2026-03-31', supervisor: '2026-04-03' },
};

export const exampleRecordBooks: MonthlyRecordForm[] = [
  {
    kind: 'monthlyRecord',
    person: examplePerson,
    year: 2026,
    month: 1,
    workItems: [
      {
        content: '2026年市级部门预算批复',
        progress: '完成42家一级预算单位预算批复文件的复核和印发',
        status: 'completed',
        percent: 100,
      },
      {
        content: '2025年12月预算执行分析',
        progress: '1月9日报送执行分析报告',
        status: 'completed',
        percent: 100,
      },
      {
        content: '预算绩效目标审核',
        progress: '制定审核工作方案，完成12家单位初审',
        status: 'inProgress',
        percent: 30,
      },
    ],
    attendance: {
      required: 21,
      present: 21,
      personalLeave: 0,
      sickLeave: 0,
      annualLeave: 0,
      businessTrip: 2,
      absent: 0,
    },
    errors: [],
    signedOn: { official: '2026-01-30', supervisor: '2026-02-03' },
  },
  {
    kind: 'monthlyRecord',
    person: examplePerson,
    year: 2026,
    month: 2,
    workItems: [
      {
        content: '2026年1月预算执行分析',
        progress: '2月10日报送执行分析报告',
        status: 'completed',
        percent: 100,
      },
      {
        content: '预算绩效目标审核',
        progress: '累计完成26家单位审核，退回修改4家',
        status: 'inProgress',
        percent: 65,
      },
      {
        content: '春节前后资金保障',
        progress: '办理困难群众救助等资金拨付9笔',
        status: 'completed',
        percent: 100,
      },
    ],
    attendance: {
      required: 16,
      present: 14,
      personalLeave: 1,
      sickLeave: 0,
      annualLeave: 1,
      businessTrip: 0,
      absent: 0,
    },
    errors: [],
    signedOn: { official: '2026-02-27', supervisor: '2026-03-03' },
  },
  exampleRecordBook,
];

function sumAttendance(list: readonly Attendance[]): Attendance {
  const total: Attendance = {
    required: 0,
    present: 0,
    personalLeave: 0,
    sickLeave: 0,
    annualLeave: 0,
    businessTrip: 0,
    absent: 0,
  };
  for (const a of list) for (const key of Object.keys(total) as (keyof Attendance)[]) total[key] += a[key];
  return total;
}

export const exampleQuarterSummary: QuarterSummaryForm = {
  kind: 'quarterSummary',
  person: examplePerson,
  year: 2026,
  quarter: 1,
  paragraphs: [
    '第一季度，本人围绕年度工作计划，重点做好2026年市级部门预算批复、预算绩效目标审核和预算执行分析等工作，按时完成了科室安排的各项任务。',
    '一是预算批复及时准确。1月份完成42家一级预算单位预算批复文件的复核和印发，未出现差错。二是绩效目标审核全面覆盖。制定审核工作方案，3月底前完成全部单位审核，退回修改5家并督促整改到位。三是执行分析按月报送。每月10日前形成分析报告，提出加快支出进度的建议。',
    '存在的不足：3月份报送的一份预算调整表出现金额录入差错，反映出复核环节不够细致。下一步将严格执行报表双人复核，抓紧推进2025年度决算编报和一体化系统二期上线工作。',
  ],
  highlights: {
    completedItems: [
      '2026年市级部门预算批复（1月）',
      '2025年12月、2026年1月和2月预算执行分析（按月报送）',
      '春节前后资金保障，办理资金拨付9笔（2月）',
      '预算绩效目标审核，覆盖全部42家一级预算单位（3月）',
      '起草《关于进一步加强预算执行管理的通知》（3月）',
    ],
    planProgress: [
      { task: '编制2027年度市级部门预算草案', status: 'notStarted', percent: 0 },
      { task: '2025年度市级决算编报', status: 'inProgress', percent: 45 },
      { task: '预算绩效目标审核', status: 'completed', percent: 100 },
      { task: '预算执行月度分析', status: 'inProgress', percent: 25 },
      { task: '预算管理一体化系统二期上线', status: 'inProgress', percent: 30 },
      { task: '财政支出政策专题调研', status: 'inProgress', percent: 10 },
      { task: '政治理论和业务学习', status: 'inProgress', percent: 30 },
      { task: '科室内务及领导交办事项', status: 'inProgress', percent: 25 },
    ],
    attendance: sumAttendance(exampleRecordBooks.map((r) => r.attendance)),
    errors: [marchError],
  },
  writtenOn: '2026-04-02',
};

/** Everything above, as a year's archive would hold it. */
export const exampleForms: FormData[] = [exampleAnnualPlan, ...exampleRecordBooks, exampleQuarterSummary];

export * from './examples-supervisor';
