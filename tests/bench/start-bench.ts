/**
 * The set-up of the cold-start rows of `npm run bench`: a profile with the given roles written into
 * the app's own database of a fresh browser profile (as the first-run wizard leaves it), so that the
 * app build served from the same origin starts straight into that profile's screens. The bench page
 * never loads the app's scripts, so the app is still cold (no HTTP or code cache of it) when the
 * driver starts it in a new browser on this profile. No assertions: set-up only.
 */
import type { Role } from '../../shared/domain';
import { createProfile, openDatabase } from '../../shared/store';

export type StartProfileOptions = { roles: Role[] };

export async function startProfile(o: StartProfileOptions): Promise<{ personId: string }> {
  const db = await openDatabase();
  try {
    const profile = await createProfile(db, {
      name: '张三',
      unitName: '办公室',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: o.roles,
      presetId: 'national',
    });
    return { personId: profile.personId };
  } finally {
    db.close();
  }
}
