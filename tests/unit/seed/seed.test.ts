/**
 * The example data (shared/seed): a small organisation seeded into a fake-indexeddb HR database
 * through the real bundle import. Every record must verify as exchanged data does, and the content
 * must be deterministic, plausible and consistent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attendanceIssues,
  goodCapWarnings,
  presetConfig,
  workingDays,
  type QuarterGrade,
} from '../../../shared/domain';
import {
  CHINESE_NAME_RE,
  generateHistory,
  generateOrganisation,
  loadExampleData,
  Random,
  seedDatabase,
  type SeedResult,
} from '../../../shared/seed';
import {
  createProfile,
  currentEvaluations,
  getCurrentRoster,
  getPinnedHr,
  getProfile,
  getSelfIdentity,
  type DutyBookDb,
} from '../../../shared/store';
import { toHex } from '../../../shared/bundle/bytes';
import { detectSuite } from '../../../shared/bundle/crypto';
import {
  authorProblem,
  factId,
  factOf,
  factOfRow,
  loadDeviceKeys,
  loadOrgKey,
  verifyAttestation,
  verifyRoster,
} from '../../../shared/sync';
import { importBatch } from '../../../shared/sync/intake';
import { openTestDb } from '../store/helpers';

const TODAY = new Date('2026-11-20T04:00:00Z');
const SMALL = { seed: 'unit-test', units: 3, people: 30, years: 1, today: TODAY } as const;

/** The working tables, rows sorted by id, for comparing two seeded databases. */
async function content(db: DutyBookDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of [
    'plans',
    'planVersions',
    'monthlyRecords',
    'recordVersions',
    'summaries',
    'evaluations',
    'feedback',
    'registers',
    'people',
    'orgUnits',
  ]) {
    const rows = (await db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

describe('seedDatabase: a small organisation through the signed-record path', () => {
  let db: DutyBookDb;
  let result: SeedResult;

  beforeAll(async () => {
    db = await openTestDb();
    result = await seedDatabase(db, SMALL);
  }, 60_000);

  it('makes this device the HR person, with the signed roster and the pinned organisation key', async () => {
    const me = await getSelfIdentity(db);
    expect(me?.personId).toBe(result.hr.personId);
    expect(me?.signingPub).toBe(toHex(result.hr.keys.signing.pub));
    const pinned = await getPinnedHr(db);
    expect(pinned?.key).toBe(toHex(result.orgKey.pub));
    const signed = (await getCurrentRoster(db))!;
    expect(
      (await verifyRoster(await detectSuite(), signed, { key: pinned!.key, previous: [] }, false)).ok,
    ).toBe(true);
    expect(signed.roster.people).toHaveLength(30);
    expect(signed.roster.people.every((p) => p.keys.length === 1)).toBe(true);
    const hr = signed.roster.people.filter((p) => p.roles.includes('hr'));
    expect(hr.map((p) => p.id)).toEqual([result.hr.personId]);
    const profile = await getProfile(db);
    expect(profile?.personId).toBe(result.hr.personId);
    expect(profile?.roles).toContain('hr');
  });

  it('every fact is one a real exchange would accept: id, author, writer rule and attestation', async () => {
    const suite = await detectSuite();
    const roster = (await getCurrentRoster(db))!.roster;
    const facts = (await db.facts.toArray()).map(factOfRow);
    expect(facts.length).toBe(result.counts.facts);
    expect(facts.length).toBeGreaterThan(600);
    const attestations = await db.attestations.toArray();
    const verified = await Promise.all(
      attestations.map((a) => verifyAttestation(suite, factOf(a as never) as never)),
    );
    expect(verified.every(Boolean)).toBe(true);
    const covered = new Map<string, Set<string>>();
    for (const a of attestations)
      for (const id of a.factIds) covered.set(id, new Set([...(covered.get(id) ?? []), a.authorKey]));
    for (const f of facts) {
      expect(factId(factOf(f))).toBe(f.id);
      expect(authorProblem(roster, f)).toBeNull();
      expect(covered.get(f.id)?.has(f.authorKey)).toBe(true);
    }
    // Per install, counters run 1..n without gaps.
    const byDevice = new Map<string, number[]>();
    for (const f of facts) byDevice.set(f.device, [...(byDevice.get(f.device) ?? []), f.counter]);
    for (const counters of byDevice.values()) {
      expect(counters.sort((a, b) => a - b)).toEqual(counters.map((_, i) => i + 1));
    }
    // Decisions were written by the subject's supervisor, records by the subject.
    const supervisorOf = new Map(roster.people.map((p) => [p.id, p.supervisorId]));
    for (const f of facts) {
      if (['plan.version', 'record.version', 'summary.version', 'feedback.ack', 'register'].includes(f.type))
        expect(f.author).toBe(f.subject);
      else expect(f.author).toBe(supervisorOf.get(f.subject));
    }
  });

  it('materialises plans, record books, summaries, evaluations, feedback and registers', async () => {
    const roster = (await getCurrentRoster(db))!.roster;
    const plans = await db.plans.toArray();
    expect(plans).toHaveLength(30);
    const top = roster.people.filter((p) => p.supervisorId === null).map((p) => p.id);
    for (const p of plans) expect(p.state).toBe(top.includes(p.personId) ? 'submitted' : 'approved');
    // January to October are in by 20 November; November's is not due yet.
    const records = await db.monthlyRecords.toArray();
    expect(records).toHaveLength(30 * 10);
    expect(records.every((r) => r.state === 'submitted' && r.workItems.length > 0)).toBe(true);
    expect(new Set(records.map((r) => r.month))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const planItems = new Map(plans.map((p) => [p.personId, new Set(p.items.map((i) => i.id))]));
    const linked = records.flatMap((r) =>
      r.workItems.filter((w) => w.planItemId).map((w) => [r.personId, w.planItemId!] as const),
    );
    expect(linked.length).toBeGreaterThan(records.length);
    for (const [person, item] of linked) expect(planItems.get(person)?.has(item)).toBe(true);
    expect(await db.summaries.count()).toBe(30 * 3);
    const assessed = roster.people.filter((p) => p.supervisorId !== null);
    const current = currentEvaluations(await db.evaluations.toArray());
    expect(current).toHaveLength(assessed.length * 3);
    const feedback = await db.feedback.toArray();
    expect(feedback.length).toBeGreaterThan(assessed.length * 2);
    expect(feedback.filter((f) => f.ack).length).toBeGreaterThan(feedback.length * 0.7);
    const registers = await db.registers.toArray();
    const supervisors = roster.people.filter((p) => roster.people.some((q) => q.supervisorId === p.id));
    expect(registers).toHaveLength(supervisors.length * 3);
    for (const r of registers) {
      expect(r.entries.map((e) => e.personId).sort()).toEqual(
        roster.people
          .filter((p) => p.supervisorId === r.supervisorId)
          .map((p) => p.id)
          .sort(),
      );
    }
  });

  it('attendance adds up and 应出勤 is the month’s working days', async () => {
    for (const r of await db.monthlyRecords.toArray()) {
      expect(attendanceIssues(r.attendance)).toEqual([]);
      expect(r.attendance.due).toBe(workingDays(r.year, r.month).days);
    }
    const leave = (await db.monthlyRecords.toArray()).filter((r) => r.attendance.present < r.attendance.due);
    expect(leave.length).toBeGreaterThan(0);
  });

  it('names look Chinese and are unique within each unit', async () => {
    const people = (await getCurrentRoster(db))!.roster.people;
    for (const p of people) expect(p.name).toMatch(CHINESE_NAME_RE);
    const seen = new Set<string>();
    for (const p of people) {
      const key = `${p.unitId}/${p.name}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('the same seed gives the same content; another seed another organisation', async () => {
    const again = await openTestDb();
    const second = await seedDatabase(again, SMALL);
    expect(await content(again)).toEqual(await content(db));
    expect(second.hr.personId).toBe(result.hr.personId);
    expect(toHex(second.orgKey.pub)).toBe(toHex(result.orgKey.pub));
    // Facts not about HR (whose install id is the database's own, named by decisions about its
    // versions) are byte for byte the same.
    const ids = async (d: DutyBookDb) =>
      (await d.facts.toArray())
        .filter((f) => f.subject !== result.hr.personId)
        .map((f) => f.id)
        .sort();
    expect(await ids(again)).toEqual(await ids(db));

    const other = await openTestDb();
    const third = await seedDatabase(other, { ...SMALL, seed: 'another' });
    expect(toHex(third.orgKey.pub)).not.toBe(toHex(result.orgKey.pub));
    const names = async (d: DutyBookDb) => (await d.people.toArray()).map((p) => p.name).sort();
    expect(await names(other)).not.toEqual(await names(db));
  }, 60_000);

  it('a team at a time (the default) seeds exactly what the whole history at once seeds', async () => {
    const options = { ...SMALL, years: 2, preset: 'national', keepBundles: true } as const;
    const wholeDb = await openTestDb();
    const whole = await seedDatabase(wholeDb, { ...options, generate: 'whole' });
    const byTeamDb = await openTestDb();
    const byTeam = await seedDatabase(byTeamDb, options);
    // (The bundles' sizes differ by a few bytes: HR's install id, random per database, is compressed in them.)
    const { bundleBytes: _a, ...teamCounts } = byTeam.counts;
    const { bundleBytes: _b, ...wholeCounts } = whole.counts;
    expect(teamCounts).toEqual(wholeCounts);
    expect(byTeam.counts.facts).toBeGreaterThan(1500);
    expect(byTeam.counts.registers).toBeGreaterThan(0);
    // The same bundles: senders, numbering, ids, what each carries.
    const meta = (r: SeedResult) =>
      r.bundles!.map(({ senderId, sequence, bundleId, facts, attestations }) => ({
        senderId,
        sequence,
        bundleId,
        facts,
        attestations,
      }));
    expect(meta(byTeam)).toEqual(meta(whole));
    expect(await content(byTeamDb)).toEqual(await content(wholeDb));
    // Every fact, row for row, but those HR's own install wrote or names (its install id is each
    // database's own).
    const hr = whole.hr.personId;
    const facts = async (d: DutyBookDb) =>
      (await d.facts.toArray())
        .filter((f) => f.author !== hr && f.subject !== hr)
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    const wholeFacts = await facts(wholeDb);
    expect(wholeFacts.length).toBeGreaterThan(1500);
    expect(await facts(byTeamDb)).toEqual(wholeFacts);
  }, 120_000);

  it('maxBundles: the first senders’ bundles only, in roster order, whole or a team at a time', async () => {
    const all = (
      await openTestDb().then((d) => seedDatabase(d, { ...SMALL, deliver: 'authors', importBundles: false }))
    ).bundles!;
    const some = await seedDatabase(await openTestDb(), {
      ...SMALL,
      deliver: 'authors',
      importBundles: false,
      maxBundles: 7,
    });
    expect(some.bundles!.map((b) => b.bundleId)).toEqual(all.slice(0, 7).map((b) => b.bundleId));
    expect(some.counts.bundles).toBe(7);
    const allRelays = (await seedDatabase(await openTestDb(), { ...SMALL, keepBundles: true })).bundles!;
    expect(allRelays.length).toBeGreaterThan(2);
    const relays = await seedDatabase(await openTestDb(), { ...SMALL, maxBundles: 2, keepBundles: true });
    expect(relays.bundles!.map((b) => b.bundleId)).toEqual(allRelays.slice(0, 2).map((b) => b.bundleId));
    expect(relays.counts.bundles).toBe(2);
    expect(relays.counts.facts).toBe(relays.bundles!.reduce((s, b) => s + b.facts, 0));
    expect(relays.counts.facts).toBeLessThan(result.counts.facts);
  }, 60_000);

  it('refuses a database that already holds data', async () => {
    await expect(seedDatabase(db, SMALL)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("each author's own bundles, held back, bring through 接收数据包 exactly what the relays brought", async () => {
    const held = await openTestDb();
    const out = await seedDatabase(held, { ...SMALL, deliver: 'authors', importBundles: false });
    // Nothing imported yet: the organisation, roster and profile only.
    expect(await held.facts.count()).toBe(0);
    expect(await getProfile(held)).toBeDefined();
    const bundles = out.bundles!;
    // One bundle per author, sent by the person who wrote it; HR's own records (it cannot send to
    // itself) come with its supervisor's.
    const authors = new Set((await db.facts.toArray()).map((f) => f.author));
    authors.delete(result.hr.personId);
    expect(new Set(bundles.map((b) => b.senderId))).toEqual(authors);
    expect(bundles.length).toBe(authors.size);
    const report = await importBatch(
      held,
      bundles.map((b) => ({ name: `${b.senderName}.dutybook`, data: b.bytes })),
      { suite: await detectSuite(), keys: out.hr.keys, now: TODAY, yieldToUi: () => Promise.resolve() },
    );
    expect(report.totals).toMatchObject({
      files: bundles.length,
      imported: bundles.length,
      refused: 0,
      skipped: 0,
    });
    expect(report.totals.facts).toBe(await db.facts.count());
    expect(await content(held)).toEqual(await content(db));
  }, 60_000);
});

describe('loadExampleData', () => {
  it('keeps the private keys with the host and makes the existing profile the HR person', async () => {
    const db = await openTestDb();
    const secrets = new Map<string, Uint8Array>();
    const host = {
      storeSecret: ({ name, secret }: { name: string; secret: Uint8Array }) => {
        secrets.set(name, secret);
        return Promise.resolve();
      },
      loadSecret: ({ name }: { name: string }) => Promise.resolve(secrets.get(name) ?? null),
    };
    const profile = await createProfile(db, {
      name: '林晓华',
      unitName: '示例单位',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official'],
      presetId: 'national',
    });
    const result = await loadExampleData({ db, host } as never, {
      seed: 'ui',
      units: 2,
      people: 16,
      years: 1,
      today: TODAY,
    });
    expect(result.hr.personId).toBe(profile.personId);
    expect(result.hr.name).toBe('林晓华');
    expect((await getProfile(db))?.roles).toEqual(['official', 'hr']);
    const suite = await detectSuite();
    const keys = await loadDeviceKeys(host as never, suite);
    expect(toHex(keys!.signing.pub)).toBe((await getSelfIdentity(db))!.signingPub);
    expect(toHex((await loadOrgKey(host as never, suite))!.pub)).toBe((await getPinnedHr(db))!.key);
    // The profile's preset (全国通行做法) is the roster's configuration.
    expect(JSON.parse((await getCurrentRoster(db))!.roster.config)).toMatchObject({ goodCapPercent: 40 });
  }, 60_000);
});

describe('the generator', () => {
  it('a seeded stream repeats exactly', () => {
    const a = new Random('x');
    const b = new Random('x');
    const seqA = Array.from({ length: 20 }, () => a.nextUint32());
    expect(Array.from({ length: 20 }, () => b.nextUint32())).toEqual(seqA);
    expect(new Random('y').nextUint32()).not.toBe(seqA[0]);
    expect(a.ulid(Date.UTC(2026, 0, 1))).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('organisation: 局 → 科室, 科长 supervise their 科室, 局领导 the 科长, one HR person, ranks that fit', () => {
    const org = generateOrganisation({
      seed: 's',
      units: 20,
      people: 1000,
      createdAt: Date.UTC(2025, 11, 20),
    });
    expect(org.units).toHaveLength(21);
    expect(org.people).toHaveLength(1000);
    const root = org.units.find((u) => u.parentId === null)!;
    expect(org.units.filter((u) => u.parentId === root.id)).toHaveLength(20);
    const byId = new Map(org.people.map((p) => [p.id, p]));
    for (const p of org.people) {
      if (p.supervisorId === null) {
        expect(p.title).toBe('局长');
        continue;
      }
      const s = byId.get(p.supervisorId)!;
      expect(s.roles).toContain('supervisor');
      if (p.unitId === root.id || ['科长', '主任', '所长'].includes(p.title ?? ''))
        expect(s.unitId).toBe(root.id);
      else expect(s.unitId).toBe(p.unitId);
    }
    expect(org.people.filter((p) => p.roles.includes('hr'))).toHaveLength(1);
  });

  it('grades: mostly 较好 and 好, a few 一般, rare 较差; the national cap on 好 holds per unit and quarter', () => {
    const createdAt = Date.UTC(2024, 11, 20);
    for (const preset of ['hubei', 'national'] as const) {
      const org = generateOrganisation({ seed: `grades-${preset}`, units: 8, people: 240, createdAt });
      const config = presetConfig(preset);
      const { drafts, stats } = generateHistory(org, {
        seed: `grades-${preset}`,
        years: [2025],
        today: Date.UTC(2026, 2, 1),
        config,
      });
      const total = Object.values(stats.grades).reduce((s, n) => s + n, 0);
      expect(total).toBe((240 - 1) * 4);
      const share = (g: QuarterGrade) => stats.grades[g] / total;
      expect(share('good') + share('fairlyGood')).toBeGreaterThan(0.8);
      expect(share('fairlyGood')).toBeGreaterThan(share('good'));
      expect(share('average')).toBeGreaterThan(0.03);
      expect(share('average')).toBeLessThan(0.16);
      expect(share('poor')).toBeGreaterThan(0);
      expect(share('poor')).toBeLessThan(0.04);
      if (preset === 'national') {
        const evaluations = drafts.filter((d) => d.type === 'evaluation').map((d) => d.body as never);
        const unitOf = new Map(org.people.map((p) => [p.id, p.unitId]));
        for (const unit of org.units) {
          const assessed = org.people.filter((p) => p.unitId === unit.id && p.supervisorId !== null).length;
          for (const quarter of [1, 2, 3, 4]) {
            const ofUnit = evaluations.filter((e: { subject: string }) => unitOf.get(e.subject) === unit.id);
            expect(
              goodCapWarnings({
                config,
                unitName: unit.name,
                year: 2025,
                quarter,
                evaluations: ofUnit,
                assessedCount: assessed,
              }),
            ).toEqual([]);
          }
        }
      }
    }
  }, 60_000);
});
