/** The words of the person record (人员信息), its dated changes and its 任职经历. */
import { chineseDay, parseIsoDate, quarterOfMonth } from '../../../shared/domain';

export const personText = {
  tabInfo: '人员信息',
  tabPeriods: '任职经历',
  groupBasic: '基本信息',
  groupPost: '职务职级',
  groupUnit: '在本单位',
  gender: '性别',
  genderNone: '(未填)',
  birthMonth: '出生年月',
  ethnicity: '民族',
  politicalStatus: '政治面貌',
  education: '学历',
  staffNo: '人员编号',
  staffNoHelp: '本单位内唯一,如工号或档案编号',
  idNumber: '身份证号',
  idNumberHelp: '只保存在本机,不随人员名册发送;列表中只显示前6位和后4位',
  title: '职务',
  rankSince: '任现职务职级时间',
  duties: '从事或分管工作',
  joinedOn: '入职(调入)日期',
  joinedOnHelp: '不填表示在使用本软件之前已在本单位',
  joinedShort: '入职日期',
  probationEnd: '试用期满日期',
  effectiveFrom: '变动生效日期',
  changeTitle: (what: string) => `${what}有变动,请填写变动生效日期`,
  changeWhat: { unit: '所在单位', supervisor: '主管领导', roles: '角色' } as const,
  changeSupervisor: (from: string, to: string) =>
    `自该日起由新的主管领导${to ? `(${to})` : ''}评鉴;此前的季度仍由原主管领导${from ? `(${from})` : ''}评鉴。`,
  changeMidQuarter: (quarter: string) => `生效日期不在季度第一天:${quarter}原、新主管领导均可评鉴。`,
  changeUnit: '自该日起在新单位参加考核;此前的记录仍属原单位。',
  changeRoles: '自该日起按新的角色签署材料;此前签署的材料按当时的角色核验。',
  changeIssue: '签发下一版人员名册后各人导入即生效。',
  // 离职(调出) and 恢复在职 with their dates
  leaveDate: '离职(调出)日期',
  leaveDateHelp: '自该日起不再属于本单位(该日不再计入在职)',
  leaveConsequence: '自该日起,此人提交的材料不再被接受,其密钥在签发下一版名册时停用。',
  leaveKeeps: '此前的计划、记实和评鉴记录继续保留;此人不能再被选为主管领导。如系误操作,可“恢复在职”。',
  returnTitle: (name: string) => `为“${name}”办理恢复在职?`,
  returnDate: '返回日期',
  returnDateHelp: '自该日起重新属于本单位',
  returnBody: (left: string) =>
    `${left ? `此人自${left}起离职(调出)。` : ''}恢复在职后,自返回日期起重新接受其材料;离职期间不计入在职。签发下一版人员名册后各人导入即生效。`,
  returnConfirm: '确认恢复在职',
  dateRequired: '请选择日期',
  // 任职经历
  periodsCaption: (name: string) => `${name}的任职经历(最近的在前)`,
  periodsSpan: '起止日期',
  periodsUnit: '所在单位',
  periodsSupervisor: '主管领导',
  periodsRoles: '角色',
  since: '此前',
  untilNow: '至今',
  none: '—',
  unitGone: '(已删除的单位)',
  personGone: '(已删除的人员)',
  periodsEmpty: '没有任职记录。',
  periodsLeft: (day: string) => `自${day}起离职(调出)。`,
  periodsNote: '任职经历随人员名册下发,各人的材料按材料所属期间的任职情况核验。',
  periodsButton: '任职经历',
  historyTitle: (name: string) => `${name}的任职经历`,
  close: '关闭',
  status: '状态',
  active: '在职',
  leftSince: (day: string) => `${day}起离职`,
  keyState: (s: string) => `密钥${s}`,
  category: '职位类别',
} as const;

/** '2026年第3季度' when the day is not a quarter's first day, else null. */
export function midQuarter(day: string): string | null {
  const d = parseIsoDate(day);
  if (!d) return null;
  if (d.day === 1 && (d.month - 1) % 3 === 0) return null;
  return `${d.year}年第${quarterOfMonth(d.month)}季度`;
}

/** '2026年7月1日—至今', '此前—2026年6月30日'. */
export function periodSpan(p: { from: string | null; to: string | null }): string {
  return `${p.from ? chineseDay(p.from) : personText.since}—${p.to ? chineseDay(p.to) : personText.untilNow}`;
}
