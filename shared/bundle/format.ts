/**
 * Constants of the bundle file format, version 1.0. docs/bundle-format.md is the specification;
 * every number here appears there. Changing one is a format change.
 */
import { utf8 } from './bytes';
import { BUNDLE_MAGIC, FILE_LIMITS } from '../host/file-limits';

/**
 * 16 bytes. 0x89 is not ASCII (catches 7-bit transfers) nor a valid UTF-8 start (no editor opens it
 * as text); "DUTYBOOK-BNDL" names the file in a hex dump; CR LF catches newline conversion. Defined
 * in the table of files the app reads (shared/host/file-limits.ts), which checks it before reading a
 * picked file past its first bytes.
 */
export const MAGIC = BUNDLE_MAGIC;

/** A reader refuses an unknown major version; it accepts any minor version of a major it knows. */
export const FORMAT_MAJOR = 1;
export const FORMAT_MINOR = 0;

/**
 * Cipher-suite ids. The list only grows; an id is never reused or renumbered (a future 国密 suite —
 * SM2/SM3/SM4 — gets a new id with its own vectors).
 */
export const CIPHER_SUITES = {
  /** X25519, HKDF-SHA-256, HMAC-SHA-256 header MAC, AES-256-GCM STREAM (64 KiB), Ed25519 (strict), SHA-256, DEFLATE. */
  1: 'X25519-HKDF-SHA256-AES256GCM-ED25519',
} as const;
export const SUITE_V1 = 1;

/** Offsets of the fixed prefix. */
export const OFFSET_MAJOR = 16;
export const OFFSET_MINOR = 17;
export const OFFSET_HINT_LENGTH = 18;
export const OFFSET_HINT = 20;

/** The hint is untrusted and read before any key is used: keep it small. */
export const MAX_HINT_BYTES = 4096;

/** Suite 1 header body: suite id (2) + ephemeral public key (32) + recipient public key (32) + payload length (8). */
export const HEADER_V1_BODY_BYTES = 74;
/** Later minor versions may append fields to the header body (covered by the MAC); this bounds it. */
export const MAX_HEADER_BODY_BYTES = 1024;
export const HEADER_MAC_BYTES = 32;

export const HKDF_INFO = utf8('dutybook-bundle v1');
/** HKDF output: header MAC key (32 bytes) then payload key (32 bytes). */
export const HKDF_LENGTH = 64;

export const CHUNK_BYTES = 65536;
export const TAG_BYTES = 16;
export const NONCE_BYTES = 12;

/** Prefixed to the canonical manifest bytes before signing: the signature means nothing elsewhere. */
export const MANIFEST_SIGNATURE_CONTEXT = utf8('dutybook-bundle-manifest-v1\0');
export const SIGNATURE_BYTES = 64;
export const MANIFEST_FORMAT = 1;

/** The file name extension: whole word, so a clerk recognises it in Explorer; `.dbk` is taken. */
export const BUNDLE_FILE_EXTENSION = '.dutybook';

export type BundleLimits = {
  /** The whole file, checked before anything else. */
  maxFileBytes: number;
  /** The decompressed content, enforced while inflating. */
  maxContentBytes: number;
  /** The canonical manifest JSON. */
  maxManifestBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
};

/**
 * About 10k record versions make a bundle that commits in seconds (design/sync.md); these caps leave
 * room above that without letting a hostile file take the memory of a clerk's PC.
 */
export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  maxFileBytes: FILE_LIMITS.bundle.maxBytes,
  maxContentBytes: 256 * 1024 * 1024,
  maxManifestBytes: 16 * 1024 * 1024,
  maxEntries: 100_000,
  maxEntryBytes: 16 * 1024 * 1024,
};
