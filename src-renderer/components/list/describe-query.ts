import { rankLevelLabel, type OrgUnit } from '../../../shared/domain';
import { periodWords, type ListQuery } from './list-query';
import type { QueryOption } from './QueryBar';

/**
 * A query in words, for the export's title rows: 姓名或人员编号含“张”；单位：综合处（含下级单位）；状态：在职.
 * Empty when nothing narrows the list.
 */
export function describeQuery(
  query: ListQuery,
  o: {
    units?: readonly Pick<OrgUnit, 'id' | 'name'>[];
    statusOptions?: readonly QueryOption[];
    periodOptions?: readonly QueryOption[];
    qLabel?: string;
  } = {},
): string {
  const parts: string[] = [];
  if (query.period) {
    parts.push(`期间：${o.periodOptions?.find((p) => p.value === query.period)?.label ?? periodWords(query.period)}`);
  }
  if (query.unit) {
    const name = o.units?.find((u) => u.id === query.unit)?.name ?? '';
    if (name) parts.push(`单位：${name}${query.sub ? '（含下级单位）' : ''}`);
  }
  if (query.rank) parts.push(`职级：${rankLevelLabel(query.rank)}`);
  if (query.status) {
    parts.push(`状态：${o.statusOptions?.find((s) => s.value === query.status)?.label ?? query.status}`);
  }
  if (query.q.trim()) parts.push(`${o.qLabel ?? '姓名'}含“${query.q.trim()}”`);
  return parts.join('；');
}
