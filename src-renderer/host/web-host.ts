/**
 * The host API in a plain browser (the preview that every end-to-end test uses): downloads for saving,
 * a file input for opening, and a passphrase-protected key store. Same contract, same validation as
 * the Electron host, so the renderer cannot tell them apart except through getAppInfo().
 */
import { FOLDER_MAX_DEPTH, FOLDER_MAX_FILES, hostMethods, type FolderSkip, type HostApi } from '../../shared/host/contract';
import { checkHead, checkSizes, FILE_LIMITS, HEAD_BYTES, headMatches, type FileKind } from '../../shared/host/file-limits';
import { decodeHostError } from '../../shared/host/host-errors';
import { DutyBookError } from '../../shared/errors/errors';
import { validatedHost } from '../../shared/host/validate';
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

/** A file's first bytes, and nothing more read (Blob.slice reads only the part asked for). */
async function headOf(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
}

/**
 * The files picked, read as FILE_LIMITS says (shared/host/file-limits.ts), like the desktop shell:
 * sizes (File.size) and the selection's total before anything is read, then each file's first bytes,
 * then the files. Any refusal refuses the whole selection.
 */
export async function readPicked(files: readonly File[], kind: FileKind) {
  checkSizes(kind, files);
  for (const file of files) checkHead(kind, file.name, await headOf(file));
  const out = [];
  for (const file of files) out.push({ name: file.name, path: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  return out;
}

/**
 * A folder's files as the contract gives them: relative names; files over the kind's cap, not
 * starting as the kind does, or past the count or total ceiling, listed with a reason instead of read
 * (a folder may hold anything).
 */
export async function readFolder(files: readonly File[], kind: FileKind) {
  const out: { name: string; path: string; data: Uint8Array<ArrayBuffer>; skipped?: FolderSkip }[] = [];
  const { maxBytes, maxSelectionBytes } = FILE_LIMITS[kind];
  let total = 0;
  let read = 0;
  for (const file of files) {
    const name = file.webkitRelativePath || file.name;
    const depth = name.split('/').length - 2;
    if (depth > FOLDER_MAX_DEPTH) continue;
    const base = { name, path: name, data: new Uint8Array(0) };
    if (file.size > maxBytes) out.push({ ...base, skipped: 'too-large' });
    else if (read >= FOLDER_MAX_FILES || total + file.size > maxSelectionBytes) out.push({ ...base, skipped: 'limit' });
    else {
      try {
        if (!headMatches(kind, await headOf(file))) out.push({ ...base, skipped: 'other-kind' });
        else {
          out.push({ ...base, data: new Uint8Array(await file.arrayBuffer()) });
          read += 1;
          total += file.size;
        }
      } catch {
        out.push({ ...base, skipped: 'unreadable' });
      }
    }
  }
  return out;
}

/** The File System Access API's folder picker (Chromium); not in TypeScript's DOM types yet. */
export type DirectoryPicker = (options: { mode: 'readwrite'; id?: string }) => Promise<FileSystemDirectoryHandle>;

/** The browser's folder picker where it has one (Chromium, in a secure context), else null. */
export function browserDirectoryPicker(): DirectoryPicker | null {
  const w = window as unknown as { showDirectoryPicker?: DirectoryPicker };
  return typeof w.showDirectoryPicker === 'function' ? (options) => w.showDirectoryPicker!(options) : null;
}

/** Starts a download of `data` named `name` (the browser puts it in its download folder). */
function download(name: string, data: Uint8Array) {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: the download starts asynchronously and needs the URL until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const errorName = (e: unknown) => (e as { name?: unknown } | null)?.name;

/**
 * Folders for writeToFolder: a FileSystemDirectoryHandle the user picked, or — with no picker (other
 * browsers, or a test that removes it) — the download folder, each file a download.
 */
export function browserFolders(picker: DirectoryPicker | null) {
  const folders = new Map<string, FileSystemDirectoryHandle | 'downloads'>();
  const token = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return {
    choose: async () => {
      if (!picker) {
        const folder = token();
        folders.set(folder, 'downloads');
        return { folder, label: '浏览器的下载文件夹', mode: 'downloads' as const };
      }
      let dir: FileSystemDirectoryHandle;
      try {
        dir = await picker({ mode: 'readwrite', id: 'dutybook-export' });
      } catch (e) {
        if (errorName(e) === 'AbortError') return null;
        throw new DutyBookError('forbidden', `folder picker refused: ${String(e)}`, { cause: String(e) });
      }
      const folder = token();
      folders.set(folder, dir);
      return { folder, label: dir.name, mode: 'folder' as const };
    },
    write: async (folder: string, name: string, data: Uint8Array) => {
      const dir = folders.get(folder);
      if (dir === undefined) throw new DutyBookError('forbidden', 'folder was not chosen in this session', { folder });
      if (dir === 'downloads') {
        download(name, data);
        return { written: true, bytes: data.byteLength };
      }
      try {
        await dir.getFileHandle(name);
        return { written: false, bytes: 0 }; // one is there already: never replaced
      } catch (e) {
        if (errorName(e) === 'TypeMismatchError') return { written: false, bytes: 0 }; // a folder of that name
        if (errorName(e) !== 'NotFoundError') throw folderError(e, name);
      }
      try {
        const file = await dir.getFileHandle(name, { create: true });
        // The browser writes to a swap file and puts it in place on close: the file is whole or absent.
        const out = await file.createWritable();
        try {
          await out.write(data as Uint8Array<ArrayBuffer>);
          await out.close();
        } catch (e) {
          await out.abort().catch(() => undefined);
          await dir.removeEntry(name).catch(() => undefined);
          throw e;
        }
        return { written: true, bytes: data.byteLength };
      } catch (e) {
        throw folderError(e, name);
      }
    },
  };
}

/** The File System Access API's failures as the core's errors (a full disk is QuotaExceededError). */
function folderError(e: unknown, name: string): DutyBookError {
  if (e instanceof DutyBookError) return e;
  const details = { name, cause: String(e) };
  switch (errorName(e)) {
    case 'QuotaExceededError':
      return new DutyBookError('storage-quota', `no space left writing ${name}`, details);
    case 'NotAllowedError':
    case 'SecurityError':
    case 'NoModificationAllowedError':
      return new DutyBookError('forbidden', `not allowed to write ${name}`, details);
    default:
      return new DutyBookError('storage-unavailable', `cannot write ${name}`, details);
  }
}

export function createWebHost(
  vault = new PassphraseVault(),
  backups: BrowserBackupStore = browserBackupStore(),
  picker: DirectoryPicker | null = browserDirectoryPicker(),
): HostApi {
  const folders = browserFolders(picker);
  return validatedHost({
    getAppInfo: () =>
      Promise.resolve({
        kind: 'web' as const,
        version: __APP_VERSION__,
        platform: navigator.platform || 'web',
        keyStore: 'passphrase' as const,
      }),

    saveFile: ({ suggestedName, data }) => {
      download(suggestedName, data);
      return Promise.resolve({ path: `下载/${suggestedName}`, bytes: data.byteLength });
    },

    chooseFolder: () => folders.choose(),
    writeToFolder: ({ folder, name, data }) => folders.write(folder, name, data),

    openFiles: async ({ multiple, kind, filters, directory }) => {
      const files = await chooseFiles(multiple, acceptOf(filters), directory === true);
      return directory ? readFolder(files, kind) : readPicked(files, kind);
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
