/**
 * HR's organisation set-up, enough to issue the first rosters: the organisation (its top-level
 * unit, whose id is the roster's orgId), the HR organisation key (kept by the host, pinned here at
 * once), enrollment requests bound to people, and the signed roster. Issue 6 grows this into full
 * organisation management.
 */
import type { LocalProfile } from '../../../shared/domain';
import { DutyBookError, ValidationError } from '../../../shared/errors/errors';
import { fromUtf8, toHex, utf8 } from '../../../shared/sync/bytes';
import { detectSuite, fingerprint } from '../../../shared/sync/crypto';
import {
  bindEnrollment,
  createEnrollmentRequest,
  draftNextRoster,
  generateOrgKey,
  loadOrgKey,
  parseEnrollmentRequest,
  pinHrKey,
  signRoster,
  storeOrgKey,
  type EnrollmentRequest,
} from '../../../shared/sync/model';
import { getCurrentRoster, putPerson, putUnit, saveRoster, type DutyBookDb } from '../../../shared/store';
import type { Services } from '../../app/services';
import { ensureIdentity } from '../sync/identity';

export type Org = { id: string; name: string };

/** The organisation is the one top-level unit; everything else sits below it. */
export async function readOrg(db: DutyBookDb): Promise<Org | null> {
  const top = await db.orgUnits.filter((u) => u.parentId === null).first();
  return top ? { id: top.id, name: top.name } : null;
}

export async function createOrg(services: Services, profile: LocalProfile, name: string): Promise<Org> {
  const { db, host } = services;
  if (await readOrg(db)) throw new ValidationError([{ path: 'name', message: '本机已建立单位' }]);
  const { suite } = await ensureIdentity(services, profile);
  const orgKey = (await loadOrgKey(host, suite)) ?? (await generateOrgKey(suite));
  await storeOrgKey(host, orgKey);
  const unit = await putUnit(db, { name, parentId: null });
  // HR's own person is on the roster too: it sends and receives bundles like everyone else.
  await putPerson(db, {
    id: profile.personId,
    name: profile.name,
    unitId: unit.id,
    positionCategory: profile.positionCategory,
    rankLevel: profile.rankLevel,
    ...(profile.title ? { title: profile.title } : {}),
    roles: profile.roles,
    supervisorId: null,
  });
  // This device holds the key itself: no paper to compare with, so it is pinned at once.
  await pinHrKey(db, { hrKey: toHex(orgKey.pub), confirmedFingerprint: fingerprint(orgKey.pub) });
  return { id: unit.id, name: unit.name };
}

// ---- Enrollment requests waiting to be bound and issued ----

export type PendingEnrollment = {
  /** The request file's text (canonical JSON, re-verified when the roster is issued). */
  file: string;
  request: EnrollmentRequest;
  /** The roster person it is bound to (the request's personId once bound), or null. */
  boundTo: string | null;
};

/** Reads and verifies a request file (EnrollmentError, in Chinese, when it is not one). */
export async function readRequest(bytes: Uint8Array): Promise<PendingEnrollment> {
  const request = await parseEnrollmentRequest(await detectSuite(), bytes);
  return { file: fromUtf8(bytes), request, boundTo: null };
}

/**
 * Binds a request to a person. Facts name their author by the id the official's own install uses,
 * so a person HR typed in takes that id (with every reference to it) — unless the person already
 * holds keys under its present id in an issued roster, which would orphan what they signed.
 */
export async function bindRequest(db: DutyBookDb, pending: PendingEnrollment, personId: string): Promise<string> {
  const target = pending.request.personId;
  if (personId === target) return target;
  const person = await db.people.get(personId);
  if (!person) throw new DutyBookError('not-found', 'person not found', { what: 'person' });
  if (await db.people.get(target)) {
    throw new ValidationError([{ path: 'personId', message: `此申请已对应名册中的另一人员,不能再对应到“${person.name}”` }]);
  }
  const roster = await getCurrentRoster(db);
  const listed = roster?.roster.people.find((p) => p.id === personId);
  if (listed && listed.keys.length > 0) {
    throw new ValidationError([
      { path: 'personId', message: `“${person.name}”已登记过密钥;换电脑请在原电脑上导出密钥备份后恢复,或联系技术人员` },
    ]);
  }
  await db.transaction('rw', db.people, async () => {
    const reports = await db.people.where('supervisorId').equals(personId).toArray();
    await db.people.delete(personId);
    await db.people.put({ ...person, id: target });
    await db.people.bulkPut(reports.map((r) => ({ ...r, supervisorId: target })));
  });
  return target;
}

/** Signs the next roster: HR's tables, this device's own keys and every bound request. */
export async function issueRoster(
  services: Services,
  profile: LocalProfile,
  bound: readonly PendingEnrollment[],
): Promise<number> {
  const { db, host } = services;
  const org = await readOrg(db);
  if (!org) throw new ValidationError([{ path: '', message: '请先建立单位' }]);
  const { suite, keys, identity } = await ensureIdentity(services, profile);
  const orgKey = await loadOrgKey(host, suite);
  if (!orgKey) {
    throw new ValidationError([{ path: '', message: '本机没有人事部门密钥,请从密钥备份恢复后再签发' }]);
  }
  let draft = await draftNextRoster(db, { orgId: org.id, hrKey: toHex(orgKey.pub) });
  const self = draft.people.find((p) => p.id === identity.personId);
  if (self && !self.keys.some((k) => k.signingPub === identity.signingPub)) {
    const own = await parseEnrollmentRequest(
      suite,
      await createEnrollmentRequest(suite, {
        keys,
        personId: identity.personId,
        personName: profile.name,
        unitName: org.name,
        deviceId: identity.device,
      }),
    );
    draft = bindEnrollment(draft, own, { personId: identity.personId });
  }
  for (const p of bound) {
    if (!p.boundTo) continue;
    const request = await parseEnrollmentRequest(suite, utf8(p.file));
    const held = draft.people.find((x) => x.id === p.boundTo);
    if (!held || held.keys.some((k) => k.signingPub === request.signingPub)) continue;
    draft = bindEnrollment(draft, request, { personId: p.boundTo });
  }
  const signed = await signRoster(suite, orgKey.seed, draft);
  if (!(await saveRoster(db, signed))) throw new DutyBookError('conflict', 'a newer roster exists', { what: 'roster' });
  return draft.version;
}
