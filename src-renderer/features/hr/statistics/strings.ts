/** 统计分析's words about who is counted (the page's other words are shared with 年度考核: annual/strings.ts). */
export const statisticsText = {
  whoTitle: '统计对象',
  who: (year: number, n: number) =>
    `${year}年度担任公务员(被考核人)角色的${n}人。各月、各季度的应提交、应评鉴人数只计当时在职且担任公务员角色的人员:` +
    '入职(调入)前、离职(调出)后和未担任公务员角色的期间不计入,不计为缺报;年度中间调动的,各季度计入季度末所在单位。' +
    '按最近签发的人员名册记载的日期计算。',
  partial: (n: number) => `其中${n}人本年度只有部分期间需要报送:`,
  more: (n: number) => `另有${n}人,见“督促检查”。`,
  listColumn: '名单',
  openList: '查看',
  noPictures: '本窗口未能把图表画成图片,Word 文件中只有表格。',
} as const;
