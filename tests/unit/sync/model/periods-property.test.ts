/**
 * Property: for random histories of transfers, leaves, returns and supervisor changes entered by HR
 * through the real people table, a record is allowed by the issued roster if and only if the
 * history allows its signer for its period — computed here independently, day by day, from the
 * events themselves (not from the periods the code derives). The same for a v1 roster's undated
 * reading: nothing a v1 roster allowed is refused by reading it under this version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datesBetween, rangeOfPeriodKey } from '../../../../shared/domain';
import { toHex } from '../../../../shared/bundle/bytes';
import { detectSuite } from '../../../../shared/bundle/crypto';
import {
  authorProblem,
  draftNextRoster,
  generateOrgKey,
  signRoster,
  type FactHead,
  type Roster,
} from '../../../../shared/sync';
import {
  changeSupervisor,
  markPersonLeft,
  markPersonReturned,
  movePerson,
  putPerson,
  putUnit,
  saveRoster,
} from '../../../../shared/store';
import { freshName, openTestDb } from '../../store/helpers';

const SUPERVISORS = ['A', 'B', 'C'] as const;
const OFFICIALS = ['X', 'Y'] as const;
const UNITS = ['u1', 'u2'] as const;

type Event =
  | { kind: 'supervisor'; who: string; to: string }
  | { kind: 'leave'; who: string }
  | { kind: 'return'; who: string }
  | { kind: 'move'; who: string; unit: string };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({
    kind: fc.constant('supervisor' as const),
    who: fc.constantFrom(...OFFICIALS),
    to: fc.constantFrom(...SUPERVISORS),
  }),
  fc.record({ kind: fc.constant('leave' as const), who: fc.constantFrom(...OFFICIALS) }),
  fc.record({ kind: fc.constant('return' as const), who: fc.constantFrom(...OFFICIALS) }),
  fc.record({
    kind: fc.constant('move' as const),
    who: fc.constantFrom(...OFFICIALS),
    unit: fc.constantFrom(...UNITS),
  }),
);

/** Events on distinct days of 2026, in order. */
const historyArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 364 }), { minLength: 0, maxLength: 8 })
  .chain((days) =>
    fc.tuple(
      fc.constant([...days].sort((a, b) => a - b)),
      fc.array(eventArb, { minLength: days.length, maxLength: days.length }),
    ),
  )
  .map(([days, events]) => events.map((e, i) => ({ ...e, on: isoDay(days[i]!) })));

function isoDay(n: number): string {
  return new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

type State = { member: boolean; supervisor: string };

/** The oracle: each official's state on each day of 2026, replayed from the events. */
function replay(history: (Event & { on: string })[]): Map<string, Map<string, State>> {
  const state = new Map<string, State>([
    ['X', { member: true, supervisor: 'A' }],
    ['Y', { member: true, supervisor: 'B' }],
  ]);
  const out = new Map<string, Map<string, State>>(OFFICIALS.map((o) => [o, new Map()]));
  const days = datesBetween('2026-01-01', '2026-12-31');
  let next = 0;
  for (const day of days) {
    while (next < history.length && history[next]!.on === day) {
      const e = history[next]!;
      const s = state.get(e.who)!;
      if (e.kind === 'leave' && s.member) s.member = false;
      else if (e.kind === 'return' && !s.member) s.member = true;
      else if (e.kind === 'supervisor' && s.member) s.supervisor = e.to;
      next += 1;
    }
    for (const o of OFFICIALS) out.get(o)!.set(day, { ...state.get(o)! });
  }
  return out;
}

/** HR enters the history through the store (what the screens call), then drafts the roster. */
async function hrRoster(history: (Event & { on: string })[]): Promise<Roster> {
  const s = await detectSuite();
  const org = await generateOrgKey(s);
  const db = await openTestDb(freshName('periods'));
  for (const u of UNITS) await putUnit(db, { id: u, name: u === 'u1' ? '办公室' : '法规科', parentId: null });
  for (const s of SUPERVISORS) {
    await putPerson(db, {
      id: s,
      name: `主管${s}`,
      unitId: 'u1',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official', 'supervisor'],
      supervisorId: null,
    });
  }
  await putPerson(db, {
    id: 'X',
    name: '张三',
    unitId: 'u1',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    supervisorId: 'A',
  });
  await putPerson(db, {
    id: 'Y',
    name: '李四',
    unitId: 'u1',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    supervisorId: 'B',
  });
  // The first roster, with one key per person (as enrollment binds them), signed and kept by HR.
  const first = await draftNextRoster(db, {
    orgId: 'ORG1',
    hrKey: toHex(org.pub),
    now: new Date('2026-01-01T08:00:00Z'),
  });
  const keyed: Roster = {
    ...first,
    people: first.people.map((p, i) => ({
      ...p,
      keys: [
        {
          signingPub: String(i + 1).padStart(64, '0'),
          encryptionPub: String(i + 1).padStart(64, 'e'),
          deviceId: `d${p.id}`,
          since: '',
        },
      ],
    })),
  };
  await saveRoster(db, await signRoster(s, org.seed, keyed));
  for (const e of history) {
    const p = (await db.people.get(e.who))!;
    if (e.kind === 'leave' && p.active) await markPersonLeft(db, e.who, e.on);
    else if (e.kind === 'return' && !p.active) await markPersonReturned(db, e.who, e.on);
    else if (e.kind === 'supervisor' && p.active) await changeSupervisor(db, e.who, e.to, e.on);
    else if (e.kind === 'move' && p.active) await movePerson(db, e.who, e.unit, e.on);
  }
  const roster = await draftNextRoster(db, {
    orgId: 'ORG1',
    hrKey: toHex(org.pub),
    now: new Date('2026-12-31T08:00:00Z'),
  });
  db.close();
  return roster;
}

function head(roster: Roster, type: string, author: string, subject: string, recordKey: string): FactHead {
  const key = roster.people.find((p) => p.id === author)!.keys[0]!.signingPub;
  return { type, author, authorKey: key, subject, device: `d${author}`, counter: 1, recordKey };
}

const QUARTERS = [1, 2, 3, 4].map((q) => `2026-Q${q}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('the roster over time (property)', () => {
  it('a record is allowed iff the history allows its signer for its period', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const roster = await hrRoster(history);
        const days = replay(history);
        for (const o of OFFICIALS) {
          const byDay = days.get(o)!;
          const leftAtIssue = !byDay.get('2026-12-31')!.member;
          for (const q of QUARTERS) {
            const range = rangeOfPeriodKey(q)!;
            const inQuarter = datesBetween(range.from, range.to).map((d) => byDay.get(d)!);
            for (const s of SUPERVISORS) {
              const expected = inQuarter.some((st) => st.member && st.supervisor === s);
              const problem = authorProblem(roster, head(roster, 'evaluation', s, o, `evaluation/${o}/${q}`));
              expect({ o, s, q, allowed: problem === null }).toEqual({ o, s, q, allowed: expected });
            }
          }
          for (const m of MONTHS) {
            const range = rangeOfPeriodKey(m)!;
            const member = datesBetween(range.from, range.to).some((d) => byDay.get(d)!.member);
            // A person who has left has their keys retired at HR's last record from them (none here).
            const expected = member && !leftAtIssue;
            const problem = authorProblem(roster, head(roster, 'record.version', o, o, `record/${o}/${m}`));
            expect({ o, m, allowed: problem === null, problem }).toEqual({
              o,
              m,
              allowed: expected,
              problem: expected ? null : expect.any(String),
            });
          }
        }
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
