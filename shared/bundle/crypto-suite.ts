/**
 * The interface both crypto implementations fulfil (crypto-webcrypto.ts, crypto-noble.ts); crypto.ts picks
 * one at run time. Kept apart so that the implementations need not import the module that chooses them.
 */
export type SuiteName = 'webcrypto' | 'noble';

/** An AES-256-GCM key ready for use; `decrypt` returns null when the tag does not verify. */
export type AeadKey = {
  encrypt(nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Promise<Uint8Array>;
  decrypt(nonce: Uint8Array, ciphertext: Uint8Array, aad?: Uint8Array): Promise<Uint8Array | null>;
};

export type CryptoSuite = {
  readonly name: SuiteName;
  sha256(data: Uint8Array): Promise<Uint8Array>;
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): Promise<Uint8Array>;
  ed25519PublicKey(seed: Uint8Array): Promise<Uint8Array>;
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Promise<Uint8Array>;
  /** Strict RFC 8032 verification plus the checks of `ed25519StrictPrecheck` (crypto-strict.ts); never throws. */
  ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean>;
  x25519PublicKey(secret: Uint8Array): Promise<Uint8Array>;
  /** X25519(secret, publicKey); throws when the result is all zero (a low-order public key). */
  x25519SharedSecret(secret: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array>;
  aesGcmKey(key: Uint8Array): Promise<AeadKey>;
};
