/**
 * Errors crossing the IPC boundary. Electron keeps only an error's message when a handler throws, so
 * the main process encodes the typed error into the message and the renderer decodes it back into
 * the same class, where describeError can give the clerk the right words.
 */
import { DutyBookError, ValidationError, isDutyBookError, type ErrorCode } from '../errors/errors';

export const HOST_ERROR_MARKER = 'DUTYBOOK_HOST_ERROR:';

export type EncodedHostError = {
  code: string;
  message: string;
  details: Record<string, unknown>;
  issues?: readonly { path: string; message: string }[];
};

export function encodeHostError(error: unknown): string {
  const payload: EncodedHostError = isDutyBookError(error)
    ? {
        code: error.code,
        message: error.message,
        details: { ...error.details },
        ...(error instanceof ValidationError ? { issues: error.issues } : {}),
      }
    : { code: 'internal', message: error instanceof Error ? error.message : String(error), details: {} };
  try {
    return HOST_ERROR_MARKER + JSON.stringify(payload);
  } catch {
    return HOST_ERROR_MARKER + JSON.stringify({ code: payload.code, message: payload.message, details: {} });
  }
}

/** The encoded payload inside an error message, or null when the message carries none. */
export function parseHostErrorMessage(message: string): EncodedHostError | null {
  const at = message.indexOf(HOST_ERROR_MARKER);
  if (at < 0) return null;
  try {
    return JSON.parse(message.slice(at + HOST_ERROR_MARKER.length)) as EncodedHostError;
  } catch {
    return null;
  }
}

/** Rebuilds the typed error from what came over IPC; null when the error is not one of ours. */
export function decodeHostError(error: unknown): DutyBookError | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : null;
  if (message === null) return null;
  const p = parseHostErrorMessage(message);
  if (!p) return null;
  if (p.code === 'validation' && p.issues) return new ValidationError([...p.issues]);
  return new DutyBookError(p.code as ErrorCode, p.message, p.details);
}
