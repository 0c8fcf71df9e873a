/**
 * The local password lock (本机密码锁) for PCs that several people use: an optional password per
 * profile, auto-lock after idle time (the renderer's timer), lockout after repeated wrong passwords,
 * and private keys usable only while unlocked.
 *
 * Keys. Setting a password makes a random 32-byte data key and wraps it (AES-256-GCM) under a key
 * derived from the password with scrypt (N = 2^17, r = 8, p = 1 — OWASP's minimum; about 0.8–1.3 s in
 * Chromium and Node on a 2-core PC). Every secret the host stores is then kept as an envelope:
 *   'DBLOCK1\0' | keyId (8) | nonce (12) | AES-256-GCM(dataKey, secret, aad = name + keyId)
 * so the host (OS key store in Electron, the passphrase vault in a browser) holds only ciphertext, and
 * `lockedHost` decrypts only while the data key is in memory. Locking drops (and zeroes) the data key.
 * Changing the password re-wraps the one data key; removing it writes the secrets back in the clear.
 *
 * Database (meta table, device-local — a database restore must keep these two rows as they are):
 *   'appLock'         { v, kdf {name, N, r, p, salt}, keyId, wrap {nonce, ciphertext}, idleMinutes,
 *                       names (every secret name ever wrapped), setAt } — never the password; the
 *                       GCM tag of the wrapped data key is the verifier.
 *   'appLockAttempts' { failures, until } — survives a reload, so reopening does not reset a lockout.
 *
 * What it does not do: the records in the database are not encrypted (the lock hides them on screen;
 * anyone who can read the disk can read them). A forgotten password cannot be recovered: `forget`
 * clears the password and the wrapped keys, and the keys come back from the key backup file.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { DutyBookError, ValidationError } from '../errors/errors';
import type { HostApi } from '../host/contract';
import { appendAudit, auditTables } from '../store/audit';
import type { DutyBookDb } from '../store/db';
import { wrapStorageErrors } from '../store/storage-errors';
import { bytesEqual, concatBytes, fromHex, toHex, utf8 } from '../bundle/bytes';
import { SECRET_NAMES } from '../ledger/identity';

export type ScryptParams = { N: number; r: number; p: number };
/** OWASP Password Storage Cheat Sheet minimum for scrypt; 128 MiB of memory while it runs. */
export const SCRYPT_DEFAULTS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
/** Idle minutes offered once a password is set. No "never": a lock that never engages on its own is not worth a password. */
export const IDLE_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;

/** Five wrong passwords are free; the fifth starts a 30 s wait, each further one doubles it, up to 15 minutes. */
export const LOCKOUT = { freeAttempts: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 } as const;

export const APP_LOCK_META_KEY = 'appLock';
export const APP_LOCK_ATTEMPTS_KEY = 'appLockAttempts';

/**
 * Secrets the lock leaves as they are: the automatic-backup key (BACKUP_KEY_NAME in
 * shared/backup/automatic.ts; the unit test checks the two agree). It must open backups when
 * the database — and with it the lock's record, which holds the wrapped data key — is lost or damaged
 * (the recovery screen), and before a schema upgrade, before anyone could unlock. Leaving it
 * unwrapped gives away nothing the lock protects: the backups hold the database's rows, which are not
 * encrypted on disk either, and never a private key.
 */
const UNWRAPPED_SECRET_NAMES: ReadonlySet<string> = new Set(['backup-key']);

/** Whether `name` passes the lock unwrapped (see UNWRAPPED_SECRET_NAMES). */
export function isUnwrappedSecret(name: string): boolean {
  return UNWRAPPED_SECRET_NAMES.has(name);
}

/**
 * The secrets re-wrapped when a password is set or removed — the host cannot list what it holds, so
 * this is the one list: every name in SECRET_NAMES. A name missing here is still handled:
 * `lockedHost` wraps whatever it stores (and a clear secret on its next read) and notes the name in
 * the record, so removing the password unwraps it too.
 */
export function knownSecretNames(): string[] {
  return Object.values(SECRET_NAMES).filter((n) => !isUnwrappedSecret(n));
}

/** Device-local rows of the meta table: a database restore must leave them as they are on this PC. */
export const APP_LOCK_META_KEYS = [APP_LOCK_META_KEY, APP_LOCK_ATTEMPTS_KEY] as const;

/** How long to wait after `failures` wrong passwords in a row (0 while attempts are still free). */
export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT.freeAttempts) return 0;
  const doublings = Math.min(failures - LOCKOUT.freeAttempts, 20);
  return Math.min(LOCKOUT.firstWaitMs * 2 ** doublings, LOCKOUT.maxWaitMs);
}

/** A rough strength hint for the settings form: 0 weak, 1 fair, 2 good. Length counts most. */
export function passwordStrength(password: string): 0 | 1 | 2 {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const distinct = new Set(password).size;
  if (password.length < MIN_PASSWORD_LENGTH || distinct < 4) return 0;
  if (password.length >= 12 && classes >= 2 && distinct >= 6) return 2;
  if (password.length >= 10 || classes >= 3) return 1;
  return 0;
}

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));
const powerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

const recordSchema = z.strictObject({
  v: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    // Bounded: a damaged row must not make the lock screen allocate gigabytes.
    N: z.number().int().min(2 ** 10).max(2 ** 20).refine(powerOfTwo),
    r: z.number().int().min(1).max(8),
    p: z.number().int().min(1).max(4),
    salt: hex(16),
  }),
  keyId: hex(8),
  wrap: z.strictObject({ nonce: hex(12), ciphertext: hex(48) }),
  idleMinutes: z.number().int().min(1).max(24 * 60),
  names: z.array(z.string().max(64)).max(100),
  setAt: z.string().max(40),
});
export type AppLockRecord = z.output<typeof recordSchema>;

const attemptsSchema = z.strictObject({
  failures: z.number().int().min(0),
  until: z.number().int().min(0),
});
type Attempts = z.output<typeof attemptsSchema>;

export type AppLockStatus = {
  enabled: boolean;
  unlocked: boolean;
  idleMinutes: number;
  failures: number;
  /** Epoch ms until which no password is accepted; 0 when none. */
  lockedUntil: number;
};

const ENVELOPE_MAGIC = utf8('DBLOCK1\0');
const KEY_ID_BYTES = 8;
const NONCE_BYTES = 12;

export function isLockedEnvelope(bytes: Uint8Array): boolean {
  return bytes.length > ENVELOPE_MAGIC.length + KEY_ID_BYTES + NONCE_BYTES + 16 && bytesEqual(bytes.subarray(0, 8), ENVELOPE_MAGIC);
}

function secretAad(name: string, keyId: Uint8Array): Uint8Array {
  return concatBytes(utf8(`dutybook-app-lock-secret:${name}:`), keyId);
}

function wrapAad(kdf: AppLockRecord['kdf'], keyId: string): Uint8Array {
  return utf8(`dutybook-app-lock-v1:scrypt:${kdf.N}:${kdf.r}:${kdf.p}:${kdf.salt}:${keyId}`);
}

async function deriveKek(password: string, kdf: AppLockRecord['kdf']): Promise<Uint8Array> {
  return scryptAsync(utf8(password.normalize('NFC')), fromHex(kdf.salt), {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    dkLen: 32,
    maxmem: 2 ** 31,
  });
}

function locked(reason: string, message: string, details: Record<string, unknown> = {}): DutyBookError {
  return new DutyBookError('app-locked', message, { reason, ...details });
}

function checkNewPassword(password: string, again?: string): void {
  const issues = [];
  if (password.length < MIN_PASSWORD_LENGTH) issues.push({ path: 'password', message: `密码至少${MIN_PASSWORD_LENGTH}个字符` });
  if (password.length > MAX_PASSWORD_LENGTH) issues.push({ path: 'password', message: `密码不能超过${MAX_PASSWORD_LENGTH}个字符` });
  if (again !== undefined && again !== password) issues.push({ path: 'again', message: '两次输入的密码不一致' });
  if (issues.length) throw new ValidationError(issues);
}

function checkIdle(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
    throw new ValidationError([{ path: 'idleMinutes', message: '自动锁定时间应为1至1440分钟' }]);
  }
  return minutes;
}

function minutesText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}秒` : `${Math.ceil(s / 60)}分钟`;
}

type Held = { keyId: string; dataKey: Uint8Array };
export type AppLockSnapshot = { enabled: boolean; locked: boolean };

export type AppLockOptions = {
  /** Epoch ms; tests pass their own clock. */
  now?: () => number;
  /** Parameters for passwords set from now on; an existing record's own parameters are always used to unlock. */
  scrypt?: ScryptParams;
};

export class AppLock {
  private held: Held | null = null;
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

  async record(): Promise<AppLockRecord | undefined> {
    const row = await wrapStorageErrors('read app lock', () => this.db.meta.get(APP_LOCK_META_KEY));
    if (row === undefined) return undefined;
    const parsed = recordSchema.safeParse(row.value);
    if (!parsed.success) throw new DutyBookError('storage-corrupt', 'app lock record is invalid', { key: APP_LOCK_META_KEY });
    return parsed.data;
  }

  private async attempts(): Promise<Attempts> {
    const row = await this.db.meta.get(APP_LOCK_ATTEMPTS_KEY);
    const parsed = attemptsSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : { failures: 0, until: 0 };
  }

  /** Reads the record and publishes whether a password is set (and so whether the app starts locked). */
  async status(): Promise<AppLockStatus> {
    const rec = await this.record();
    const att = await wrapStorageErrors('read app lock attempts', () => this.attempts());
    if (rec && this.held && this.held.keyId !== rec.keyId) this.drop();
    if (!rec && this.held) this.drop();
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
    const before = await wrapStorageErrors('read app lock attempts', () => this.attempts());
    if (before.until > this.now()) {
      throw locked('lockout', 'too many wrong passwords; wait', { until: before.until, failures: before.failures });
    }
    const kek = await deriveKek(password, rec.kdf);
    let dataKey: Uint8Array | null;
    try {
      dataKey = gcm(kek, fromHex(rec.wrap.nonce), wrapAad(rec.kdf, rec.keyId)).decrypt(fromHex(rec.wrap.ciphertext));
    } catch {
      dataKey = null;
    } finally {
      kek.fill(0);
    }
    if (dataKey) {
      if (before.failures > 0) await wrapStorageErrors('reset app lock attempts', () => this.db.meta.delete(APP_LOCK_ATTEMPTS_KEY));
      return { rec, dataKey };
    }
    {
      // Wrong password: count it in one transaction (two windows may be trying at once).
      const after = await wrapStorageErrors('count wrong app password', () =>
        this.db.transaction('rw', [...auditTables(this.db)], async () => {
          const current = await this.attempts();
          const failures = current.failures + 1;
          const wait = lockoutMs(failures);
          const next: Attempts = { failures, until: wait > 0 ? this.now() + wait : 0 };
          await this.db.meta.put({ key: APP_LOCK_ATTEMPTS_KEY, value: next });
          if (wait > 0) {
            await appendAudit(this.db, [
              {
                at: new Date(this.now()).toISOString(),
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
      throw locked('wrong-password', 'wrong app password', {
        failures: after.failures,
        remaining: Math.max(0, LOCKOUT.freeAttempts - after.failures),
        until: after.until,
      });
    }
  }

  /** Enters the password: the data key is held in memory until `lock()`. */
  unlock(password: string): Promise<void> {
    return this.serial(async () => {
      const { rec, dataKey } = await this.verify(password);
      this.drop();
      this.held = { keyId: rec.keyId, dataKey };
      this.publish(true);
    });
  }

  // ---- set, change, remove, forget ----

  private async newWrap(password: string, dataKey: Uint8Array, keyId: string): Promise<Pick<AppLockRecord, 'kdf' | 'wrap'>> {
    const kdf = { name: 'scrypt' as const, ...this.params, salt: toHex(randomBytes(16)) };
    const kek = await deriveKek(password, kdf);
    const nonce = randomBytes(NONCE_BYTES);
    const ciphertext = gcm(kek, nonce, wrapAad(kdf, keyId)).encrypt(dataKey);
    kek.fill(0);
    return { kdf, wrap: { nonce: toHex(nonce), ciphertext: toHex(ciphertext) } };
  }

  private async putRecord(rec: AppLockRecord | null, summary: string, ref: string): Promise<void> {
    await wrapStorageErrors('save app lock', () =>
      this.db.transaction('rw', [...auditTables(this.db)], async () => {
        if (rec) await this.db.meta.put({ key: APP_LOCK_META_KEY, value: recordSchema.parse(rec) });
        else await this.db.meta.delete(APP_LOCK_META_KEY);
        await this.db.meta.delete(APP_LOCK_ATTEMPTS_KEY);
        await appendAudit(this.db, [{ at: new Date(this.now()).toISOString(), action: 'lock', subject: '', ref, summary }]);
      }),
    );
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
        ...(await this.newWrap(password, dataKey, keyId)),
        keyId,
        idleMinutes: checkIdle(options.idleMinutes ?? DEFAULT_IDLE_MINUTES),
        names: plain.map((s) => s.name),
        setAt: new Date(this.now()).toISOString(),
      };
      await this.putRecord(rec, '设置本机密码', 'app-lock/set');
      this.drop();
      this.held = { keyId, dataKey };
      this.publish(true);
      for (const s of plain) await host.storeSecret({ name: s.name, secret: seal(this.held, s.name, s.secret) });
    });
  }

  /** Changes the password: the current one is checked (and counted), the data key is re-wrapped. */
  changePassword(current: string, next: string, again?: string): Promise<void> {
    return this.serial(async () => {
      checkNewPassword(next, again);
      const { rec, dataKey } = await this.verify(current);
      const updated: AppLockRecord = { ...rec, ...(await this.newWrap(next, dataKey, rec.keyId)) };
      await this.putRecord(updated, '修改本机密码', 'app-lock/change');
      this.drop();
      this.held = { keyId: rec.keyId, dataKey };
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
      await this.putRecord(null, '取消本机密码', 'app-lock/remove');
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
    await wrapStorageErrors('save app lock', () => this.db.meta.put({ key: APP_LOCK_META_KEY, value: recordSchema.parse({ ...rec, idleMinutes: minutes }) }));
  }

  // ---- used by lockedHost ----

  /** The data key for the stored record, or an 'app-locked' error. */
  heldFor(rec: AppLockRecord): Held {
    if (!this.held || this.held.keyId !== rec.keyId) {
      if (this.held) this.lock();
      throw locked('locked', 'the app is locked; private keys are unavailable until the password is entered');
    }
    return this.held;
  }

  /** Remembers that a secret name was wrapped, so removing the password unwraps it too. */
  async noteName(rec: AppLockRecord, name: string): Promise<void> {
    if (rec.names.includes(name)) return;
    await wrapStorageErrors('save app lock', () =>
      this.db.transaction('rw', this.db.meta, async () => {
        const latest = await this.record();
        if (latest && !latest.names.includes(name)) {
          await this.db.meta.put({ key: APP_LOCK_META_KEY, value: { ...latest, names: [...latest.names, name] } });
        }
      }),
    );
  }
}

function seal(held: Held, name: string, secret: Uint8Array): Uint8Array<ArrayBuffer> {
  const keyId = fromHex(held.keyId);
  const nonce = randomBytes(NONCE_BYTES);
  return own(concatBytes(ENVELOPE_MAGIC, keyId, nonce, gcm(held.dataKey, nonce, secretAad(name, keyId)).encrypt(secret)));
}

/** A copy in a plain ArrayBuffer (what the host contract's byte fields are typed as). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

function open(held: Held, name: string, envelope: Uint8Array): Uint8Array<ArrayBuffer> {
  const keyId = envelope.subarray(8, 8 + KEY_ID_BYTES);
  if (toHex(keyId) !== held.keyId) {
    throw new DutyBookError('storage-corrupt', `secret ${name} is wrapped under another lock key`, { name });
  }
  const nonce = envelope.subarray(8 + KEY_ID_BYTES, 8 + KEY_ID_BYTES + NONCE_BYTES);
  try {
    return own(gcm(held.dataKey, nonce, secretAad(name, keyId)).decrypt(envelope.subarray(8 + KEY_ID_BYTES + NONCE_BYTES)));
  } catch (cause) {
    throw new DutyBookError('storage-corrupt', `secret ${name} cannot be decrypted`, { name }, { cause });
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
        if (raw && isLockedEnvelope(raw)) throw locked('lock-missing', `secret ${input.name} is wrapped but no app lock is set`);
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
