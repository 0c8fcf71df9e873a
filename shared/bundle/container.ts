/**
 * The bundle container: sign inside, encrypt outside. `writeBundle` signs a manifest of opaque
 * entries with the sender's Ed25519 key, deflates, and encrypts to the recipient's X25519 key;
 * `openBundle` undoes it, checking everything in a fixed order, and refuses the whole file at the
 * first failure with a BundleError. Which records go in, and whether the sender may send them, is
 * the upper layer's business: entries are opaque bytes with a type.
 * The byte layout is specified in docs/bundle-format.md.
 */
import { bytesEqual, concatBytes, fromHex, u16be } from './bytes';
import type { JsonValue } from './canonical-json';
import { ContentInflater, compressContent, compressContentNative, encodeContent } from './content';
import { workerTailDeflater, type TailDeflater } from './deflate';
import type { CompressionLevel } from './content';
import { detectSuite, fingerprint, randomBytes } from './crypto';
import type { CryptoSuite } from './crypto';
import { BundleError } from '../errors/bundle-errors';
import { DEFAULT_LIMITS, FORMAT_MAJOR, FORMAT_MINOR, MAGIC, MANIFEST_FORMAT } from './format';
import type { BundleLimits } from './format';
import { deriveBundleKeys, encodeHeaderBody, parseFrame, parseHeader } from './header';
import { checkHint, encodeHint, parseHint } from './hint';
import {
  encodeManifest,
  entryHashes,
  hintFromManifest,
  keyId,
  signManifest,
  verifyManifest,
} from './manifest';
import type { BundleHint, BundleManifest } from './manifest';
import { chunkCount, openStream, sealStream, sealedLength } from './stream';
import { newId } from '../domain/ids';

/**
 * `hash`: the entry's SHA-256 (lowercase hex) when the caller already knows it — a fact's id is the
 * hash of its canonical bytes — so 10k entries are not hashed again. A wrong one only makes a bundle
 * every reader refuses (the reader hashes every entry), never a wrong one accepted.
 */
export type BundleEntryInput = { type: string; bytes: Uint8Array; hash?: string };

export type WriteBundleInput = {
  /** Defaults to `detectSuite()`. */
  suite?: CryptoSuite;
  sender: { signingKey: Uint8Array; signingPub: Uint8Array; name: string };
  /** `keyId`, when given, must be the recipient key's id (lowercase hex of `encryptionPub`). */
  recipient: { encryptionPub: Uint8Array; name: string; keyId?: string };
  entries: readonly BundleEntryInput[];
  acks: JsonValue;
  sequence: number;
  bundleId?: string;
  /** Milliseconds since the epoch; defaults to now. */
  createdAt?: number;
  /**
   * fflate's DEFLATE at this level (default 6: the golden test vectors), or 'platform': the
   * platform's own zlib where it has one (`compressContentNative`), else fflate at level 1.
   */
  compressionLevel?: CompressionLevel | 'platform';
  /** Test vectors only: a fixed ephemeral X25519 secret instead of a fresh random one. */
  ephemeralKey?: Uint8Array;
  /** Compatibility tests only: the version written, extra header bytes, extra signed manifest fields. */
  formatVersion?: { major: number; minor: number };
  headerExtension?: Uint8Array;
  manifestExtensions?: Record<string, JsonValue>;
};

export type OpenBundleOptions = {
  recipientEncryptionKey: Uint8Array;
  recipientEncryptionPub: Uint8Array;
  limits?: Partial<BundleLimits>;
  suite?: CryptoSuite;
};

export type OpenedEntry = { type: string; bytes: Uint8Array; hash: string };

export type OpenedBundle = {
  formatVersion: { major: number; minor: number };
  suiteId: number;
  hint: BundleHint;
  manifest: BundleManifest;
  entries: OpenedEntry[];
  /** The sender's Ed25519 public key, whose signature over the manifest verified. */
  signerKey: Uint8Array;
};

export async function writeBundle(input: WriteBundleInput): Promise<Uint8Array> {
  const writer = bundleWriter(input.compressionLevel === undefined ? {} : { compressionLevel: input.compressionLevel });
  try {
    writer.add(input.entries);
  } catch (e) {
    writer.abort();
    throw e;
  }
  return writer.finish(input);
}

/** With 'platform' compression, the content past this many bytes is deflated in a worker as it comes. */
export const DEFLATE_HEAD_BYTES = 512 * 1024;

export type BundleWriterOptions = {
  compressionLevel?: CompressionLevel | 'platform';
  /**
   * 'platform' only: where the content's tail is deflated while the entries are still being added
   * (deflate.ts) and after how many bytes; default a worker past DEFLATE_HEAD_BYTES (none in Node).
   */
  tail?: { deflater: () => TailDeflater | null; afterBytes: number };
};

/** The bundle's fields other than its entries, given when the last entry is in. */
export type BundleFinish = Omit<WriteBundleInput, 'entries' | 'compressionLevel'>;

/**
 * Writes one bundle from entries added in order, so that a large export's compression can start
 * before its last entry is encoded (`createBundle`); `writeBundle` is the one-call form.
 */
export type BundleWriter = {
  /** Adds entries in order (their bytes are copied). Throws a RangeError past the format's limits. */
  add(entries: readonly BundleEntryInput[]): void;
  /** Hashes, signs, compresses and encrypts: the bundle file. */
  finish(input: BundleFinish): Promise<Uint8Array>;
  /** Drops a bundle that will not be finished (stops its worker). */
  abort(): void;
};

/** Entries as content: u32 length | bytes, each, in a buffer of their own. */
function frame(entries: readonly BundleEntryInput[], size = entries.reduce((n, e) => n + 4 + e.bytes.length, 0)) {
  const chunk = new Uint8Array(size);
  const view = new DataView(chunk.buffer);
  let at = 0;
  for (const e of entries) {
    view.setUint32(at, e.bytes.length);
    chunk.set(e.bytes, at + 4);
    at += 4 + e.bytes.length;
  }
  return chunk;
}

type EntryMeta = { type: string; size: number; hash: string | undefined; bytes: Uint8Array | undefined };

export function bundleWriter(options: BundleWriterOptions = {}): BundleWriter {
  const level = options.compressionLevel ?? 6;
  const tailOptions = options.tail ?? { deflater: workerTailDeflater, afterBytes: DEFLATE_HEAD_BYTES };
  const metas: EntryMeta[] = [];
  /** Each `add` as one chunk of content: u32 length | bytes, per entry. */
  const kept: Uint8Array[] = [];
  /** What went to the tail, as given (its chunks are handed over), for deflating again on failure. */
  const sent: (readonly BundleEntryInput[])[] = [];
  let keptBytes = 0;
  let contentBytes = 0;
  let tail: TailDeflater | null | undefined;
  let closed = false;

  const abort = () => {
    closed = true;
    tail?.abort();
  };

  const add = (entries: readonly BundleEntryInput[]) => {
    if (closed) throw new Error('this bundle writer is finished');
    // Never write what a reader with default limits refuses: the upper layer splits large exports.
    if (metas.length + entries.length > DEFAULT_LIMITS.maxEntries)
      throw new RangeError('too many entries for one bundle: split the export');
    let size = 0;
    for (const e of entries) {
      if (e.bytes.length > DEFAULT_LIMITS.maxEntryBytes) throw new RangeError('an entry exceeds the size limit');
      size += 4 + e.bytes.length;
    }
    if (contentBytes + size > DEFAULT_LIMITS.maxContentBytes)
      throw new RangeError('the bundle content exceeds the size limit: split the export');
    contentBytes += size;
    const chunk = frame(entries, size);
    for (const e of entries)
      metas.push({ type: e.type, size: e.bytes.length, hash: e.hash, bytes: e.hash === undefined ? e.bytes : undefined });
    if (level === 'platform' && tail === undefined && keptBytes + size > tailOptions.afterBytes)
      tail = tailOptions.deflater();
    if (tail) {
      tail.write(chunk);
      sent.push(entries);
    } else {
      kept.push(chunk);
      keptBytes += size;
    }
  };

  const finish = async (input: BundleFinish): Promise<Uint8Array> => {
    if (closed) throw new Error('this bundle writer is finished');
    closed = true;
    try {
      return await writeFile(input);
    } catch (e) {
      tail?.abort();
      throw e;
    }
  };

  const compress = async (head: Uint8Array): Promise<Uint8Array> => {
    if (level !== 'platform') return compressContent(concatBytes(head, ...kept), level);
    if (tail) {
      try {
        return await tail.finish([head, ...kept]);
      } catch {
        // A worker that failed costs time, not the bundle: everything again, on this thread.
      }
    }
    const content = concatBytes(head, ...kept, ...sent.map((entries) => frame(entries)));
    return (await compressContentNative(content)) ?? compressContent(content, 1);
  };

  const writeFile = async (input: BundleFinish): Promise<Uint8Array> => {
    const suite = input.suite ?? (await detectSuite());
    const { sender, recipient } = input;
    if (!bytesEqual(await suite.ed25519PublicKey(sender.signingKey), sender.signingPub)) {
      throw new TypeError('sender.signingPub does not belong to sender.signingKey');
    }
    if (recipient.encryptionPub.length !== 32)
      throw new TypeError('recipient.encryptionPub must have 32 bytes');
    if (recipient.keyId !== undefined && recipient.keyId !== keyId(recipient.encryptionPub)) {
      throw new TypeError('recipient.keyId is not the id of recipient.encryptionPub');
    }
    const createdAt = input.createdAt ?? Date.now();
    const unknown = metas.filter((e) => e.hash === undefined);
    const computed = await entryHashes(
      suite,
      unknown.map((e) => e.bytes!),
    );
    let next = 0;
    const manifest: BundleManifest = {
      ...input.manifestExtensions,
      format: MANIFEST_FORMAT,
      bundleId: input.bundleId ?? newId(createdAt),
      createdAt: new Date(createdAt).toISOString(),
      sequence: input.sequence,
      senderKeyId: keyId(sender.signingPub),
      senderName: sender.name,
      recipientKeyId: keyId(recipient.encryptionPub),
      recipientName: recipient.name,
      acks: input.acks,
      entries: metas.map((e) => ({ hash: e.hash ?? computed[next++]!, type: e.type, size: e.size })),
    };
    let manifestBytes: Uint8Array;
    try {
      manifestBytes = encodeManifest(manifest);
    } catch (e) {
      throw new TypeError(`cannot write this manifest: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    const signature = await signManifest(suite, sender.signingKey, manifestBytes);
    const head = encodeContent(manifestBytes, signature, []);
    if (
      manifestBytes.length > DEFAULT_LIMITS.maxManifestBytes ||
      head.length + contentBytes > DEFAULT_LIMITS.maxContentBytes
    ) {
      throw new RangeError('the bundle content exceeds the size limit: split the export');
    }
    const payload = await compress(head);

    const ephemeralKey = input.ephemeralKey ?? randomBytes(32);
    const ephemeralPub = await suite.x25519PublicKey(ephemeralKey);
    const shared = await suite.x25519SharedSecret(ephemeralKey, recipient.encryptionPub);
    const keys = await deriveBundleKeys(suite, shared, ephemeralPub, recipient.encryptionPub);
    const version = input.formatVersion ?? { major: FORMAT_MAJOR, minor: FORMAT_MINOR };
    const prefix = concatBytes(MAGIC, Uint8Array.of(version.major, version.minor));
    const header = encodeHeaderBody(
      ephemeralPub,
      recipient.encryptionPub,
      payload.length,
      input.headerExtension,
    );
    const mac = await suite.hmacSha256(keys.macKey, concatBytes(prefix, header));
    const hint = encodeHint(hintFromManifest(manifest));
    const sealed = await sealStream(await suite.aesGcmKey(keys.payloadKey), payload);
    const file = concatBytes(prefix, u16be(hint.length), hint, header, mac, sealed);
    if (file.length > DEFAULT_LIMITS.maxFileBytes)
      throw new RangeError('the bundle exceeds the file size limit: split the export');
    return file;
  };

  return { add, finish, abort };
}

/** The format version and the UNTRUSTED hint, without any key: for "此文件是发给 张三 的" before import. */
export function readBundleHint(bytes: Uint8Array): {
  formatVersion: { major: number; minor: number };
  hint: BundleHint;
} {
  const frame = parseFrame(bytes);
  return { formatVersion: { major: frame.major, minor: frame.minor }, hint: parseHint(frame.hintBytes) };
}

/**
 * Opens a bundle addressed to us. Order: size cap → magic → version → hint → header → recipient →
 * header MAC → length → decrypt and inflate chunk by chunk under the limits → manifest → signature →
 * recipient in the manifest → hint against the manifest → entry hashes. Throws BundleError.
 */
export async function openBundle(bytes: Uint8Array, options: OpenBundleOptions): Promise<OpenedBundle> {
  const suite = options.suite ?? (await detectSuite());
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ourPub = options.recipientEncryptionPub;
  if (!bytesEqual(await suite.x25519PublicKey(options.recipientEncryptionKey), ourPub)) {
    throw new TypeError('recipientEncryptionPub does not belong to recipientEncryptionKey');
  }
  if (bytes.length > limits.maxFileBytes) {
    throw new BundleError('too-large', `file of ${bytes.length} bytes exceeds the limit`, {
      reason: 'file',
      size: bytes.length,
    });
  }
  const frame = parseFrame(bytes);
  const hint = parseHint(frame.hintBytes);
  const header = parseHeader(bytes, frame);

  if (!bytesEqual(header.recipientPub, ourPub)) {
    // A damaged recipient field in a file whose hint names us is corruption, not a wrong stick.
    if (hint.recipient.fingerprint === fingerprint(ourPub)) {
      throw new BundleError('corrupt', 'the header recipient field is damaged', {
        reason: 'header-recipient',
      });
    }
    throw new BundleError('wrong-recipient', 'the bundle is encrypted to another key', {
      reason: 'header-recipient',
      intendedRecipient: hint.recipient.name,
      intendedFingerprint: hint.recipient.fingerprint,
    });
  }
  let shared: Uint8Array;
  try {
    shared = await suite.x25519SharedSecret(options.recipientEncryptionKey, header.ephemeralPub);
  } catch (e) {
    throw new BundleError(
      'corrupt',
      'the ephemeral key is invalid',
      { reason: 'ephemeral-key' },
      { cause: e },
    );
  }
  const keys = await deriveBundleKeys(suite, shared, header.ephemeralPub, ourPub);
  if (!bytesEqual(await suite.hmacSha256(keys.macKey, header.macInput), header.mac)) {
    throw new BundleError('corrupt', 'the header MAC does not verify', { reason: 'header-mac' });
  }
  const payloadLength = header.payloadLength;
  if (payloadLength === null)
    throw new BundleError('malformed', 'payload length beyond 2^53', { reason: 'payload-length' });
  const expected = header.payloadOffset + sealedLength(payloadLength);
  if (bytes.length < expected)
    throw new BundleError('truncated', 'the file ends inside the payload', { reason: 'payload' });
  if (bytes.length > expected) {
    throw new BundleError('corrupt', `${bytes.length - expected} bytes after the end of the bundle`, {
      reason: 'trailing-data',
    });
  }

  const inflater = new ContentInflater(limits);
  const aead = await suite.aesGcmKey(keys.payloadKey);
  const n = chunkCount(payloadLength);
  let i = 0;
  for await (const chunk of openStream(aead, bytes.subarray(header.payloadOffset), payloadLength)) {
    inflater.push(chunk, ++i === n);
  }
  const content = inflater.finish();
  const { manifest } = content;

  await verifyManifest(suite, manifest, content.manifestBytes, content.signature);
  if (manifest.recipientKeyId !== keyId(ourPub)) {
    throw new BundleError('wrong-recipient', 'the signed manifest names another recipient', {
      reason: 'manifest-recipient',
      intendedRecipient: manifest.recipientName,
      intendedFingerprint: hintFromManifest(manifest).recipient.fingerprint,
    });
  }
  checkHint(hint, manifest);
  const entries: OpenedEntry[] = [];
  const hashes = await entryHashes(suite, content.entries);
  for (let k = 0; k < content.entries.length; k++) {
    const bytesK = content.entries[k]!;
    const want = manifest.entries[k]!;
    const hash = hashes[k]!;
    if (hash !== want.hash)
      throw new BundleError('tampered', `entry ${k} does not match its hash in the manifest`, {
        reason: 'entry-hash',
        entry: k,
      });
    entries.push({ type: want.type, bytes: bytesK, hash });
  }
  return {
    formatVersion: { major: frame.major, minor: frame.minor },
    suiteId: header.suiteId,
    hint,
    manifest,
    entries,
    signerKey: fromHex(manifest.senderKeyId),
  };
}
