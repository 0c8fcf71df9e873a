/**
 * Which material to open, as one value every HR page can build from a row, a cell or an entry, and
 * as a search param (`?m=record/<personId>/2026-03`) so that a link opens it, Back closes it and a
 * reload keeps it open. The period in the address follows the app's address form (`2026`, `2026-Q2`,
 * `2026-03`); on screen it is always in words (`materialLabel`).
 */

export const MATERIAL_KINDS = [
  'plan',
  'record',
  'summary',
  'evaluation',
  'feedback',
  'register',
  'filing',
  'annual',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export type MaterialRef = {
  /** Whose material: the official — or, for a register, the supervisor who signs it. */
  personId: string;
  kind: MaterialKind;
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  /** 1–12 */
  month?: number;
  unitId?: string;
  /** A register's version row; its supervisor and quarter are read from it. */
  registerId?: string;
};

/** The search param that carries the open material. */
export const MATERIAL_PARAM = 'm';

/** What the kinds are called, for labels and the 材料类别 filter. */
export const materialKindLabels: Readonly<Record<MaterialKind, string>> = {
  plan: '个人年度工作计划',
  record: '平时考核记实簿',
  summary: '季度个人工作小结',
  evaluation: '领导评鉴',
  feedback: '评鉴结果反馈',
  register: '平时考核备案登记表',
  filing: '备案回执',
  annual: '年度考核材料',
};

const QUARTERS = [1, 2, 3, 4] as const;
const asQuarter = (n: number): 1 | 2 | 3 | 4 | undefined => QUARTERS.find((q) => q === n);

/** "2026-Q2", "2026-03" or "2026": the period of a ref as the addresses write it. */
export function materialPeriodKey(ref: Pick<MaterialRef, 'year' | 'quarter' | 'month'>): string {
  if (ref.month !== undefined) return `${ref.year}-${String(ref.month).padStart(2, '0')}`;
  if (ref.quarter !== undefined) return `${ref.year}-Q${ref.quarter}`;
  return String(ref.year);
}

/** "2026年3月", "2026年第2季度", "2026年". */
export function periodInWords(ref: Pick<MaterialRef, 'year' | 'quarter' | 'month'>): string {
  if (ref.month !== undefined) return `${ref.year}年${ref.month}月`;
  if (ref.quarter !== undefined) return `${ref.year}年第${ref.quarter}季度`;
  return `${ref.year}年`;
}

/** The ref as the search param's value: `kind/personId/period[/u:unitId][/r:registerId]`. */
export function encodeMaterialRef(ref: MaterialRef): string {
  const parts: string[] = [ref.kind, ref.personId, materialPeriodKey(ref)];
  if (ref.unitId) parts.push(`u:${ref.unitId}`);
  if (ref.registerId) parts.push(`r:${ref.registerId}`);
  return parts.join('/');
}

/** The ref a search param names, or undefined when it names none (a hand-edited or old address). */
export function decodeMaterialRef(value: string | null | undefined): MaterialRef | undefined {
  if (!value) return undefined;
  const [kind, personId, period, ...extra] = value.split('/');
  if (!kind || !personId || !period || !(MATERIAL_KINDS as readonly string[]).includes(kind))
    return undefined;
  const m = /^(\d{4})(?:-Q([1-4])|-(\d{2}))?$/.exec(period);
  if (!m) return undefined;
  const ref: MaterialRef = { kind: kind as MaterialKind, personId, year: Number(m[1]) };
  if (m[2]) ref.quarter = asQuarter(Number(m[2]));
  if (m[3]) {
    const month = Number(m[3]);
    if (month < 1 || month > 12) return undefined;
    ref.month = month;
  }
  for (const e of extra) {
    if (e.startsWith('u:') && e.length > 2) ref.unitId = e.slice(2);
    else if (e.startsWith('r:') && e.length > 2) ref.registerId = e.slice(2);
    else return undefined;
  }
  return ref;
}

/**
 * The address (search part) that opens a material on the current page: the current search params
 * kept (a list's filters stay), `m` set. `current`: the page's search (`location.search`).
 */
export function materialHref(ref: MaterialRef, current: string | URLSearchParams = ''): string {
  const params = new URLSearchParams(current);
  params.set(MATERIAL_PARAM, encodeMaterialRef(ref));
  return `?${params.toString()}`;
}

/** A version as the label shows it: its number, and whether it corrects an earlier one. */
export type MaterialVersion = number | { version: number; corrected?: boolean };

/** Kinds whose later versions correct a signed one (an evaluation, a register), not resubmit a returned one. */
const CORRECTED_KINDS: ReadonlySet<MaterialKind> = new Set(['evaluation', 'register']);

/**
 * The material in words, for rows, buttons and the panel's title: "2026年3月平时考核记实簿",
 * "2026年第2季度领导评鉴 · 第2版(更正)". Never an id or an address period.
 */
export function materialLabel(ref: MaterialRef, version?: MaterialVersion): string {
  const base = materialTitle(ref);
  if (version === undefined) return base;
  const v = typeof version === 'number' ? version : version.version;
  const corrected =
    typeof version === 'number' ? CORRECTED_KINDS.has(ref.kind) && v > 1 : version.corrected === true;
  return `${base} · 第${v}版${corrected ? '(更正)' : ''}`;
}

function materialTitle(ref: MaterialRef): string {
  const { kind, year, quarter, month } = ref;
  switch (kind) {
    case 'plan':
      return `${year}年度个人工作计划`;
    case 'record':
      return month !== undefined ? `${year}年${month}月平时考核记实簿` : `${year}年平时考核记实簿`;
    case 'summary':
      return `${periodInWords({ year, quarter })}个人工作小结`;
    case 'evaluation':
      return `${periodInWords({ year, quarter })}领导评鉴`;
    case 'feedback':
      return `${periodInWords({ year, quarter })}评鉴结果反馈`;
    case 'register':
      return `${periodInWords({ year, quarter })}平时考核备案登记表`;
    case 'filing':
      return quarter !== undefined
        ? `${year}年第${quarter}季度平时考核备案登记表备案回执`
        : `${year}年度个人工作计划备案回执`;
    case 'annual':
      return `${year}年度考核材料`;
  }
}
