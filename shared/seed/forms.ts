/**
 * What the example organisation's people write, one piece at a time: a year's plan items, a month's
 * work, attendance and errors, a summary's text, what a supervisor fills in for an evaluation, and
 * the grade each official is to get each quarter. `history.ts` puts the pieces together into signed
 * records in the order people write them. Every function draws from the random stream it is given,
 * in a fixed order: the same stream gives the same words.
 */
import {
  computeResult,
  dayStatus,
  leafIndicators,
  normaliseWorkItem,
  templateFor,
  workingDays,
  type AssessmentConfig,
  type Attendance,
  type ErrorEntry,
  type HolidayIndex,
  type PlanItem,
  type QuarterGrade,
  type WorkItem,
} from '../domain';
import * as words from './content';
import { fill } from './content';
import type { HistoryOptions } from './history-drafts';
import type { Organisation, SeedPerson } from './organisation';
import { Random } from './random';

/** A Beijing wall-clock time as milliseconds since the epoch. */
export const beijing = (y: number, m: number, d: number, h = 9, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);

const GRADE_BANDS: Readonly<Record<QuarterGrade, readonly [number, number]>> = {
  good: [91, 97],
  fairlyGood: [82, 88],
  average: [66, 77],
  poor: [50, 58],
};

/** The grades `generateHistory` aims at, for tests that check the spread. */
export const GRADE_SCORE_BANDS = GRADE_BANDS;

// ---- Grades ----

/**
 * The grade each official is to get each quarter: mostly 较好 and 好, a few 一般, rare 较差, with
 * a personal tendency (a strong official is 好 more often). Where the configuration caps 好 per unit
 * and quarter (goodCapPercent), the excess is 较好.
 */
export function targetGrades(org: Organisation, options: HistoryOptions): Map<string, QuarterGrade> {
  const out = new Map<string, QuarterGrade>();
  const cap = options.config.goodCapPercent;
  const assessed = org.people.filter((p) => p.supervisorId !== null);
  const aptitude = new Map(
    assessed.map((p) => [
      p.id,
      new Random(`${options.seed}/aptitude/${p.id}`).weighted<number>([
        [0.5, 2],
        [1, 6],
        [2, 2],
      ]),
    ]),
  );
  for (const year of options.years) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const byUnit = new Map<string, SeedPerson[]>();
      for (const p of assessed) {
        const a = aptitude.get(p.id)!;
        const rng = new Random(`${options.seed}/grade/${p.id}/${year}/${quarter}`);
        const grade = rng.weighted<QuarterGrade>([
          ['good', 28 * a],
          ['fairlyGood', 58],
          ['average', 10 / a],
          ['poor', 1.5 / a],
        ]);
        out.set(`${p.id}/${year}/${quarter}`, grade);
        if (grade === 'good') byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
      }
      if (cap === null) continue;
      for (const [unitId, good] of byUnit) {
        const inUnit = assessed.filter((p) => p.unitId === unitId).length;
        const allowed = Math.floor((inUnit * cap) / 100);
        for (const p of good.slice(allowed)) out.set(`${p.id}/${year}/${quarter}`, 'fairlyGood');
      }
    }
  }
  return out;
}

type EvaluationForm = {
  method: 'grade' | 'score';
  grade?: QuarterGrade;
  leafScores?: Record<string, number>;
  bonuses: { factorId: string; points: number; reason: string }[];
  peerOpinion: { consulted: number; scope: string; gist: string };
  publicFeedback: { source: string; gist: string } | null;
  opinion: string;
};

/**
 * What the supervisor fills in for `grade`: for 定量, leaf scores around the grade's band (noise,
 * then if the weighted score misses the band, every leaf at the band's middle, whose weighted score
 * is that middle exactly) and, now and then, a bonus factor that does not change the grade.
 */
export function evaluationForm(
  rng: Random,
  config: AssessmentConfig,
  person: SeedPerson,
  method: 'grade' | 'score',
  grade: QuarterGrade,
): EvaluationForm {
  const common = {
    peerOpinion: {
      consulted: rng.int(3, 12),
      scope: rng.pick(words.PEER_SCOPES),
      gist: rng.pick(words.PEER_GISTS[grade]!),
    },
    publicFeedback: rng.chance(0.35)
      ? (([source, gist]) => ({ source, gist }))(rng.pick(words.PUBLIC_FEEDBACK))
      : null,
    opinion: rng.pick(words.EVALUATION_OPINIONS[grade]!),
    bonuses: [] as EvaluationForm['bonuses'],
  };
  if (method === 'grade') return { ...common, method, grade };
  const template = templateFor(config.indicatorTemplates, person.positionCategory, person.rankLevel);
  if (!template) return { ...common, method: 'grade', grade };
  const leaves = leafIndicators(template.indicators).map((l) => l.node.id);
  const [lo, hi] = GRADE_BANDS[grade];
  const probe = {
    ...common,
    method,
    subject: 'x',
    evaluator: 'y',
    id: 'z',
    year: 2000,
    quarter: 1 as const,
    version: 1,
    evidence: { recordVersions: [] },
  };
  const resultOf = (leafScores: Record<string, number>, bonuses: EvaluationForm['bonuses']) =>
    computeResult({ ...probe, leafScores, bonuses }, config, template);
  let leafScores: Record<string, number> | undefined;
  for (let i = 0; i < 6 && !leafScores; i++) {
    const base = rng.int(lo, hi);
    const tryScores = Object.fromEntries(
      leaves.map((id) => [id, Math.max(0, Math.min(100, base + rng.int(-4, 4)))]),
    );
    if (resultOf(tryScores, []).grade === grade) leafScores = tryScores;
  }
  leafScores ??= Object.fromEntries(leaves.map((id) => [id, Math.round((lo + hi) / 2)]));
  let bonuses: EvaluationForm['bonuses'] = [];
  if (config.bonusFactors.length > 0 && rng.chance(0.06)) {
    const f = rng.pick(config.bonusFactors);
    const points = f.fixedPoints ?? Math.min(f.maxPoints ?? 1, rng.int(1, 2));
    const reason = rng.pick(words.BONUS_REASONS[f.id] ?? ['表现突出']);
    const withBonus = [{ factorId: f.id, points, reason }];
    if (resultOf(leafScores, withBonus).grade === grade) bonuses = withBonus;
  }
  return { ...common, method, leafScores, bonuses };
}

// ---- Plans, work, attendance ----

export function planItems(rng: Random, year: number, field: string): PlanItem[] {
  const n = rng.int(3, 6);
  const tasks = rng.sample(words.TASKS, n).map((t) => fill(t, { f: field }));
  tasks.push(rng.pick(words.COMMON_TASKS));
  const deadlines = ['03-31', '06-30', '09-30', '12-31', '12-31', '12-31'];
  const items: PlanItem[] = tasks.map((task) => ({
    id: rng.ulid(beijing(year, 1, 2)),
    task,
    target: rng.pick(words.TARGETS),
    deadline: `${year}-${rng.pick(deadlines)}`,
    duty: fill(rng.pick(words.DUTIES), { f: field }),
  }));
  if (rng.chance(0.4)) {
    // 权重: all items or none, summing to 100.
    const raw = items.map(() => rng.int(1, 4));
    const total = raw.reduce((s, x) => s + x, 0);
    const weights = raw.map((x) => Math.floor((x * 100) / total));
    weights[0]! += 100 - weights.reduce((s, x) => s + x, 0);
    items.forEach((item, i) => (item.weight = weights[i]!));
  }
  return items;
}

const deadlineMonth = (item: PlanItem) => Number(item.deadline.slice(5, 7));

export function monthWork(
  rng: Random,
  year: number,
  month: number,
  items: readonly PlanItem[],
  progress: Map<string, number>,
  lagging: ReadonlySet<string>,
  field: string,
): WorkItem[] {
  const open = items.filter((i) => (progress.get(i.id) ?? 0) < 100);
  const chosen = rng.sample(open, rng.int(2, 4));
  const work: WorkItem[] = chosen.map((item) => {
    const due = deadlineMonth(item);
    const before = progress.get(item.id) ?? 0;
    const pace = lagging.has(item.id) ? 0.7 : 1;
    const planned = Math.round((100 * month * pace) / due) + rng.int(-8, 8);
    const percent = Math.max(before, Math.min(100, Math.max(5, planned)));
    progress.set(item.id, percent);
    const status = percent >= 100 ? 'completed' : month > due ? 'delayed' : 'inProgress';
    return normaliseWorkItem({
      id: rng.ulid(beijing(year, month, 20)),
      content: item.task,
      progress: fill(rng.pick(words.PROGRESS), { f: field, n: rng.int(3, 30), k: rng.int(1, 6) }),
      status,
      percent: status === 'completed' ? 100 : Math.min(percent, 95),
      planItemId: item.id,
    });
  });
  if (work.length === 0 || rng.chance(0.3)) {
    work.push({
      id: rng.ulid(beijing(year, month, 20)),
      content: rng.pick(words.AD_HOC_WORK),
      progress: '已按要求完成',
      status: 'completed',
      percent: 100,
    });
  }
  return work;
}

export function monthAttendance(
  rng: Random,
  year: number,
  month: number,
  holidays: HolidayIndex,
): Attendance {
  const due = workingDays(year, month, holidays).days;
  let left = due;
  const take = (max: number) => {
    const d = Math.min(left, max);
    left -= d;
    return d;
  };
  const personalLeave = rng.chance(0.08) ? take(rng.int(1, 4) / 2) : 0;
  const sickLeave = rng.chance(0.05) ? take(rng.int(1, 6) / 2) : 0;
  const annualLeave = rng.chance(month === 2 || month === 7 || month === 8 || month === 10 ? 0.2 : 0.05)
    ? take(rng.int(1, 5))
    : 0;
  const absent = rng.chance(0.002) ? take(0.5) : 0;
  const present = left;
  const businessTrip = rng.chance(0.12) ? Math.min(present, rng.int(1, 4)) : 0;
  return { due, present, personalLeave, sickLeave, annualLeave, businessTrip, absent };
}

export function errorEntry(rng: Random, year: number, month: number, holidays: HolidayIndex): ErrorEntry {
  const days = Array.from({ length: 28 }, (_, i) => i + 1).filter(
    (d) =>
      dayStatus(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, holidays).working,
  );
  const day = rng.pick(days.length > 0 ? days : [15]);
  const [matter, cause, correction] = rng.pick(words.ERROR_MATTERS);
  return {
    id: rng.ulid(beijing(year, month, day)),
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    matter,
    cause,
    correction,
    severity: rng.weighted([
      ['minor', 8],
      ['general', 2],
    ] as const),
  };
}

export function summaryText(rng: Random, completed: readonly string[]): string {
  const done =
    completed.length > 0
      ? `主要完成了以下工作:${[...new Set(completed)]
          .slice(0, 4)
          .map((c, i) => `${i + 1}.${c}`)
          .join(';')}。`
      : '各项工作按计划有序推进。';
  return [
    rng.pick(words.SUMMARY_OPENINGS),
    done,
    rng.pick(words.SUMMARY_SHORTCOMINGS),
    rng.pick(words.SUMMARY_PLANS),
  ].join('\n');
}

/** The grades `generateHistory` aims at, for tests that check the spread. */
