/** 考核办法(分级分类量化考核指标体系) (placeholder until this page lands). */
export function RulesPage() {
  return null;
}
