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

/**
 * Writes a new file `name` in `dir`, never replacing one: the name is claimed first (an empty file
 * created exclusively, so two writers or a file already there cannot be overwritten), the bytes go to
 * a temp file beside it that is fsynced and renamed over the claim — readers see nothing, the empty
 * claim, or the whole file, never a torn one. `false` when a file (or folder) of that name is already
 * there: it is left as it was. On failure nothing of this write is left behind. Works on file systems
 * without hard links (FAT32 USB sticks), which a link-based "rename unless exists" would not.
 */
export async function writeNewFileAtomic(dir: string, name: string, data: Uint8Array): Promise<boolean> {
  const target = join(dir, name);
  if (basename(target) !== name || name === '.' || name === '..') {
    throw new DutyBookError('forbidden', `${name} is not a plain file name`, { name });
  }
  let claim: FileHandle | undefined;
  try {
    claim = await open(target, 'wx');
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw fsErrorToDutyBookError(error, 'write', target);
  }
  await claim.close().catch(() => undefined);
  try {
    await writeFileAtomic(target, data);
  } catch (error) {
    await rm(target, { force: true }).catch(() => undefined);
    throw error;
  }
  return true;
}

/** Fills `into` from the file at `position` on; the number of bytes read (fewer at the end of the file). */
async function readInto(handle: FileHandle, into: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done;
}

/** A file's first `length` bytes (fewer when it is shorter), and nothing more read. */
export async function readHead(path: string, length: number): Promise<Uint8Array<ArrayBuffer>> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const head = new Uint8Array(length);
    return head.slice(0, await readInto(handle, head, 0));
  } catch (error) {
    throw fsErrorToDutyBookError(error, 'read', path);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export type CappedReadOptions = {
  /** Looks at the file's first `headBytes` (or all of a shorter file) before the rest is read; throw to refuse. */
  checkHead?: (head: Uint8Array) => void;
  headBytes?: number;
  /** The error for a file over the cap (default: file-too-large with its name, size and limit). */
  tooLarge?: (size: number) => Error;
};

/**
 * Reads a whole file: its size from the open handle first, refusing anything larger than maxBytes
 * before a byte is read; then its first bytes, for `checkHead`; only then the rest. The result owns its
 * whole ArrayBuffer (IPC clones a view's whole buffer, so no unrelated memory crosses to the renderer).
 */
export async function readFileCapped(
  path: string,
  maxBytes: number,
  options: CappedReadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const tooLarge =
      options.tooLarge ??
      ((actual: number) =>
        new DutyBookError('file-too-large', `${path} is ${actual} bytes (limit ${maxBytes})`, {
          name: basename(path),
          path,
          size: actual,
          limit: maxBytes,
        }));
    if (size > maxBytes) throw tooLarge(size);
    const data = new Uint8Array(size);
    const headLength = Math.min(size, options.headBytes ?? 4096);
    const head = await readInto(handle, data.subarray(0, headLength), 0);
    options.checkHead?.(data.subarray(0, head));
    const read = head < headLength ? head : head + (await readInto(handle, data.subarray(headLength), headLength));
    // The file may have changed since its size was taken: shrunk (return what there is) or grown.
    if ((await readInto(handle, new Uint8Array(1), size)) > 0) {
      const now = (await handle.stat()).size;
      if (now > maxBytes) throw tooLarge(now);
      throw new DutyBookError('file-unreadable', `${path} grew while it was read`, { path, name: basename(path) });
    }
    return read === size ? data : data.slice(0, read);
  } catch (error) {
    throw fsErrorToDutyBookError(error, 'read', path);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
