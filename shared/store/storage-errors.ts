/**
 * IndexedDB and Dexie errors, turned into the core's typed errors in one place. They are recognised
 * by `name` (they cross realms and workers, so `instanceof` is unreliable), looking at the wrapped
 * cause first: Dexie reports a failed open as OpenFailedError around the real VersionError, and a
 * transaction that ran out of disk as AbortError around QuotaExceededError.
 */
import { DutyBookError, StorageError } from '../errors/errors';

type StorageCode = 'storage-quota' | 'storage-corrupt' | 'storage-unavailable';

const CODE_BY_NAME: Readonly<Record<string, StorageCode>> = {
  QuotaExceededError: 'storage-quota',
  VersionError: 'storage-corrupt',
  UpgradeError: 'storage-corrupt',
  DataError: 'storage-corrupt',
  DataCloneError: 'storage-corrupt',
  NotFoundError: 'storage-corrupt',
  DatabaseClosedError: 'storage-unavailable',
  OpenFailedError: 'storage-unavailable',
  UnknownError: 'storage-unavailable',
  InvalidStateError: 'storage-unavailable',
  MissingAPIError: 'storage-unavailable',
  TimeoutError: 'storage-unavailable',
  AbortError: 'storage-unavailable',
  PrematureCommitError: 'storage-unavailable',
};

function nameOf(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null || !('name' in e)) return undefined;
  const n = e.name;
  return typeof n === 'string' ? n : undefined;
}

/** The error that caused `e`, as Dexie (`inner`) or the standard (`cause`) records it. */
function causeOf(e: unknown): unknown {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as { inner?: unknown; cause?: unknown; failures?: unknown };
  if (o.inner) return o.inner;
  if (o.cause) return o.cause;
  // BulkError: the failures of single rows.
  if (Array.isArray(o.failures) && o.failures.length > 0) return o.failures[0];
  if (o.failures && typeof o.failures === 'object') return Object.values(o.failures)[0];
  return undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)
    ? String(e.message)
    : String(e);
}

/**
 * The typed error for a storage failure; anything that is not a storage failure (a DutyBookError
 * already, a TypeError from a bug) comes back unchanged.
 */
export function toStorageError(e: unknown, context = 'storage'): unknown {
  if (e instanceof DutyBookError) return e;
  // Walk down the chain of causes; the deepest recognised name wins.
  const chain: unknown[] = [];
  for (let c: unknown = e; c !== undefined && chain.length < 5; c = causeOf(c)) chain.push(c);
  // Dexie wraps errors thrown inside a transaction when their name matches one of its own
  // (our NotFoundError comes back as Dexie's NotFoundError around it): find ours first.
  const own = chain.find((c): c is DutyBookError => c instanceof DutyBookError);
  if (own) return own;
  for (const c of chain.reverse()) {
    const name = nameOf(c);
    if (name === 'ConstraintError') {
      return new DutyBookError('conflict', `${context}: ${name}: ${messageOf(c)}`, { context }, { cause: e });
    }
    // Chromium's words when the LevelDB files under IndexedDB are damaged (it then resets the store).
    const code =
      name === 'UnknownError' && /backing store/i.test(messageOf(c))
        ? 'storage-corrupt'
        : name !== undefined
          ? CODE_BY_NAME[name]
          : undefined;
    if (code) return new StorageError(code, `${context}: ${name}: ${messageOf(c)}`, { cause: e });
  }
  return e;
}

/** Runs `op` and rethrows any storage failure as a StorageError (or a conflict DutyBookError). */
export async function wrapStorageErrors<T>(context: string, op: () => PromiseLike<T> | T): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw toStorageError(e, context);
  }
}
