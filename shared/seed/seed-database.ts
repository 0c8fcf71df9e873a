/**
 * Fills an HR device's database with the example organisation through the signed-record path:
 * HR's own identity, the units and people entered with the store's own functions, everyone's keys
 * bound from enrollment requests into a roster signed with the organisation key, the HR key pinned,
 * and every record imported from the supervisors' bundles by the real import (`readBundle` →
 * `applyImport`: decryption, manifest signature, entry hashes, author keys and writer rules,
 * attestations, scope, body checks, materialisation). The result cannot be told from a database
 * that received the same records by hand.
 *
 * This file runs the steps in order and times them; HR's device is set up in hr-device.ts, the
 * records generated in history.ts (whole) or stream.ts (a team at a time), the bundles made in deliver.ts.
 */
import { presetConfig, type PresetId, type QuarterGrade } from '../domain';
import { createProfile, getDeviceId, getProfile, updateProfile, type DutyBookDb } from '../store';
import { detectSuite, fingerprint, type CryptoSuite } from '../bundle/crypto';
import { applyImport } from '../sync/apply';
import { readBundle } from '../sync/bundle';
import type { DeviceKeys, KeyHalf } from '../ledger/identity';
import { factsOf, makeInstalls, orgKeyFor, relayBundles, relayWriter, type OutgoingBundle } from './deliver';
import { generateHistory } from './history';
import type { HistoryStats } from './history-drafts';
import { requireFresh, setUpHrDevice } from './hr-device';
import { indexHistory, relayedFacts } from './stream';
import { generateOrganisation } from './organisation';

export const DEFAULT_SEED = 'dutybook-example';

export type SeedOptions = {
  /** The same seed (and `today`) gives the same organisation, keys and records. */
  seed?: string;
  /** 科室 below the 局 (default 6). */
  units?: number;
  /** Everyone, 局领导 included (default 60). */
  people?: number;
  /** Years of records up to `today`'s year (default 2: last year whole, this year so far). */
  years?: number;
  /** Nothing is dated at or after it (default: now). */
  today?: Date;
  /** The rules (default: the profile's preset, else 湖北). */
  preset?: PresetId;
  orgName?: string;
  suite?: CryptoSuite;
  /** Also put the signed roster in every bundle (for bundles meant for another HR device). */
  includeRoster?: boolean;
  /** Return the bundle files as well (the CLI writes them out). */
  keepBundles?: boolean;
  /**
   * Who sends HR the bundles: each supervisor relaying their team's records (default), or every
   * author their own (one bundle per person, as a quarter's intake from a whole organisation).
   */
  deliver?: 'supervisors' | 'authors';
  /**
   * false: make the bundles but do not import them (they are returned; the database holds the
   * organisation, the roster and HR's profile only) — for measuring the intake itself.
   */
  importBundles?: boolean;
  /**
   * How the history is made: 'by-team' (the default for the supervisors' relays) generates, signs,
   * bundles and imports one sender's records at a time after a first pass that only numbers them
   * (`stream.ts`), so memory stays flat with the organisation's size; 'whole' holds the history, its
   * facts and every bundle at once (always so for `deliver: 'authors'`). Both seed the same data.
   */
  generate?: 'whole' | 'by-team';
  /**
   * Make at most this many bundles (the first senders' in roster order): an intake of one folder
   * from an organisation bigger than a folder holds. Default: every sender's.
   */
  maxBundles?: number;
  /**
   * Runs once the keys are known and before the database is touched: store the private keys with
   * the host here (`storeDeviceKeys`, `storeOrgKey`), so a failure leaves the database as it was.
   */
  beforeWrite?: (keys: { hr: DeviceKeys; orgKey: KeyHalf }) => Promise<void>;
  onProgress?: (progress: SeedProgress) => void;
};

export type SeedStep = 'organisation' | 'keys' | 'roster' | 'records' | 'bundles' | 'import';
/** `verify`: opening and checking the bundles (part of `import`); `apply`: the import transactions. */
export type SeedTiming = SeedStep | 'verify' | 'apply' | 'total';
export type SeedProgress = { step: SeedStep; done: number; total: number };

export type SeedCounts = {
  units: number;
  people: number;
  supervisors: number;
  facts: number;
  attestations: number;
  bundles: number;
  bundleBytes: number;
  /** Rows of the working tables after the import. */
  plans: number;
  monthlyRecords: number;
  summaries: number;
  evaluations: number;
  feedback: number;
  registers: number;
  history: HistoryStats;
};

export type SeedResult = {
  orgId: string;
  orgName: string;
  years: number[];
  rosterVersion: number;
  hr: { personId: string; name: string; keys: DeviceKeys };
  /** The HR organisation key: keep it with `storeOrgKey` (or let `beforeWrite` do it). */
  orgKey: KeyHalf;
  hrFingerprint: string;
  counts: SeedCounts;
  /** Milliseconds per step, and in all. */
  timings: Record<SeedTiming, number>;
  bundles?: OutgoingBundle[];
};

const clock = () => globalThis.performance?.now() ?? Date.now();

export async function seedDatabase(db: DutyBookDb, options: SeedOptions = {}): Promise<SeedResult> {
  const started = clock();
  const timings: Record<SeedTiming, number> = {
    organisation: 0,
    keys: 0,
    roster: 0,
    records: 0,
    bundles: 0,
    import: 0,
    verify: 0,
    apply: 0,
    total: 0,
  };
  let mark = started;
  const lap = (step: SeedStep) => {
    const t = clock();
    timings[step] = Math.round(t - mark);
    mark = t;
  };
  const progress = (step: SeedStep, done: number, total: number) =>
    options.onProgress?.({ step, done, total });

  await requireFresh(db);
  const suite = options.suite ?? (await detectSuite());
  const seed = options.seed ?? DEFAULT_SEED;
  const today = (options.today ?? new Date()).getTime();
  const thisYear = new Date(today + 8 * 3_600_000).getUTCFullYear();
  const yearCount = options.years ?? 2;
  if (!Number.isInteger(yearCount) || yearCount < 1 || yearCount > 10)
    throw new RangeError('years must be 1–10');
  const years = Array.from({ length: yearCount }, (_, i) => thisYear - yearCount + 1 + i);
  // HR set the organisation up just before the first year began.
  const setupAt = Date.UTC(years[0]! - 1, 11, 20, 1);
  const setup = new Date(setupAt);
  const profile = await getProfile(db);
  const preset = options.preset ?? profile?.presetId ?? 'hubei';
  const config = presetConfig(preset);

  // ---- The organisation ----
  progress('organisation', 0, 1);
  const org = generateOrganisation({
    seed,
    units: options.units ?? 6,
    people: options.people ?? 60,
    createdAt: setupAt,
    ...(options.orgName ? { orgName: options.orgName } : {}),
    ...(profile ? { hr: { id: profile.personId, name: profile.name } } : {}),
  });
  const hr = org.people.find((p) => p.id === org.hrId)!;
  lap('organisation');

  // ---- Keys ----
  progress('keys', 0, org.people.length);
  const hrDevice = await getDeviceId(db);
  if (!hrDevice) throw new Error('database has no install id');
  const installs = await makeInstalls(suite, seed, org, hrDevice, setupAt);
  const orgKey = await orgKeyFor(suite, seed);
  const hrKeys = installs.keys.get(hr.id)!;
  await options.beforeWrite?.({ hr: hrKeys, orgKey });
  lap('keys');

  // ---- HR's device: identity, units and people, the signed roster, the pinned key ----
  progress('roster', 0, org.people.length);
  const roster = await setUpHrDevice(db, { suite, org, installs, hr, hrKeys, orgKey, config, setup });
  lap('roster');

  // ---- What everyone wrote, the supervisors' bundles to HR, and HR importing them ----
  const historyOptions = { seed, years, today, config };
  const relayOptions = {
    suite,
    seed,
    org,
    installs,
    roster,
    includeRoster: options.includeRoster ?? false,
    now: today - 3_600_000,
  };
  const importing = options.importBundles ?? true;
  const keep = options.keepBundles || !importing;
  const now = new Date(today);
  let bundleCount = 0;
  let bundleBytes = 0;
  const kept: OutgoingBundle[] = [];
  // The real verification, then one transaction per bundle.
  const importOne = async (b: OutgoingBundle) => {
    const t0 = clock();
    const plan = await readBundle(db, b.bytes, { suite, keys: hrKeys });
    const t1 = clock();
    timings.verify += t1 - t0;
    if (plan.status !== 'ready') {
      throw new Error(
        `seed: bundle from ${b.senderName} was ${plan.status}: ${plan.rejected.map((r) => `${r.what}:${r.reason}`).join(';')}`,
      );
    }
    await applyImport(db, plan, { now });
    timings.apply += clock() - t1;
  };
  let stats: HistoryStats;
  const maxBundles = options.maxBundles ?? Number.POSITIVE_INFINITY;
  const byTeam = options.deliver !== 'authors' && options.generate !== 'whole';
  if (byTeam) {
    progress('records', 0, 1);
    const index = indexHistory(org, historyOptions);
    stats = index.stats;
    lap('records');
    const relay = relayWriter(relayOptions);
    let relayed = 0;
    for (const [i, sender] of org.people.entries()) {
      if (bundleCount >= maxBundles) break;
      progress('import', i, org.people.length);
      let t = clock();
      const facts = relayedFacts(index, installs, sender);
      timings.records += clock() - t;
      if (facts.length === 0) continue;
      relayed += facts.length;
      t = clock();
      const bundles = await relay(sender, facts);
      timings.bundles += clock() - t;
      for (const b of bundles.slice(0, maxBundles - bundleCount)) {
        bundleCount += 1;
        bundleBytes += b.bytes.length;
        if (importing) await importOne(b);
        if (keep) kept.push(b);
      }
    }
    if (bundleCount < maxBundles && relayed !== index.count)
      throw new Error(`seed: ${relayed} of ${index.count} facts relayed`);
    progress('import', org.people.length, org.people.length);
    timings.records = Math.round(timings.records);
    timings.bundles = Math.round(timings.bundles);
    timings.import = Math.round(timings.verify + timings.apply);
    mark = clock();
  } else {
    progress('records', 0, 1);
    const history = generateHistory(org, historyOptions);
    stats = history.stats;
    const facts = factsOf(history.drafts, installs);
    lap('records');

    progress('bundles', 0, 1);
    const bundles = await relayBundles({
      ...relayOptions,
      facts,
      by: options.deliver === 'authors' ? 'author' : 'supervisor',
      maxBundles,
    });
    lap('bundles');
    bundleCount = bundles.length;
    bundleBytes = bundles.reduce((s, b) => s + b.bytes.length, 0);
    if (keep) kept.push(...bundles);
    for (const [i, b] of (importing ? bundles : []).entries()) {
      progress('import', i, bundles.length);
      await importOne(b);
    }
    progress('import', bundles.length, bundles.length);
    lap('import');
  }

  // The profile last: the app opens its workspaces once a profile exists, so it must not see a
  // half-loaded organisation (and the first-run screen keeps showing the progress until then).
  if (!profile) {
    await createProfile(
      db,
      {
        name: hr.name,
        unitName: org.orgName,
        positionCategory: hr.positionCategory,
        rankLevel: hr.rankLevel,
        roles: hr.roles,
        presetId: preset,
      },
      { personId: hr.id, now: setup },
    );
  } else if (!profile.roles.includes('hr')) {
    await updateProfile(db, { roles: [...profile.roles, 'hr'] }, { now: setup });
  }
  const counts: SeedCounts = {
    units: org.units.length,
    people: org.people.length,
    supervisors: org.people.filter((p) => p.roles.includes('supervisor')).length,
    facts: await db.facts.count(),
    attestations: await db.attestations.count(),
    bundles: bundleCount,
    bundleBytes,
    plans: await db.plans.count(),
    monthlyRecords: await db.monthlyRecords.count(),
    summaries: await db.summaries.count(),
    evaluations: await db.evaluations.count(),
    feedback: await db.feedback.count(),
    registers: await db.registers.count(),
    history: stats,
  };
  timings.verify = Math.round(timings.verify);
  timings.apply = Math.round(timings.apply);
  timings.total = Math.round(clock() - started);
  return {
    orgId: org.orgId,
    orgName: org.orgName,
    years,
    rosterVersion: roster.roster.version,
    hr: { personId: hr.id, name: hr.name, keys: hrKeys },
    orgKey,
    hrFingerprint: fingerprint(orgKey.pub),
    counts,
    timings,
    ...(keep ? { bundles: kept } : {}),
  };
}

/** The share of each grade among the current evaluations (tests and the CLI report it). */
export function gradeShares(grades: Record<QuarterGrade, number>): Record<QuarterGrade, number> {
  const total = Object.values(grades).reduce((s, n) => s + n, 0) || 1;
  return {
    good: grades.good / total,
    fairlyGood: grades.fairlyGood / total,
    average: grades.average / total,
    poor: grades.poor / total,
  };
}
