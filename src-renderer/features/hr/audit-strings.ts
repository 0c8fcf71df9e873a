/** The 操作日志 screen's words (HR's 操作日志 tab). */
export const auditText = {
  title: '操作日志',
  help:
    '本机每一次提交、核准、退回、评鉴、签署、备案、导入、导出、打印和修改考核办法都记入日志,每条记录都与前一条以哈希相连:' +
    '任何一条被改动、删除、插入或调换顺序,核验时都能发现并指出是第几条。',
  count: (n: number) =>
    n > 5000 ? `共 ${n} 条记录,下面列出最近 5000 条;导出日志含全部记录。` : `共 ${n} 条记录。`,
  person: '姓名或内容',
  action: '操作',
  allActions: '全部操作',
  from: '起始日期',
  to: '截止日期',
  empty: '日志中还没有记录。',
  verify: '核验日志',
  verifying: '正在核验…',
  intact: (n: number) => `日志完整,共${n}条`,
  broken: (n: number, problems: number) => `日志已被改动:共${n}条,发现${problems}处问题`,
  kinds: {
    edited: '内容被改动',
    gap: '记录缺失',
    'broken-link': '链接断开',
    'out-of-order': '顺序被调换',
  } as Record<string, string>,
  problem: (seq: number) => `第${seq}条`,
  exportCsv: '导出日志(CSV)',
  csvFilter: 'CSV 表格',
  fileName: (stamp: string) => `操作日志-${stamp}.csv`,
  saved: (name: string) => `已保存 ${name}`,
  cancelled: '已取消保存。',
} as const;
