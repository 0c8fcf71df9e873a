/**
 * The WebCrypto implementation of the crypto suite. Private keys are imported as PKCS#8: a fixed
 * 16-byte DER prefix (RFC 8410) followed by the 32-byte seed or scalar.
 */
import { concatBytes, fromHex } from './bytes';
import type { AeadKey, CryptoSuite } from './crypto-suite';
import { ed25519StrictPrecheck } from './crypto-strict';

const PKCS8_ED25519 = fromHex('302e020100300506032b657004220420');
const PKCS8_X25519 = fromHex('302e020100300506032b656e04220420');
const VERIFY_KEY_CACHE_SIZE = 1024;

/** Our buffers are never shared memory; this tells the DOM typings so. */
const bs = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>;

function fromBase64Url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function privateKeyDer(prefix: Uint8Array, secret: Uint8Array): Uint8Array<ArrayBuffer> {
  if (secret.length !== 32) throw new RangeError('a private key has 32 bytes');
  return bs(concatBytes(prefix, secret));
}

export function createWebCryptoSuite(subtle: SubtleCrypto): CryptoSuite {
  // Importing a public key costs about as much as a verification; authors repeat, so keep them.
  const verifyKeys = new Map<string, CryptoKey>();

  async function verifyKey(publicKey: Uint8Array): Promise<CryptoKey> {
    const id = String.fromCharCode(...publicKey);
    let key = verifyKeys.get(id);
    if (!key) {
      key = await subtle.importKey('raw', bs(publicKey.slice()), { name: 'Ed25519' }, false, ['verify']);
      if (verifyKeys.size >= VERIFY_KEY_CACHE_SIZE) verifyKeys.clear();
      verifyKeys.set(id, key);
    }
    return key;
  }

  async function publicFromPrivate(name: 'Ed25519' | 'X25519', prefix: Uint8Array, secret: Uint8Array) {
    const usages: KeyUsage[] = name === 'Ed25519' ? ['sign'] : ['deriveBits'];
    const key = await subtle.importKey('pkcs8', privateKeyDer(prefix, secret), { name }, true, usages);
    const jwk = await subtle.exportKey('jwk', key);
    if (!jwk.x) throw new Error(`${name}: no public key in JWK export`);
    return fromBase64Url(jwk.x);
  }

  return {
    name: 'webcrypto',
    sha256: async (data) => new Uint8Array(await subtle.digest('SHA-256', bs(data))),
    hmacSha256: async (key, data) => {
      const k = await subtle.importKey('raw', bs(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      return new Uint8Array(await subtle.sign('HMAC', k, bs(data)));
    },
    hkdfSha256: async (ikm, salt, info, length) => {
      const k = await subtle.importKey('raw', bs(ikm), 'HKDF', false, ['deriveBits']);
      const params = { name: 'HKDF', hash: 'SHA-256', salt: bs(salt), info: bs(info) };
      return new Uint8Array(await subtle.deriveBits(params, k, length * 8));
    },
    ed25519PublicKey: (seed) => publicFromPrivate('Ed25519', PKCS8_ED25519, seed),
    ed25519Sign: async (seed, message) => {
      const k = await subtle.importKey('pkcs8', privateKeyDer(PKCS8_ED25519, seed), { name: 'Ed25519' }, false, ['sign']);
      return new Uint8Array(await subtle.sign({ name: 'Ed25519' }, k, bs(message)));
    },
    ed25519Verify: async (publicKey, message, signature) => {
      if (!ed25519StrictPrecheck(publicKey, signature)) return false;
      try {
        return await subtle.verify({ name: 'Ed25519' }, await verifyKey(publicKey), bs(signature), bs(message));
      } catch {
        return false;
      }
    },
    x25519PublicKey: (secret) => publicFromPrivate('X25519', PKCS8_X25519, secret),
    x25519SharedSecret: async (secret, publicKey) => {
      const priv = await subtle.importKey('pkcs8', privateKeyDer(PKCS8_X25519, secret), { name: 'X25519' }, false, [
        'deriveBits',
      ]);
      const pub = await subtle.importKey('raw', bs(publicKey.slice()), { name: 'X25519' }, false, []);
      const shared = new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: pub }, priv, 256));
      if (shared.every((b) => b === 0)) throw new Error('X25519: low-order public key');
      return shared;
    },
    aesGcmKey: async (key): Promise<AeadKey> => {
      if (key.length !== 32) throw new RangeError('AES-256-GCM needs a 32-byte key');
      const k = await subtle.importKey('raw', bs(key), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
      const params = (nonce: Uint8Array, aad?: Uint8Array): AesGcmParams =>
        aad ? { name: 'AES-GCM', iv: bs(nonce), additionalData: bs(aad), tagLength: 128 } : { name: 'AES-GCM', iv: bs(nonce), tagLength: 128 };
      return {
        encrypt: async (nonce, plaintext, aad) => new Uint8Array(await subtle.encrypt(params(nonce, aad), k, bs(plaintext))),
        decrypt: async (nonce, ciphertext, aad) => {
          try {
            return new Uint8Array(await subtle.decrypt(params(nonce, aad), k, bs(ciphertext)));
          } catch {
            return null;
          }
        },
      };
    },
  };
}
