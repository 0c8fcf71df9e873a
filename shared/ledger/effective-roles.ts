/**
 * The roles a device works with. Until it is enrolled — it has an identity of its own and holds a
 * roster that lists its person — the profile's own choice applies (a fresh install, HR setting up
 * the organisation). From then on the roster decides: HR signs who holds which role, and a tick in
 * 设置 can no longer open a workspace the roster does not give. HR's workspace further needs the
 * organisation key on this device, since everything it does is signed with that key.
 */
import { ROLES, type Role } from '../domain/vocabulary';
import type { Roster } from './types';

export type RoleSource =
  | { from: 'profile'; roles: Role[] }
  | {
      from: 'roster';
      roles: Role[];
      /** The roster that gave them (its version, said on screen). */
      rosterVersion: number;
      /** The HR organisation key that signs that roster (hex): HR's workspace needs its private half. */
      hrKey: string;
    };

/** Whether this device holds the private half of the roster's HR key (the key store may be locked). */
export type HrKeyHolding = 'held' | 'missing' | 'locked' | 'checking';

export type WorkspaceAccess = 'open' | 'no-role' | 'hr-key-missing' | 'hr-key-locked' | 'checking';

/** Known roles only, in their usual order: a role a newer roster names and this version does not know is left out. */
function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

/**
 * The roster's roles once the device is enrolled (its own identity, and a roster listing that
 * identity's person), the profile's before. `roster` is the newest roster this device holds.
 */
export function effectiveRoles(
  profile: { roles: readonly Role[] },
  roster: Roster | undefined,
  self: { personId: string } | undefined,
): RoleSource {
  // One look, by id (not roster.ts's findPerson: that file's schemas and crypto would join the
  // window's first script, which every device parses at start).
  const person = self && roster ? roster.people.find((p) => p.id === self.personId) : undefined;
  if (!roster || !person) return { from: 'profile', roles: knownRoles(profile.roles) };
  return { from: 'roster', roles: knownRoles(person.roles), rosterVersion: roster.version, hrKey: roster.hrKey };
}

/** Whether a workspace opens: its role, and for HR's on an enrolled device, the organisation key. */
export function workspaceAccess(source: RoleSource, role: Role, hrKey: HrKeyHolding): WorkspaceAccess {
  if (!source.roles.includes(role)) return 'no-role';
  if (role !== 'hr' || source.from === 'profile') return 'open';
  switch (hrKey) {
    case 'held':
      return 'open';
    case 'missing':
      return 'hr-key-missing';
    case 'locked':
      return 'hr-key-locked';
    case 'checking':
      return 'checking';
  }
}
