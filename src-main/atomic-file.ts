/**
 * File I/O that never leaves a half-written file behind and fails with typed errors. Used for documents
 * the user saves and for the key store; plain Node, unit-tested on a real temp folder.
 */
import type { FileHandle } from 'node:fs/promises';
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DutyBookError } from '../shared/errors/errors';

type FsOperation = 'read' | 'write';

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Turns a Node fs error into the DutyBookError a clerk's message can be made from. */
export function fsErrorToDutyBookError(error: unknown, operation: FsOperation, path: string): DutyBookError {
  if (error instanceof DutyBookError) return error;
  const errno = errnoOf(error);
  const details = { path, operation, errno: errno ?? 'unknown' };
  const options = { cause: error };
  switch (errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DutyBookError('storage-quota', `no space left writing ${path}`, details, options);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DutyBookError('forbidden', `permission denied: ${operation} ${path}`, details, options);
    case 'EFBIG':
      return new DutyBookError('file-too-large', `file too large: ${path}`, details, options);
    default:
      return operation === 'read'
        ? new DutyBookError('file-unreadable', `cannot read ${path} (${errno ?? 'unknown'})`, details, options)
        : new DutyBookError('storage-unavailable', `cannot write ${path} (${errno ?? 'unknown'})`, details, options);
  }
}

/** Makes the rename itself durable on POSIX; Windows cannot open folders this way and does not need it. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: some filesystems (network shares, FUSE) refuse fsync on a directory.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes to a temp file in the target's folder (same filesystem, so rename is atomic), fsyncs it, then
 * renames over the target: readers see the old file or the new one, never a torn one, even on power loss.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, mode = 0o666): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx', mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw fsErrorToDutyBookError(error, 'write', target);
  }
  await syncDirectory(dir);
}

/** Reads a whole file, refusing (before reading) anything larger than maxBytes. */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const tooLarge = (actual: number) =>
      new DutyBookError('file-too-large', `${path} is ${actual} bytes (limit ${maxBytes})`, {
        name: basename(path),
        path,
        size: actual,
        limit: maxBytes,
      });
    if (size > maxBytes) throw tooLarge(size);
    const data = await handle.readFile();
    // The file may have grown between stat and read.
    if (data.byteLength > maxBytes) throw tooLarge(data.byteLength);
    // IPC clones a view's whole ArrayBuffer; copy when the Buffer is a slice of something larger, so no
    // unrelated memory ever crosses to the renderer.
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
    return whole ? new Uint8Array(data.buffer) : new Uint8Array(data);
  } catch (error) {
    throw fsErrorToDutyBookError(error, 'read', path);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
