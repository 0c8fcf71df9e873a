/**
 * Why a bundle file was refused. `kind` is a stable, closed list: the UI, the import report and the
 * golden files (tests/golden/bundles/expected.json) depend on it, so kinds are added, never renamed.
 */
import { DutyBookError } from './errors';

export const BUNDLE_ERROR_KINDS = [
  /** Not a DutyBook bundle at all (wrong magic bytes, or too short to tell). */
  'not-a-bundle',
  /** Made by a newer DutyBook: unknown major format version or cipher suite. */
  'unsupported-version',
  /** The file ends before the format says it should (an incomplete copy). */
  'truncated',
  /** Bytes changed in transit: a MAC or an authentication tag fails, or there is trailing data. */
  'corrupt',
  /** Authentic content, but the readable hint disagrees with the signed manifest. */
  'tampered',
  /** Addressed to another key: the header or the signed manifest names a different recipient. */
  'wrong-recipient',
  /** The sender's signature over the manifest does not verify. */
  'bad-signature',
  /** Over a size, count or decompression limit. */
  'too-large',
  /** Structurally invalid: bad JSON, bad lengths, missing fields, a DEFLATE stream that does not end with the payload. */
  'malformed',
] as const;

export type BundleErrorKind = (typeof BUNDLE_ERROR_KINDS)[number];

/**
 * Every `reason` a BundleError gives, per kind: a closed list like the kinds, listed with its meaning in
 * docs/bundle-format.md §12 (a test checks that every one is there). Add, never rename: the golden
 * files, the CLI's `--json` output and other implementations compare them.
 */
export const BUNDLE_ERROR_REASONS = {
  'not-a-bundle': ['magic'],
  'unsupported-version': ['major', 'suite'],
  truncated: ['magic', 'version', 'hint-length', 'hint', 'header', 'payload', 'missing-final-chunk'],
  corrupt: ['header-recipient', 'ephemeral-key', 'header-mac', 'trailing-data', 'chunk-tag'],
  tampered: ['hint-mismatch', 'entry-hash'],
  'wrong-recipient': ['header-recipient', 'manifest-recipient'],
  'bad-signature': ['manifest-signature'],
  'too-large': ['file', 'hint', 'manifest', 'entries', 'entry', 'content', 'exceeds-declared'],
  malformed: [
    'hint-json',
    'hint-not-an-object',
    'hint-bundle-id',
    'hint-created-at',
    'hint-entry-count',
    'hint-entry-bytes',
    'hint-sender',
    'hint-recipient',
    'header-length',
    'payload-length',
    'deflate',
    'deflate-trailing',
    'manifest-json',
    'manifest-not-an-object',
    'manifest-format',
    'manifest-bundle-id',
    'manifest-created-at',
    'manifest-sequence',
    'manifest-sender-key-id',
    'manifest-recipient-key-id',
    'manifest-sender-name',
    'manifest-recipient-name',
    'manifest-acks',
    'manifest-entries',
    'manifest-entry-hash',
    'manifest-entry-type',
    'manifest-entry-size',
    'content-short',
    'entry-length',
  ],
} as const satisfies Record<BundleErrorKind, readonly string[]>;

/** The reasons of one kind (of any kind when not given). */
export type BundleErrorReason<K extends BundleErrorKind = BundleErrorKind> = (typeof BUNDLE_ERROR_REASONS)[K][number];

/** The part after `prefix-` of the reasons of `kind` that start with it: `'hint'` → 'json' | 'sender' | … */
export type ReasonSuffix<K extends BundleErrorKind, P extends string> =
  BundleErrorReason<K> extends infer R ? (R extends `${P}-${infer S}` ? S : never) : never;

export type BundleErrorDetails<K extends BundleErrorKind = BundleErrorKind> = {
  /** The intended recipient's name and fingerprint, for 'wrong-recipient'. */
  intendedRecipient?: string;
  intendedFingerprint?: string;
  /** A short machine-readable reason within the kind, e.g. 'header-mac', 'trailing-data'. */
  reason?: BundleErrorReason<K>;
  [key: string]: unknown;
};

export class BundleError<K extends BundleErrorKind = BundleErrorKind> extends DutyBookError {
  readonly kind: K;
  declare readonly details: Readonly<BundleErrorDetails<K>>;

  constructor(kind: K, message: string, details: BundleErrorDetails<K> = {}, options?: ErrorOptions) {
    super(kind === 'too-large' ? 'file-too-large' : 'file-unreadable', message, { ...details, kind }, options);
    this.name = 'BundleError';
    this.kind = kind;
  }
}

export function isBundleError(e: unknown): e is BundleError {
  return e instanceof BundleError;
}
