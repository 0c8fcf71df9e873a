/**
 * bindEnrollments (one pass over the roster) against bindEnrollment applied one by one: the same
 * roster for new keys, a reinstall that retires the old key, a second PC kept alongside, a stolen
 * PC retired "through" counters, and the same refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  bindEnrollment,
  bindEnrollments,
  type EnrollmentBinding,
} from '../../../../shared/sync/roster-issue';
import type { EnrollmentRequest } from '../../../../shared/ledger/identity';
import type { Roster, RosterPerson } from '../../../../shared/ledger/types';

const NOW = new Date('2026-03-01T02:00:00Z');

const person = (id: string, keys: RosterPerson['keys'] = []): RosterPerson =>
  ({
    id,
    name: `人员${id}`,
    unitId: 'u1',
    positionCategory: 'comprehensive',
    rankLevel: 'staff',
    roles: [],
    supervisorId: null,
    formerSupervisorIds: [],
    hrUnitIds: [],
    active: true,
    keys,
  });

const request = (pub: string, device = `dev-${pub}`): EnrollmentRequest =>
  ({ signingPub: pub, encryptionPub: `enc-${pub}`, deviceId: device }) as unknown as EnrollmentRequest;

const draft: Roster = {
  format: 'dutybook-roster',
  v: 1,
  orgId: 'org',
  version: 2,
  issuedAt: NOW.toISOString(),
  hrKey: 'hr',
  keyHistory: [],
  units: [],
  people: [
    person('a'),
    person('b', [
      { signingPub: 'b1', encryptionPub: 'enc-b1', deviceId: 'dev-b1', since: '2025-01-01T00:00:00.000Z' },
    ]),
    person('c', [
      { signingPub: 'c1', encryptionPub: 'enc-c1', deviceId: 'dev-c1', since: '2025-01-01T00:00:00.000Z' },
    ]),
    person('d', [
      { signingPub: 'd1', encryptionPub: 'enc-d1', deviceId: 'dev-d1', since: '2025-01-01T00:00:00.000Z' },
    ]),
  ],
  config: '',
};

const oneByOne = (bindings: EnrollmentBinding[]) =>
  bindings.reduce((r, b) => bindEnrollment(r, b.request, { ...b, now: NOW }), draft);

describe('bindEnrollments', () => {
  it('gives the roster binding one by one gives', () => {
    const bindings: EnrollmentBinding[] = [
      { request: request('a1'), personId: 'a' },
      { request: request('b2'), personId: 'b' }, // reinstall: b1 retired
      { request: request('c2'), personId: 'c', keepOthers: true }, // a second PC
      { request: request('d2'), personId: 'd', through: { 'dev-d1': 17 } }, // stolen PC
      { request: request('a2'), personId: 'a' }, // a's key bound above, replaced in the same batch
      { request: request('b2', 'dev-b2-again'), personId: 'b' }, // the same key again
    ];
    const batch = bindEnrollments(draft, bindings, NOW);
    expect(batch).toEqual(oneByOne(bindings));
    const d = batch.people.find((p) => p.id === 'd')!;
    expect(d.keys[0]!.retired).toEqual({ at: NOW.toISOString(), through: { 'dev-d1': 17 } });
    expect(batch.people.find((p) => p.id === 'c')!.keys.map((k) => k.retired)).toEqual([
      undefined,
      undefined,
    ]);
    // The draft itself is not changed.
    expect(draft.people[0]!.keys).toEqual([]);
  });

  it('refuses a key bound to someone else, also one bound earlier in the same batch, and an unknown person', () => {
    expect(() => bindEnrollments(draft, [{ request: request('b1'), personId: 'a' }], NOW)).toThrow(
      '此申请的签名密钥已登记给“人员b”',
    );
    expect(() =>
      bindEnrollments(
        draft,
        [
          { request: request('x1'), personId: 'a' },
          { request: request('x1'), personId: 'c' },
        ],
        NOW,
      ),
    ).toThrow('此申请的签名密钥已登记给“人员a”');
    expect(() => bindEnrollments(draft, [{ request: request('y1'), personId: 'nobody' }], NOW)).toThrow(
      'no person nobody',
    );
  });
});
