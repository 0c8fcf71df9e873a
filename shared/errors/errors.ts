/**
 * Typed errors of the core. Each carries a stable `code` and the facts a message needs; the words a
 * clerk reads are made in one place (`describeError` in messages.zh.ts), never at the throw site.
 */
export type ErrorCode =
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'locked'
  | 'forbidden'
  | 'storage-quota'
  | 'storage-corrupt'
  | 'storage-unavailable'
  | 'host-unavailable'
  | 'key-store-locked'
  | 'app-locked'
  | 'file-too-large'
  | 'file-unreadable'
  | 'file-wrong-kind'
  | 'backup-unrecognised'
  | 'backup-damaged'
  | 'backup-wrong-passphrase'
  | 'backup-wrong-key'
  | 'backup-too-new'
  | 'internal';

export type ValidationIssue = {
  /** Dotted path of the field, e.g. `attendance.sickLeave`. Empty for the whole form. */
  path: string;
  /** A message in Chinese that names the field and what is wrong. */
  message: string;
};

export class DutyBookError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DutyBookError';
    this.code = code;
    this.details = details;
  }
}

/** Input that breaks a rule; `issues` lists every field at fault, so a form can mark them all at once. */
export class ValidationError extends DutyBookError {
  readonly issues: readonly ValidationIssue[];

  constructor(issues: ValidationIssue[], options?: ErrorOptions) {
    super('validation', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), {}, options);
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

export class NotFoundError extends DutyBookError {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} not found`, { what, id });
    this.name = 'NotFoundError';
  }
}

/** An attempt to change something that is submitted, signed or otherwise final. */
export class LockedError extends DutyBookError {
  constructor(what: string, state: string) {
    super('locked', `${what} is locked (${state})`, { what, state });
    this.name = 'LockedError';
  }
}

export class StorageError extends DutyBookError {
  constructor(
    code: 'storage-quota' | 'storage-corrupt' | 'storage-unavailable',
    message: string,
    options?: ErrorOptions,
    details: Record<string, unknown> = {},
  ) {
    super(code, message, details, options);
    this.name = 'StorageError';
  }
}

export function isDutyBookError(e: unknown): e is DutyBookError {
  return e instanceof DutyBookError;
}
