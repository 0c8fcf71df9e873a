/**
 * The roster: HR's signed list of units, people, who supervises whom, roles and the public keys of
 * every enrolled install, plus the indicator configuration. Its version only increases. A device
 * accepts a newer roster only when it is signed by the pinned HR key or by a successor reached
 * through rotations the pinned key signed (keyHistory); an older or equal one changes nothing.
 */
import { z } from 'zod';
import { isWithinUnit } from '../domain/org';
import { signedName } from '../domain/text';
import { positionCategorySchema, rankLevelSchema, roleSchema } from '../domain/vocabulary';
import { fromHex, toHex } from '../bundle/bytes';
import { isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import { fingerprint, type CryptoSuite } from '../bundle/crypto';
import { SyncError } from './errors';
import { hexKeySchema } from './facts';
import { DOMAINS, signValue, verifyValue } from './signing';
import type { HrRotation, Roster, RosterKey, RosterPerson, SignedRoster } from './types';

export const ROSTER_FORMAT = 'dutybook-roster';
export const MAX_ROSTER_BYTES = 16 * 1024 * 1024;

const id = z.string().min(1).max(64).regex(/^[^/\s]+$/);
const sigSchema = z.string().regex(/^[0-9a-f]{128}$/);
const time = z.string().max(40);

export const hrRotationSchema = z.strictObject({
  format: z.literal('dutybook-hr-rotation'),
  v: z.literal(1),
  orgId: id,
  oldKey: hexKeySchema,
  newKey: hexKeySchema,
  issuedAt: time,
  oldSignature: sigSchema,
  newSignature: sigSchema,
});

const rosterKeySchema = z.strictObject({
  signingPub: hexKeySchema,
  encryptionPub: hexKeySchema,
  deviceId: id,
  since: time,
  retired: z
    .strictObject({ at: time, through: z.record(id, z.number().int().min(0)).optional() })
    .optional(),
});

const personCommon = {
  id,
  name: z.string().min(1).max(50),
  unitId: id,
  positionCategory: positionCategorySchema,
  rankLevel: rankLevelSchema,
  title: z.string().max(50).optional(),
  roles: z.array(roleSchema).min(1),
  supervisorId: id.nullable(),
  hrUnitIds: z.array(id),
  active: z.boolean(),
  keys: z.array(rosterKeySchema),
};

const rosterPersonV1Schema = z.strictObject({ ...personCommon, formerSupervisorIds: z.array(id) });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rosterPeriodSchema = z.strictObject({
  from: day.nullable(),
  to: day.nullable(),
  unitId: id,
  supervisorId: id.nullable(),
  roles: z.array(roleSchema),
  hrUnitIds: z.array(id),
});
// Roster v2 refuses hidden characters in what it shows (the roster is verified on its parsed value,
// so it cannot clean them; HR's draft cleans them before signing — sync/roster-issue.ts).
const short = (n: number) => signedName(n).optional();
const rosterProfileSchema = z.strictObject({
  gender: z.enum(['male', 'female']).optional(),
  birthMonth: z.string().regex(/^\d{4}-\d{2}$/).optional(),
  ethnicity: short(20),
  politicalStatus: short(20),
  education: short(20),
  staffNo: short(30),
  rankSince: day.optional(),
  duties: short(200),
  joinedOn: day.optional(),
  probationEnd: day.optional(),
  formerNames: z.array(signedName(50)).max(20).optional(),
});
const rosterPersonV2Schema = z.strictObject({
  ...personCommon,
  name: signedName(50),
  title: signedName(50).optional(),
  periods: z.array(rosterPeriodSchema).min(1).max(500),
  profile: rosterProfileSchema,
});

function isJsonText(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

const rosterCommon = {
  format: z.literal(ROSTER_FORMAT),
  orgId: id,
  version: z.number().int().min(1),
  issuedAt: time,
  hrKey: hexKeySchema,
  keyHistory: z.array(hrRotationSchema),
  units: z.array(
    z.strictObject({
      id,
      name: z.string().min(1).max(100),
      parentId: id.nullable(),
      path: z.string().regex(/^\/([^/\s]+\/)+$/),
      code: z.string().max(50),
      sortOrder: z.number().int(),
    }),
  ),
  /** The 考核办法 as JSON text, '' for none: any other text is refused here, never left for `rosterConfig`. */
  config: z.string().refine((s) => s === '' || isJsonText(s), { error: 'config is not JSON' }),
};

/** Roster v2 (people with dated periods and their own details) — what this version issues. */
export const rosterSchema = z.strictObject({
  ...rosterCommon,
  v: z.literal(2),
  units: z.array(rosterCommon.units.element.extend({ name: signedName(100) })),
  people: z.array(rosterPersonV2Schema),
});
/** Roster v1, as earlier versions issued it: still read (its people as undated periods). */
export const rosterV1Schema = z.strictObject({ ...rosterCommon, v: z.literal(1), people: z.array(rosterPersonV1Schema) });

export const signedRosterSchema = z.union([
  z.strictObject({ roster: rosterSchema, signature: sigSchema }),
  z.strictObject({ roster: rosterV1Schema, signature: sigSchema }),
]);

export async function signRoster(suite: CryptoSuite, hrSeed: Uint8Array, roster: Roster): Promise<SignedRoster> {
  return { roster, signature: await signValue(suite, hrSeed, DOMAINS.roster, roster) };
}

/** A roster (a bundle entry or a roster file) that cannot be read; `unsupported`: a newer version wrote it. */
export class RosterError extends SyncError {
  constructor(
    reason: string,
    readonly unsupported = false,
    detail = '',
  ) {
    super('roster-unreadable', reason, { unsupported, detail });
    this.name = 'RosterError';
  }
}

/** Parses a roster entry (canonical JSON of a SignedRoster); throws a RosterError naming the fault. */
export function parseSignedRoster(bytes: Uint8Array): SignedRoster {
  if (bytes.length > MAX_ROSTER_BYTES) throw new RosterError('人员名册过大,不是履责记实的人员名册', false, 'roster too large');
  let value: unknown;
  try {
    value = parseCanonicalJson(bytes);
  } catch (e) {
    throw new RosterError('人员名册已损坏或不是人员名册文件', false, e instanceof Error ? e.message : String(e));
  }
  if (isJsonObject(value) && isJsonObject(value.roster) && value.roster.v !== 1 && value.roster.v !== 2) {
    throw new RosterError('人员名册由较新版本的履责记实生成,请升级软件', true, `unsupported roster format ${JSON.stringify(value.roster.v)}`);
  }
  // Each version by its own schema, so a fault is named by it (a union names only "no match").
  const v2 = isJsonObject(value) && isJsonObject(value.roster) && value.roster.v === 2;
  const r = z
    .strictObject({ roster: v2 ? rosterSchema : rosterV1Schema, signature: sigSchema })
    .safeParse(value);
  if (!r.success) throw new RosterError('人员名册格式不正确', false, `malformed roster: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}

export type PinnedKey = { key: string; previous: readonly string[] };

export type RosterVerdict =
  | { ok: true; roster: Roster; /** The HR key to pin after accepting (differs after a rotation). */ hrKey: string }
  | { ok: false; code: 'no-pinned-key' | 'untrusted' | 'bad-signature'; reason: string };

/** Follows rotations from `from` to `to`; true when every step is signed by both keys. */
async function rotationChainReaches(
  suite: CryptoSuite,
  history: readonly HrRotation[],
  orgId: string,
  from: string,
  to: string,
): Promise<boolean> {
  let current = from;
  const seen = new Set([current]);
  while (current !== to) {
    const step = history.find((r) => r.oldKey === current && !seen.has(r.newKey));
    if (!step || step.orgId !== orgId || !(await verifyRotation(suite, step))) return false;
    current = step.newKey;
    seen.add(current);
  }
  return true;
}

/**
 * Whether a signed roster comes from the trusted HR key. A roster signed by a key this device
 * replaced (`pinned.previous`) verifies only when `allowPrevious` (an older roster, which changes
 * nothing): after a rotation the old key must not issue new rosters.
 */
export async function verifyRoster(
  suite: CryptoSuite,
  signed: SignedRoster,
  pinned: PinnedKey | undefined,
  allowPrevious = false,
): Promise<RosterVerdict> {
  const { roster } = signed;
  if (!pinned) {
    return {
      ok: false,
      code: 'no-pinned-key',
      reason: `尚未确认人事部门密钥(指纹 ${fingerprint(fromHex(roster.hrKey))}),请与人事部门的书面通知核对后确认`,
    };
  }
  const trusted =
    roster.hrKey === pinned.key ||
    (await rotationChainReaches(suite, roster.keyHistory, roster.orgId, pinned.key, roster.hrKey)) ||
    (allowPrevious && pinned.previous.includes(roster.hrKey));
  if (!trusted) {
    return {
      ok: false,
      code: 'untrusted',
      reason: `人员名册由未经确认的密钥(指纹 ${fingerprint(fromHex(roster.hrKey))})签发,不予接受`,
    };
  }
  if (!(await verifyValue(suite, roster.hrKey, DOMAINS.roster, roster, signed.signature))) {
    return { ok: false, code: 'bad-signature', reason: '人员名册的签名无效,内容可能已被篡改' };
  }
  return { ok: true, roster, hrKey: roster.hrKey };
}

// ---- Rotation statements ----

type RotationBody = Omit<HrRotation, 'oldSignature' | 'newSignature'>;

/** HR's move from the old organisation key to a new one, signed by both. */
export async function makeHrRotation(
  suite: CryptoSuite,
  input: { orgId: string; oldSeed: Uint8Array; newSeed: Uint8Array; now?: Date },
): Promise<HrRotation> {
  const body: RotationBody = {
    format: 'dutybook-hr-rotation',
    v: 1,
    orgId: input.orgId,
    oldKey: toHex(await suite.ed25519PublicKey(input.oldSeed)),
    newKey: toHex(await suite.ed25519PublicKey(input.newSeed)),
    issuedAt: (input.now ?? new Date()).toISOString(),
  };
  return {
    ...body,
    oldSignature: await signValue(suite, input.oldSeed, DOMAINS.rotation, body),
    newSignature: await signValue(suite, input.newSeed, DOMAINS.rotation, body),
  };
}

export async function verifyRotation(suite: CryptoSuite, r: HrRotation): Promise<boolean> {
  const { oldSignature, newSignature, ...body } = r;
  return (
    hrRotationSchema.safeParse(r).success &&
    (await verifyValue(suite, r.oldKey, DOMAINS.rotation, body, oldSignature)) &&
    (await verifyValue(suite, r.newKey, DOMAINS.rotation, body, newSignature))
  );
}

// ---- Lookups ----

type RosterIndex = {
  people: Map<string, RosterPerson>;
  keys: Map<string, { person: RosterPerson; key: RosterKey }>;
  unitPaths: Map<string, string>;
};

/** Lookups run per fact on imports of thousands: index each roster once (rosters are immutable). */
const indexes = new WeakMap<Roster, RosterIndex>();

function indexOf(roster: Roster): RosterIndex {
  let index = indexes.get(roster);
  if (!index) {
    index = {
      people: new Map(roster.people.map((p) => [p.id, p])),
      keys: new Map(roster.people.flatMap((person) => person.keys.map((key) => [key.signingPub, { person, key }] as const))),
      unitPaths: new Map(roster.units.map((u) => [u.id, u.path])),
    };
    indexes.set(roster, index);
  }
  return index;
}

export function findPerson(roster: Roster, personId: string): RosterPerson | undefined {
  return indexOf(roster).people.get(personId);
}

/** The person holding a signing key (hex), with the key's entry; undefined when nobody does. */
export function whoHoldsKey(roster: Roster, signingPub: string): { person: RosterPerson; key: RosterKey } | undefined {
  return indexOf(roster).keys.get(signingPub);
}

/** The current (non-retired) keys of a person; the newest first. */
export function activeKeys(person: RosterPerson): RosterKey[] {
  return person.keys.filter((k) => !k.retired).reverse();
}

export function directReports(roster: Roster, supervisorId: string): RosterPerson[] {
  return roster.people.filter((p) => p.supervisorId === supervisorId);
}

export function isSupervisorOf(roster: Roster, supervisorId: string, personId: string): boolean {
  const sup = findPerson(roster, supervisorId);
  return !!sup?.roles.includes('supervisor') && findPerson(roster, personId)?.supervisorId === supervisorId;
}

export function unitPathOf(roster: Roster, unitId: string): string | undefined {
  return indexOf(roster).unitPaths.get(unitId);
}

/** Whether an HR person files for the subject: every unit when hrUnitIds is empty, else those subtrees. */
export function hrCovers(roster: Roster, hr: RosterPerson, subject: RosterPerson): boolean {
  if (!hr.roles.includes('hr')) return false;
  if (hr.hrUnitIds.length === 0) return true;
  const path = unitPathOf(roster, subject.unitId);
  return (
    path !== undefined &&
    hr.hrUnitIds.some((u) => {
      const scope = unitPathOf(roster, u);
      return scope !== undefined && isWithinUnit(path, scope);
    })
  );
}

/** The indicator configuration HR put in the roster (a JSON value; null when empty). */
export function rosterConfig(roster: Roster): unknown {
  return roster.config === '' ? null : (JSON.parse(roster.config) as unknown);
}
