import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../shared/bundle/bytes';
import { fingerprint } from '../../../../shared/bundle/crypto';
import {
  draftNextRoster,
  fingerprintsMatch,
  generateOrgKey,
  makeHrRotation,
  normaliseFingerprint,
  pinHrKey,
  SyncError,
  signRoster,
  verifyRoster,
  type Roster,
} from '../../../../shared/sync';
import { getCurrentRoster, getPerson, getPinnedHr, putPerson, saveRoster } from '../../../../shared/store';
import { snapshot } from '../../store/helpers';
import { makeDevice, makeOrg, ORG, preview, receive, send, suite } from './harness';

describe('P12: trust on first use, only after explicit confirmation', () => {
  it('fingerprints: SHA-256 of the raw key, 80 bits in Crockford base32, four groups (vectors)', () => {
    // Computed independently (Python hashlib + a hand-written base32) from RFC 8032 §7.1 keys.
    expect(fingerprint(fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a'))).toBe(
      '47Z3-3QX1-AJH6-2RKB',
    );
    expect(fingerprint(fromHex('3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c'))).toBe(
      '77VH-7M56-8GJK-Y12J',
    );
    expect(fingerprint(new Uint8Array(32))).toBe('CSM7-NBFR-CAYQ-EV4F');
  });

  it('a typed fingerprint matches however it is spaced or cased, and O/I/L read as 0/1/1', () => {
    expect(normaliseFingerprint('csm7 nbfr cayq ev4f')).toBe('CSM7NBFRCAYQEV4F');
    expect(fingerprintsMatch('47Z3-3QX1-AJH6-2RKB', '47z3 3qxl ajh6 2rkb')).toBe(true);
    expect(fingerprintsMatch('47Z3-3QX1-AJH6-2RKB', '47Z3-3QX1-AJH6-2RK')).toBe(false);
    expect(fingerprintsMatch('', '')).toBe(false);
  });

  it('pins only when the confirmed fingerprint is the key’s, and never replaces a pinned key', async () => {
    const s = await suite();
    const d = await makeDevice('D', 'P');
    const key = toHex((await generateOrgKey(s)).pub);
    const other = toHex((await generateOrgKey(s)).pub);
    await expect(pinHrKey(d.db, { hrKey: key, confirmedFingerprint: fingerprint(fromHex(other)) })).rejects.toMatchObject({
      kind: 'fingerprint-mismatch',
    });
    expect(await getPinnedHr(d.db)).toBeUndefined();
    const row = await pinHrKey(d.db, { hrKey: key, confirmedFingerprint: fingerprint(fromHex(key)).toLowerCase() });
    expect(row.key).toBe(key);
    expect(await pinHrKey(d.db, { hrKey: key, confirmedFingerprint: fingerprint(fromHex(key)) })).toEqual(row);
    const refused = await pinHrKey(d.db, { hrKey: other, confirmedFingerprint: fingerprint(fromHex(other)) }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(SyncError);
    expect((refused as SyncError).kind).toBe('hr-key-already-pinned');
  });

  it('an unpinned HR key is never accepted: the bundle is rejected, says what to compare, and changes nothing', async () => {
    const org = await makeOrg();
    const newcomer = org.devices.O2!;
    await newcomer.db.trust.delete('hr');
    const before = await snapshot(newcomer.db);
    const plan = await preview(newcomer, (await send(org.hr, newcomer)).bytes);
    expect(plan.status).toBe('rejected');
    expect(plan.trustNeeded).toEqual({ hrKey: org.hrKey, fingerprint: fingerprint(fromHex(org.hrKey)) });
    expect(plan.rejected[0]!.reason).toContain(fingerprint(fromHex(org.hrKey)));
    expect(await snapshot(newcomer.db)).toEqual(before);
  });

  it('a roster signed by another key is refused, even with a rotation that the pinned key did not sign', async () => {
    const s = await suite();
    const org = await makeOrg();
    const mallory = await generateOrgKey(s);
    const rogue = await generateOrgKey(s);
    const draft: Roster = { ...org.roster, version: 5, hrKey: toHex(rogue.pub) };
    // A rotation from mallory's key, not from the pinned one.
    draft.keyHistory = [await makeHrRotation(s, { orgId: ORG, oldSeed: mallory.seed, newSeed: rogue.seed })];
    const signed = await signRoster(s, rogue.seed, draft);
    const verdict = await verifyRoster(s, signed, { key: org.hrKey, previous: [] });
    expect(verdict).toMatchObject({ ok: false, code: 'untrusted' });
  });

  it('a rotation signed by the pinned key moves the pin; the old key may then not issue newer rosters', async () => {
    const s = await suite();
    const org = await makeOrg();
    const { O1 } = org.devices;
    await receive(O1!, (await send(org.hr, O1!)).bytes);
    const newKey = await generateOrgKey(s);
    const rotation = await makeHrRotation(s, { orgId: ORG, oldSeed: org.orgKey.seed, newSeed: newKey.seed });
    const v2 = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: toHex(newKey.pub), rotation });
    expect(v2.keyHistory).toEqual([rotation]);
    await saveRoster(org.hr.db, await signRoster(s, newKey.seed, v2));
    const plan = await receive(O1!, (await send(org.hr, O1!)).bytes);
    expect(plan.rosterChange).toEqual({ from: 1, to: 2 });
    const pinned = await getPinnedHr(O1!.db);
    expect(pinned?.key).toBe(toHex(newKey.pub));
    expect(pinned?.previous).toEqual([org.hrKey]);

    // The old key (perhaps stolen) signs a version 3: refused.
    const forged = await signRoster(s, org.orgKey.seed, { ...v2, version: 3, hrKey: org.hrKey, keyHistory: [] });
    const verdict = await verifyRoster(s, forged, pinned);
    expect(verdict).toMatchObject({ ok: false, code: 'untrusted' });
    // …but the old version 1 it signed still verifies (it is older: it changes nothing).
    expect((await verifyRoster(s, (await O1!.db.rosters.get(1))!.signed, pinned, true)).ok).toBe(true);
  });

  it('a rotation whose new key did not countersign is refused', async () => {
    const s = await suite();
    const org = await makeOrg();
    const newKey = await generateOrgKey(s);
    const stranger = await generateOrgKey(s);
    const rotation = await makeHrRotation(s, { orgId: ORG, oldSeed: org.orgKey.seed, newSeed: newKey.seed });
    const other = await makeHrRotation(s, { orgId: ORG, oldSeed: org.orgKey.seed, newSeed: stranger.seed });
    const spliced = { ...rotation, newSignature: other.newSignature };
    const roster = await signRoster(s, newKey.seed, { ...org.roster, version: 2, hrKey: toHex(newKey.pub), keyHistory: [spliced] });
    expect(await verifyRoster(s, roster, { key: org.hrKey, previous: [] })).toMatchObject({ ok: false, code: 'untrusted' });
  });
});

describe('P7: no rollback', () => {
  it('an older roster after a newer one is kept out with an "older" outcome; its version never decreases', async () => {
    const s = await suite();
    const org = await makeOrg();
    const { O3 } = org.devices;
    const oldBundle = (await send(org.hr, O3!)).bytes;
    const v2 = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey, config: { weights: [0.4, 0.6] } });
    await saveRoster(org.hr.db, await signRoster(s, org.orgKey.seed, v2));
    const newBundle = (await send(org.hr, O3!)).bytes;
    await receive(O3!, newBundle);
    expect((await getCurrentRoster(O3!.db))?.roster.version).toBe(2);
    const old = await receive(O3!, oldBundle);
    expect(old.rosterOutcome).toBe('older');
    expect(old.rosterChange).toBeUndefined();
    expect((await getCurrentRoster(O3!.db))?.roster.version).toBe(2);
    expect(JSON.parse((await getCurrentRoster(O3!.db))!.roster.config)).toEqual({ weights: [0.4, 0.6] });
    // saveRoster refuses to go back too.
    expect(await saveRoster(O3!.db, (await org.hr.db.rosters.get(1))!.signed)).toBe(false);
  });

  it('the roster feeds the org tables the UI reads (units and people with roles and supervisors)', async () => {
    const org = await makeOrg();
    const { O5 } = org.devices;
    await receive(O5!, (await send(org.hr, O5!)).bytes);
    expect((await O5!.db.people.get('O5'))?.supervisorId).toBe('S2');
    expect((await O5!.db.orgUnits.get('10'))?.path).toBe('/10/');
    expect(await O5!.db.people.count()).toBe(8);
  });
});

describe('issuing rosters', () => {
  it('a reassignment keeps the former supervisor for the days they supervised, and only those', async () => {
    const org = await makeOrg();
    const o1 = (await getPerson(org.hr.db, 'O1'))!;
    await putPerson(org.hr.db, { ...o1, supervisorId: 'S2', effectiveFrom: '2026-07-01' });
    const next = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey, now: new Date('2026-07-02T08:00:00Z') });
    const p = next.people.find((x) => x.id === 'O1')!;
    expect(next.v).toBe(2);
    expect(p.supervisorId).toBe('S2');
    expect(p.formerSupervisorIds).toBeUndefined();
    expect(p.periods!.map((x) => [x.from, x.to, x.supervisorId])).toEqual([
      [null, '2026-06-30', 'S1'],
      ['2026-07-01', null, 'S2'],
    ]);
    expect(next.version).toBe(2);
    expect(p.keys).toEqual(org.roster.people.find((x) => x.id === 'O1')!.keys);
  });
});
