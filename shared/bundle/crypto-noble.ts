/** The pure-JS implementation of the crypto suite: audited @noble primitives, strict Ed25519. */
import { gcm } from '@noble/ciphers/aes.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { AeadKey, CryptoSuite } from './crypto-suite';
import { ed25519StrictPrecheck } from './crypto-strict';

/** Runs a synchronous primitive behind the suite's async interface: a throw becomes a rejection. */
function later<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return Promise.resolve(f(...args));
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
}

function nobleAead(key: Uint8Array): AeadKey {
  const k = key.slice();
  return {
    encrypt: later((nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) => gcm(k, nonce, aad).encrypt(plaintext)),
    decrypt: later((nonce: Uint8Array, ciphertext: Uint8Array, aad?: Uint8Array) => {
      try {
        return gcm(k, nonce, aad).decrypt(ciphertext);
      } catch {
        return null;
      }
    }),
  };
}

export function createNobleSuite(): CryptoSuite {
  return {
    name: 'noble',
    sha256: later((data: Uint8Array) => sha256(data)),
    hmacSha256: later((key: Uint8Array, data: Uint8Array) => hmac(sha256, key, data)),
    hkdfSha256: later((ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number) => hkdf(sha256, ikm, salt, info, length)),
    ed25519PublicKey: later((seed: Uint8Array) => ed25519.getPublicKey(seed)),
    ed25519Sign: later((seed: Uint8Array, message: Uint8Array) => ed25519.sign(message, seed)),
    ed25519Verify: later((publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => {
      if (!ed25519StrictPrecheck(publicKey, signature)) return false;
      try {
        return ed25519.verify(signature, message, publicKey, { zip215: false });
      } catch {
        return false;
      }
    }),
    x25519PublicKey: later((secret: Uint8Array) => x25519.getPublicKey(secret)),
    x25519SharedSecret: later((secret: Uint8Array, publicKey: Uint8Array) => x25519.getSharedSecret(secret, publicKey)),
    aesGcmKey: later((key: Uint8Array) => {
      if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
      return nobleAead(key);
    }),
  };
}
