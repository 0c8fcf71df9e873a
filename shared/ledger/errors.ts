/**
 * Errors of the sync model. Each carries a stable `kind` and a `reason` already in words a clerk
 * understands (the import preview lists such reasons too), so describeError can show `details.reason`.
 */
import { DutyBookError, type ErrorCode } from '../errors/errors';

export type SyncErrorKind =
  | 'fingerprint-mismatch'
  | 'hr-key-already-pinned'
  | 'hr-key-not-pinned'
  | 'bad-rotation'
  | 'enrollment-unreadable'
  | 'roster-unreadable'
  | 'backup-unreadable'
  | 'wrong-passphrase'
  | 'not-enrolled'
  | 'no-roster'
  | 'bundle-rejected'
  | 'already-imported';

const CODE: Readonly<Record<SyncErrorKind, ErrorCode>> = {
  'fingerprint-mismatch': 'validation',
  'hr-key-already-pinned': 'conflict',
  'hr-key-not-pinned': 'forbidden',
  'bad-rotation': 'forbidden',
  'enrollment-unreadable': 'file-unreadable',
  'roster-unreadable': 'file-unreadable',
  'backup-unreadable': 'file-unreadable',
  'wrong-passphrase': 'key-store-locked',
  'not-enrolled': 'forbidden',
  'no-roster': 'not-found',
  'bundle-rejected': 'forbidden',
  'already-imported': 'conflict',
};

export class SyncError extends DutyBookError {
  readonly kind: SyncErrorKind;
  readonly reason: string;

  constructor(kind: SyncErrorKind, reason: string, details: Record<string, unknown> = {}) {
    super(CODE[kind], `${kind}: ${reason}`, { ...details, kind, reason });
    this.name = 'SyncError';
    this.kind = kind;
    this.reason = reason;
  }
}
