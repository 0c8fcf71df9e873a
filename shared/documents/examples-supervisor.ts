/**
 * Example forms of the supervisor and HR for the quarter in examples.ts: 科长李明's evaluation of 张三
 * and the unit's filing register. Used by `npm run documents -- --example` and the tests.
 */
import type { EvaluationForm, FilingRegisterEntry, FilingRegisterForm } from './models';
import { examplePerson } from './example-person';

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
