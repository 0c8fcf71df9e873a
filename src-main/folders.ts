/**
 * chooseFolder / writeToFolder: a folder the user picks in the native dialog, then any number of new
 * files written into it one call at a time (HR's 导出给所有人 writes one bundle per person). The
 * renderer only ever holds a random token for the folder; the path stays here.
 */
import type { OpenDialogOptions } from 'electron';
import { randomBytes } from 'node:crypto';
import type { HostHandlers } from './ipc';
import type { FileHandlerDeps } from './files';
import { writeNewFileAtomic } from './atomic-file';
import { DutyBookError } from '../shared/errors/errors';

/** Folders granted since the app started: token → absolute path. */
export type FolderGrants = Map<string, string>;

export function createFolderHandlers<E>(
  deps: FileHandlerDeps<E>,
  grants: FolderGrants = new Map(),
): Pick<HostHandlers<E>, 'chooseFolder' | 'writeToFolder'> {
  return {
    chooseFolder: async ({ title }, event) => {
      const options: OpenDialogOptions = {
        defaultPath: deps.defaultDir(),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
        ...(title ? { title, buttonLabel: '选择此文件夹' } : {}),
      };
      const window = deps.windowOf(event);
      const result = window ? await deps.dialog.showOpenDialog(window, options) : await deps.dialog.showOpenDialog(options);
      const [path] = result.filePaths;
      if (result.canceled || path === undefined) return null;
      const folder = randomBytes(16).toString('hex');
      grants.set(folder, path);
      return { folder, label: path, mode: 'folder' as const };
    },

    writeToFolder: async ({ folder, name, data }) => {
      const dir = grants.get(folder);
      if (dir === undefined) throw new DutyBookError('forbidden', 'folder was not chosen in this session', { folder });
      const written = await writeNewFileAtomic(dir, name, data);
      return { written, bytes: written ? data.byteLength : 0 };
    },
  };
}
