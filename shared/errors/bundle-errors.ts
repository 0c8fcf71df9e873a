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
  /** Structurally invalid: bad JSON, bad lengths, missing fields, hashes that do not match. */
  'malformed',
] as const;

export type BundleErrorKind = (typeof BUNDLE_ERROR_KINDS)[number];

export type BundleErrorDetails = {
  /** The intended recipient's name and fingerprint, for 'wrong-recipient'. */
  intendedRecipient?: string;
  intendedFingerprint?: string;
  /** A short machine-readable reason within the kind, e.g. 'header-mac', 'trailing-data'. */
  reason?: string;
  [key: string]: unknown;
};

export class BundleError extends DutyBookError {
  readonly kind: BundleErrorKind;
  declare readonly details: Readonly<BundleErrorDetails>;

  constructor(kind: BundleErrorKind, message: string, details: BundleErrorDetails = {}, options?: ErrorOptions) {
    super(kind === 'too-large' ? 'file-too-large' : 'file-unreadable', message, { ...details, kind }, options);
    this.name = 'BundleError';
    this.kind = kind;
  }
}

export function isBundleError(e: unknown): e is BundleError {
  return e instanceof BundleError;
}
