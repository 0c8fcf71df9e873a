/**
 * The browser preview's backup store: database backups (already encrypted by shared/backup)
 * kept outside the app's database.
 *
 * Where the browser has it, in the Origin Private File System (a `dutybook-backups` folder): not in
 * IndexedDB, because Chromium keeps all of an origin's IndexedDB databases in one LevelDB and, when
 * it finds that LevelDB damaged, deletes it whole — backups kept there would go with the database
 * they were meant to bring back (tests/e2e/storage-faults.spec.ts damages it and restores). Without
 * OPFS (older browsers, the component tests' DOM), an IndexedDB database of its own,
 * `dutybook-backups`, which at least survives the app's database being deleted or reset by the app.
 * (The desktop app keeps backups as files under <userData>/backups instead.)
 */
import Dexie, { type Table } from 'dexie';
import { MAX_BACKUP_FILE_BYTES, MAX_BACKUPS_LISTED } from '../../shared/host/contract';
import { fileTooLarge } from '../../shared/host/file-limits';

type BackupRow = { name: string; data: Uint8Array; bytes: number; modifiedAt: string };
type BackupInfo = { name: string; bytes: number; modifiedAt: string };

class BackupDb extends Dexie {
  files!: Table<BackupRow, string>;
  constructor(name: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    // 2026-11-24 v1: one row per backup file, by name; listed by time.
    this.version(1).stores({ files: 'name, modifiedAt' });
  }
}

export class BackupStore {
  private readonly db: BackupDb;

  constructor(dbName = 'dutybook-backups', deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    this.db = new BackupDb(dbName, deps);
  }

  async write(name: string, data: Uint8Array): Promise<{ bytes: number }> {
    await this.db.files.put({ name, data: new Uint8Array(data), bytes: data.byteLength, modifiedAt: new Date().toISOString() });
    return { bytes: data.byteLength };
  }

  async list(): Promise<BackupInfo[]> {
    const out: BackupInfo[] = [];
    // Newest first, without loading the files' bytes into memory all at once.
    await this.db.files
      .orderBy('modifiedAt')
      .reverse()
      .limit(MAX_BACKUPS_LISTED)
      .each((r) => out.push({ name: r.name, bytes: r.bytes, modifiedAt: r.modifiedAt }));
    return out;
  }

  async read(name: string, headBytes?: number): Promise<Uint8Array<ArrayBuffer> | null> {
    const row = await this.db.files.get(name);
    if (!row) return null;
    return new Uint8Array(headBytes === undefined ? row.data : row.data.subarray(0, headBytes));
  }

  async delete(name: string): Promise<{ deleted: boolean }> {
    return this.db.transaction('rw', this.db.files, async () => {
      const had = (await this.db.files.get(name)) !== undefined;
      if (had) await this.db.files.delete(name);
      return { deleted: had };
    });
  }
}

/** The four calls the web host makes of a backup store. */
export type BrowserBackupStore = Pick<BackupStore, 'write' | 'list' | 'read' | 'delete'>;

type OpfsDir = FileSystemDirectoryHandle & { entries(): AsyncIterableIterator<[string, FileSystemHandle]> };

/** Backups as files in the Origin Private File System. */
export class OpfsBackupStore implements BrowserBackupStore {
  private dir: Promise<OpfsDir> | null = null;

  constructor(private readonly folder = 'dutybook-backups') {}

  private folderHandle(): Promise<OpfsDir> {
    this.dir ??= navigator.storage
      .getDirectory()
      .then((root) => root.getDirectoryHandle(this.folder, { create: true }) as Promise<OpfsDir>);
    return this.dir;
  }

  async write(name: string, data: Uint8Array): Promise<{ bytes: number }> {
    const dir = await this.folderHandle();
    // createWritable writes to a swap file and replaces the file only on close(): a crash midway
    // leaves the previous file (or none), never half a backup under the name.
    const file = await dir.getFileHandle(name, { create: true });
    const out = await file.createWritable();
    try {
      await out.write(new Uint8Array(data));
      await out.close();
    } catch (e) {
      await out.abort().catch(() => undefined);
      throw e;
    }
    return { bytes: data.byteLength };
  }

  async list(): Promise<BackupInfo[]> {
    const dir = await this.folderHandle();
    const out: BackupInfo[] = [];
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind !== 'file') continue;
      const f = await handle.getFile();
      out.push({ name, bytes: f.size, modifiedAt: new Date(f.lastModified).toISOString() });
    }
    out.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1));
    return out.slice(0, MAX_BACKUPS_LISTED);
  }

  async read(name: string, headBytes?: number): Promise<Uint8Array<ArrayBuffer> | null> {
    const dir = await this.folderHandle();
    let file: File;
    try {
      file = await (await dir.getFileHandle(name)).getFile();
    } catch (e) {
      if (e instanceof DOMException && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError')) return null;
      throw e;
    }
    // Its size before a byte is read, as for a backup file the person picks (shared/host/file-limits.ts).
    if (headBytes === undefined && file.size > MAX_BACKUP_FILE_BYTES) throw fileTooLarge('db-backup', name, file.size);
    const blob = headBytes === undefined ? file : file.slice(0, headBytes);
    return new Uint8Array(await blob.arrayBuffer());
  }

  async delete(name: string): Promise<{ deleted: boolean }> {
    const dir = await this.folderHandle();
    try {
      await dir.removeEntry(name);
      return { deleted: true };
    } catch (e) {
      if (e instanceof DOMException && e.name === 'NotFoundError') return { deleted: false };
      throw e;
    }
  }
}

/** OPFS where the browser has it, else the IndexedDB store. */
export function browserBackupStore(): BrowserBackupStore {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  return typeof storage?.getDirectory === 'function' ? new OpfsBackupStore() : new BackupStore();
}
