/** The 操作日志 panel's words (HR's 单位和人员 page). */
export const auditText = {
  title: '操作日志',
  help:
    '本机每一次提交、核准、退回、评鉴、签署、备案、导入、导出和修改考核办法都记入日志,每条记录都与前一条以哈希相连:' +
    '任何一条被改动、删除、插入或调换顺序,核验时都能发现并指出是第几条。',
  count: (n: number) => `共 ${n} 条记录,下面列出最近 ${Math.min(n, 20)} 条。`,
  empty: '日志中还没有记录。',
  cols: ['序号', '时间', '操作人', '操作', '内容'] as const,
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
