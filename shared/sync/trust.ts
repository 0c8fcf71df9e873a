/**
 * Trust on first use, only after explicit confirmation: a device pins HR's organisation key when a
 * person has compared its fingerprint with HR's paper notice and typed or confirmed it. An unpinned
 * key is never accepted automatically (an import that needs one is rejected and says which
 * fingerprint to compare); a pinned key is replaced only by a rotation the pinned key signed.
 */
import { CROCKFORD, fromHex } from '../bundle/bytes';
import { fingerprint, type CryptoSuite } from '../bundle/crypto';
import type { DutyBookDb } from '../store/db';
import { getPinnedHr, putPinnedHr } from '../store/sync-repo';
import { SyncError } from '../ledger/errors';
import { hexKeySchema } from '../ledger/facts';
import { verifyRotation } from '../ledger/roster';
import type { HrRotation, PinnedHrRow } from '../ledger/types';

/**
 * A fingerprint as typed, made comparable: case and separators ignored, and the letters Crockford
 * base32 leaves out read as the digits they look like (O→0, I/L→1).
 */
export function normaliseFingerprint(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .split('')
    .filter((c) => CROCKFORD.includes(c))
    .join('');
}

export function fingerprintsMatch(a: string, b: string): boolean {
  const x = normaliseFingerprint(a);
  return x.length === 16 && x === normaliseFingerprint(b);
}

/**
 * Pins the HR key. `confirmedFingerprint` is what the person read on HR's notice; it must equal the
 * key's fingerprint. Pinning the key already pinned is a no-op; pinning a different one is refused
 * (that takes a rotation signed by the pinned key).
 */
export async function pinHrKey(
  db: DutyBookDb,
  input: { hrKey: string; confirmedFingerprint: string; now?: Date },
): Promise<PinnedHrRow> {
  if (!hexKeySchema.safeParse(input.hrKey).success) {
    throw new SyncError('fingerprint-mismatch', '人事部门密钥格式不正确');
  }
  const actual = fingerprint(fromHex(input.hrKey));
  if (!fingerprintsMatch(actual, input.confirmedFingerprint)) {
    throw new SyncError(
      'fingerprint-mismatch',
      '输入的指纹与人事部门密钥不一致,请核对书面通知;如确实不一致,请勿导入并联系人事部门',
      { expected: actual },
    );
  }
  const pinned = await getPinnedHr(db);
  if (pinned) {
    if (pinned.key === input.hrKey) return pinned;
    throw new SyncError('hr-key-already-pinned', '本机已确认另一个人事部门密钥;更换密钥须由原密钥签署的轮换声明');
  }
  const row: PinnedHrRow = {
    id: 'hr',
    key: input.hrKey,
    fingerprint: actual,
    pinnedAt: (input.now ?? new Date()).toISOString(),
    previous: [],
  };
  await putPinnedHr(db, row);
  return row;
}

/** The pinned row after following a verified rotation (pure: applyImport and acceptHrRotation use it). */
export function rotatedPin(pinned: PinnedHrRow, newKey: string, now: Date): PinnedHrRow {
  if (pinned.key === newKey) return pinned;
  return {
    id: 'hr',
    key: newKey,
    fingerprint: fingerprint(fromHex(newKey)),
    pinnedAt: now.toISOString(),
    previous: [...pinned.previous, pinned.key],
  };
}

/** Moves the pin to a new HR key named by a rotation statement the pinned key signed. */
export async function acceptHrRotation(
  db: DutyBookDb,
  suite: CryptoSuite,
  rotation: HrRotation,
  now: Date = new Date(),
): Promise<PinnedHrRow> {
  const pinned = await getPinnedHr(db);
  if (!pinned) throw new SyncError('hr-key-not-pinned', '本机尚未确认人事部门密钥');
  if (rotation.oldKey !== pinned.key) {
    throw new SyncError('bad-rotation', '密钥轮换声明不是由本机已确认的人事部门密钥签署的');
  }
  if (!(await verifyRotation(suite, rotation))) {
    throw new SyncError('bad-rotation', '密钥轮换声明的签名无效');
  }
  const next = rotatedPin(pinned, rotation.newKey, now);
  await putPinnedHr(db, next);
  return next;
}
