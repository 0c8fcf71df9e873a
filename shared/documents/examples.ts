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
  EvaluationForm,
  FilingRegisterEntry,
  FilingRegisterForm,
  FormData,
  MonthlyRecordForm,
  PersonHeader,
  QuarterSummaryForm,
} from './models';

export const examplePerson: PersonHeader = {
  name: '张三',
  unit: '荆楚市财政局预算科',
  post: '一级主任科员',
};

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

// ---- The supervisor's and HR's forms for the same quarter ----

/**
 * 科长李明's 定量 evaluation of 张三's first quarter. Weights are per cent of the whole (children add up
 * to their parent, parents to 100); 加权得分 = 得分 × 权重; 分值 = the weighted total 91.05 plus the
 * 加分 1 = 92.05, which is 好 (≥ 90 好, 80–89 较好, 60–79 一般). 工作质量 is marked down for March's error.
 */
export const exampleEvaluation: EvaluationForm = {
  kind: 'evaluation',
  person: examplePerson,
  year: 2026,
  quarter: 1,
  method: 'quantitative',
  indicators: [
    {
      name: '政治素质',
      weight: 15,
      weighted: 14.01,
      children: [
        { name: '政治理论学习', weight: 8, score: 92, weighted: 7.36 },
        { name: '遵守政治纪律和规矩', weight: 7, score: 95, weighted: 6.65 },
      ],
    },
    {
      name: '工作实绩',
      weight: 60,
      weighted: 53.1,
      children: [
        { name: '年度计划推进', weight: 25, score: 90, weighted: 22.5 },
        { name: '重点任务完成', weight: 20, score: 93, weighted: 18.6 },
        { name: '工作质量', weight: 15, score: 80, weighted: 12 },
      ],
    },
    {
      name: '工作作风',
      weight: 15,
      weighted: 14.44,
      children: [
        { name: '出勤和工作纪律', weight: 8, score: 100, weighted: 8 },
        { name: '服务态度', weight: 7, score: 92, weighted: 6.44 },
      ],
    },
    { name: '廉洁自律', weight: 10, score: 95, weighted: 9.5 },
  ],
  bonuses: [
    {
      factor: '工作受到上级通报表扬',
      points: 1,
      reason: '牵头完成的预算绩效目标审核工作，3月受到省财政厅书面通报表扬',
    },
  ],
  publicOpinion: {
    scope: '预算科全体干部及国库科、绩效科业务联系人',
    count: 15,
    summary: '工作积极主动，业务熟练，审核把关严格；建议进一步加强报表复核，避免录入差错。',
  },
  socialFeedback:
    '本季度走访和电话回访预算单位8家，对预算批复时效和绩效目标审核的指导服务表示满意，未收到投诉和负面反映。',
  opinion:
    '该同志第一季度按计划完成预算批复、绩效目标审核和执行分析等重点工作，工作质量总体较高，作风扎实。3月份出现一次报表录入差错，已及时纠正。评鉴为“好”等次。\n希望下季度严格执行双人复核，抓紧推进决算编报和一体化系统二期上线。',
  result: { score: 92.05, grade: '好' },
  supervisor: { name: '李明', date: '2026-04-08' },
};

/** The same evaluation, corrected after the official asked for a review. */
export const exampleEvaluationRevised: EvaluationForm = {
  ...exampleEvaluation,
  revision: { version: 2, reason: '“出勤和工作纪律”得分录入有误，由90分更正为100分，分值相应更正。' },
  supervisor: { name: '李明', date: '2026-04-12' },
};

const q1Feedback = (way: string, date: string) => ({ way, date });

/** The 预算科's twelve officials (科长李明 is evaluated by the 局领导 and filed with them). */
export const exampleFilingEntries: FilingRegisterEntry[] = [
  {
    name: '张三',
    post: '一级主任科员',
    method: 'quantitative',
    score: 92.05,
    grade: '好',
    bonus: 1,
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '王建国',
    post: '副科长、二级主任科员',
    method: 'quantitative',
    score: 93.5,
    grade: '好',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '刘晓燕',
    post: '二级主任科员',
    method: 'quantitative',
    score: 88,
    grade: '较好',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '陈志强',
    post: '三级主任科员',
    method: 'quantitative',
    score: 85.5,
    grade: '较好',
    bonus: 0.5,
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '杨帆',
    post: '四级主任科员',
    method: 'quantitative',
    score: 90.5,
    grade: '好',
    feedback: q1Feedback('书面反馈', '2026-04-13'),
  },
  {
    name: '赵丽娟',
    post: '一级科员',
    method: 'quantitative',
    score: 82,
    grade: '较好',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '黄文斌',
    post: '四级主任科员',
    method: 'qualitative',
    grade: '较好',
    feedback: q1Feedback('当面反馈', '2026-04-11'),
    remark: '借调期间由借调单位提供意见',
  },
  {
    name: '周婷',
    post: '一级科员',
    method: 'quantitative',
    score: 78.5,
    grade: '一般',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
    remark: '报表差错2次',
  },
  {
    name: '吴海涛',
    post: '二级科员',
    method: 'quantitative',
    score: 84,
    grade: '较好',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
  },
  {
    name: '孙悦',
    post: '一级科员',
    method: 'qualitative',
    grade: '一般',
    feedback: q1Feedback('当面反馈', '2026-04-11'),
    remark: '试用期人员',
  },
  {
    name: '马俊',
    post: '三级主任科员',
    method: 'quantitative',
    score: 86.5,
    grade: '较好',
    feedback: q1Feedback('书面反馈', '2026-04-13'),
  },
  {
    name: '朱慧敏',
    post: '四级主任科员',
    method: 'quantitative',
    score: 72,
    grade: '一般',
    feedback: q1Feedback('当面反馈', '2026-04-10'),
    remark: '未按时完成交办事项1项',
  },
];

export const exampleFilingRegister: FilingRegisterForm = {
  kind: 'filingRegister',
  unit: examplePerson.unit,
  year: 2026,
  quarter: 1,
  entries: exampleFilingEntries,
  review: {
    name: '李明',
    opinion: '经审核，本科室12名干部第一季度平时考核评鉴程序规范，结果客观公正，已逐一反馈本人，同意备案。',
    date: '2026-04-14',
  },
  filing: { date: '2026-04-16', clerk: '郑红' },
};
