/**
 * Builds bundles a correct writer never makes — with the real keys, so they pass every check but the
 * one under test. Used by the property tests and scripts/golden-bundles.ts.
 */
import { concatBytes, toHex, u16be, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes } from '../../../shared/bundle/canonical-json';
import type { JsonValue } from '../../../shared/bundle/canonical-json';
import { compressContent, encodeContent } from '../../../shared/bundle/content';
import type { CompressionLevel } from '../../../shared/bundle/content';
import { FORMAT_MAJOR, FORMAT_MINOR, MAGIC, MANIFEST_FORMAT } from '../../../shared/bundle/format';
import { deriveBundleKeys, encodeHeaderBody } from '../../../shared/bundle/header';
import { encodeHint } from '../../../shared/bundle/hint';
import { hintFromManifest, keyId, signManifest } from '../../../shared/bundle/manifest';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import { streamNonce } from '../../../shared/bundle/stream';
import { CHUNK_BYTES } from '../../../shared/bundle/format';
import type { Fixture, Party } from './helpers';
import { SEEDS, VECTOR } from './helpers';

export type CraftedContent = { content: Uint8Array; manifest: BundleManifest; hint: Uint8Array };

/** Signed content for `to`, with the manifest patched and/or signed by another key if asked. */
export async function craftContent(
  f: Fixture,
  to: Party,
  opts: {
    entries?: { type: string; bytes: Uint8Array }[];
    patch?: Record<string, JsonValue>;
    signingKey?: Uint8Array;
    /** Entry bytes actually stored, when they should differ from the declared ones. */
    storedEntries?: Uint8Array[];
    trailing?: Uint8Array;
  } = {},
): Promise<CraftedContent> {
  const entries = opts.entries ?? VECTOR.entries;
  const hashes = await Promise.all(entries.map(async (e) => toHex(await f.suite.sha256(e.bytes))));
  const manifest = {
    format: MANIFEST_FORMAT,
    bundleId: VECTOR.bundleId,
    createdAt: new Date(VECTOR.createdAt).toISOString(),
    sequence: VECTOR.sequence,
    senderKeyId: keyId(f.sender.signingPub),
    senderName: f.sender.name,
    recipientKeyId: keyId(to.encryptionPub),
    recipientName: to.name,
    acks: VECTOR.acks,
    entries: entries.map((e, i) => ({ hash: hashes[i]!, type: e.type, size: e.bytes.length })),
    ...opts.patch,
  } as BundleManifest;
  const manifestBytes = canonicalJsonBytes(manifest);
  const signature = await signManifest(f.suite, opts.signingKey ?? f.sender.signingKey, manifestBytes);
  const stored = opts.storedEntries ?? entries.map((e) => e.bytes);
  const content = concatBytes(encodeContent(manifestBytes, signature, stored), opts.trailing ?? new Uint8Array(0));
  return { content, manifest, hint: encodeHint(hintFromManifest(manifest)) };
}

export type ChunkPlan = { plain: Uint8Array; last: boolean }[];

/** Encrypts a payload to `recipientPub` and assembles the file, every field overridable. */
export async function craftContainer(
  f: Fixture,
  recipientPub: Uint8Array,
  opts: {
    payload: Uint8Array;
    hint: Uint8Array;
    payloadLength?: number;
    chunks?: (payload: Uint8Array) => ChunkPlan;
    version?: [number, number];
  },
): Promise<Uint8Array> {
  const { suite } = f;
  const ephPub = await suite.x25519PublicKey(SEEDS.ephemeral);
  const keys = await deriveBundleKeys(suite, await suite.x25519SharedSecret(SEEDS.ephemeral, recipientPub), ephPub, recipientPub);
  const [major, minor] = opts.version ?? [FORMAT_MAJOR, FORMAT_MINOR];
  const prefix = concatBytes(MAGIC, Uint8Array.of(major, minor));
  const header = encodeHeaderBody(ephPub, recipientPub, opts.payloadLength ?? opts.payload.length);
  const mac = await suite.hmacSha256(keys.macKey, concatBytes(prefix, header));
  const aead = await suite.aesGcmKey(keys.payloadKey);
  const plan = (opts.chunks ?? standardChunks)(opts.payload);
  const sealed = await Promise.all(plan.map((c, i) => aead.encrypt(streamNonce(i, c.last), c.plain)));
  return concatBytes(prefix, u16be(opts.hint.length), opts.hint, header, mac, ...sealed);
}

export function standardChunks(payload: Uint8Array): ChunkPlan {
  const n = Math.max(1, Math.ceil(payload.length / CHUNK_BYTES));
  return Array.from({ length: n }, (_, i) => ({
    plain: payload.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES),
    last: i === n - 1,
  }));
}

/** Content → deflate → container, for `to`. */
export async function craftBundle(
  f: Fixture,
  to: Party,
  c: CraftedContent,
  opts: { level?: CompressionLevel; chunks?: (payload: Uint8Array) => ChunkPlan; payload?: Uint8Array; hint?: Uint8Array } = {},
): Promise<Uint8Array> {
  const payload = opts.payload ?? compressContent(c.content, opts.level ?? 6);
  return craftContainer(f, to.encryptionPub, { payload, hint: opts.hint ?? c.hint, chunks: opts.chunks });
}

/** A payload whose content inflates to `zeros` extra bytes after a valid, signed, small content. */
export async function craftDeflateBomb(f: Fixture, to: Party, zeros: number): Promise<Uint8Array> {
  const c = await craftContent(f, to);
  const { Deflate } = await import('fflate');
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  d.push(c.content);
  const block = new Uint8Array(1 << 20);
  for (let left = zeros; left > 0; left -= block.length) d.push(left > block.length ? block : block.subarray(0, left));
  d.push(new Uint8Array(0), true);
  return craftBundle(f, to, c, { payload: concatBytes(...parts) });
}

/** A utf8 helper re-exported for scripts. */
export const text = utf8;
