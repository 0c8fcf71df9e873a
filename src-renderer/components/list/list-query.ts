import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatPeriodChinese, tryParsePeriodKey } from '../../../shared/domain';

/**
 * What a list page is filtered by. It lives in the address (`#/hr/people?q=张&unit=u1&sub=1`), so a
 * link from a chart bar or a 待办 line opens a list already filtered, and Back undoes a change.
 * `period` is `2026` (a year), `2026-Q2` (a quarter) or `2026-03` (a month); on screen it is said in
 * words (periodWords).
 */
export type ListQuery = {
  q: string;
  unit: string | null;
  sub: boolean;
  rank: string | null;
  status: string | null;
  period: string | null;
};

export const EMPTY_QUERY: ListQuery = { q: '', unit: null, sub: true, rank: null, status: null, period: null };

const KEYS = ['q', 'unit', 'sub', 'rank', 'status', 'period'] as const;

/** The query a search string holds; what it does not say comes from the defaults. */
export function readListQuery(params: URLSearchParams, defaults: Partial<ListQuery> = {}): ListQuery {
  const base = { ...EMPTY_QUERY, ...defaults };
  const text = (k: 'unit' | 'rank' | 'status' | 'period') => {
    if (!params.has(k)) return base[k];
    const v = params.get(k) ?? '';
    return v === '' ? null : v;
  };
  const sub = params.get('sub');
  return {
    q: params.has('q') ? (params.get('q') ?? '') : base.q,
    unit: text('unit'),
    sub: sub === null ? base.sub : sub !== '0',
    rank: text('rank'),
    status: text('status'),
    period: text('period'),
  };
}

/**
 * Writes a query into search params: a value equal to the default is left out (so an address stays
 * short), one that differs from it is written — an empty value as `unit=` when the default is not
 * empty, so "全部" survives a reload of a page whose default is a unit.
 */
export function writeListQuery(
  params: URLSearchParams,
  query: ListQuery,
  defaults: Partial<ListQuery> = {},
): URLSearchParams {
  const base = { ...EMPTY_QUERY, ...defaults };
  const next = new URLSearchParams(params);
  for (const k of KEYS) {
    const v = query[k];
    if (v === base[k]) next.delete(k);
    else if (k === 'sub') next.set(k, v ? '1' : '0');
    else next.set(k, v === null ? '' : String(v));
  }
  return next;
}

/**
 * The list's query, kept in the address's search params (react-router's, which under the hash
 * router are the part after `?` inside the hash). Typing in the search box replaces the current
 * history entry; choosing a unit, a rank, a status or a period adds one, so Back steps through them.
 */
export function useListQuery(
  defaults?: Partial<ListQuery>,
): [ListQuery, (patch: Partial<ListQuery>) => void] {
  const [params, setParams] = useSearchParams();
  // Callers pass a literal: compare by value so the query is stable between renders.
  const key = JSON.stringify(defaults ?? {});
  const base = useMemo(() => JSON.parse(key) as Partial<ListQuery>, [key]);
  const query = useMemo(() => readListQuery(params, base), [params, base]);
  const set = useCallback(
    (patch: Partial<ListQuery>) => {
      const onlyText = Object.keys(patch).every((k) => k === 'q');
      setParams((prev) => writeListQuery(prev, { ...readListQuery(prev, base), ...patch }, base), {
        replace: onlyText,
      });
    },
    [setParams, base],
  );
  return [query, set];
}

/** A period of an address in words: `2026` → 2026年度, `2026-Q2` → 2026年第2季度, `2026-03` → 2026年3月. */
export function periodWords(period: string): string {
  return tryParsePeriodKey(period) ? formatPeriodChinese(period) : period;
}
