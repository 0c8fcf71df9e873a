/** The words of the official's 评鉴结果 tab (kept here, beside the page, not in the shared zh.ts). */
export const QUARTER_NAMES = ['一季度', '二季度', '三季度', '四季度'] as const;

export const resultsText = {
  tab: '评鉴结果',
  title: (year: number) => `${year}年平时考核领导评鉴结果`,
  summaryLabel: '各季度评鉴结果一览',
  quarterHeading: (q: number) => `${QUARTER_NAMES[q - 1]}领导评鉴结果`,
  quarterCol: '季度',
  notReceived: (q: number) => `尚未收到第${q}季度领导评鉴结果`,
  notReceivedShort: '尚未收到',
  arriveHint: '主管领导签署评鉴和评鉴结果反馈后,通过“同步”导入其数据包即可在此查看。',
  goSync: '前往同步',

  method: '评鉴方式',
  methodValue: (label: string) => `${label}评鉴`,
  result: '评鉴结果',
  score: (s: string) => `${s}分`,
  grade: (g: string) => `等次“${g}”`,
  version: (v: number) => `第${v}版`,
  corrected: '已更正',
  correctedNote: (v: number, of: number, reason: string) => `第${v}版更正了第${of}版。更正原因:${reason}`,
  opinion: '评鉴意见',
  leafScores: '各项指标得分',
  indicator: '指标',
  leafScore: '得分',
  bonuses: '加分',
  noBonus: '本季度未加分',
  bonusLine: (name: string, points: string) => `${name} 加${points}分`,
  bonusReason: '加分理由',
  peer: '群众意见',
  peerConsulted: (n: number) => `征求意见${n}人`,
  peerScope: '征求意见范围',
  peerGist: '群众意见要点',
  public: '服务对象和社会反映',
  publicNone: '本季度无服务对象和社会反映',
  publicSource: '反映来源',
  publicGist: '反映内容',
  evaluator: '评鉴人',
  signedAt: '签署日期',
  notFilled: '(未填写)',

  history: '历次评鉴版本',
  historyHint: '评鉴签署后不能修改,更正时作为新的版本签署;以下为本季度签署过的全部版本。',
  historyEntry: (v: number, date: string, by: string) => `第${v}版 · ${date} · ${by}签署`,
  historyCurrent: '(现行)',
  historyReason: (of: number, reason: string) => `更正第${of}版,原因:${reason}`,
  historyFirst: '初次评鉴',

  feedback: '评鉴结果反馈',
  noFeedback: '尚未收到本季度的评鉴结果反馈(会议点评或个人谈话)。',
  feedbackTitle: (kind: string, date: string) => `${kind} · ${date}`,
  feedbackDate: '反馈日期',
  place: '地点',
  participants: '参加人员',
  content: '反馈内容',
  improvements: '需要改进的方面',
  by: '反馈人',

  ack: '签署意见',
  ackField: '签署意见',
  ackHelper: '阅知反馈后填写本人意见;签署后将随下次同步送达主管领导。',
  sign: '签署',
  cancelEdit: '取消修改',
  revise: '修改签署意见',
  signedLine: (at: string) => `已于${at}签署`,
  willDeliver: '将在下次同步时送达主管领导',
  restored: '已恢复上次未签署的签署意见。',
  emptyAck: '请填写签署意见',
  tooLong: (max: number) => `签署意见不能超过${max}个字`,
  confirmTitle: '签署意见',
  confirmBody:
    '签署后,本意见将以您的签名记录,并在下次同步时送达主管领导。之后仍可修改,修改后的意见将替换此前的签署。',
  confirmReplace: '此前已签署的意见将被替换;替换后的意见同样在下次同步时送达主管领导。',
  confirm: '确认签署',
  signed: '签署意见已签署,将在下次同步时送达主管领导',
} as const;

/** The store's limit on a 签署意见 (shared/store/supervision-feedback.ts). */
export const ACK_MAX = 1000;

/** localStorage key of a half-written 签署意见, one per feedback. */
export const ackDraftKey = (personId: string, feedbackId: string) =>
  `dutybook.draft.feedback-ack.${personId}.${feedbackId}`;
