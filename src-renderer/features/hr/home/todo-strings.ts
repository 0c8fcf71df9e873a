/** The words of HR's 待办 (HR's home tab). */
const month = (m: { year: number; month: number }) => `${m.year}年${m.month}月`;
const quarter = (q: { year: number; quarter: number }) => `${q.year}年第${q.quarter}季度`;
const join = (parts: (string | false)[]) => parts.filter(Boolean).join('、');

export const todoText = {
  title: '待办',
  help: '人事部门现在要做的事:待备案的材料、各单位的缺报和逾期、待整改的抽查问题、名册的签发和发放、待绑定的登记申请。点击一行即打开相应页面,并已按单位、期间和状态筛选。',
  nothing: '暂无待办。',
  noRoster: '尚未签发人员名册:先建立单位和人员名册,签发后发放给各位公务员和主管领导。',
  openPeople: '前往单位和人员',
  filingTitle: '待备案',
  filing: (f: { year: number; plans: number; registers: number }) =>
    `${f.year}年:${join([f.plans > 0 && `${f.plans}份计划`, f.registers > 0 && `${f.registers}份备案登记表`])}待备案`,
  monthTitle: (m: { year: number; month: number }) => `${month(m)}记实簿的缺报和逾期`,
  quarterTitle: (q: { year: number; quarter: number }) => `${quarter(q)}小结、领导评鉴和备案登记表的缺报和逾期`,
  people: (missing: number, late: number) =>
    join([missing > 0 && `缺报${missing}人`, late > 0 && `逾期${late}人`]),
  items: (missing: number, late: number) =>
    join([missing > 0 && `缺报${missing}项`, late > 0 && `逾期${late}项`]),
  unitLine: (unit: string, what: string) => `${unit}:${what}`,
  onlyOwn: '按人员所在单位计数(不含下级单位)。',
  spotTitle: '抽查问题待整改',
  spot: (s: { year: number; open: number; people: number }) =>
    `${s.year}年:抽查发现的问题${s.open}项待整改,涉及${s.people}人`,
  rosterTitle: '人员名册',
  unissued: (n: number) => `名册有${n}处修改尚未签发`,
  boundUnissued: (n: number) => `${n}份登记申请已绑定人员,待签发名册后生效`,
  notSent: (version: number, n: number, recipients: number) =>
    `第${version}版名册尚未发放给${n}人(共${recipients}人应收到)`,
  notSentNames: (names: string[], more: number) =>
    names.join('、') + (more > 0 ? ` 等${names.length + more}人` : ''),
  noKey: (n: number) => `${n}人尚未登记密钥,无法向其发放名册和数据包`,
  enrollTitle: '登记申请',
  unbound: (n: number) => `${n}份登记申请待绑定人员`,
  headline: (f: { plans: number; registers: number }) =>
    `${join([f.plans > 0 && `${f.plans}份计划`, f.registers > 0 && `${f.registers}份备案登记表`])}待备案`,
} as const;

/** Periods in addresses: '2026-03', '2026-Q3', '2026'. */
export const periodParam = {
  month: (m: { year: number; month: number }) => `${m.year}-${String(m.month).padStart(2, '0')}`,
  quarter: (q: { year: number; quarter: number }) => `${q.year}-Q${q.quarter}`,
};
