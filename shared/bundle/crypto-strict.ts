/**
 * Strict Ed25519 acceptance rules shared by both implementations, so that a signature one accepts
 * the other accepts too (checked by the cross-suite property tests).
 */
import { bytesEqual, fromHex } from './bytes';

const P_LE = fromHex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');
const L_LE = fromHex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010');
const ONE_LE = fromHex('0100000000000000000000000000000000000000000000000000000000000000');
const P_MINUS_ONE_LE = fromHex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f');

/** The eight points of small order, canonically encoded (they make "valid" signatures of anything). */
const SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  '0000000000000000000000000000000000000000000000000000000000000080',
  '0000000000000000000000000000000000000000000000000000000000000000',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85',
].map(fromHex);

/** a < b for 32-byte little-endian integers. */
function lessLE(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  return false;
}

/** A point encoding is canonical when y < p, and the sign bit is clear when x = 0 (y = 1 or y = -1). */
export function isCanonicalPointEncoding(enc: Uint8Array): boolean {
  if (enc.length !== 32) return false;
  const y = enc.slice();
  const sign = y[31]! >> 7;
  y[31] = y[31]! & 0x7f;
  if (!lessLE(y, P_LE)) return false;
  return !(sign && (bytesEqual(y, ONE_LE) || bytesEqual(y, P_MINUS_ONE_LE)));
}

/**
 * Checks made before either implementation verifies, so both accept exactly the same signatures
 * (2026-11, Node 20.20: its OpenSSL accepts a small-order public key with S = 0 for any message; noble does not):
 * S < L (RFC 8032 §5.1.7), canonical encodings of A and R, and A not of small order.
 */
export function ed25519StrictPrecheck(publicKey: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  if (!lessLE(signature.subarray(32), L_LE)) return false;
  if (!isCanonicalPointEncoding(publicKey) || !isCanonicalPointEncoding(signature.subarray(0, 32))) return false;
  return !SMALL_ORDER.some((p) => bytesEqual(p, publicKey));
}
