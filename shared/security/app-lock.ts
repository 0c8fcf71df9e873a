/**
 * The local password lock (本机密码锁) for PCs that several people use: an optional password per
 * profile, auto-lock after idle time (the renderer's timer), lockout after repeated wrong passwords,
 * and private keys usable only while unlocked.
 *
 * This file is the lock itself — the data key held in memory while unlocked, one change at a time,
 * the state the lock screen follows — and `lockedHost`, the host as the app sees it through the lock.
 * Beside it: lock-rules.ts (passwords, idle times, the lockout schedule; pure), lock-keys.ts (scrypt,
 * the wrapped data key, the envelope each secret is stored in) and lock-store.ts (the two meta rows).
 * Their public names are exported from here too, so the lock has one place to import from.
 *
 * Setting a password wraps a new data key under it and re-writes every stored secret as an envelope,
 * so the host (OS key store in Electron, the passphrase vault in a browser) holds only ciphertext, and
 * `lockedHost` decrypts only while the data key is in memory. Locking drops (and zeroes) the data key.
 * Changing the password re-wraps the one data key; removing it writes the secrets back in the clear.
 *
 * The mirrors of half-typed drafts (draft-mirrors.ts) are sealed under a key derived from the data key
 * while a password is set: setting one seals those already there, removing it opens them back,
 * forgetting it deletes them (attachMirrors).
 *
 * What it does not do: the records in the database are not encrypted (the lock hides them on screen;
 * anyone who can read the disk can read them) — docs/security.md says why, with the cost measured. A
 * forgotten password cannot be recovered: `forget` clears the password and the wrapped keys, and the
 * keys come back from the key backup file.
 */
import { randomBytes } from '@noble/hashes/utils.js';
import { toHex } from '../bundle/bytes';
import { DutyBookError } from '../errors/errors';
import type { HostApi } from '../host/contract';
import type { DutyBookDb } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';
import {
  isLockedEnvelope,
  isUnwrappedSecret,
  KEY_ID_BYTES,
  knownSecretNames,
  open,
  SCRYPT_DEFAULTS,
  seal,
  unwrapDataKey,
  wrapDataKey,
  type AppLockRecord,
  type Held,
  type ScryptParams,
} from './lock-keys';
import { draftKeyOf, type DraftKey, type DraftMirrorMode, type DraftMirrors } from './draft-mirrors';
import { checkIdle, checkNewPassword, DEFAULT_IDLE_MINUTES, LOCKOUT, lockedError } from './lock-rules';
import {
  clearAttempts,
  countWrongPassword,
  noteSecretName,
  readAttempts,
  readLockRecord,
  saveIdleMinutes,
  saveLockRecord,
} from './lock-store';

export {
  DEFAULT_IDLE_MINUTES,
  IDLE_CHOICES,
  LOCKOUT,
  lockoutMs,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordStrength,
} from './lock-rules';
export {
  isLockedEnvelope,
  isUnwrappedSecret,
  knownSecretNames,
  SCRYPT_DEFAULTS,
  type AppLockRecord,
  type ScryptParams,
} from './lock-keys';
export { APP_LOCK_ATTEMPTS_KEY, APP_LOCK_META_KEY, APP_LOCK_META_KEYS } from './lock-store';
export { DRAFT_MIRROR_PREFIX, DraftMirrors, isSealedDraft, type DraftMirrorMode, type DraftStorage } from './draft-mirrors';

export type AppLockStatus = {
  enabled: boolean;
  unlocked: boolean;
  idleMinutes: number;
  failures: number;
  /** Epoch ms until which no password is accepted; 0 when none. */
  lockedUntil: number;
};

export type AppLockSnapshot = { enabled: boolean; locked: boolean };

export type AppLockOptions = {
  /** Epoch ms; tests pass their own clock. */
  now?: () => number;
  /** Parameters for passwords set from now on; an existing record's own parameters are always used to unlock. */
  scrypt?: ScryptParams;
};

export class AppLock {
  private held: Held | null = null;
  /** The draft mirrors' key (derived from the held data key); dropped with it. */
  private draftKey: DraftKey | null = null;
  /** False until the stored record has been read: until then nothing is known, and mirrors are not touched. */
  private statusRead = false;
  private readonly mirrors = new Set<DraftMirrors>();
  private queue: Promise<unknown> = Promise.resolve();
  private snap: AppLockSnapshot = { enabled: false, locked: false };
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly params: ScryptParams;

  constructor(
    private readonly db: DutyBookDb,
    options: AppLockOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.params = options.scrypt ?? SCRYPT_DEFAULTS;
  }

  // ---- state for the UI ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): AppLockSnapshot => this.snap;

  private publish(enabled: boolean): void {
    const next = { enabled, locked: enabled && this.held === null };
    if (next.enabled === this.snap.enabled && next.locked === this.snap.locked) return;
    this.snap = next;
    this.listeners.forEach((l) => l());
  }

  /** True when a password is set and the data key is not in memory. */
  get isLocked(): boolean {
    return this.snap.locked;
  }

  // ---- stored state ----

  record(): Promise<AppLockRecord | undefined> {
    return readLockRecord(this.db);
  }

  /** Reads the record and publishes whether a password is set (and so whether the app starts locked). */
  async status(): Promise<AppLockStatus> {
    const rec = await this.record();
    const att = await wrapStorageErrors('read app lock attempts', () => readAttempts(this.db));
    if (rec && this.held && this.held.keyId !== rec.keyId) this.drop();
    if (!rec && this.held) this.drop();
    this.statusRead = true;
    this.publish(rec !== undefined);
    return {
      enabled: rec !== undefined,
      unlocked: rec === undefined || this.held !== null,
      idleMinutes: rec?.idleMinutes ?? DEFAULT_IDLE_MINUTES,
      failures: att.failures,
      lockedUntil: att.until > this.now() ? att.until : 0,
    };
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private drop(): void {
    this.held?.dataKey.fill(0);
    this.held = null;
    this.draftKey?.key.fill(0);
    this.draftKey = null;
  }

  /** Holds the data key (and the mirrors' key derived from it) until `lock()`. */
  private hold(held: Held): void {
    this.drop();
    this.held = held;
    this.draftKey = draftKeyOf(held);
  }

  // ---- the draft mirrors ----

  /**
   * How draft mirrors are kept now: in the clear without a password; sealed while unlocked; not at
   * all while locked (or before the stored record was read).
   */
  draftMirrorMode(): DraftMirrorMode {
    if (!this.statusRead) return { kind: 'locked' };
    if (!this.snap.enabled) return { kind: 'clear' };
    return this.draftKey ? { kind: 'sealed', key: this.draftKey } : { kind: 'locked' };
  }

  /** Mirrors to seal when a password is set, open when it is removed, and delete when it is forgotten. */
  attachMirrors(mirrors: DraftMirrors): () => void {
    this.mirrors.add(mirrors);
    return () => this.mirrors.delete(mirrors);
  }

  // ---- lock and unlock ----

  /** Drops the data key from memory: secrets cannot be read until the password is entered again. */
  lock(): void {
    this.drop();
    this.publish(this.snap.enabled);
  }

  /**
   * Checks the password against the stored record (the wrapped data key must decrypt) and, if right,
   * returns the data key. Counts failures and applies the lockout, persistently.
   */
  private async verify(password: string): Promise<{ rec: AppLockRecord; dataKey: Uint8Array }> {
    const rec = await this.record();
    if (!rec) throw new DutyBookError('not-found', 'no app password is set', { what: 'app-lock' });
    const before = await wrapStorageErrors('read app lock attempts', () => readAttempts(this.db));
    if (before.until > this.now()) {
      throw lockedError('lockout', 'too many wrong passwords; wait', { until: before.until, failures: before.failures });
    }
    const dataKey = await unwrapDataKey(password, rec);
    if (dataKey) {
      if (before.failures > 0) await clearAttempts(this.db);
      return { rec, dataKey };
    }
    const after = await countWrongPassword(this.db, this.now);
    throw lockedError('wrong-password', 'wrong app password', {
      failures: after.failures,
      remaining: Math.max(0, LOCKOUT.freeAttempts - after.failures),
      until: after.until,
    });
  }

  /** Enters the password: the data key is held in memory until `lock()`. */
  unlock(password: string): Promise<void> {
    return this.serial(async () => {
      const { rec, dataKey } = await this.verify(password);
      this.hold({ keyId: rec.keyId, dataKey });
      this.publish(true);
    });
  }

  // ---- set, change, remove, forget ----

  private putRecord(rec: AppLockRecord | null, summary: string, ref: string): Promise<void> {
    return saveLockRecord(this.db, rec, { summary, ref, now: this.now });
  }

  /**
   * Sets a password where none is set: every stored secret is re-written as ciphertext under a new
   * data key. The record is written first, so a crash half-way leaves secrets in the clear (wrapped
   * on their next read), never wrapped under a key that was not saved.
   */
  setPassword(host: HostApi, password: string, options: { again?: string; idleMinutes?: number } = {}): Promise<void> {
    return this.serial(async () => {
      checkNewPassword(password, options.again);
      if (await this.record()) throw new DutyBookError('conflict', 'an app password is already set', { what: 'app-lock' });
      const plain = await readPlainSecrets(host, knownSecretNames());
      const dataKey = randomBytes(32);
      const keyId = toHex(randomBytes(KEY_ID_BYTES));
      const rec: AppLockRecord = {
        v: 1,
        ...(await wrapDataKey(password, dataKey, keyId, this.params)),
        keyId,
        idleMinutes: checkIdle(options.idleMinutes ?? DEFAULT_IDLE_MINUTES),
        names: plain.map((s) => s.name),
        setAt: new Date(this.now()).toISOString(),
      };
      await this.putRecord(rec, '设置本机密码', 'app-lock/set');
      const held = { keyId, dataKey };
      this.hold(held);
      this.publish(true);
      for (const m of this.mirrors) m.sealAll(this.draftKey!);
      for (const s of plain) await host.storeSecret({ name: s.name, secret: seal(held, s.name, s.secret) });
    });
  }

  /** Changes the password: the current one is checked (and counted), the data key is re-wrapped. */
  changePassword(current: string, next: string, again?: string): Promise<void> {
    return this.serial(async () => {
      checkNewPassword(next, again);
      const { rec, dataKey } = await this.verify(current);
      const updated: AppLockRecord = { ...rec, ...(await wrapDataKey(next, dataKey, rec.keyId, this.params)) };
      await this.putRecord(updated, '修改本机密码', 'app-lock/change');
      this.hold({ keyId: rec.keyId, dataKey });
      this.publish(true);
    });
  }

  /** Removes the password (the current one is required): secrets are written back in the clear, then the record goes. */
  removePassword(host: HostApi, current: string): Promise<void> {
    return this.serial(async () => {
      const { rec, dataKey } = await this.verify(current);
      const held = { keyId: rec.keyId, dataKey };
      const names = [...new Set([...knownSecretNames(), ...rec.names])];
      // A key store that was never set up (or is unavailable) holds nothing to unwrap.
      if (await assertKeyStoreReadable(host)) {
        for (const name of names) {
          const stored = await host.loadSecret({ name });
          if (stored && isLockedEnvelope(stored)) await host.storeSecret({ name, secret: open(held, name, stored) });
        }
      }
      // Draft mirrors back in the clear before the record goes (a crash between leaves them clear,
      // sealed again on their next read), and once more after, for one written meanwhile.
      const draftKey = draftKeyOf(held);
      for (const m of this.mirrors) m.openAll(draftKey);
      await this.putRecord(null, '取消本机密码', 'app-lock/remove');
      for (const m of this.mirrors) m.openAll(draftKey);
      draftKey.key.fill(0);
      dataKey.fill(0);
      this.drop();
      this.publish(false);
    });
  }

  /**
   * Forgotten password: the wrapped secrets cannot be opened by anyone, so they are deleted with the
   * record; records in the database stay. The keys come back from the key backup file (同步 → 密钥备份).
   */
  forget(host: HostApi): Promise<{ deleted: string[] }> {
    return this.serial(async () => {
      const rec = await this.record();
      if (!rec) return { deleted: [] };
      const deleted: string[] = [];
      for (const name of new Set([...knownSecretNames(), ...rec.names])) {
        if ((await host.deleteSecret({ name })).deleted) deleted.push(name);
      }
      await this.putRecord(null, '忘记本机密码:已清除本机密码和本机私钥', 'app-lock/forget');
      for (const m of this.mirrors) m.dropSealed();
      this.drop();
      this.publish(false);
      return { deleted };
    });
  }

  /** The idle time before the app locks itself (only while a password is set). */
  async setIdleMinutes(minutes: number): Promise<void> {
    checkIdle(minutes);
    const rec = await this.record();
    if (!rec) throw new DutyBookError('not-found', 'no app password is set', { what: 'app-lock' });
    await saveIdleMinutes(this.db, rec, minutes);
  }

  // ---- used by lockedHost ----

  /** The data key for the stored record, or an 'app-locked' error. */
  heldFor(rec: AppLockRecord): Held {
    if (!this.held || this.held.keyId !== rec.keyId) {
      if (this.held) this.lock();
      throw lockedError('locked', 'the app is locked; private keys are unavailable until the password is entered');
    }
    return this.held;
  }

  /** Remembers that a secret name was wrapped, so removing the password unwraps it too. */
  noteName(rec: AppLockRecord, name: string): Promise<void> {
    return noteSecretName(this.db, rec, name);
  }
}

/** Re-wrapping reads every secret: in a browser the passphrase vault must be open (when it holds any). */
async function assertKeyStoreReadable(host: HostApi): Promise<boolean> {
  const st = await host.keyStoreStatus();
  if (!st.available || !st.initialised) return false;
  if (!st.unlocked) throw new DutyBookError('key-store-locked', 'the key store must be unlocked to re-wrap secrets', { reason: 'locked' });
  return true;
}

async function readPlainSecrets(host: HostApi, names: string[]): Promise<{ name: string; secret: Uint8Array }[]> {
  if (!(await assertKeyStoreReadable(host))) return [];
  const out = [];
  for (const name of names) {
    const secret = await host.loadSecret({ name });
    // An envelope without a record belongs to a lost password: it cannot be opened, leave it be.
    if (secret && !isLockedEnvelope(secret)) out.push({ name, secret });
  }
  return out;
}

/**
 * The host the app uses: secrets pass through the lock. Without a password nothing changes (an
 * envelope found then belongs to a lost password and is refused, never handed out as a key). With a
 * password, secrets are stored as envelopes and read back only while unlocked; while locked every
 * secret call throws 'app-locked'.
 */
export function lockedHost(host: HostApi, lock: AppLock): HostApi {
  return {
    ...host,
    loadSecret: async (input) => {
      if (isUnwrappedSecret(input.name)) return host.loadSecret(input);
      const rec = await lock.record();
      if (!rec) {
        const raw = await host.loadSecret(input);
        if (raw && isLockedEnvelope(raw)) throw lockedError('lock-missing', `secret ${input.name} is wrapped but no app lock is set`);
        return raw;
      }
      const held = lock.heldFor(rec);
      const stored = await host.loadSecret(input);
      if (!stored) return null;
      if (isLockedEnvelope(stored)) return open(held, input.name, stored);
      // Left in the clear (a crash while the password was being set): wrap it now.
      await host.storeSecret({ name: input.name, secret: seal(held, input.name, stored) });
      await lock.noteName(rec, input.name);
      return stored;
    },
    storeSecret: async (input) => {
      if (isUnwrappedSecret(input.name)) return host.storeSecret(input);
      const rec = await lock.record();
      if (!rec) return host.storeSecret(input);
      const held = lock.heldFor(rec);
      await lock.noteName(rec, input.name);
      return host.storeSecret({ name: input.name, secret: seal(held, input.name, input.secret) });
    },
    deleteSecret: async (input) => {
      if (isUnwrappedSecret(input.name)) return host.deleteSecret(input);
      const rec = await lock.record();
      if (rec) lock.heldFor(rec);
      return host.deleteSecret(input);
    },
  };
}
