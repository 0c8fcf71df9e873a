/** 统计分析 (placeholder until this page lands). */
export function StatisticsPage() {
  return null;
}
