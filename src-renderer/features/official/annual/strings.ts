/** The words of the official's 年度考核 tab (kept here, beside the page, not in the shared zh.ts). */

/** '2027-01-10' → '2027年1月10日'. */
export function dayWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The mirror of a half-written 年度个人总结 and 本人意见 in localStorage (components/draftMirror.ts). */
export const annualDraftKeys = {
  summary: (personId: string, year: number) => `dutybook.draft.annual-summary.${personId}.${year}`,
  opinion: (personId: string, year: number) => `dutybook.draft.annual-opinion.${personId}.${year}`,
};

export const annualText = {
  tab: '年度考核',
  heading: (y: number) => `${y}年度个人总结`,
  intro:
    '年度考核时,本人对照岗位职责和年度工作计划写出个人总结(述职),提交后送主管领导写评语和考核等次建议。' +
    '草稿已按年度工作计划和各季度小结的要点自动整理,请在此基础上修改补充。',
  text: '个人总结',
  textHelp: (n: number, max: number) => `已写${n}字,最多${max}字。`,
  regenerate: '按年度记实要点重新生成草稿',
  regenerateTitle: '重新生成草稿',
  regenerateText: '将用年度工作计划和各季度小结的要点重新生成草稿,替换当前的文字。确定吗?',
  submit: '提交个人总结',
  submitTitle: (y: number) => `提交${y}年度个人总结`,
  submitText: '提交后个人总结送主管领导和人事部门;在考核结果确定前,仍可修改后重新提交(作为新的一版)。确定提交吗?',
  submitted: (y: number) => `${y}年度个人总结已提交,将在下次同步时送达主管领导`,
  locked: (v: number, day: string) => `第${v}版已于${dayWords(day)}提交。`,
  lockedDecided: '年度考核结果已确定,个人总结不能再修改。',
  reopen: '修改并重新提交',
  reopenDone: '个人总结可以修改了。修改后请再次提交,新的一版才会送达。',
  reopened: (v: number) => `正在修改第${v}版之后的新一版,提交前主管领导和人事部门看到的仍是第${v}版。`,
  notYet: '未填写',
  progress: '年度考核进度',
  stepSummary: '年度个人总结',
  stepComment: '主管领导评语和考核等次建议',
  stepDecision: '年度考核结果',
  stepOpinion: '本人意见',
  stepNotYet: '尚未提交',
  stepWaiting: '尚未收到',
  stepSubmitted: (v: number, day: string) => `已提交第${v}版(${dayWords(day)})`,
  stepCommentDone: (name: string, day: string) => `${name}已于${dayWords(day)}签署`,
  stepDecisionDone: (label: string) => `已确定:${label}`,
  stepOpinionDue: (day: string) => `请于${dayWords(day)}前签署`,
  stepOpinionLate: (day: string) => `未签署(期限${dayWords(day)}已过)`,
  stepOpinionDone: (agree: boolean) => (agree ? '已签署:同意' : '已签署:有异议(申请复核)'),
  arriveHint: '主管领导的评语和人事部门确定的考核结果,通过“同步”导入数据包后在此显示。',

  commentHeading: '主管领导评语和考核等次建议',
  suggestion: '考核等次建议',
  comment: '评语',
  signedBy: (name: string, day: string) => `主管领导:${name}  ${dayWords(day)}`,

  resultHeading: (y: number) => `${y}年度考核结果`,
  outcome: '考核结果',
  reason: '原因',
  committee: '机关负责人或考核委员会意见',
  tieNote: '并列情况说明',
  decidedBy: (name: string, day: string) => `经办:${name}  确定日期:${dayWords(day)}`,
  version: (v: number) => `第${v}版(已更正)`,
  none: '无',

  opinionHeading: '本人意见',
  opinionIntro: (day: string) => `请阅看考核结果后签署本人意见。签署期限:${dayWords(day)}(含当日)。`,
  agreeLabel: '是否同意考核结果',
  agree: '同意',
  disagree: '有异议',
  opinionText: '异议的内容和理由',
  opinionTextAgree: '补充说明(可不填)',
  opinionHelpDisagree: '请写明对考核结果的异议和理由,人事部门将作为复核申请办理。',
  opinionEmpty: '有异议时请写明异议的内容和理由',
  sign: '签署本人意见',
  signAgain: '重新签署本人意见',
  confirmTitle: '签署本人意见',
  confirmAgree: '您同意上述考核结果。签署后将在下次同步时送达人事部门。',
  confirmDisagree: '您对上述考核结果有异议,签署后人事部门将收到您的复核申请。',
  confirmReplace: '本次签署将替换您此前签署的本人意见。',
  confirm: '签署',
  cancel: '取消修改',
  signedAgree: '已签署本人意见:同意',
  signedDisagree: '已签署本人意见:有异议,人事部门将收到您的复核申请',
  signedLine: (day: string) => `签署于${dayWords(day)},将在下次同步时送达人事部门。`,
  shownAgree: '同意',
  shownDisagree: '有异议(复核申请)',
  answersEarlier: '这是对此前一版考核结果的意见;考核结果已更正,请对现在的结果重新签署。',
  late: (day: string) => `签署期限(${dayWords(day)})已过,不能再签署本人意见。如有异议,请直接与人事部门联系。`,
  restored: '已恢复上次未签署的文字。',
};
