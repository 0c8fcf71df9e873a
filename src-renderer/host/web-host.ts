/**
 * The host API in a plain browser (the preview that every end-to-end test uses): downloads for saving,
 * a file input for opening, and a passphrase-protected key store. Same contract, same validation as
 * the Electron host, so the renderer cannot tell them apart except through getAppInfo().
 */
import {
  FOLDER_MAX_DEPTH,
  FOLDER_MAX_FILES,
  FOLDER_MAX_TOTAL_BYTES,
  hostMethods,
  type FolderSkip,
  type HostApi,
} from '../../shared/host/contract';
import { decodeHostError } from '../../shared/host/host-errors';
import { validatedHost } from '../../shared/host/validate';
import { DutyBookError } from '../../shared/errors/errors';
import { PassphraseVault } from './passphrase-vault';
import { browserBackupStore, type BrowserBackupStore } from './backup-store';

function acceptOf(filters: { extensions: string[] }[] | undefined): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** Opens the browser's file chooser; resolves with the chosen files, or [] when the user cancels. */
function chooseFiles(multiple: boolean, accept: string, directory = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple || directory;
    // A folder: the browser lists every file in it and its sub-folders (webkitRelativePath).
    if (directory) input.webkitdirectory = true;
    else if (accept) input.accept = accept;
    input.style.display = 'none';
    input.dataset.dutybookHost = 'open-files';
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * A folder's files as the contract gives them: relative names; files over the size limit, or past the
 * count or total ceiling, listed with a reason instead of read (a folder may hold anything).
 */
async function readFolder(files: File[], maxBytesEach: number | undefined) {
  const out: { name: string; path: string; data: Uint8Array<ArrayBuffer>; skipped?: FolderSkip }[] = [];
  const limit = maxBytesEach ?? FOLDER_MAX_TOTAL_BYTES;
  let total = 0;
  let read = 0;
  for (const file of files) {
    const name = file.webkitRelativePath || file.name;
    const depth = name.split('/').length - 2;
    if (depth > FOLDER_MAX_DEPTH) continue;
    const base = { name, path: name, data: new Uint8Array(0) };
    if (file.size > limit) out.push({ ...base, skipped: 'too-large' });
    else if (read >= FOLDER_MAX_FILES || total + file.size > FOLDER_MAX_TOTAL_BYTES)
      out.push({ ...base, skipped: 'limit' });
    else {
      try {
        out.push({ ...base, data: new Uint8Array(await file.arrayBuffer()) });
        read += 1;
        total += file.size;
      } catch {
        out.push({ ...base, skipped: 'unreadable' });
      }
    }
  }
  return out;
}

export function createWebHost(vault = new PassphraseVault(), backups: BrowserBackupStore = browserBackupStore()): HostApi {
  return validatedHost({
    getAppInfo: () =>
      Promise.resolve({
        kind: 'web' as const,
        version: __APP_VERSION__,
        platform: navigator.platform || 'web',
        keyStore: 'passphrase' as const,
      }),

    saveFile: ({ suggestedName, data }) => {
      const blob = new Blob([data], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: the download starts asynchronously and needs the URL until then.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ path: `下载/${suggestedName}`, bytes: data.byteLength });
    },

    openFiles: async ({ multiple, filters, maxBytesEach, directory }) => {
      const files = await chooseFiles(multiple, acceptOf(filters), directory === true);
      if (directory) return readFolder(files, maxBytesEach);
      const out = [];
      for (const file of files) {
        if (maxBytesEach !== undefined && file.size > maxBytesEach) {
          throw new DutyBookError('file-too-large', `${file.name} is ${file.size} bytes`, {
            name: file.name,
            size: file.size,
            limit: maxBytesEach,
          });
        }
        out.push({ name: file.name, path: file.name, data: new Uint8Array(await file.arrayBuffer()) });
      }
      return out;
    },

    keyStoreStatus: () => vault.status(),
    unlockKeyStore: ({ passphrase }) => vault.unlock(passphrase),
    storeSecret: ({ name, secret }) => vault.store(name, secret),
    loadSecret: ({ name }) => vault.load(name),
    deleteSecret: ({ name }) => vault.delete(name),

    writeBackup: ({ name, data }) => backups.write(name, data),
    listBackups: () => backups.list(),
    readBackup: ({ name, headBytes }) => backups.read(name, headBytes),
    deleteBackup: ({ name }) => backups.delete(name),
  });
}

/** Electron's bridge, with errors from the main process turned back into the core's typed errors. */
function decodingBridge(bridge: HostApi): HostApi {
  const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const m of hostMethods) {
    const call = bridge[m] as (input?: unknown) => Promise<unknown>;
    api[m] = (input?: unknown) =>
      call(input).catch((e: unknown) => {
        throw decodeHostError(e) ?? e;
      });
  }
  return api as unknown as HostApi;
}

/** The host this renderer runs on: Electron's preload bridge when present, otherwise the web host. */
export function resolveHost(): HostApi {
  return window.dutybookHost ? decodingBridge(window.dutybookHost) : createWebHost();
}
