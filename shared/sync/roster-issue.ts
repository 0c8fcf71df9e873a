/**
 * HR's side of the roster: the next version is drafted from the organisation HR keeps (orgUnits and
 * people tables) plus the keys of the roster before it, enrollments bind new installs' keys to
 * people, and the draft is signed with the organisation key (roster.ts `signRoster`).
 *
 * Reinstalling on a new PC gives new keys: binding them retires the person's earlier keys, which
 * stay listed so that facts they signed still verify (P13); only bundles sent with them fail.
 */
import { canonicalJson as domainCanonicalJson } from '../domain/plan';
import { ValidationError } from '../errors/errors';
import { cleanLine } from '../domain/text';
import type { DutyBookDb } from '../store/db';
import { getCurrentRoster } from '../store/sync-repo';
import type { EnrollmentRequest } from '../ledger/identity';
import type {
  HrRotation,
  Roster,
  RosterKey,
  RosterPeriod,
  RosterPerson,
  RosterProfile,
} from '../ledger/types';
import { periodsOf } from '../ledger/roster-periods';
import { localIsoDate } from '../domain/dates';
import { periodsOfPerson, type Person } from '../domain/org';
import { withAssignment, withLeaving } from '../domain/periods';

export type RosterDraftOptions = {
  orgId: string;
  /** The organisation key that will sign it (hex). */
  hrKey: string;
  /** A rotation to the new `hrKey`, appended to the history of the previous roster. */
  rotation?: HrRotation;
  /** The indicator system and rules (a JSON value); the previous roster's when left out. */
  config?: unknown;
  /** HR people's filing scope by person id; the previous roster's when left out. */
  hrUnitIds?: Record<string, string[]>;
  now?: Date;
};

/**
 * A name as the roster may carry it: rows typed before text was cleaned where records are made
 * may still hold invisible characters, which a v2 roster refuses (roster.ts).
 */
const line = (s: string) => cleanLine(s).trim();

/** The person's own details for the roster (the 身份证号 stays on HR's computer). */
function profileOf(p: Person, old: RosterPerson | undefined): RosterProfile {
  const profile: RosterProfile = {};
  const copy = [
    'gender',
    'birthMonth',
    'ethnicity',
    'politicalStatus',
    'education',
    'staffNo',
    'rankSince',
    'duties',
    'joinedOn',
    'probationEnd',
  ] as const;
  for (const k of copy) {
    const v = p[k];
    if (v !== undefined && v !== '') (profile as Record<string, unknown>)[k] = line(v);
  }
  const former = new Set(old?.profile?.formerNames ?? []);
  if (old && old.name !== line(p.name)) former.add(old.name);
  former.delete(p.name);
  if (former.size > 0) profile.formerNames = [...former].sort();
  return profile;
}

/**
 * The periods to issue: those HR's table holds — or, for a row saved before periods existed, those
 * of the roster before (a v1 roster's undated ones) — brought in line with the row where some
 * change reached the table without a date (taking effect on the day of issue), with the HR scope
 * in force on the open period.
 */
function periodsToIssue(
  p: Person,
  prev: Roster | undefined,
  old: RosterPerson | undefined,
  scope: string[],
  today: string,
): RosterPeriod[] {
  let periods: RosterPeriod[] = p.periods?.length
    ? p.periods.map((x) => ({ ...x }))
    : old && prev
      ? periodsOf(prev, old).map((x) => ({ ...x }))
      : periodsOfPerson(p);
  const open = periods.filter((x) => x.to === null).at(-1);
  if (p.active && open) {
    const current = {
      unitId: p.unitId,
      supervisorId: p.supervisorId,
      roles: [...p.roles],
      hrUnitIds: open.hrUnitIds,
    };
    const latest = periods
      .map((x) => x.from)
      .filter((f): f is string => f !== null)
      .sort()
      .at(-1);
    periods = withAssignment(periods, latest !== undefined && latest > today ? latest : today, current);
  } else if (!p.active && open) {
    periods = withLeaving(periods, today);
  }
  return periods.map((x) =>
    x.to === null ? { ...x, hrUnitIds: x.roles.includes('hr') ? [...scope].sort() : [] } : x,
  );
}

/**
 * The keys of a person who has left, retired at the last record HR holds from each of their
 * installs: anything they sign afterwards is refused everywhere (ledger/authz.ts).
 */
async function retireOnLeaving(
  db: DutyBookDb,
  p: Person,
  keys: RosterKey[],
  at: string,
): Promise<RosterKey[]> {
  if (p.active || keys.every((k) => k.retired)) return keys;
  const through: Record<string, number> = {};
  await db.facts
    .where('author')
    .equals(p.id)
    .each((f) => {
      through[f.device] = Math.max(through[f.device] ?? 0, f.counter);
    });
  return keys.map((k) => (k.retired ? k : { ...k, retired: { at, through: { ...through } } }));
}

/** The next roster from HR's tables: version = the held one + 1, keys carried over. Not yet signed. */
export async function draftNextRoster(db: DutyBookDb, options: RosterDraftOptions): Promise<Roster> {
  const prev = (await getCurrentRoster(db))?.roster;
  const units = await db.orgUnits.toArray();
  const people = await db.people.toArray();
  const before = new Map((prev?.people ?? []).map((p) => [p.id, p]));
  const now = options.now ?? new Date();
  const today = localIsoDate(now);
  const issued: RosterPerson[] = [];
  for (const p of people) {
    const old = before.get(p.id);
    const hrUnitIds = options.hrUnitIds?.[p.id] ?? old?.hrUnitIds ?? [];
    const person: RosterPerson = {
      id: p.id,
      name: line(p.name),
      unitId: p.unitId,
      positionCategory: p.positionCategory,
      rankLevel: p.rankLevel,
      roles: [...p.roles],
      supervisorId: p.supervisorId,
      hrUnitIds,
      active: p.active,
      keys: await retireOnLeaving(db, p, old?.keys ?? [], now.toISOString()),
      periods: periodsToIssue(p, prev, old, hrUnitIds, today),
      profile: profileOf(p, old),
    };
    if (p.title !== undefined && line(p.title) !== '') person.title = line(p.title);
    issued.push(person);
  }
  return {
    format: 'dutybook-roster',
    v: 2,
    orgId: options.orgId,
    version: (prev?.version ?? 0) + 1,
    issuedAt: now.toISOString(),
    hrKey: options.hrKey,
    keyHistory: [...(prev?.keyHistory ?? []), ...(options.rotation ? [options.rotation] : [])],
    units: units
      .map((u) => ({
        id: u.id,
        name: line(u.name),
        parentId: u.parentId,
        path: u.path,
        code: u.code,
        sortOrder: u.sortOrder,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    people: issued.sort((a, b) => (a.id < b.id ? -1 : 1)),
    config: options.config === undefined ? (prev?.config ?? '') : domainCanonicalJson(options.config),
  };
}

/**
 * Binds an enrollment's keys to a person of the draft (HR has compared the fingerprint). The
 * person's earlier keys are retired (a reinstall or a replaced PC) unless `keepOthers` (a second PC
 * used alongside); `through` limits a retired key to facts up to those counters (a stolen PC).
 */
export function bindEnrollment(
  draft: Roster,
  request: EnrollmentRequest,
  options: { personId: string; keepOthers?: boolean; through?: Record<string, number>; now?: Date },
): Roster {
  return bindEnrollments(draft, [{ request, ...options }], options.now);
}

export type EnrollmentBinding = {
  request: EnrollmentRequest;
  personId: string;
  keepOthers?: boolean;
  through?: Record<string, number>;
};

/**
 * `bindEnrollment` for many at once, in one pass over the roster (binding 20,000 people one by one
 * copied the roster 20,000 times). The same result as binding them in order one by one.
 */
export function bindEnrollments(draft: Roster, bindings: readonly EnrollmentBinding[], now?: Date): Roster {
  const at = (now ?? new Date()).toISOString();
  const people = [...draft.people];
  const index = new Map(people.map((p, i) => [p.id, i]));
  const holders = new Map<string, string>();
  const encHolders = new Map<string, string>();
  for (const p of people)
    for (const k of p.keys) {
      if (!holders.has(k.signingPub)) holders.set(k.signingPub, p.id);
      if (!encHolders.has(k.encryptionPub)) encHolders.set(k.encryptionPub, p.id);
    }
  const nameOf = (id: string) => people[index.get(id) ?? -1]?.name ?? id;
  for (const b of bindings) {
    const { request } = b;
    const holder = holders.get(request.signingPub);
    if (holder !== undefined && holder !== b.personId) {
      throw new ValidationError([
        {
          path: 'signingPub',
          message: `此申请的签名密钥已登记给“${nameOf(holder)}”,不能再登记给他人。请让本人在自己的电脑上重新生成申请。`,
        },
      ]);
    }
    // Bundles for a person are encrypted to this key: one shared by two people would let either read
    // what is meant for the other.
    const encHolder = encHolders.get(request.encryptionPub);
    if (encHolder !== undefined && encHolder !== b.personId) {
      throw new ValidationError([
        {
          path: 'encryptionPub',
          message: `此申请的加密密钥已属于“${nameOf(encHolder)}”,不予登记。申请可能被改动过,请让本人重新生成申请并当面核对指纹。`,
        },
      ]);
    }
    const i = index.get(b.personId);
    if (i === undefined) throw new Error(`no person ${b.personId}`);
    const p = people[i]!;
    const keys: RosterKey[] = p.keys
      .filter((k) => k.signingPub !== request.signingPub)
      .map((k) =>
        b.keepOthers || k.retired
          ? k
          : { ...k, retired: { at, ...(b.through ? { through: b.through } : {}) } },
      );
    keys.push({
      signingPub: request.signingPub,
      encryptionPub: request.encryptionPub,
      deviceId: request.deviceId,
      since: at,
    });
    people[i] = { ...p, keys };
    holders.set(request.signingPub, p.id);
    encHolders.set(request.encryptionPub, p.id);
  }
  return { ...draft, people };
}

/** Retires one key of a person (a lost PC), optionally limiting it to facts up to `through`. */
export function retireKey(
  draft: Roster,
  personId: string,
  signingPub: string,
  options: { through?: Record<string, number>; now?: Date } = {},
): Roster {
  const at = (options.now ?? new Date()).toISOString();
  return {
    ...draft,
    people: draft.people.map((p) =>
      p.id !== personId
        ? p
        : {
            ...p,
            keys: p.keys.map((k) =>
              k.signingPub === signingPub
                ? { ...k, retired: { at, ...(options.through ? { through: options.through } : {}) } }
                : k,
            ),
          },
    ),
  };
}
