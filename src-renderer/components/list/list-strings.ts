/** The words of the list kit (query bar, list, export), with full-width punctuation. */
export const listText = {
  search: '姓名',
  unit: '单位',
  allUnits: '全部单位',
  includeSub: '含下级单位',
  rank: '职级',
  allRanks: '全部职级',
  status: '状态',
  allStatus: '全部状态',
  period: '期间',
  allPeriods: '全部期间',
  clear: '清除条件',
  noUnit: '没有这个单位',
  queryLabel: '查询条件',
  count: (total: number, shown: number, noun: string) =>
    total === shown
      ? `共 ${total.toLocaleString('zh-CN')} ${noun}`
      : `共 ${total.toLocaleString('zh-CN')} ${noun}，显示 ${shown.toLocaleString('zh-CN')} ${noun}`,
  selected: (n: number, noun: string) => `已选 ${n.toLocaleString('zh-CN')} ${noun}`,
  export: '导出当前列表',
  exporting: '正在导出…',
  exportFilter: 'Excel 工作簿',
  exported: (name: string, n: number) => `已导出“${name}”，共 ${n.toLocaleString('zh-CN')} 行。`,
  exportCancelled: '已取消导出，未保存文件。',
  exportEmpty: '当前列表没有可导出的行。请先清除或放宽查询条件。',
  noRows: '没有符合条件的记录。可以清除或放宽查询条件。',
  exportedAt: (when: string) => `导出时间：${when}`,
  conditions: (text: string) => `查询条件：${text}`,
} as const;
