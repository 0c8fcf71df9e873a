/**
 * HR's side of the roster: the next version is drafted from the organisation HR keeps (orgUnits and
 * people tables) plus the keys of the roster before it, enrollments bind new installs' keys to
 * people, and the draft is signed with the organisation key (roster.ts `signRoster`).
 *
 * Reinstalling on a new PC gives new keys: binding them retires the person's earlier keys, which
 * stay listed so that facts they signed still verify (P13); only bundles sent with them fail.
 */
import { canonicalJson as domainCanonicalJson } from '../domain/plan';
import type { DutyBookDb } from '../store/db';
import { getCurrentRoster } from '../store/sync-repo';
import type { EnrollmentRequest } from '../ledger/identity';
import type { HrRotation, Roster, RosterKey, RosterPerson } from '../ledger/types';

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

/** The next roster from HR's tables: version = the held one + 1, keys carried over. Not yet signed. */
export async function draftNextRoster(db: DutyBookDb, options: RosterDraftOptions): Promise<Roster> {
  const prev = (await getCurrentRoster(db))?.roster;
  const units = await db.orgUnits.toArray();
  const people = await db.people.toArray();
  const before = new Map((prev?.people ?? []).map((p) => [p.id, p]));
  return {
    format: 'dutybook-roster',
    v: 1,
    orgId: options.orgId,
    version: (prev?.version ?? 0) + 1,
    issuedAt: (options.now ?? new Date()).toISOString(),
    hrKey: options.hrKey,
    keyHistory: [...(prev?.keyHistory ?? []), ...(options.rotation ? [options.rotation] : [])],
    units: units
      .map((u) => ({
        id: u.id,
        name: u.name,
        parentId: u.parentId,
        path: u.path,
        code: u.code,
        sortOrder: u.sortOrder,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    people: people
      .map((p): RosterPerson => {
        const old = before.get(p.id);
        const former = new Set(old?.formerSupervisorIds ?? []);
        if (old?.supervisorId && old.supervisorId !== p.supervisorId) former.add(old.supervisorId);
        if (p.supervisorId) former.delete(p.supervisorId);
        const person: RosterPerson = {
          id: p.id,
          name: p.name,
          unitId: p.unitId,
          positionCategory: p.positionCategory,
          rankLevel: p.rankLevel,
          roles: [...p.roles],
          supervisorId: p.supervisorId,
          formerSupervisorIds: [...former].sort(),
          hrUnitIds: options.hrUnitIds?.[p.id] ?? old?.hrUnitIds ?? [],
          active: p.active,
          keys: old?.keys ?? [],
        };
        if (p.title !== undefined) person.title = p.title;
        return person;
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
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
  for (const p of people)
    for (const k of p.keys) if (!holders.has(k.signingPub)) holders.set(k.signingPub, p.id);
  for (const b of bindings) {
    const { request } = b;
    const holder = holders.get(request.signingPub);
    if (holder !== undefined && holder !== b.personId) throw new Error(`key already bound to ${holder}`);
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
