/**
 * Who takes part in a year's 年度考核, and how: read from the person's dated roster periods (only the
 * days they held the 公务员 role count), their profile (入职日期, 试用期满日期) and HR's marking of what
 * the data cannot show (病、事假累计超过规定, 立案审查尚未结案 …). National practice as configuration
 * (config.ts `annualAssessment`):
 * - 不参加: never a 公务员 in the year (an HR clerk without the role); no longer one at the year's end
 *   (离职、调出、不再担任); fewer months than `minMonthsToTakePart` when the unit's 办法 sets one;
 *   HR's marking.
 * - 参加考核、不定等次: 新录用公务员在试用期内 (`probationUngraded`); HR's marking.
 * - otherwise 参加考核、确定等次, in the unit they belonged to at the year's end (a transfer between
 *   units of the 机关 is ranked in the new one, and noted).
 *
 * Pure; the annual linkage (annual.ts) calls it for every person on the roster in the year.
 */
import type { AnnualAssessmentRules } from './config';
import { isoDate, type IsoDate } from './dates';
import { chineseDay, dayAfter, rangeOfPeriodKey, type DateRange, type PersonPeriod } from './periods';

export type AnnualParticipation =
  { kind: 'graded' } | { kind: 'ungraded'; reason: string } | { kind: 'notParticipating'; reason: string };

export const annualParticipationLabels: Readonly<Record<AnnualParticipation['kind'], string>> = {
  graded: '参加考核,确定等次',
  ungraded: '参加考核,不定等次',
  notParticipating: '不参加年度考核',
};

/**
 * HR's marking for what the roster cannot show: 病、事假累计超过考核年度半年 (不参加, under the
 * national practice), 涉嫌违纪违法被立案审查调查尚未结案 (参加考核、不定等次) …, with the reason in the
 * unit's words. Kept per year on HR's device (store/annual-quota-repo.ts).
 */
export type ParticipationMarking = { kind: 'ungraded' | 'notParticipating'; reason: string };

/** The reasons HR is offered when marking (any other may be typed). */
export const PARTICIPATION_MARKING_PRESETS: readonly ParticipationMarking[] = [
  { kind: 'notParticipating', reason: '病、事假累计超过考核年度半年,不进行年度考核' },
  { kind: 'ungraded', reason: '涉嫌违纪违法被立案审查调查尚未结案,参加年度考核,不写评语、不定等次' },
  { kind: 'ungraded', reason: '受处分期间,按规定不确定等次' },
];

export type ParticipationInput = {
  name: string;
  /** The roster's dated periods; undefined: none recorded (an old roster) — a 公务员 all year. */
  periods?: readonly PersonPeriod[] | undefined;
  joinedOn?: IsoDate | undefined;
  probationEnd?: IsoDate | undefined;
  marking?: ParticipationMarking | undefined;
};

/** A move between units of the 机关 during the year, as 公务员. */
export type UnitMove = { on: IsoDate; fromUnitId: string; toUnitId: string };

export type YearMembership = {
  participation: AnnualParticipation;
  /** The first and last day of the year the person belonged as 公务员 (any role when never one). */
  memberFrom: IsoDate;
  memberTo: IsoDate;
  /** The unit the person is assessed in: where they served as 公务员 last in the year. */
  unitId: string | null;
  /** The quarters (1–4) in which the person was a 公务员 on at least one day. */
  quarters: (1 | 2 | 3 | 4)[];
  moves: UnitMove[];
  /** Plain remarks for HR (joined in the year, 不满半年 …), with no bearing on the rules. */
  notes: string[];
};

const EARLIEST = '0000-01-01';
const LATEST = '9999-12-31';

function clip(p: { from: IsoDate | null; to: IsoDate | null }, range: DateRange): DateRange | null {
  const from = (p.from ?? EARLIEST) > range.from ? p.from! : range.from;
  const to = (p.to ?? LATEST) < range.to ? p.to! : range.to;
  return from <= to ? { from, to } : null;
}

/** `day` + `months` calendar months (31 January + 1 month → 28/29 February). */
function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, Math.min(d, last));
}

/** Whether from `from` to `to` (both included) is shorter than `months` calendar months. */
function shorterThan(range: DateRange, months: number): boolean {
  return addMonths(range.from, months) > dayAfter(range.to);
}

/**
 * The person's part in the year's 年度考核; null when they did not belong to the 机关 on any day of
 * the year (they have no row at all).
 */
export function annualParticipation(
  input: ParticipationInput,
  year: number,
  rules: Pick<AnnualAssessmentRules, 'probationUngraded' | 'minMonthsToTakePart'>,
): YearMembership | null {
  const yearRange = rangeOfPeriodKey(String(year))!;
  const all: PersonPeriod[] = input.periods
    ? [...input.periods]
    : [{ from: null, to: null, unitId: '', supervisorId: null, roles: ['official'], hrUnitIds: [] }];
  const inYear = all
    .map((p) => ({ p, days: clip(p, yearRange) }))
    .filter((x): x is { p: PersonPeriod; days: DateRange } => x.days !== null)
    .sort((a, b) => a.days.from.localeCompare(b.days.from));
  if (inYear.length === 0) return null;
  const official = inYear.filter((x) => x.p.roles.includes('official'));
  const name = input.name;
  const base = (from: IsoDate, to: IsoDate, unitId: string | null) => ({
    memberFrom: from,
    memberTo: to,
    unitId,
    quarters: [] as (1 | 2 | 3 | 4)[],
    moves: [] as UnitMove[],
    notes: [] as string[],
  });

  if (official.length === 0) {
    const last = inYear.at(-1)!;
    return {
      ...base(inYear[0]!.days.from, last.days.to, last.p.unitId || null),
      participation: {
        kind: 'notParticipating',
        reason: `${name}${year}年未担任“公务员”角色(不是平时考核对象),不参加年度考核`,
      },
    };
  }

  const memberFrom = official[0]!.days.from;
  const memberTo = official
    .map((x) => x.days.to)
    .sort()
    .at(-1)!;
  const unitId = official.at(-1)!.p.unitId || null;
  const quarters = ([1, 2, 3, 4] as const).filter((q) => {
    const r = rangeOfPeriodKey(`${year}-Q${q}`)!;
    return official.some((x) => x.days.from <= r.to && x.days.to >= r.from);
  });
  const moves: UnitMove[] = [];
  for (let i = 1; i < official.length; i += 1) {
    const before = official[i - 1]!.p.unitId;
    const after = official[i]!.p.unitId;
    if (before && after && before !== after)
      moves.push({ on: official[i]!.days.from, fromUnitId: before, toUnitId: after });
  }
  const membership = { ...base(memberFrom, memberTo, unitId), quarters, moves };
  const notes: string[] = [];
  if (memberFrom > yearRange.from) notes.push(`${chineseDay(memberFrom)}起在本机关任公务员`);
  const result = (participation: AnnualParticipation): YearMembership => ({
    ...membership,
    notes,
    participation,
  });

  if (input.marking && input.marking.reason.trim() !== '') {
    return result({
      kind: input.marking.kind,
      reason: `${name}:${input.marking.reason.trim()}(人事部门标记)`,
    });
  }
  if (memberTo < yearRange.to) {
    const stillHere = inYear.some((x) => x.days.to === yearRange.to);
    return result({
      kind: 'notParticipating',
      reason: stillHere
        ? `${name}自${chineseDay(dayAfter(memberTo))}起不再担任“公务员”角色,不参加${year}年度考核`
        : `${name}已于${chineseDay(dayAfter(memberTo))}离职(调出),不参加本机关${year}年度考核`,
    });
  }
  const min = rules.minMonthsToTakePart;
  if (min !== null && shorterThan({ from: memberFrom, to: memberTo }, min)) {
    return result({
      kind: 'notParticipating',
      reason: `${name}${chineseDay(memberFrom)}起在本机关任公务员,${year}年不足${min}个月,按本单位考核办法不参加年度考核`,
    });
  }
  if (rules.probationUngraded && input.probationEnd && input.probationEnd >= yearRange.to) {
    return result({
      kind: 'ungraded',
      reason: `${name}为新录用公务员,试用期至${chineseDay(input.probationEnd)},在试用期内参加年度考核,只写评语,不确定等次`,
    });
  }
  if (memberFrom > yearRange.from && shorterThan({ from: memberFrom, to: memberTo }, 6)) {
    notes.push('在本机关不满半年;如系调入,确定等次时应征求其原单位意见');
  }
  return result({ kind: 'graded' });
}
