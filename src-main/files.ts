/**
 * saveFile / openFiles: the native dialogs, attached to the window that asked, and the file I/O behind
 * them. The renderer never names a path itself; it only ever gets paths the user picked.
 */
import type { BaseWindow, Dialog, OpenDialogOptions } from 'electron';
import { basename, join } from 'node:path';
import type { HostHandlers } from './ipc';
import { readFileCapped, writeFileAtomic } from './atomic-file';

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

    openFiles: async ({ multiple, filters, maxBytesEach }, event) => {
      const options: OpenDialogOptions = {
        filters,
        properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      };
      const window = deps.windowOf(event);
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      if (result.canceled) return [];
      const limit = maxBytesEach ?? DEFAULT_MAX_READ_BYTES;
      const files = [];
      // One at a time: a batch of large files read in parallel could exhaust memory.
      for (const path of result.filePaths) {
        files.push({ name: basename(path), path, data: await readFileCapped(path, limit) });
      }
      return files;
    },
  };
}
