/**
 * The example organisation entered on HR's device the way HR enters it: a fresh database only, HR's
 * own identity, the units and people put with the store's own functions, everyone's keys bound from
 * their enrollment requests into a roster signed with the organisation key, and HR's key pinned.
 */
import type { AssessmentConfig } from '../domain';
import { toHex } from '../bundle/bytes';
import { fingerprint, type CryptoSuite } from '../bundle/crypto';
import { DutyBookError } from '../errors/errors';
import {
  createEnrollmentRequest,
  parseEnrollmentRequest,
  type DeviceKeys,
  type KeyHalf,
} from '../ledger/identity';
import { signRoster } from '../ledger/roster';
import type { SignedRoster } from '../ledger/types';
import {
  getCurrentRoster,
  getSelfIdentity,
  putPerson,
  putUnit,
  saveRoster,
  setSelfIdentity,
  type DutyBookDb,
} from '../store';
import { bindEnrollments, draftNextRoster } from '../sync/roster-issue';
import { pinHrKey } from '../sync/trust';
import type { Installs } from './deliver';
import type { Organisation, SeedPerson } from './organisation';

/** Refuses (in Chinese) a database that already holds an organisation, keys or records. */
export async function requireFresh(db: DutyBookDb): Promise<void> {
  const used =
    (await getSelfIdentity(db)) !== undefined ||
    (await getCurrentRoster(db)) !== undefined ||
    (await db.facts.count()) > 0 ||
    (await db.orgUnits.count()) > 0 ||
    (await db.people.count()) > 0;
  if (used) {
    throw new DutyBookError('conflict', 'the database is not empty', {
      reason: '本机已有单位、密钥或记录,示例数据只能载入到新建的档案中。',
    });
  }
}

/** HR's device set up at `setup`: identity, units and people, the signed roster, the pinned key. */
export async function setUpHrDevice(
  db: DutyBookDb,
  options: {
    suite: CryptoSuite;
    org: Organisation;
    installs: Installs;
    hr: SeedPerson;
    hrKeys: DeviceKeys;
    orgKey: KeyHalf;
    config: AssessmentConfig;
    setup: Date;
  },
): Promise<SignedRoster> {
  const { suite, org, installs, hr, hrKeys, orgKey, config, setup } = options;
  await setSelfIdentity(
    db,
    { personId: hr.id, signingPub: toHex(hrKeys.signing.pub), encryptionPub: toHex(hrKeys.encryption.pub) },
    setup,
  );
  for (const u of org.units) {
    await putUnit(db, { id: u.id, name: u.name, parentId: u.parentId, code: u.code, sortOrder: u.sortOrder });
  }
  for (const p of org.people) {
    await putPerson(db, {
      id: p.id,
      name: p.name,
      unitId: p.unitId,
      positionCategory: p.positionCategory,
      rankLevel: p.rankLevel,
      ...(p.title ? { title: p.title } : {}),
      roles: p.roles,
      supervisorId: p.supervisorId,
    });
  }
  const hrKey = toHex(orgKey.pub);

  const unitName = new Map(org.units.map((u) => [u.id, u.name]));
  // Each install's enrollment request, as HR receives it: signed by the new key, read back and bound.
  const requests = await Promise.all(
    org.people.map(async (p) =>
      parseEnrollmentRequest(
        suite,
        await createEnrollmentRequest(suite, {
          keys: installs.keys.get(p.id)!,
          personId: p.id,
          personName: p.name,
          unitName: unitName.get(p.unitId) ?? org.orgName,
          deviceId: installs.devices.get(p.id)!,
          now: setup,
        }),
      ),
    ),
  );
  const draft = bindEnrollments(
    await draftNextRoster(db, { orgId: org.orgId, hrKey, config, now: setup }),
    requests.map((request, i) => ({ request, personId: org.people[i]!.id })),
    setup,
  );
  const roster = await signRoster(suite, orgKey.seed, draft);
  await saveRoster(db, roster, setup);
  await pinHrKey(db, { hrKey, confirmedFingerprint: fingerprint(orgKey.pub), now: setup });
  return roster;
}
