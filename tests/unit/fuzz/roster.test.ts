/**
 * Fuzz: the signed roster (人员名册) — the roster entry of a bundle, and a roster file as the bundle
 * command line reads it (`verify --roster roster.json`), both through `parseSignedRoster`. Starting
 * from HR's real version 2: damaged bytes (the signature then never verifies), and rosters that are
 * validly signed with HR's organisation key but wrong in meaning (supervisor loops, unit loops,
 * duplicate ids, a key on two people, …). Every case: a clear DutyBookError or a clean result; an
 * import that is refused changes nothing; an accepted one leaves the supervisor's screens working.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { configInForce, getPinnedHr, listTeam, listUnits, type DutyBookDb } from '../../../shared/store';
import { canonicalJsonBytes, type JsonValue } from '../../../shared/bundle/canonical-json';
import {
  generateOrgKey,
  parseSignedRoster,
  RosterError,
  subjectsInScope,
  verifyRoster,
  createBundle,
  type Roster,
} from '../../../shared/sync';
import {
  equalBytes,
  MemoryProbe,
  MiB,
  mutatedBytes,
  mutatedJson,
  randomBytesAfter,
  read,
  wellTypedJson,
} from './fuzz';
import { Receiver } from './import-path';
import { rosterBundle, rosterOf, rosterOrg, signedRosterBytes, type RosterOrg } from './roster-org';

const memory = new MemoryProbe();
let o: RosterOrg;
let atS1: Receiver;
let rosterBytes: Uint8Array;
let cases = 0;

const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 10_000 });

beforeAll(async () => {
  o = await rosterOrg();
  atS1 = await Receiver.of(o.S1, o.s, memory);
  rosterBytes = canonicalJsonBytes(o.signed);
}, 60_000);

afterAll(() => {
  expect(memory.peak).toBeLessThan(96 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(`roster fuzz: ${cases} cases, peak ${(memory.peak / MiB).toFixed(1)} MiB`, atS1.outcomes);
});

/** What the supervisor's device does with a roster once it holds it: none may fail with a raw error. */
async function screensWork(db: DutyBookDb, how: string): Promise<void> {
  const roster = (await db.rosters.orderBy('version').last())!.signed.roster;
  await read(`configInForce after ${how}`, () => configInForce(db));
  await read(`listUnits after ${how}`, () => listUnits(db));
  await read(`listTeam after ${how}`, () => listTeam(db));
  await read(`subjectsInScope after ${how}`, () => subjectsInScope(roster, 'S1'));
  await read(`export to HR after ${how}`, () =>
    createBundle(db, { suite: o.s, keys: o.S1.keys, peer: { personId: 'H' }, deferRecord: true }),
  );
}

describe('roster bytes damaged: never read as a trusted roster', () => {
  test('the real roster with flips, cuts and splices: a RosterError, or a roster whose signature fails', async () => {
    const pinned = (await getPinnedHr(o.S1.db))!;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 4, arbitrary: mutatedBytes(rosterBytes) },
          randomBytesAfter(rosterBytes.subarray(0, 12), 512),
        ),
        async (m) => {
          cases++;
          fc.pre(!equalBytes(m.bytes, rosterBytes));
          const r = await read(`parseSignedRoster (${m.how})`, () => parseSignedRoster(m.bytes));
          if (!r.ok) expect(r.error, m.how).toBeInstanceOf(RosterError);
          else {
            const verdict = await verifyRoster(o.s, r.value, pinned);
            expect(verdict.ok, m.how).toBe(false);
          }
          memory.sample();
        },
      ),
      opts(0x7e57e1, 250),
    );
  });

  test('a bundle from HR carrying the damaged roster is refused and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedBytes(rosterBytes), async (m) => {
        cases++;
        fc.pre(!equalBytes(m.bytes, rosterBytes));
        const out = await atS1.check(await rosterBundle(o, m.bytes), { mayApply: false });
        expect(out.kind, m.how).toBe('refused');
      }),
      opts(0x7e57e2, 40),
    );
  });

  test('the real roster bundle itself is accepted (the fixture is sound)', async () => {
    expect(
      (await atS1.check(o.bundle, { mayApply: true, onApplied: (db) => screensWork(db, 'real roster') }))
        .kind,
    ).toBe('applied');
  });
});

/** Rosters HR's own screens would never sign, each made on a copy of version 2. */
const SCENARIOS: Record<string, (r: Roster) => void> = {
  'supervisor loop': (r) => {
    person(r, 'S1').supervisorId = 'O1';
    person(r, 'O1').supervisorId = 'S1';
  },
  'own supervisor': (r) => {
    person(r, 'S1').supervisorId = 'S1';
  },
  'supervisor not in the roster': (r) => {
    person(r, 'O1').supervisorId = 'NOBODY';
  },
  'former supervisor loop': (r) => {
    person(r, 'S1').formerSupervisorIds = ['O1', 'S1'];
  },
  'unit parent loop': (r) => {
    r.units[0]!.parentId = r.units[1]!.id;
    r.units[1]!.parentId = r.units[0]!.id;
  },
  'unit its own parent': (r) => {
    r.units[0]!.parentId = r.units[0]!.id;
  },
  'unit paths naming each other': (r) => {
    r.units[0]!.path = `/${r.units[1]!.id}/${r.units[0]!.id}/`;
    r.units[1]!.path = `/${r.units[0]!.id}/${r.units[1]!.id}/`;
  },
  'person in a unit that does not exist': (r) => {
    person(r, 'O1').unitId = 'NOUNIT';
  },
  'duplicate person id': (r) => {
    r.people.push({ ...person(r, 'O1'), name: '冒名' });
  },
  'duplicate unit id': (r) => {
    r.units.push({ ...r.units[0]!, name: '重复单位' });
  },
  'one key on two people': (r) => {
    person(r, 'O2').keys.push(...person(r, 'O1').keys);
  },
  'the supervisor removed': (r) => {
    r.people = r.people.filter((p) => p.id !== 'S1');
  },
  'nobody at all': (r) => {
    r.people = [];
    r.units = [];
  },
  'HR scope names units that do not exist': (r) => {
    person(r, 'H').hrUnitIds = ['NOUNIT', 'H'];
  },
  'retired key with an enormous cut-off': (r) => {
    person(r, 'O1').keys[0]!.retired = {
      at: '2026-01-01T00:00:00.000Z',
      through: { x: Number.MAX_SAFE_INTEGER },
    };
  },
  'rotation loop in the key history': (r) => {
    const rot = {
      format: 'dutybook-hr-rotation' as const,
      v: 1 as const,
      orgId: r.orgId,
      issuedAt: '',
      oldSignature: 'a'.repeat(128),
      newSignature: 'b'.repeat(128),
    };
    r.keyHistory = [
      { ...rot, oldKey: r.hrKey, newKey: 'c'.repeat(64) },
      { ...rot, oldKey: 'c'.repeat(64), newKey: r.hrKey },
    ];
  },
  'highest possible version': (r) => {
    r.version = Number.MAX_SAFE_INTEGER;
  },
  'same version as held': (r) => {
    r.version = 1;
  },
  'another organisation': (r) => {
    r.orgId = 'ORG2';
  },
  'config not JSON': (r) => {
    r.config = '{"schemaVersion":1,';
  },
  'config JSON but not a 考核办法': (r) => {
    r.config = '[1,2,3]';
  },
  'config nested 5000 deep': (r) => {
    r.config = `${'['.repeat(5000)}${']'.repeat(5000)}`;
  },
};

function person(r: Roster, id: string) {
  const p = r.people.find((x) => x.id === id);
  if (!p) throw new Error(`no ${id}`);
  return p;
}

describe('rosters validly signed by HR but wrong in meaning', () => {
  test('each hand-made scenario: refused with reasons and nothing applied, or accepted with every screen working', async () => {
    const seen: Record<string, string> = {};
    for (const [name, change] of Object.entries(SCENARIOS)) {
      cases++;
      const r = rosterOf(o);
      change(r);
      const out = await atS1.check(await rosterBundle(o, await signedRosterBytes(o, r)), {
        mayApply: true,
        onApplied: (db) => screensWork(db, name),
      });
      seen[name] = out.kind;
    }
    if (process.env.FUZZ_REPORT) console.log('roster scenarios:', seen);
    // Trust and scope are decided from the roster itself: these never get in.
    expect(seen['another organisation']).toBe('refused');
    expect(seen['the supervisor removed']).toBe('refused');
    expect(seen['same version as held']).not.toBe('refused');
  });

  test('a roster signed by an unknown key, or naming one, is refused', async () => {
    const other = await generateOrgKey(o.s);
    const r = rosterOf(o);
    expect(
      (
        await atS1.check(await rosterBundle(o, await signedRosterBytes(o, r, other.seed)), {
          mayApply: false,
        })
      ).kind,
    ).toBe('refused');
    r.hrKey = Buffer.from(other.pub).toString('hex');
    expect(
      (
        await atS1.check(await rosterBundle(o, await signedRosterBytes(o, r, other.seed)), {
          mayApply: false,
        })
      ).kind,
    ).toBe('refused');
  });

  test('random structural and well-typed mutations of the roster (with or without a scenario), signed again with HR’s key', async () => {
    const base = rosterOf(o) as unknown as JsonValue;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutatedJson(base), wellTypedJson(base)),
        fc.constantFrom(...Object.keys(SCENARIOS)),
        fc.boolean(),
        async (m, scenario, both) => {
          cases++;
          const r = m.value as unknown as Roster;
          if (both) {
            try {
              SCENARIOS[scenario]!(r);
            } catch {
              // the mutation removed what the scenario changes
            }
          }
          const how = both ? `${m.how}; ${scenario}` : m.how;
          await atS1.check(await rosterBundle(o, await signedRosterBytes(o, r)), {
            mayApply: true,
            onApplied: (db) => screensWork(db, how),
          });
        },
      ),
      opts(0x7e57e3, 80),
    );
  });
});
