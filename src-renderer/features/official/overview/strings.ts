/** The 年度概览's words about what is owed (the rest are in i18n/zh.ts). */
export const overviewText = {
  notRequired: '不需填报',
  correctPlan: '去修改工作计划',
  membershipTitle: (year: number) => `${year}年度需要填报的期间`,
  membershipSource:
    '以上按人事部门签发的人员名册记载的日期计算;入职(调入)前、离职(调出)后和未担任公务员(被考核人)角色期间的记实簿和小结不需填报,不计为逾期。如有出入,请与人事部门联系。',
} as const;
