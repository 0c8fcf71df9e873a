/**
 * The cryptographic primitives of the bundle format behind one small interface, with two
 * implementations: WebCrypto (fast, native; Node 20 and Chromium have every algorithm we use) and
 * audited pure JS (@noble/*), the fallback and the reference the tests compare against.
 *
 * Keys travel as raw bytes so they serialise and both implementations accept them: public keys are
 * the 32-byte RFC 8032 / RFC 7748 encodings, private keys the 32-byte seeds (Ed25519) or scalars
 * (X25519). Every method is async because WebCrypto is.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base32Crockford, bytesEqual, fromHex, utf8 } from './bytes';
export { ed25519StrictPrecheck, isCanonicalPointEncoding } from './crypto-strict';
import { createNobleSuite } from './crypto-noble';
import { createWebCryptoSuite } from './crypto-webcrypto';

export type { AeadKey, CryptoSuite, SuiteName } from './crypto-suite';
import type { CryptoSuite } from './crypto-suite';

export type KeyPair = { privateKey: Uint8Array; publicKey: Uint8Array };

export function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) globalThis.crypto.getRandomValues(out.subarray(at, Math.min(n, at + 65536)));
  return out;
}

export async function generateSigningKeyPair(suite: CryptoSuite): Promise<KeyPair> {
  const privateKey = randomBytes(32);
  return { privateKey, publicKey: await suite.ed25519PublicKey(privateKey) };
}

export async function generateEncryptionKeyPair(suite: CryptoSuite): Promise<KeyPair> {
  const privateKey = randomBytes(32);
  return { privateKey, publicKey: await suite.x25519PublicKey(privateKey) };
}

/**
 * A key's fingerprint for comparing on paper: SHA-256 of the 32 raw public-key bytes, the first 10
 * bytes (80 bits) in Crockford base32 — 16 characters in four groups of four, e.g. `K3Q7-9FXA-2M4D-PW0C`.
 */
export function fingerprint(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new RangeError('a public key has 32 bytes');
  const b32 = base32Crockford(sha256(publicKey).subarray(0, 10));
  return b32.match(/.{4}/g)!.join('-');
}

// ---- choosing an implementation -----------------------------------------------------------------

export const nobleSuite: CryptoSuite = createNobleSuite();

/** WebCrypto, or null when this runtime has no `crypto.subtle`. Check it with `probeSuite`. */
export function webCryptoSuite(): CryptoSuite | null {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  return subtle ? createWebCryptoSuite(subtle) : null;
}

// RFC 8032 §7.1 TEST 1 and RFC 7748 §6.1: a probe that also proves the answers are right.
const PROBE_SEED = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
const PROBE_SIG = fromHex(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
);
const PROBE_ALICE = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const PROBE_BOB_PUB = fromHex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
const PROBE_SHARED = fromHex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');

/** True when every primitive of the suite works and gives the known answers. */
export async function probeSuite(suite: CryptoSuite): Promise<boolean> {
  try {
    const empty = new Uint8Array(0);
    const pub = await suite.ed25519PublicKey(PROBE_SEED);
    if (!bytesEqual(await suite.ed25519Sign(PROBE_SEED, empty), PROBE_SIG)) return false;
    if (!(await suite.ed25519Verify(pub, empty, PROBE_SIG))) return false;
    if (!bytesEqual(await suite.x25519SharedSecret(PROBE_ALICE, PROBE_BOB_PUB), PROBE_SHARED)) return false;
    const key = await suite.aesGcmKey(await suite.hkdfSha256(PROBE_SHARED, empty, utf8('probe'), 32));
    const nonce = new Uint8Array(12);
    const sealed = await key.encrypt(nonce, utf8('probe'));
    const opened = await key.decrypt(nonce, sealed);
    return opened !== null && bytesEqual(opened, utf8('probe')) && (await suite.sha256(empty)).length === 32;
  } catch {
    return false;
  }
}

let detected: Promise<CryptoSuite> | null = null;

/** WebCrypto when the probe passes on this runtime, otherwise noble. The answer is cached. */
export function detectSuite(): Promise<CryptoSuite> {
  detected ??= (async () => {
    const web = webCryptoSuite();
    return web && (await probeSuite(web)) ? web : nobleSuite;
  })();
  return detected;
}
