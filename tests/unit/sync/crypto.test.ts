import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bytesEqual, fromHex, toHex, utf8 } from '../../../shared/bundle/bytes';
import {
  detectSuite,
  ed25519StrictPrecheck,
  fingerprint,
  generateEncryptionKeyPair,
  generateSigningKeyPair,
  isCanonicalPointEncoding,
  nobleSuite,
  probeSuite,
  webCryptoSuite,
} from '../../../shared/bundle/crypto';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import { GCM, HKDF_CASE_1, HMAC_CASE_2, RFC7748_DH, RFC7748_SCALAR, RFC8032, SHA256_ABC } from './vectors';

const web = webCryptoSuite()!;
const suites: [string, CryptoSuite][] = [
  ['webcrypto', web],
  ['noble', nobleSuite],
];
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function addToScalar(sig: Uint8Array, add: bigint): Uint8Array {
  let s = 0n;
  for (let i = 31; i >= 0; i--) s = (s << 8n) | BigInt(sig[32 + i]!);
  s += add;
  const out = sig.slice();
  for (let i = 0; i < 32; i++) {
    out[32 + i] = Number(s & 0xffn);
    s >>= 8n;
  }
  return out;
}

describe.each(suites)('%s suite gives the published answers', (_name, suite) => {
  test.each(RFC8032)('RFC 8032 Ed25519 $name: public key, signature, verification', async (v) => {
    const msg = fromHex(v.message);
    expect(toHex(await suite.ed25519PublicKey(fromHex(v.secret)))).toBe(v.public);
    expect(toHex(await suite.ed25519Sign(fromHex(v.secret), msg))).toBe(v.signature);
    expect(await suite.ed25519Verify(fromHex(v.public), msg, fromHex(v.signature))).toBe(true);
    const other = msg.length ? msg.map((b, i) => (i === 0 ? b ^ 1 : b)) : Uint8Array.of(0);
    expect(await suite.ed25519Verify(fromHex(v.public), other, fromHex(v.signature))).toBe(false);
  });

  test('RFC 8032 TEST 1024 really has a 1023-byte message', () => {
    expect(fromHex(RFC8032[3]!.message).length).toBe(1023);
  });

  test('RFC 7748 X25519 scalar multiplication and Diffie–Hellman', async () => {
    for (const v of RFC7748_SCALAR) expect(toHex(await suite.x25519SharedSecret(fromHex(v.scalar), fromHex(v.u)))).toBe(v.out);
    const d = RFC7748_DH;
    expect(toHex(await suite.x25519PublicKey(fromHex(d.alicePrivate)))).toBe(d.alicePublic);
    expect(toHex(await suite.x25519PublicKey(fromHex(d.bobPrivate)))).toBe(d.bobPublic);
    expect(toHex(await suite.x25519SharedSecret(fromHex(d.alicePrivate), fromHex(d.bobPublic)))).toBe(d.shared);
    expect(toHex(await suite.x25519SharedSecret(fromHex(d.bobPrivate), fromHex(d.alicePublic)))).toBe(d.shared);
  });

  test('X25519 with a low-order public key throws instead of giving an all-zero secret', async () => {
    await expect(suite.x25519SharedSecret(fromHex(RFC7748_DH.alicePrivate), new Uint8Array(32))).rejects.toThrow();
  });

  test.each(GCM)('AES-256-GCM McGrew–Viega $name encrypts and decrypts', async (v) => {
    const key = await suite.aesGcmKey(fromHex(v.key));
    const aad = v.aad ? fromHex(v.aad) : undefined;
    const sealed = await key.encrypt(fromHex(v.iv), fromHex(v.pt), aad);
    expect(toHex(sealed)).toBe(v.ct + v.tag);
    expect(toHex((await key.decrypt(fromHex(v.iv), sealed, aad))!)).toBe(v.pt);
    sealed[sealed.length - 1]! ^= 1;
    expect(await key.decrypt(fromHex(v.iv), sealed, aad)).toBeNull();
  });

  test('HKDF-SHA-256 RFC 5869 case 1, HMAC-SHA-256 RFC 4231 case 2, SHA-256("abc")', async () => {
    const h = HKDF_CASE_1;
    expect(toHex(await suite.hkdfSha256(fromHex(h.ikm), fromHex(h.salt), fromHex(h.info), h.length))).toBe(h.okm);
    expect(toHex(await suite.hmacSha256(fromHex(HMAC_CASE_2.key), fromHex(HMAC_CASE_2.data)))).toBe(HMAC_CASE_2.mac);
    expect(toHex(await suite.sha256(utf8('abc')))).toBe(SHA256_ABC);
  });

  test('strict verification: S + L (same point, non-canonical scalar) is rejected', async () => {
    const v = RFC8032[0]!;
    const malleated = addToScalar(fromHex(v.signature), L);
    expect(await suite.ed25519Verify(fromHex(v.public), new Uint8Array(0), malleated)).toBe(false);
  });

  test('strict verification: the small-order "signs everything" forgery is rejected', async () => {
    const identity = fromHex('01'.padEnd(64, '0'));
    const forged = new Uint8Array(64);
    forged.set(identity);
    expect(await suite.ed25519Verify(identity, utf8('任何内容'), forged)).toBe(false);
  });

  test('the probe passes', async () => {
    expect(await probeSuite(suite)).toBe(true);
  });
});

describe('the two suites agree (properties)', () => {
  const pairs: [string, CryptoSuite, CryptoSuite][] = [
    ['webcrypto → noble', web, nobleSuite],
    ['noble → webcrypto', nobleSuite, web],
  ];
  const seed = fc.uint8Array({ minLength: 32, maxLength: 32 });
  const message = fc.uint8Array({ maxLength: 300 });

  test.each(pairs)('signatures made by %s verify, and fail on another message', async (_n, a, b) => {
    await fc.assert(
      fc.asyncProperty(seed, message, async (s, m) => {
        const sig = await a.ed25519Sign(s, m);
        const pub = await b.ed25519PublicKey(s);
        expect(bytesEqual(pub, await a.ed25519PublicKey(s))).toBe(true);
        expect(await b.ed25519Verify(pub, m, sig)).toBe(true);
        expect(await b.ed25519Verify(pub, Uint8Array.of(...m, 0), sig)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  test('X25519 agrees across suites in both directions', async () => {
    await fc.assert(
      fc.asyncProperty(seed, seed, async (x, y) => {
        const xPub = await web.x25519PublicKey(x);
        const yPub = await nobleSuite.x25519PublicKey(y);
        expect(toHex(xPub)).toBe(toHex(await nobleSuite.x25519PublicKey(x)));
        const s1 = await web.x25519SharedSecret(x, yPub);
        const s2 = await nobleSuite.x25519SharedSecret(y, xPub);
        expect(toHex(s1)).toBe(toHex(s2));
      }),
      { numRuns: 40 },
    );
  });

  test.each(pairs)('AES-GCM sealed by %s opens, with and without AAD', async (_n, a, b) => {
    await fc.assert(
      fc.asyncProperty(seed, fc.uint8Array({ minLength: 12, maxLength: 12 }), message, fc.option(message, { nil: undefined }), async (k, n, pt, aad) => {
        const sealed = await (await a.aesGcmKey(k)).encrypt(n, pt, aad);
        const opened = await (await b.aesGcmKey(k)).decrypt(n, sealed, aad);
        expect(opened && toHex(opened)).toBe(toHex(pt));
      }),
      { numRuns: 40 },
    );
  });

  test('HKDF, HMAC and SHA-256 agree across suites', async () => {
    await fc.assert(
      fc.asyncProperty(message, message, message, fc.integer({ min: 1, max: 96 }), async (ikm, salt, info, len) => {
        expect(toHex(await web.hkdfSha256(ikm, salt, info, len))).toBe(toHex(await nobleSuite.hkdfSha256(ikm, salt, info, len)));
        expect(toHex(await web.sha256(ikm))).toBe(toHex(await nobleSuite.sha256(ikm)));
        if (salt.length) expect(toHex(await web.hmacSha256(salt, info))).toBe(toHex(await nobleSuite.hmacSha256(salt, info)));
      }),
      { numRuns: 40 },
    );
  });

  test('both suites accept and refuse exactly the same mangled signatures', async () => {
    const v = RFC8032[2]!;
    const msg = fromHex(v.message);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 255 }), async (at, x) => {
        const sig = fromHex(v.signature);
        const pub = fromHex(v.public);
        if (at < 64) sig[at]! ^= x;
        else pub[at - 64]! ^= x;
        const a = await web.ed25519Verify(pub, msg, sig);
        expect(await nobleSuite.ed25519Verify(pub, msg, sig)).toBe(a);
        expect(a).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('strict encoding rules', () => {
  test('canonical point encodings: y < p, and no sign bit when x = 0', () => {
    expect(isCanonicalPointEncoding(fromHex(RFC8032[0]!.public))).toBe(true);
    expect(isCanonicalPointEncoding(fromHex('ed'.padEnd(62, 'f') + '7f'))).toBe(false); // y = p
    expect(isCanonicalPointEncoding(fromHex('01'.padEnd(62, '0') + '80'))).toBe(false); // y = 1, sign set
    expect(isCanonicalPointEncoding(fromHex('ec'.padEnd(62, 'f') + 'ff'))).toBe(false); // y = p - 1, sign set
  });

  test('the precheck refuses S = L and accepts S = L - 1', () => {
    const pub = fromHex(RFC8032[0]!.public);
    const sig = new Uint8Array(64);
    sig.set(fromHex(RFC8032[0]!.signature).subarray(0, 32));
    expect(ed25519StrictPrecheck(pub, addToScalar(sig, L))).toBe(false);
    expect(ed25519StrictPrecheck(pub, addToScalar(sig, L - 1n))).toBe(true);
  });
});

describe('keys and fingerprints', () => {
  test('fingerprint = SHA-256 → first 10 bytes → Crockford base32 in groups of four (fixed vectors)', () => {
    expect(fingerprint(fromHex(RFC8032[0]!.public))).toBe('47Z3-3QX1-AJH6-2RKB');
    expect(fingerprint(fromHex(RFC7748_DH.alicePublic))).toBe('6069-S5G3-Q4N4-PEFD');
  });

  test('generated key pairs are 32 bytes each and distinct', async () => {
    const s1 = await generateSigningKeyPair(web);
    const s2 = await generateSigningKeyPair(nobleSuite);
    const e1 = await generateEncryptionKeyPair(web);
    for (const k of [s1.privateKey, s1.publicKey, e1.privateKey, e1.publicKey]) expect(k.length).toBe(32);
    expect(bytesEqual(s1.privateKey, s2.privateKey)).toBe(false);
    expect(toHex(await nobleSuite.x25519PublicKey(e1.privateKey))).toBe(toHex(e1.publicKey));
  });

  test('detectSuite picks WebCrypto on Node 20', async () => {
    expect((await detectSuite()).name).toBe('webcrypto');
  });
});
