/**
 * Whose roles the window works with: the profile's tick before a device is enrolled, the roster's
 * once it is (its identity's person listed in the roster it holds); HR's workspace on an enrolled
 * device also needs the organisation key. The roster is a real one, signed by a real HR key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveRoles, workspaceAccess, type RoleSource } from '../../../../shared/ledger/effective-roles';
import { getCurrentRoster, getSelfIdentity } from '../../../../shared/store';
import type { Roster } from '../../../../shared/sync';
import { distributeRoster, makeOrg, type Org } from './harness';

let org: Org;
let roster: Roster;

beforeAll(async () => {
  org = await makeOrg();
  await distributeRoster(org, ['O1', 'S1']);
  roster = (await getCurrentRoster(org.devices.O1!.db))!.roster;
});

describe('effectiveRoles', () => {
  it("an enrolled official's tick of 人事部门 gives nothing: the roster's roles apply", async () => {
    const self = await getSelfIdentity(org.devices.O1!.db);
    expect(effectiveRoles({ roles: ['official', 'hr'] }, roster, self)).toEqual({
      from: 'roster',
      roles: ['official'],
      rosterVersion: roster.version,
      hrKey: org.hrKey,
    });
  });

  it('a supervisor listed in the roster is a supervisor even with the tick off', async () => {
    const self = await getSelfIdentity(org.devices.S1!.db);
    const source = effectiveRoles({ roles: ['official'] }, roster, self);
    expect(source.roles).toEqual(['official', 'supervisor']);
    expect(workspaceAccess(source, 'supervisor', 'checking')).toBe('open');
  });

  it("before enrollment the profile's choice applies: no identity, no roster, or a roster without this person", async () => {
    const profile = { roles: ['hr', 'official'] as const };
    const self = await getSelfIdentity(org.devices.O1!.db);
    expect(effectiveRoles({ roles: [...profile.roles] }, undefined, undefined)).toEqual({
      from: 'profile',
      roles: ['official', 'hr'],
    });
    expect(effectiveRoles({ roles: [...profile.roles] }, roster, undefined).from).toBe('profile');
    expect(effectiveRoles({ roles: [...profile.roles] }, undefined, self).from).toBe('profile');
    expect(effectiveRoles({ roles: [...profile.roles] }, roster, { personId: 'not-listed' }).from).toBe('profile');
  });

  it('reads the identity\'s person, not whoever the profile names', () => {
    // HR's own device: its identity is H, whatever the profile says.
    expect(effectiveRoles({ roles: ['official'] }, roster, { personId: 'H' }).roles).toEqual(['official', 'hr']);
  });

  it('leaves out a role this version does not know (a newer roster may name one)', () => {
    const newer: Roster = {
      ...roster,
      version: roster.version + 1,
      people: roster.people.map((p) => (p.id === 'O1' ? { ...p, roles: ['official', 'auditor'] } : p)),
    };
    expect(effectiveRoles({ roles: ['official'] }, newer, { personId: 'O1' }).roles).toEqual(['official']);
  });
});

describe('workspaceAccess', () => {
  const enrolledHr: RoleSource = { from: 'roster', roles: ['official', 'hr'], rosterVersion: 3, hrKey: 'ab' };
  const localHr: RoleSource = { from: 'profile', roles: ['official', 'hr'] };

  it("HR's workspace on an enrolled device opens only with the organisation key", () => {
    expect(workspaceAccess(enrolledHr, 'hr', 'held')).toBe('open');
    expect(workspaceAccess(enrolledHr, 'hr', 'missing')).toBe('hr-key-missing');
    expect(workspaceAccess(enrolledHr, 'hr', 'locked')).toBe('hr-key-locked');
    expect(workspaceAccess(enrolledHr, 'hr', 'checking')).toBe('checking');
    // The key matters to HR's workspace alone.
    expect(workspaceAccess(enrolledHr, 'official', 'missing')).toBe('open');
  });

  it('before enrollment the tick opens HR\'s workspace, where the organisation and its key are made', () => {
    expect(workspaceAccess(localHr, 'hr', 'missing')).toBe('open');
  });

  it('a role the source does not hold never opens, key or not', () => {
    const official: RoleSource = { from: 'roster', roles: ['official'], rosterVersion: 3, hrKey: 'ab' };
    expect(workspaceAccess(official, 'hr', 'held')).toBe('no-role');
    expect(workspaceAccess(official, 'supervisor', 'held')).toBe('no-role');
    expect(workspaceAccess({ from: 'profile', roles: ['official'] }, 'hr', 'held')).toBe('no-role');
  });
});
