/**
 * Micro-benchmarks of the container layer, per stage, for `npm run bench` (not a timed test: numbers
 * depend on the machine). Stages are run one by one with the same building blocks the container uses,
 * then the whole writeBundle/openBundle for comparison.
 */
import { utf8 } from './bytes';
import { canonicalJsonBytes } from './canonical-json';
import { openBundle, writeBundle } from './container';
import { ContentInflater, compressContent, encodeContent } from './content';
import { detectSuite, generateEncryptionKeyPair, generateSigningKeyPair, randomBytes } from './crypto';
import type { CryptoSuite } from './crypto';
import { DEFAULT_LIMITS } from './format';
import { encodeManifest, entryHash, keyId, signManifest, verifyManifest } from './manifest';
import type { BundleManifest } from './manifest';
import { openStream, sealStream } from './stream';

export type StageTimings = Record<string, number>;
export type ContainerBench = {
  suite: string;
  entries: number;
  contentBytes: number;
  fileBytes: number;
  /** Milliseconds per stage. */
  write: StageTimings;
  read: StageTimings;
};

async function timed<T>(into: StageTimings, stage: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  const out = await f();
  into[stage] = (into[stage] ?? 0) + performance.now() - t0;
  return out;
}

/** n record-like entries of about 500 bytes of canonical JSON each. */
function sampleEntries(n: number): { type: string; bytes: Uint8Array }[] {
  const words = ['按时完成', '季度工作', '小结', '会议纪要', '督办事项', '走访群众', '政策宣讲', '整改落实'];
  return Array.from({ length: n }, (_, i) => {
    let text = '';
    while (utf8(text).length < 420) text += words[(i * 7 + text.length) % words.length]!;
    return { type: 'record-version', bytes: canonicalJsonBytes({ id: `r${i}`, author: 'a'.repeat(16), seq: i, text }) };
  });
}

export async function benchContainer(n: number, suite?: CryptoSuite): Promise<ContainerBench> {
  const s = suite ?? (await detectSuite());
  const sender = await generateSigningKeyPair(s);
  const recipient = await generateEncryptionKeyPair(s);
  const entries = sampleEntries(n);
  const write: StageTimings = {};
  const read: StageTimings = {};

  const hashes = await timed(write, 'hash', () => Promise.all(entries.map((e) => entryHash(s, e.bytes))));
  const manifest: BundleManifest = {
    format: 1,
    bundleId: '01JGFJJZ000000000000000000',
    createdAt: new Date().toISOString(),
    sequence: 1,
    senderKeyId: keyId(sender.publicKey),
    senderName: 'bench',
    recipientKeyId: keyId(recipient.publicKey),
    recipientName: 'bench',
    acks: null,
    entries: entries.map((e, i) => ({ hash: hashes[i]!, type: e.type, size: e.bytes.length })),
  };
  const manifestBytes = await timed(write, 'manifest', () => encodeManifest(manifest));
  const signature = await timed(write, 'sign', () => signManifest(s, sender.privateKey, manifestBytes));
  const content = encodeContent(manifestBytes, signature, entries.map((e) => e.bytes));
  const payload = await timed(write, 'compress', () => compressContent(content));
  const aead = await s.aesGcmKey(randomBytes(32));
  const sealed = await timed(write, 'encrypt', () => sealStream(aead, payload));

  const plain: Uint8Array[] = [];
  await timed(read, 'decrypt', async () => {
    for await (const chunk of openStream(aead, sealed, payload.length)) plain.push(chunk);
  });
  const inflater = new ContentInflater({ ...DEFAULT_LIMITS });
  await timed(read, 'inflate+parse', () => {
    plain.forEach((c, i) => inflater.push(c, i === plain.length - 1));
    return inflater.finish();
  });
  await timed(read, 'verify', () => verifyManifest(s, manifest, manifestBytes, signature));
  await timed(read, 'hash', () => Promise.all(entries.map((e) => entryHash(s, e.bytes))));

  const input = { suite: s, sender: { signingKey: sender.privateKey, signingPub: sender.publicKey, name: 'bench' } };
  const file = await timed(write, 'total writeBundle', () =>
    writeBundle({ ...input, recipient: { encryptionPub: recipient.publicKey, name: 'bench' }, entries, acks: null, sequence: 1 }),
  );
  await timed(read, 'total openBundle', () =>
    openBundle(file, { suite: s, recipientEncryptionKey: recipient.privateKey, recipientEncryptionPub: recipient.publicKey }),
  );
  return { suite: s.name, entries: n, contentBytes: content.length, fileBytes: file.length, write, read };
}

export type PrimitiveBench = { suite: string; signPerSecond: number; verifyPerSecond: number; aesGcmMBps: number; sha256MBps: number };

/** Raw primitive speeds of one suite: Ed25519 sign/verify per second, AES-256-GCM and SHA-256 in MB/s. */
export async function benchPrimitives(suite: CryptoSuite, rounds = 500, megabytes = 16): Promise<PrimitiveBench> {
  const key = await generateSigningKeyPair(suite);
  const msg = randomBytes(200);
  let t0 = performance.now();
  let sig: Uint8Array = new Uint8Array(64);
  for (let i = 0; i < rounds; i++) sig = await suite.ed25519Sign(key.privateKey, msg);
  const signPerSecond = rounds / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  for (let i = 0; i < rounds; i++) await suite.ed25519Verify(key.publicKey, msg, sig);
  const verifyPerSecond = rounds / ((performance.now() - t0) / 1000);
  const data = randomBytes(megabytes * 1024 * 1024);
  const aead = await suite.aesGcmKey(randomBytes(32));
  t0 = performance.now();
  await sealStream(aead, data);
  const aesGcmMBps = megabytes / ((performance.now() - t0) / 1000);
  t0 = performance.now();
  await suite.sha256(data);
  const sha256MBps = megabytes / ((performance.now() - t0) / 1000);
  return { suite: suite.name, signPerSecond, verifyPerSecond, aesGcmMBps, sha256MBps };
}
