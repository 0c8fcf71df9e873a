/**
 * The device's own profile (one row, id 'local'): who uses this machine and in which roles.
 * Validation happens before anything is written, so a rejected form leaves the database as it was.
 */
import { DutyBookError, NotFoundError, StorageError } from '../errors/errors';
import {
  LOCAL_PROFILE_ID,
  localProfileSchema,
  newId,
  parseOrThrow,
  profileInputSchema,
  type LocalProfile,
  type ProfileInput,
} from '../domain';
import type { DutyBookDb } from './db';
import { wrapStorageErrors } from './storage-errors';

function checkStored(row: unknown): LocalProfile {
  const r = localProfileSchema.safeParse(row);
  if (!r.success) throw new StorageError('storage-corrupt', `profile row is invalid: ${r.error.message}`);
  // An absent 职务 is stored as no field at all, not as `title: undefined`.
  if (r.data.title === undefined) delete r.data.title;
  return r.data;
}

/** The profile, or undefined before the first-run wizard has finished. Safe inside a live query. */
export async function getProfile(db: DutyBookDb): Promise<LocalProfile | undefined> {
  const row = await wrapStorageErrors('read profile', () => db.profile.get(LOCAL_PROFILE_ID));
  return row === undefined ? undefined : checkStored(row);
}

export type CreateProfileOptions = {
  now?: Date;
  /** The person's id in the unit roster, when known (e.g. from HR's roster bundle); made otherwise. */
  personId?: string;
};

/**
 * Creates the profile and makes its preset the active one. Throws ValidationError for bad input and
 * a 'conflict' DutyBookError when the device already has a profile.
 */
export async function createProfile(
  db: DutyBookDb,
  input: ProfileInput,
  options: CreateProfileOptions = {},
): Promise<LocalProfile> {
  const fields = parseOrThrow(profileInputSchema, input);
  const at = (options.now ?? new Date()).toISOString();
  const profile = checkStored({
    id: LOCAL_PROFILE_ID,
    personId: options.personId ?? newId(),
    ...fields,
    createdAt: at,
    updatedAt: at,
  });
  return wrapStorageErrors('create profile', () =>
    db.transaction('rw', db.profile, db.settings, async () => {
      if (await db.profile.get(LOCAL_PROFILE_ID)) {
        throw new DutyBookError('conflict', 'a profile already exists on this device', { what: 'profile' });
      }
      await db.profile.add(profile);
      await db.settings.put({ key: 'activePresetId', value: profile.presetId, updatedAt: at });
      return profile;
    }),
  );
}

/**
 * Changes some fields of the profile. The merged profile is checked as a whole (a new category must
 * still fit the rank level); a changed preset becomes the active one.
 */
export async function updateProfile(
  db: DutyBookDb,
  patch: Partial<ProfileInput>,
  options: { now?: Date } = {},
): Promise<LocalProfile> {
  return wrapStorageErrors('update profile', () =>
    db.transaction('rw', db.profile, db.settings, async () => {
      const row = await db.profile.get(LOCAL_PROFILE_ID);
      if (!row) throw new NotFoundError('profile', LOCAL_PROFILE_ID);
      const current = checkStored(row);
      const fields = parseOrThrow(profileInputSchema, {
        name: current.name,
        unitName: current.unitName,
        title: current.title,
        positionCategory: current.positionCategory,
        rankLevel: current.rankLevel,
        roles: current.roles,
        presetId: current.presetId,
        ...patch,
      });
      const at = (options.now ?? new Date()).toISOString();
      const next = checkStored({ ...current, ...fields, title: fields.title, updatedAt: at });
      await db.profile.put(next);
      if (next.presetId !== current.presetId) {
        await db.settings.put({ key: 'activePresetId', value: next.presetId, updatedAt: at });
      }
      return next;
    }),
  );
}

/** The tables whose rows belong to the local person and carry their `personId`. */
function ownTables(db: DutyBookDb) {
  return [db.plans, db.planVersions, db.monthlyRecords, db.recordVersions, db.journalEntries, db.summaries, db.summaryVersions];
}

/**
 * Takes on the person id of a restored key backup (recovering on a new PC): the profile and every
 * record written here so far move to that id, so what is written from now on is attributed to the
 * person HR knows. Refused once this install has signed records under another id, because those
 * facts cannot be re-attributed without forging them.
 */
export async function adoptPersonId(db: DutyBookDb, personId: string, options: { now?: Date } = {}): Promise<LocalProfile> {
  return wrapStorageErrors('adopt person id', () =>
    db.transaction('rw', [db.profile, db.facts, ...ownTables(db)], async () => {
      const row = await db.profile.get(LOCAL_PROFILE_ID);
      if (!row) throw new NotFoundError('profile', LOCAL_PROFILE_ID);
      const current = checkStored(row);
      if (current.personId === personId) return current;
      const signed = await db.facts.where('author').equals(current.personId).count();
      if (signed > 0) {
        throw new DutyBookError('conflict', 'this install already signed records under another person id', {
          what: 'profile',
          reason: `本机已用另一身份签署过${signed}条记录,不能再恢复为备份中的身份。请在新安装的程序中恢复密钥备份。`,
        });
      }
      for (const table of ownTables(db)) {
        await (table as unknown as { toCollection(): { modify(f: (r: { personId: string }) => void): Promise<number> } })
          .toCollection()
          .modify((r) => {
            if (r.personId === current.personId) r.personId = personId;
          });
      }
      const next = checkStored({ ...current, personId, updatedAt: (options.now ?? new Date()).toISOString() });
      await db.profile.put(next);
      return next;
    }),
  );
}
