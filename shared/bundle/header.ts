/**
 * The fixed prefix and the header: what a reader parses before decrypting. The header names the
 * cipher suite, the ephemeral and recipient X25519 keys and the payload length, and is closed by an
 * HMAC that proves it was written by whoever made the payload key (and that it arrived unchanged).
 */
import { bytesEqual, concatBytes, readU16be, readU64be, u16be, u64be } from './bytes';
import type { CryptoSuite } from './crypto';
import { BundleError, type BundleErrorReason } from '../errors/bundle-errors';
import {
  FORMAT_MAJOR,
  HEADER_MAC_BYTES,
  HEADER_V1_BODY_BYTES,
  HKDF_INFO,
  HKDF_LENGTH,
  MAGIC,
  MAX_HEADER_BODY_BYTES,
  MAX_HINT_BYTES,
  OFFSET_HINT,
  OFFSET_HINT_LENGTH,
  OFFSET_MAJOR,
  OFFSET_MINOR,
  SUITE_V1,
} from './format';

export type Frame = {
  major: number;
  minor: number;
  /** The hint's raw bytes (not yet parsed). */
  hintBytes: Uint8Array;
  /** Offset of the header (its u16 length field). */
  headerOffset: number;
};

export type Header = {
  suiteId: number;
  ephemeralPub: Uint8Array;
  recipientPub: Uint8Array;
  /** Null when the field holds 2^53 or more (checked only after the MAC, so a flip reads as corruption). */
  payloadLength: number | null;
  /** Bytes a later minor version appended to the header body; authenticated, not interpreted. */
  extension: Uint8Array;
  /** The HMAC-SHA-256 input: magic + version, then header length + body. */
  macInput: Uint8Array;
  mac: Uint8Array;
  payloadOffset: number;
};

const truncated = (what: BundleErrorReason<'truncated'>) => new BundleError('truncated', `file ends inside the ${what}`, { reason: what });

/** Magic, version and hint — the part readable without keys. */
export function parseFrame(file: Uint8Array): Frame {
  const head = file.subarray(0, MAGIC.length);
  if (!bytesEqual(head, MAGIC.subarray(0, head.length)) || file.length === 0) {
    throw new BundleError('not-a-bundle', 'the magic bytes are not those of a DutyBook bundle', { reason: 'magic' });
  }
  if (file.length < OFFSET_HINT_LENGTH) throw truncated(file.length < MAGIC.length ? 'magic' : 'version');
  const major = file[OFFSET_MAJOR]!;
  const minor = file[OFFSET_MINOR]!;
  if (major !== FORMAT_MAJOR) {
    throw new BundleError('unsupported-version', `format ${major}.${minor} is not supported`, { reason: 'major', major, minor });
  }
  if (file.length < OFFSET_HINT) throw truncated('hint-length');
  const hintLength = readU16be(file, OFFSET_HINT_LENGTH);
  if (hintLength > MAX_HINT_BYTES) {
    throw new BundleError('too-large', `hint of ${hintLength} bytes exceeds ${MAX_HINT_BYTES}`, { reason: 'hint', size: hintLength });
  }
  if (file.length < OFFSET_HINT + hintLength) throw truncated('hint');
  return { major, minor, hintBytes: file.subarray(OFFSET_HINT, OFFSET_HINT + hintLength), headerOffset: OFFSET_HINT + hintLength };
}

/** Parses the header after the frame; throws 'truncated', 'malformed' or 'unsupported-version'. */
export function parseHeader(file: Uint8Array, frame: Frame): Header {
  const h = frame.headerOffset;
  if (file.length < h + 4) throw truncated('header');
  const bodyLength = readU16be(file, h);
  const suiteId = readU16be(file, h + 2);
  if (suiteId !== SUITE_V1) {
    throw new BundleError('unsupported-version', `cipher suite ${suiteId} is not supported`, { reason: 'suite', suiteId });
  }
  if (bodyLength < HEADER_V1_BODY_BYTES || bodyLength > MAX_HEADER_BODY_BYTES) {
    throw new BundleError('malformed', `header body of ${bodyLength} bytes`, { reason: 'header-length' });
  }
  const macAt = h + 2 + bodyLength;
  if (file.length < macAt + HEADER_MAC_BYTES) throw truncated('header');
  return {
    suiteId,
    ephemeralPub: file.slice(h + 4, h + 36),
    recipientPub: file.slice(h + 36, h + 68),
    payloadLength: readU64be(file, h + 2 + 66),
    extension: file.slice(h + 2 + HEADER_V1_BODY_BYTES, macAt),
    macInput: concatBytes(file.subarray(0, OFFSET_HINT_LENGTH), file.subarray(h, macAt)),
    mac: file.slice(macAt, macAt + HEADER_MAC_BYTES),
    payloadOffset: macAt + HEADER_MAC_BYTES,
  };
}

/** The header length field and body, as written (suite 1). */
export function encodeHeaderBody(ephemeralPub: Uint8Array, recipientPub: Uint8Array, payloadLength: number, extension: Uint8Array = new Uint8Array(0)) {
  const body = concatBytes(u16be(SUITE_V1), ephemeralPub, recipientPub, u64be(payloadLength), extension);
  return concatBytes(u16be(body.length), body);
}

export type BundleKeys = { macKey: Uint8Array; payloadKey: Uint8Array };

/** HKDF-SHA-256(ikm = X25519 shared secret, salt = ephemeral pub || recipient pub, info) → 64 bytes. */
export async function deriveBundleKeys(suite: CryptoSuite, shared: Uint8Array, ephemeralPub: Uint8Array, recipientPub: Uint8Array): Promise<BundleKeys> {
  const okm = await suite.hkdfSha256(shared, concatBytes(ephemeralPub, recipientPub), HKDF_INFO, HKDF_LENGTH);
  return { macKey: okm.slice(0, 32), payloadKey: okm.slice(32, 64) };
}
