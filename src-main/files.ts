/**
 * saveFile / openFiles: the native dialogs, attached to the window that asked, and the file I/O behind
 * them. The renderer never names a path itself; it only ever gets paths the user picked.
 */
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { constants, type Dirent } from 'node:fs';
import { open, readdir, realpath, type FileHandle } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import type { HostHandlers } from './ipc';
import { fsErrorToDutyBookError, readFileCapped, writeFileAtomic } from './atomic-file';
import {
  FOLDER_MAX_DEPTH,
  FOLDER_MAX_FILES,
  FOLDER_MAX_TOTAL_BYTES,
  type FolderSkip,
} from '../shared/host/contract';

/** Matches the contract's ceiling for maxBytesEach; used when the caller gives none. */
export const DEFAULT_MAX_READ_BYTES = 512 * 1024 * 1024;

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

    openFiles: async ({ multiple, filters, maxBytesEach, directory }, event) => {
      const options: OpenDialogOptions = directory
        ? { properties: ['openDirectory'] }
        : { filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] };
      const window = deps.windowOf(event);
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      if (result.canceled) return [];
      const limit = maxBytesEach ?? DEFAULT_MAX_READ_BYTES;
      if (directory) {
        const [root] = result.filePaths;
        return root === undefined ? [] : readFolder(root, { maxBytesEach: limit });
      }
      const files = [];
      // One at a time: a batch of large files read in parallel could exhaust memory.
      for (const path of result.filePaths) {
        files.push({ name: basename(path), path, data: await readFileCapped(path, limit) });
      }
      return files;
    },
  };
}

export type FolderFile = { name: string; path: string; data: Uint8Array<ArrayBuffer>; skipped?: FolderSkip };

export type FolderLimits = {
  maxBytesEach: number;
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
async function readInside(rootReal: string, path: string, maxBytes: number): Promise<FolderFile['data'] | FolderSkip> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
    const info = await handle.stat();
    if (!info.isFile()) return 'link';
    if (!isInside(rootReal, await realpath(path))) return 'link';
    if (info.size > maxBytes) return 'too-large';
    const data = await handle.readFile();
    if (data.byteLength > maxBytes) return 'too-large';
    return new Uint8Array(data);
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
  const maxTotal = limits.maxTotalBytes ?? FOLDER_MAX_TOTAL_BYTES;
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
        const data = await readInside(rootReal, join(rootReal, relative(root, path)), Math.min(limits.maxBytesEach, maxTotal - total));
        if (typeof data === 'string') {
          const tooMuchInAll = data === 'too-large' && limits.maxBytesEach > maxTotal - total;
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
