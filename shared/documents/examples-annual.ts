/**
 * Example forms of the 2026 annual assessment (年度考核) in the 荆楚市财政局 of the other examples: 张三's
 * 登记表 with every box filled, 孙悦's (试用期: 不定等次) and 刘晓燕's (有异议, a 复核 request), the
 * registers of the whole 预算科 for the batch .zip, the 结果通知, and the 机关's 花名册 and 统计表 over
 * the 预算科 (the twelve of the filing register) and the 办公室 (four more). The 等次 follow the year's
 * linkage in examples-hr.ts: 王建国 and 张三 are the 预算科's two 优秀 within the quota.
 *
 * Used by `npm run documents -- --example` and the tests.
 */
import { examplePerson } from './example-person';
import { exampleFilingEntries } from './examples-supervisor';
import type {
  AnnualOutcome,
  AnnualRegisterForm,
  AnnualResultNoticeForm,
  AnnualRosterEntry,
  AnnualRosterForm,
  AnnualStatisticsForm,
} from './models';

const YEAR = 2026;
const ORGANISATION = '荆楚市财政局';
const OFFICE = '荆楚市财政局办公室';

/** 张三's 个人总结 (述职): about 550 字, what the front of the paper form holds. */
export const exampleAnnualSummaryText = [
  '2026年，本人在科室领导下，围绕年度工作计划，认真履行部门预算编审、预算执行分析和预算绩效管理等岗位职责，较好地完成了各项工作任务。现将一年来的情况总结如下：',
  '一是政治理论学习扎实。坚持参加机关集中学习和科室学习，全年参加集中学习46学时，完成网络培训课程，撰写学习体会4篇，自觉在思想上政治上行动上同党中央保持高度一致。',
  '二是预算编审严谨细致。完成42家一级预算单位2026年部门预算批复和2027年部门预算草案的编审工作，审核项目支出1365个，提出调整意见212条，预算编制质量进一步提高。牵头完成预算绩效目标审核，实现一级预算单位全覆盖，受到省财政厅书面通报表扬。',
  '三是执行分析及时准确。每月10日前形成预算执行分析报告，全年报送12期，提出加快支出进度的建议9条，其中6条被局领导采纳。配合完成预算管理一体化系统二期上线，整理并推动解决问题清单31条。',
  '四是廉洁自律严格要求。认真落实中央八项规定精神，严守财经纪律，全年无违规违纪行为。',
  '存在的不足：3月份报送的一份预算调整表出现金额录入差错，反映出复核环节不够细致。今后将严格执行报表双人复核制度，进一步提高工作质量。',
].join('\n');

export const exampleAnnualRegister: AnnualRegisterForm = {
  kind: 'annualRegister',
  year: YEAR,
  person: {
    ...examplePerson,
    gender: 'male',
    birthMonth: '1988-05',
    politicalStatus: '中共党员',
    rankSince: '2022-07-01',
    duties: '部门预算编审、预算执行分析和预算绩效目标审核',
  },
  summary: { text: exampleAnnualSummaryText, submittedOn: '2026-12-18' },
  comment: {
    comment:
      '该同志政治立场坚定，业务熟练，工作认真负责，全年平时考核“好”等次3个季度。牵头完成预算绩效目标审核全覆盖，工作实绩突出。希望今后进一步加强报表复核，提高工作精细化水平。',
    suggestion: 'excellent',
    signedOn: '2026-12-22',
  },
  decision: {
    outcome: { kind: 'graded', grade: 'excellent' },
    committeeOpinion: '经局考核委员会审核，同意主管领导评语和考核等次建议，并经公示无异议。',
    opinionDueOn: '2027-01-12',
    decidedOn: '2027-01-06',
  },
  opinion: { agree: true, text: '同意。', signedOn: '2027-01-07' },
  remark: '',
};

/** 孙悦: 新录用, in the 试用期 all year — takes part, gets a 评语, no 等次. */
export const exampleAnnualRegisterProbation: AnnualRegisterForm = {
  kind: 'annualRegister',
  year: YEAR,
  person: {
    name: '孙悦',
    unit: examplePerson.unit,
    post: '一级科员（试用期）',
    gender: 'female',
    birthMonth: '2001-09',
    politicalStatus: '共青团员',
    rankSince: '2026-07-15',
    duties: '预算单位资金支付申请审核、科室内务',
  },
  summary: {
    text: '2026年7月入职以来，本人认真学习财政预算业务知识和机关各项制度，在科室同志帮助下完成预算单位资金支付申请审核等工作，按时完成领导交办事项。今后将继续加强学习，尽快熟悉岗位工作。',
    submittedOn: '2026-12-18',
  },
  comment: {
    comment:
      '该同志工作态度端正，学习积极，能较快适应岗位要求，完成交办工作及时。希望继续加强业务学习，提高独立工作能力。',
    suggestion: 'ungraded',
    signedOn: '2026-12-22',
  },
  decision: {
    outcome: {
      kind: 'ungraded',
      reason: '新录用公务员，2026年7月15日起试用期，试用期内参加年度考核，只写评语，不定等次',
    },
    committeeOpinion: '经局考核委员会审核，同意主管领导评语。',
    opinionDueOn: '2027-01-12',
    decidedOn: '2027-01-06',
  },
  opinion: { agree: true, text: '', signedOn: '2027-01-08' },
  remark: '2026年7月15日新录用',
};

/** 刘晓燕: 称职 after a tie at the quota edge settled by the committee; she asks for a 复核. */
export const exampleAnnualRegisterObjection: AnnualRegisterForm = {
  kind: 'annualRegister',
  year: YEAR,
  person: {
    name: '刘晓燕',
    unit: examplePerson.unit,
    post: '二级主任科员',
    gender: 'female',
    birthMonth: '1990-11',
    politicalStatus: '中共党员',
    rankSince: '2021-12-01',
    duties: '预算执行动态监控、预算调整审核',
  },
  summary: {
    text: '2026年，本人负责预算执行动态监控和预算调整审核工作，全年审核预算调整事项287件，发现并纠正违规支付问题14个，按时完成各项工作任务。',
    submittedOn: '2026-12-17',
  },
  comment: {
    comment: '该同志业务扎实，工作细致，全年平时考核“好”等次3个季度，较好完成了预算执行监控工作。',
    suggestion: 'excellent',
    signedOn: '2026-12-22',
  },
  decision: {
    outcome: { kind: 'graded', grade: 'competent' },
    committeeOpinion: '经局考核委员会研究，确定为称职等次。',
    tieNote: '与张三并列第2名，优秀名额已满，经考核委员会研究确定',
    opinionDueOn: '2027-01-12',
    decidedOn: '2027-01-06',
  },
  opinion: {
    agree: false,
    text: '本人平时考核“好”等次季度数与张三相同，平均分仅差0.39分，请求对等次确定情况进行复核。',
    signedOn: '2027-01-09',
  },
};

/** The 等次 of the 预算科 (names as in the filing register) and the 办公室. */
const OUTCOMES: Readonly<Record<string, AnnualOutcome>> = {
  王建国: { kind: 'graded', grade: 'excellent' },
  张三: { kind: 'graded', grade: 'excellent' },
  刘晓燕: { kind: 'graded', grade: 'competent' },
  陈志强: { kind: 'graded', grade: 'competent' },
  杨帆: { kind: 'graded', grade: 'competent' },
  赵丽娟: { kind: 'graded', grade: 'competent' },
  黄文斌: { kind: 'graded', grade: 'competent' },
  周婷: { kind: 'graded', grade: 'competent' },
  吴海涛: { kind: 'graded', grade: 'competent' },
  孙悦: {
    kind: 'ungraded',
    reason: '新录用公务员，试用期内参加年度考核，只写评语，不定等次',
  },
  马俊: { kind: 'graded', grade: 'competent' },
  朱慧敏: { kind: 'graded', grade: 'basicallyCompetent' },
};

const PROFILES: Readonly<Record<string, Partial<AnnualRosterEntry>>> = {
  张三: { gender: 'male', birthMonth: '1988-05', politicalStatus: '中共党员', rankSince: '2022-07-01' },
  王建国: { gender: 'male', birthMonth: '1982-03', politicalStatus: '中共党员', rankSince: '2020-01-01' },
  刘晓燕: { gender: 'female', birthMonth: '1990-11', politicalStatus: '中共党员', rankSince: '2021-12-01' },
  孙悦: { gender: 'female', birthMonth: '2001-09', politicalStatus: '共青团员', rankSince: '2026-07-15' },
};

const budgetUnit: AnnualRosterEntry[] = exampleFilingEntries.map((e, i) => ({
  name: e.name,
  unit: examplePerson.unit,
  post: e.post,
  gender: i % 3 === 1 ? 'female' : 'male',
  birthMonth: `${1980 + ((i * 3) % 18)}-${String((i % 12) + 1).padStart(2, '0')}`,
  politicalStatus: i % 4 === 3 ? '群众' : '中共党员',
  rankSince: `${2018 + (i % 7)}-0${(i % 9) + 1}-01`,
  outcome: OUTCOMES[e.name] ?? { kind: 'graded', grade: 'competent' },
  ...(PROFILES[e.name] ?? {}),
  ...(e.name === '孙悦' ? { remark: '2026年7月15日新录用' } : {}),
}));

const office: AnnualRosterEntry[] = [
  {
    name: '冯磊',
    unit: OFFICE,
    post: '主任、一级主任科员',
    gender: 'male',
    birthMonth: '1979-08',
    politicalStatus: '中共党员',
    rankSince: '2019-04-01',
    outcome: { kind: 'graded', grade: 'excellent' },
  },
  {
    name: '何静',
    unit: OFFICE,
    post: '三级主任科员',
    gender: 'female',
    birthMonth: '1987-02',
    politicalStatus: '中共党员',
    rankSince: '2023-03-01',
    outcome: { kind: 'graded', grade: 'competent' },
  },
  {
    name: '钱进',
    unit: OFFICE,
    post: '一级科员',
    gender: 'male',
    birthMonth: '1995-06',
    politicalStatus: '中共党员',
    rankSince: '2024-07-01',
    outcome: { kind: 'graded', grade: 'competent' },
    remark: '2026年7月由预算科调入',
  },
  {
    name: '沈冰',
    unit: OFFICE,
    post: '四级主任科员',
    gender: 'female',
    birthMonth: '1984-12',
    politicalStatus: '民主党派',
    rankSince: '2020-10-01',
    outcome: { kind: 'notParticipating', reason: '全年病假累计超过半年' },
  },
];

export const exampleAnnualRoster: AnnualRosterForm = {
  kind: 'annualRoster',
  organisation: ORGANISATION,
  year: YEAR,
  entries: [...office, ...budgetUnit],
  prepared: { clerk: '郑红', phone: '0716-8123456', date: '2027-01-15' },
};

export const exampleAnnualStatistics: AnnualStatisticsForm = {
  kind: 'annualStatistics',
  organisation: ORGANISATION,
  year: YEAR,
  units: [
    { unit: OFFICE, outcomes: office.map((e) => e.outcome) },
    { unit: examplePerson.unit, outcomes: budgetUnit.map((e) => e.outcome) },
  ],
  prepared: { clerk: '郑红', phone: '0716-8123456', date: '2027-01-15' },
};

/** Every register of the 预算科, for the batch .zip: the three above, and the others with the 等次 only. */
export const exampleUnitRegisters: AnnualRegisterForm[] = budgetUnit.map((e) => {
  const full = [exampleAnnualRegister, exampleAnnualRegisterProbation, exampleAnnualRegisterObjection].find(
    (r) => r.person.name === e.name,
  );
  if (full) return full;
  return {
    kind: 'annualRegister',
    year: YEAR,
    person: {
      name: e.name,
      unit: e.unit,
      post: e.post,
      gender: e.gender,
      birthMonth: e.birthMonth,
      politicalStatus: e.politicalStatus,
      rankSince: e.rankSince,
    },
    decision: {
      outcome: e.outcome,
      committeeOpinion: '经局考核委员会审核，同意主管领导评语和考核等次建议。',
      opinionDueOn: '2027-01-12',
      decidedOn: '2027-01-06',
    },
  };
});

export const exampleResultNotice: AnnualResultNoticeForm = {
  kind: 'annualResultNotice',
  year: YEAR,
  person: examplePerson,
  outcome: { kind: 'graded', grade: 'excellent' },
  opinionDueOn: '2027-01-12',
  office: '局人事科',
  issuer: '荆楚市财政局考核委员会',
  date: '2027-01-06',
};

/** 朱慧敏's notice: 基本称职. */
export const exampleResultNoticeBasic: AnnualResultNoticeForm = {
  ...exampleResultNotice,
  person: { name: '朱慧敏', unit: examplePerson.unit, post: '一级科员' },
  outcome: { kind: 'graded', grade: 'basicallyCompetent' },
};
