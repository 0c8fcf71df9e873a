/** The 备案 page's words. */
export const filingText = {
  title: '备案',
  help: '主管领导核准的个人年度工作计划、签署的平时考核备案登记表,由人事部门审核备案。备案后签发备案回执,随下一次数据包送回主管领导和本人。',
  noRoster: '本机还没有人员名册,请先在“单位和人员”中签发人员名册。',
  fileAll: (n: number) => `全部备案(${n})`,
  file: '备案',
  plans: (n: number) => `已核准待备案的工作计划(${n})`,
  plansTable: '已核准待备案的工作计划',
  noPlans: '没有待备案的工作计划。',
  planCols: ['姓名', '单位', '版本', '核准日期', '操作'],
  registers: (n: number) => `已签署待备案的备案登记表(${n})`,
  registersTable: '已签署待备案的备案登记表',
  noRegisters: '没有待备案的备案登记表。',
  registerCols: ['主管领导', '单位', '季度', '版本', '登记人数', '签署日期', '操作'],
  filed: (n: number) => `已备案(${n})`,
  filedTable: '已备案',
  noFiled: '本年度尚未备案。',
  filedCols: ['姓名', '单位', '材料', '版本', '备案日期', '经办人'],
  version: (v: number) => `第${v}版`,
  correction: (v: number) => `(更正第${v}版)`,
  quarter: (q: number) => `第${q}季度`,
  people: (n: number) => `${n}人`,
  planLabel: (name: string, v: number) => `${name}的个人年度工作计划(第${v}版)`,
  registerLabel: (name: string, q: number, v: number) => `${name}第${q}季度平时考核备案登记表(第${v}版)`,
  confirmTitle: (n: number) => `确认备案 ${n} 份材料`,
  confirmText: '备案将以本机人事部门的身份签发备案回执,签发后不能撤回。请确认以下材料已审核无误:',
  more: (n: number) => `另有 ${n} 份…`,
  confirm: '确认备案',
  cancel: '取消',
  progress: (done: number, total: number) => `正在备案:${done} / ${total}`,
  progressLabel: '备案进度',
  done: (n: number) => `已备案 ${n} 份材料。`,
  refused: (n: number) => `${n} 份材料未能备案:`,
} as const;

/** " · 已备案(2026-02-01,经办人:人事科)" after a register version or a plan; '' when not filed. */
export function filedNote(receipt: { filedAt: string; clerk: string } | undefined): string {
  return receipt ? ` · 已备案(${receipt.filedAt.slice(0, 10)},经办人:${receipt.clerk})` : '';
}

/** "已备案(2026-02-01)". */
export function filedOn(filedAt: string): string {
  return `已备案(${filedAt.slice(0, 10)})`;
}
