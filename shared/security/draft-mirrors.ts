/**
 * The mirrors of half-typed drafts (the window's localStorage copies, `dutybook.draft.*`, written at
 * every keystroke so that a killed window or a power cut loses nothing) under the local password lock.
 *
 * Without a password a mirror is plain JSON, as before. With a password set, every mirror is sealed
 * under a key derived from the lock's data key, so the text is never on disk in the clear:
 *   value    'dutybook-draft-sealed:1:' | keyId (hex, 16) | ':' | base64(nonce (12) | AES-256-GCM ciphertext)
 *   key      HKDF-SHA-256(ikm = data key, salt = keyId, info = 'dutybook-app-lock-v1:draft-mirrors'), 32 bytes
 *   aad      'dutybook-draft-mirror:' + the mirror's localStorage key (a mirror moved under another key
 *            does not open)
 *   plain    the same JSON a clear mirror holds ({ savedAt, value })
 * Sealing is synchronous (noble's AES-GCM), as the mirror must be written before the keystroke's
 * handler returns. While locked the key is not in memory: a sealed mirror cannot be read, and nothing
 * is written (the screens are inert then; what is on them stays in memory and is saved to the database
 * as before). After unlocking, mirrors open again — after a power cut, the draft comes back.
 *
 * Setting a password seals the clear mirrors already there; removing it opens them back; forgetting
 * it deletes the sealed ones (nobody can open them any more). Crypto and the rules only: the storage
 * is passed in (the window's localStorage; a Map in the unit tests).
 */
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { concatBytes, fromHex, fromUtf8, utf8 } from '../bundle/bytes';
import type { Held } from './lock-keys';

/** Every draft mirror's localStorage key starts with this. */
export const DRAFT_MIRROR_PREFIX = 'dutybook.draft.';

const SEALED_PREFIX = 'dutybook-draft-sealed:1:';
const NONCE_BYTES = 12;

/** What a draft mirror needs of Web Storage. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/**
 * How mirrors are kept right now: in the clear (no password), not at all (locked, or the lock's state
 * not read yet), or sealed under the key of the lock that is open.
 */
export type DraftMirrorMode = { kind: 'clear' } | { kind: 'locked' } | { kind: 'sealed'; key: DraftKey };

/** The mirrors' key while unlocked, with the id of the lock record whose data key it comes from. */
export type DraftKey = { keyId: string; key: Uint8Array };

/** The mirrors' key for a data key held while unlocked (its own key: never the one that seals private keys). */
export function draftKeyOf(held: Held): DraftKey {
  return {
    keyId: held.keyId,
    key: hkdf(sha256, held.dataKey, fromHex(held.keyId), utf8('dutybook-app-lock-v1:draft-mirrors'), 32),
  };
}

export function isSealedDraft(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

function aad(storageKey: string): Uint8Array {
  return utf8(`dutybook-draft-mirror:${storageKey}`);
}

export function sealDraft(k: DraftKey, storageKey: string, plain: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  const sealed = concatBytes(nonce, gcm(k.key, nonce, aad(storageKey)).encrypt(utf8(plain)));
  return `${SEALED_PREFIX}${k.keyId}:${toBase64(sealed)}`;
}

/** The plain JSON of a sealed mirror; null when it was sealed under another lock, moved or changed. */
export function openDraft(k: DraftKey, storageKey: string, stored: string): string | null {
  if (!isSealedDraft(stored)) return null;
  const rest = stored.slice(SEALED_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon) !== k.keyId) return null;
  try {
    const bytes = fromBase64(rest.slice(colon + 1));
    if (bytes.length < NONCE_BYTES + 16) return null;
    return fromUtf8(gcm(k.key, bytes.subarray(0, NONCE_BYTES), aad(storageKey)).decrypt(bytes.subarray(NONCE_BYTES)));
  } catch {
    return null;
  }
}

/** The draft mirrors in one storage, sealed or not as `mode()` says. Never throws: a mirror is a safety copy only. */
export class DraftMirrors {
  constructor(
    private readonly storage: () => DraftStorage | null,
    private readonly mode: () => DraftMirrorMode,
  ) {}

  /** The mirror's JSON, or null when there is none or it cannot be opened now. */
  readRaw(storageKey: string): string | null {
    try {
      const stored = this.storage()?.getItem(storageKey) ?? null;
      if (stored === null) return null;
      const m = this.mode();
      if (m.kind === 'locked') return null;
      if (m.kind === 'clear') return isSealedDraft(stored) ? null : stored;
      if (isSealedDraft(stored)) return openDraft(m.key, storageKey, stored);
      // Left in the clear (written before the password was set): sealed now that it is read.
      this.storage()?.setItem(storageKey, sealDraft(m.key, storageKey, stored));
      return stored;
    } catch {
      return null;
    }
  }

  /** Writes the mirror; false when it was not written (locked, or storage full). */
  writeRaw(storageKey: string, json: string): boolean {
    const m = this.mode();
    if (m.kind === 'locked') return false;
    try {
      this.storage()?.setItem(storageKey, m.kind === 'sealed' ? sealDraft(m.key, storageKey, json) : json);
      return true;
    } catch (e) {
      console.warn('[dutybook] draft mirror not written', e);
      return false;
    }
  }

  remove(storageKey: string): void {
    try {
      this.storage()?.removeItem(storageKey);
    } catch {
      // nothing to do: the mirror is a safety copy only
    }
  }

  private keys(): string[] {
    const s = this.storage();
    if (!s) return [];
    const out: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(DRAFT_MIRROR_PREFIX)) out.push(k);
    }
    return out;
  }

  /** A password was set: every clear mirror is sealed under its key. Returns how many. */
  sealAll(k: DraftKey): number {
    let n = 0;
    for (const key of this.keys()) {
      const stored = this.storage()?.getItem(key);
      if (stored == null || isSealedDraft(stored)) continue;
      this.storage()?.setItem(key, sealDraft(k, key, stored));
      n++;
    }
    return n;
  }

  /**
   * The password is being removed: every mirror sealed under `k` is written back in the clear; one
   * sealed under another (lost) lock cannot be opened by anyone and is deleted.
   */
  openAll(k: DraftKey): number {
    let n = 0;
    for (const key of this.keys()) {
      const stored = this.storage()?.getItem(key);
      if (stored == null || !isSealedDraft(stored)) continue;
      const plain = openDraft(k, key, stored);
      if (plain === null) this.storage()?.removeItem(key);
      else {
        this.storage()?.setItem(key, plain);
        n++;
      }
    }
    return n;
  }

  /** The password is forgotten: sealed mirrors can never be opened again, so they go. */
  dropSealed(): number {
    let n = 0;
    for (const key of this.keys()) {
      const stored = this.storage()?.getItem(key);
      if (stored != null && isSealedDraft(stored)) {
        this.storage()?.removeItem(key);
        n++;
      }
    }
    return n;
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
