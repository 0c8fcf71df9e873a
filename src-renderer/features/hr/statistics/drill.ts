/**
 * The list behind a bar or a row of 统计分析: 督促检查 filtered by unit (with its sub-units), period and
 * status, in the address's words the list pages share (issue 22: `?unit=&sub=1&period=&status=`).
 */
import type { ChartCategory, ChartStatus } from '../../../../shared/domain';

export function drillHref(category: ChartCategory, status: ChartStatus): string {
  const p = new URLSearchParams();
  if (category.unitId) {
    p.set('unit', category.unitId);
    p.set('sub', '1');
  }
  p.set('period', category.period);
  p.set('status', status);
  return `/hr/tracking?${p.toString()}`;
}

/** A period in words: '2026-Q2' → 2026年第2季度, '2026-03' → 2026年3月, '2026' → 2026年. */
export function periodWords(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${period}年`;
}

export const STATUS_WORDS: Record<ChartStatus, string> = {
  done: '已报送',
  missing: '缺报',
  notdue: '未到期',
};
