/**
 * The host API contract: the one place that says what the renderer may ask of its host.
 *
 * In Electron the preload exposes one named function per entry (never raw ipcRenderer) and the main
 * process validates every payload against `input` before it runs a handler. In a plain browser the
 * web host implements the same functions. The renderer's type for the bridge is derived from here,
 * so the contract is written once.
 */
import { z } from 'zod';
import { FILE_KINDS, FILE_LIMITS } from './file-limits';

/** Raw bytes cross the bridge as Uint8Array (structured clone keeps the type). */
const bytes = z.instanceof(Uint8Array);

/** Names that end up in a file path: no separators, no parent references, no control characters. */
export const safeFileName = z
  .string()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', {
    message: '文件名含有不允许的字符',
  });

const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(20),
});

/** Key names index the host's private-key store; they are file names on disk in Electron. */
export const keyName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, '密钥名称不合法');

const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/**
 * A folder the user chose to write into (chooseFolder): an opaque token the host maps to it, so the
 * renderer never names a path. Valid while the app runs.
 */
export const folderToken = z.string().regex(/^[a-z0-9-]{8,64}$/, '文件夹标识不合法');

/** Why a file of a chosen folder was listed but not read (openFiles with `directory: true`). */
export const FOLDER_SKIPS = ['too-large', 'other-kind', 'link', 'unreadable', 'limit'] as const;
export type FolderSkip = (typeof FOLDER_SKIPS)[number];
/** A folder's files are read down to this many levels of sub-folders… */
export const FOLDER_MAX_DEPTH = 4;
/** …and at most this many files, and (for bundles) this many bytes in all; the rest are listed as 'limit'. */
export const FOLDER_MAX_FILES = 5000;
export const FOLDER_MAX_TOTAL_BYTES = FILE_LIMITS.bundle.maxSelectionBytes;
const MAX_SECRET_BYTES = 64 * 1024;

/**
 * Database backups (shared/backup) live with the host, outside the database, so a damaged
 * database does not take its backups with it: Electron keeps them in <userData>/backups, the web
 * host in an IndexedDB database of its own. Names are fixed in shape: `dutybook-….dbbak`.
 */
export const backupName = z
  .string()
  .regex(/^dutybook-[a-z0-9-]{1,80}\.dbbak$/, '备份文件名不合法');
/** The most a backup may hold: written (writeBackup) and read back (openFiles kind 'db-backup') alike. */
export const MAX_BACKUP_FILE_BYTES = FILE_LIMITS['db-backup'].maxBytes;
/** A listing names at most this many backups (the rolling policy keeps far fewer). */
export const MAX_BACKUPS_LISTED = 500;

export const hostContract = {
  /** Facts about the host: which kind it is, versions, whether the key store needs a passphrase. */
  getAppInfo: {
    channel: 'dutybook:get-app-info',
    input: z.undefined(),
    output: z.object({
      kind: z.enum(['electron', 'web']),
      version: z.string(),
      platform: z.string(),
      keyStore: z.enum(['os', 'passphrase']),
    }),
  },
  /** Ask the user where to save, then write the bytes. `null` when the user cancelled. */
  saveFile: {
    channel: 'dutybook:save-file',
    input: z.object({
      suggestedName: safeFileName,
      data: bytes.refine((b) => b.byteLength <= MAX_SAVE_BYTES, { message: '文件过大' }),
      filters: z.array(fileFilter).max(10).optional(),
    }),
    output: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
  },
  /**
   * Ask the user for a folder to write several files into (writeToFolder). `null` when the user
   * cancelled. `label` is what to show as where the files go; `mode` 'downloads' when the host cannot
   * offer a folder (a browser without the File System Access API): each file is then downloaded.
   */
  chooseFolder: {
    channel: 'dutybook:choose-folder',
    input: z.object({ title: z.string().min(1).max(100).optional() }),
    output: z
      .object({ folder: folderToken, label: z.string().max(2000), mode: z.enum(['folder', 'downloads']) })
      .nullable(),
  },
  /**
   * Write one new file into a chosen folder, atomically (temp file, fsync, rename). Never replaces a
   * file: `written: false` when one of that name is already there (left as it was). A full disk is
   * 'storage-quota'; a folder that became unwritable, 'forbidden'.
   */
  writeToFolder: {
    channel: 'dutybook:write-to-folder',
    input: z.object({
      folder: folderToken,
      name: safeFileName,
      data: bytes.refine((b) => b.byteLength <= MAX_SAVE_BYTES, { message: '文件过大' }),
    }),
    output: z.object({ written: z.boolean(), bytes: z.number().int().nonnegative() }),
  },
  /**
   * Ask the user for one or more files of one `kind` and read them. An empty list when the user
   * cancelled. What a kind may hold is FILE_LIMITS (file-limits.ts), checked in this order: every
   * file's size and the selection's total from the file system, before anything is read
   * ('file-too-large'); then each file's first bytes (at most HEAD_BYTES), before the rest of any file
   * is read ('file-wrong-kind'); only then the files. A refusal refuses the whole selection.
   *
   * `directory: true` asks for a folder instead and reads every file in it and its sub-folders (up to
   * FOLDER_MAX_DEPTH levels, FOLDER_MAX_FILES files): `name` is then the path relative to the folder.
   * Files the host did not read come back with empty `data` and a `skipped` reason instead of failing
   * the whole call: larger than the kind's cap ('too-large'), not starting as the kind does
   * ('other-kind', only its first bytes read), a symbolic link or anything else that is not a plain
   * file inside the folder ('link'), unreadable ('unreadable'), or past the file-count or the kind's
   * total ('limit').
   */
  openFiles: {
    channel: 'dutybook:open-files',
    input: z.object({
      multiple: z.boolean(),
      kind: z.enum(FILE_KINDS),
      filters: z.array(fileFilter).max(10).optional(),
      directory: z.boolean().optional(),
    }),
    output: z.array(
      z.object({
        name: z.string(),
        path: z.string(),
        data: bytes,
        skipped: z.enum(FOLDER_SKIPS).optional(),
      }),
    ),
  },
  /** Whether private keys can be stored and read now (the web host needs its passphrase first). */
  keyStoreStatus: {
    channel: 'dutybook:key-store-status',
    input: z.undefined(),
    output: z.object({ available: z.boolean(), unlocked: z.boolean(), initialised: z.boolean() }),
  },
  /** Web host: set or enter the passphrase that protects stored keys. Electron: a no-op that succeeds. */
  unlockKeyStore: {
    channel: 'dutybook:unlock-key-store',
    input: z.object({ passphrase: z.string().min(8).max(1024) }),
    output: z.object({ unlocked: z.boolean() }),
  },
  /** Store a private key (or other secret) encrypted at rest under `name`, replacing any earlier one. */
  storeSecret: {
    channel: 'dutybook:store-secret',
    input: z.object({
      name: keyName,
      secret: bytes.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_SECRET_BYTES, {
        message: '密钥长度不合法',
      }),
    }),
    output: z.object({ stored: z.literal(true) }),
  },
  /** Read a stored secret back; `null` when none is stored under that name. */
  loadSecret: {
    channel: 'dutybook:load-secret',
    input: z.object({ name: keyName }),
    output: bytes.nullable(),
  },
  /** Remove a stored secret; `false` when there was none. */
  deleteSecret: {
    channel: 'dutybook:delete-secret',
    input: z.object({ name: keyName }),
    output: z.object({ deleted: z.boolean() }),
  },
  /** Write (or replace) one backup file, atomically. */
  writeBackup: {
    channel: 'dutybook:write-backup',
    input: z.object({
      name: backupName,
      data: bytes.refine((b) => b.byteLength > 0 && b.byteLength <= MAX_BACKUP_FILE_BYTES, { message: '备份文件过大' }),
    }),
    output: z.object({ bytes: z.number().int().nonnegative() }),
  },
  /** The backups kept, newest first. */
  listBackups: {
    channel: 'dutybook:list-backups',
    input: z.undefined(),
    output: z
      .array(z.object({ name: backupName, bytes: z.number().int().nonnegative(), modifiedAt: z.string() }))
      .max(MAX_BACKUPS_LISTED),
  },
  /** One backup's bytes (only the first `headBytes` when given, for its header); `null` when it is gone. */
  readBackup: {
    channel: 'dutybook:read-backup',
    input: z.object({ name: backupName, headBytes: z.number().int().positive().max(64 * 1024).optional() }),
    output: bytes.nullable(),
  },
  /** Remove one backup; `false` when there was none. */
  deleteBackup: {
    channel: 'dutybook:delete-backup',
    input: z.object({ name: backupName }),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;

export type HostContract = typeof hostContract;
export type HostMethod = keyof HostContract;
export type HostInput<M extends HostMethod> = z.input<HostContract[M]['input']>;
export type HostOutput<M extends HostMethod> = z.output<HostContract[M]['output']>;

/** The bridge the renderer sees: one async function per contract entry. */
export type HostApi = {
  [M in HostMethod]: HostInput<M> extends undefined
    ? () => Promise<HostOutput<M>>
    : (input: HostInput<M>) => Promise<HostOutput<M>>;
};

export const hostMethods = Object.keys(hostContract) as HostMethod[];

/** The name under which the preload exposes the bridge on `window`. */
export const HOST_GLOBAL = 'dutybookHost' as const;
