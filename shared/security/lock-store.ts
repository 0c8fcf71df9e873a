/**
 * The lock's rows in the database (meta table, device-local — a database restore must keep these two
 * rows as they are):
 *   'appLock'         { v, kdf {name, N, r, p, salt}, keyId, wrap {nonce, ciphertext}, idleMinutes,
 *                       names (every secret name ever wrapped), setAt } — never the password; the
 *                       GCM tag of the wrapped data key is the verifier (lock-keys.ts).
 *   'appLockAttempts' { failures, until } — survives a reload, so reopening does not reset a lockout.
 * Reading and writing them, each change of the record with its audit entry in one transaction.
 */
import { z } from 'zod';
import { DutyBookError } from '../errors/errors';
import { appendAudit, auditTables } from '../store/audit';
import type { DutyBookDb } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';
import { recordSchema, type AppLockRecord } from './lock-keys';
import { lockoutMs, minutesText } from './lock-rules';

export const APP_LOCK_META_KEY = 'appLock';
export const APP_LOCK_ATTEMPTS_KEY = 'appLockAttempts';

/** Device-local rows of the meta table: a database restore must leave them as they are on this PC. */
export const APP_LOCK_META_KEYS = [APP_LOCK_META_KEY, APP_LOCK_ATTEMPTS_KEY] as const;

const attemptsSchema = z.strictObject({
  failures: z.number().int().min(0),
  until: z.number().int().min(0),
});
export type Attempts = z.output<typeof attemptsSchema>;

/** The lock's record; undefined when no password is set, 'storage-corrupt' when the row is not one. */
export async function readLockRecord(db: DutyBookDb): Promise<AppLockRecord | undefined> {
  const row = await wrapStorageErrors('read app lock', () => db.meta.get(APP_LOCK_META_KEY));
  if (row === undefined) return undefined;
  const parsed = recordSchema.safeParse(row.value);
  if (!parsed.success) throw new DutyBookError('storage-corrupt', 'app lock record is invalid', { key: APP_LOCK_META_KEY });
  return parsed.data;
}

/** The wrong passwords counted so far (none when the row is missing or unreadable). */
export async function readAttempts(db: DutyBookDb): Promise<Attempts> {
  const row = await db.meta.get(APP_LOCK_ATTEMPTS_KEY);
  const parsed = attemptsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { failures: 0, until: 0 };
}

export async function clearAttempts(db: DutyBookDb): Promise<void> {
  await wrapStorageErrors('reset app lock attempts', () => db.meta.delete(APP_LOCK_ATTEMPTS_KEY));
}

/**
 * Counts one more wrong password in one transaction (two windows may be trying at once); when the
 * count starts a wait, the audit trail says so.
 */
export async function countWrongPassword(db: DutyBookDb, now: () => number): Promise<Attempts> {
  return wrapStorageErrors('count wrong app password', () =>
    db.transaction('rw', [...auditTables(db)], async () => {
      const current = await readAttempts(db);
      const failures = current.failures + 1;
      const wait = lockoutMs(failures);
      const next: Attempts = { failures, until: wait > 0 ? now() + wait : 0 };
      await db.meta.put({ key: APP_LOCK_ATTEMPTS_KEY, value: next });
      if (wait > 0) {
        await appendAudit(db, [
          {
            at: new Date(now()).toISOString(),
            action: 'lock',
            subject: '',
            ref: 'app-lock/lockout',
            summary: `本机密码连续输错${failures}次,暂停输入${minutesText(wait)}`,
          },
        ]);
      }
      return next;
    }),
  );
}

/** Writes (or, given null, removes) the record, clears the count, and audits it: one transaction. */
export async function saveLockRecord(
  db: DutyBookDb,
  rec: AppLockRecord | null,
  audit: { summary: string; ref: string; now: () => number },
): Promise<void> {
  await wrapStorageErrors('save app lock', () =>
    db.transaction('rw', [...auditTables(db)], async () => {
      if (rec) await db.meta.put({ key: APP_LOCK_META_KEY, value: recordSchema.parse(rec) });
      else await db.meta.delete(APP_LOCK_META_KEY);
      await db.meta.delete(APP_LOCK_ATTEMPTS_KEY);
      await appendAudit(db, [
        { at: new Date(audit.now()).toISOString(), action: 'lock', subject: '', ref: audit.ref, summary: audit.summary },
      ]);
    }),
  );
}

export async function saveIdleMinutes(db: DutyBookDb, rec: AppLockRecord, minutes: number): Promise<void> {
  await wrapStorageErrors('save app lock', () =>
    db.meta.put({ key: APP_LOCK_META_KEY, value: recordSchema.parse({ ...rec, idleMinutes: minutes }) }),
  );
}

/** Remembers that a secret name was wrapped, so removing the password unwraps it too. */
export async function noteSecretName(db: DutyBookDb, rec: AppLockRecord, name: string): Promise<void> {
  if (rec.names.includes(name)) return;
  await wrapStorageErrors('save app lock', () =>
    db.transaction('rw', db.meta, async () => {
      const latest = await readLockRecord(db);
      if (latest && !latest.names.includes(name)) {
        await db.meta.put({ key: APP_LOCK_META_KEY, value: { ...latest, names: [...latest.names, name] } });
      }
    }),
  );
}
