/**
 * Domain-separated signatures: every signed object is `domain ‖ 0x00 ‖ canonicalJson(value)`, with a
 * domain string per kind of object, so a signature made for one purpose (an attestation) can never
 * be replayed as another (a roster, an enrollment).
 */
import { concatBytes, fromHex, toHex, utf8 } from '../bundle/bytes';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import type { CryptoSuite } from '../bundle/crypto';

export const DOMAINS = {
  attestation: 'dutybook-attestation-v1',
  roster: 'dutybook-roster-v1',
  enrollment: 'dutybook-enrollment-v1',
  rotation: 'dutybook-hr-rotation-v1',
} as const;
export type SigningDomain = (typeof DOMAINS)[keyof typeof DOMAINS];

export function signedMessage(domain: SigningDomain, value: unknown): Uint8Array {
  return concatBytes(utf8(`${domain}\0`), canonicalJsonBytes(value));
}

export async function signValue(
  suite: CryptoSuite,
  seed: Uint8Array,
  domain: SigningDomain,
  value: unknown,
): Promise<string> {
  return toHex(await suite.ed25519Sign(seed, signedMessage(domain, value)));
}

/** False for a bad signature and for malformed hex alike; never throws. */
export async function verifyValue(
  suite: CryptoSuite,
  publicKeyHex: string,
  domain: SigningDomain,
  value: unknown,
  signatureHex: string,
): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  try {
    return await suite.ed25519Verify(fromHex(publicKeyHex), signedMessage(domain, value), fromHex(signatureHex));
  } catch {
    return false;
  }
}
