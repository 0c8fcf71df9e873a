/**
 * saveFile / openFiles: the native dialogs, attached to the window that asked, and the file I/O behind
 * them. The renderer never names a path itself; it only ever gets paths the user picked.
 */
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { constants, type Dirent } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { HostHandlers } from './ipc';
import { fsErrorToDutyBookError, readFileCapped, readHead, writeFileAtomic } from './atomic-file';
import { FOLDER_MAX_DEPTH, FOLDER_MAX_FILES, type FolderSkip } from '../shared/host/contract';
import {
  checkHead,
  checkSizes,
  fileTooLarge,
  FILE_LIMITS,
  HEAD_BYTES,
  headMatches,
  type FileKind,
} from '../shared/host/file-limits';
import { DutyBookError } from '../shared/errors/errors';

export type FileHandlerDeps<E> = {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  /** The window that made the call, so the dialog is modal to it; null falls back to a free dialog. */
  windowOf: (event: E) => BaseWindow | null;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultDir: () => string;
};

export function createFileHandlers<E>(deps: FileHandlerDeps<E>): Pick<HostHandlers<E>, 'saveFile' | 'openFiles'> {
  return {
    saveFile: async ({ suggestedName, data, filters }, event) => {
      const options = { defaultPath: join(deps.defaultDir(), suggestedName), filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const window = deps.windowOf(event);
      const result = window ? await deps.dialog.showSaveDialog(window, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFileAtomic(result.filePath, data);
      return { path: result.filePath, bytes: data.byteLength };
    },

    openFiles: async ({ multiple, kind, filters, directory }, event) => {
      const options: OpenDialogOptions = directory
        ? { properties: ['openDirectory'] }
        : { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
      const window = deps.windowOf(event);
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      if (result.canceled) return [];
      if (directory) {
        const [root] = result.filePaths;
        return root === undefined ? [] : readFolder(root, { kind });
      }
      return readPicked(result.filePaths, kind);
    },
  };
}

/**
 * The files the user picked, read as FILE_LIMITS says: every size from the file system and the
 * selection's total before anything is read, then every file's first bytes, then the files — one at a
 * time (a batch of large files read in parallel could exhaust memory), each capped again as it is read.
 */
export async function readPicked(paths: readonly string[], kind: FileKind): Promise<FolderFile[]> {
  const sizes = [];
  for (const path of paths) {
    const name = basename(path);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      throw fsErrorToDutyBookError(error, 'read', path);
    }
    if (!info.isFile()) throw new DutyBookError('file-unreadable', `${path} is not a file`, { path, name });
    sizes.push({ name, size: info.size });
  }
  checkSizes(kind, sizes);
  for (const path of paths) checkHead(kind, basename(path), await readHead(path, HEAD_BYTES));
  const files: FolderFile[] = [];
  let total = 0;
  for (const path of paths) {
    const name = basename(path);
    const data = await readFileCapped(path, FILE_LIMITS[kind].maxBytes, {
      headBytes: HEAD_BYTES,
      checkHead: (head) => checkHead(kind, name, head),
      tooLarge: (size) => fileTooLarge(kind, name, size),
    });
    files.push({ name, path, data });
    // A file that grew since its size was taken must not carry the selection past its total either.
    total += data.byteLength;
    if (total > FILE_LIMITS[kind].maxSelectionBytes) checkSizes(kind, files.map((f) => ({ name: f.name, size: f.data.byteLength })));
  }
  return files;
}

export type FolderFile = { name: string; path: string; data: Uint8Array<ArrayBuffer>; skipped?: FolderSkip };

export type FolderLimits = {
  kind: FileKind;
  /** Tighter than the kind's cap (tests). */
  maxBytesEach?: number;
  maxDepth?: number;
  maxFiles?: number;
  maxTotalBytes?: number;
};

/** O_NOFOLLOW where the platform has it (not Windows, where the realpath check below does the job). */
const NO_FOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

/**
 * Strictly below root. Only a whole '..' segment leaves it: a file named '..notes' is inside
 * (relative() gives an absolute path when the two are on different Windows drives).
 */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Reads one file of the folder without following links: the final component is opened with
 * O_NOFOLLOW (POSIX), the opened handle must be a plain file, and its real path must still lie inside
 * the folder's real path (a link or junction swapped in for a parent folder is caught here).
 */
async function readInside(
  rootReal: string,
  path: string,
  kind: FileKind,
  maxBytes: number,
): Promise<FolderFile['data'] | FolderSkip> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
    const info = await handle.stat();
    if (!info.isFile()) return 'link';
    if (!isInside(rootReal, await realpath(path))) return 'link';
    if (info.size > maxBytes) return 'too-large';
    // The first bytes before the rest: a folder may hold anything, and only the kind's files are read.
    const head = new Uint8Array(Math.min(info.size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (!headMatches(kind, head.subarray(0, bytesRead))) return 'other-kind';
    const data = new Uint8Array(info.size);
    data.set(head.subarray(0, bytesRead));
    let done = bytesRead;
    while (done < data.length) {
      const step = await handle.read(data, done, data.length - done, done);
      if (step.bytesRead === 0) break;
      done += step.bytesRead;
    }
    if ((await handle.read(new Uint8Array(1), 0, 1, info.size)).bytesRead > 0) return 'too-large';
    return done === data.length ? data : data.slice(0, done);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // ELOOP: the name is a symbolic link (O_NOFOLLOW refused it).
    if (code === 'ELOOP' || code === 'EMLINK') return 'link';
    return 'unreadable';
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Every file of a folder the user chose, and of its sub-folders down to `maxDepth`, in name order:
 * never following a symbolic link (listed as 'link'), each file capped at `maxBytesEach`, and the whole
 * capped at `maxFiles` files and `maxTotalBytes` bytes (the rest listed as 'limit', unread). Names are
 * relative to the folder, with '/' between parts.
 */
export async function readFolder(root: string, limits: FolderLimits): Promise<FolderFile[]> {
  const maxDepth = limits.maxDepth ?? FOLDER_MAX_DEPTH;
  const maxFiles = limits.maxFiles ?? FOLDER_MAX_FILES;
  const maxBytesEach = Math.min(FILE_LIMITS[limits.kind].maxBytes, limits.maxBytesEach ?? Infinity);
  const maxTotal = limits.maxTotalBytes ?? FILE_LIMITS[limits.kind].maxSelectionBytes;
  let rootReal: string;
  try {
    rootReal = await realpath(root);
  } catch (error) {
    throw fsErrorToDutyBookError(error, 'read', root);
  }
  const out: FolderFile[] = [];
  let read = 0;
  let total = 0;
  const empty = () => new Uint8Array(0);
  const walk = async (dir: string, prefix: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0) throw fsErrorToDutyBookError(error, 'read', dir);
      out.push({ name: prefix.replace(/\/$/, ''), path: dir, data: empty(), skipped: 'unreadable' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = prefix + entry.name;
      if (entry.isSymbolicLink()) out.push({ name, path, data: empty(), skipped: 'link' });
      else if (entry.isDirectory()) {
        if (depth + 1 <= maxDepth) await walk(path, `${name}/`, depth + 1);
      } else if (!entry.isFile()) out.push({ name, path, data: empty(), skipped: 'link' });
      else if (read >= maxFiles || total >= maxTotal) out.push({ name, path, data: empty(), skipped: 'limit' });
      else {
        const data = await readInside(rootReal, join(rootReal, relative(root, path)), limits.kind, Math.min(maxBytesEach, maxTotal - total));
        if (typeof data === 'string') {
          const tooMuchInAll = data === 'too-large' && maxBytesEach > maxTotal - total;
          out.push({ name, path, data: empty(), skipped: tooMuchInAll ? 'limit' : data });
        } else {
          read += 1;
          total += data.byteLength;
          out.push({ name, path, data });
        }
      }
    }
  };
  await walk(root, '', 0);
  return out;
}
