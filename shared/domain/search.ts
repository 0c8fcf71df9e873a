/**
 * Searching the official's own writing: a case-insensitive substring match over Chinese text (no
 * word splitting is needed for Chinese, and the corpus of one person is small), with a snippet
 * around the first match so the clerk sees it in context.
 */
export const SEARCH_KINDS = ['plan', 'record', 'error', 'journal', 'summary'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const searchKindLabels: Readonly<Record<SearchKind, string>> = {
  plan: '个人年度工作计划',
  record: '记实簿',
  error: '差错登记',
  journal: '日记周记',
  summary: '季度个人工作小结',
};

export type SearchHit = {
  kind: SearchKind;
  year: number;
  month?: number;
  quarter?: number;
  /** Where the hit is, e.g. '2026年3月记实簿'. */
  title: string;
  /** The field, in Chinese, e.g. '工作内容'. */
  field: string;
  snippet: string;
  /** The id of the plan, record book, journal entry or summary, for opening it. */
  refId: string;
  /** The plan item, work item or error entry inside it, when the hit is in one. */
  itemId?: string;
};

/** A text to search in, and the Chinese name of the field it came from. */
export type Haystack = { field: string; text: string; itemId?: string };

export type TextMatch = { field: string; snippet: string; itemId?: string };

export const SNIPPET_CONTEXT = 20;
const ELLIPSIS = '…';

/** The query as searched: trimmed, inner runs of white space as one space. Empty means "no search". */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The snippet around the first case-insensitive occurrence of `query` in `text`, with up to
 * `context` characters each side (line breaks shown as spaces, '…' where text was cut), or null.
 */
export function findSnippet(text: string, query: string, context = SNIPPET_CONTEXT): string | null {
  const q = normaliseQuery(query);
  if (q === '') return null;
  // Searching the text with a case-insensitive pattern keeps the match's offsets in the original
  // text (lower-casing first can change the length of some letters).
  const flat = text.replace(/\s+/g, ' ');
  const m = new RegExp(escapeRegExp(q), 'iu').exec(flat);
  if (!m) return null;
  const chars = [...flat];
  const start = [...flat.slice(0, m.index)].length;
  const end = start + [...m[0]].length;
  const from = Math.max(0, start - context);
  const to = Math.min(chars.length, end + context);
  return `${from > 0 ? ELLIPSIS : ''}${chars.slice(from, to).join('').trim()}${to < chars.length ? ELLIPSIS : ''}`;
}

/** Every haystack that contains the query, in the order given, with its snippet. */
export function searchText(haystacks: readonly Haystack[], query: string): TextMatch[] {
  const out: TextMatch[] = [];
  for (const h of haystacks) {
    const snippet = findSnippet(h.text, query);
    if (snippet === null) continue;
    out.push(
      h.itemId === undefined ? { field: h.field, snippet } : { field: h.field, snippet, itemId: h.itemId },
    );
  }
  return out;
}
