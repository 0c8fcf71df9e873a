/**
 * The desktop host's backup store (src-main/backups.ts) on a real temp folder, and the browser
 * preview's (src-renderer/host/backup-store.ts) on fake-indexeddb: write (atomically, no temp file
 * left), list newest first, read whole or the header only, delete; names that are not backups refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createBackupStore } from '../../../src-main/backups';
import { BackupStore } from '../../../src-renderer/host/backup-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const A = 'dutybook-daily-20261124t083000z-3fa9.dbbak';
const B = 'dutybook-pre-import-20261124t090000z-0001.dbbak';
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('desktop backup store', () => {
  const store = () => createBackupStore<undefined>({ backupDir: () => join(dir, 'backups') });

  it('refuses an automatic backup over 512 MB from its size, unread (a sparse file)', async () => {
    await mkdir(join(dir, 'backups'));
    const handle = await open(join(dir, 'backups', A), 'w');
    await handle.truncate(512 * 1024 * 1024 + 1);
    await handle.close();
    const before = process.memoryUsage().arrayBuffers;
    const error = await store().readBackup({ name: A }, undefined).catch((e: unknown) => e);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
    expect(error).toMatchObject({ code: 'file-too-large', details: { kind: 'db-backup', name: A, limit: 512 * 1024 * 1024 } });
  });

  it('writes, lists, reads (whole and head), deletes — under <userData>/backups only, owner-only', async () => {
    const s = store();
    expect(await s.listBackups(undefined, undefined)).toEqual([]);
    expect(await s.writeBackup({ name: A, data: bytes(1000, 1) }, undefined)).toEqual({ bytes: 1000 });
    await new Promise((r) => setTimeout(r, 20));
    await s.writeBackup({ name: B, data: bytes(10, 2) }, undefined);
    // Not ours: ignored in the listing.
    await writeFile(join(dir, 'backups', 'notes.txt'), 'x');
    const list = await s.listBackups(undefined, undefined);
    expect(list.map((b) => b.name)).toEqual([B, A]);
    expect(list[1]!.bytes).toBe(1000);
    expect(await s.readBackup({ name: A }, undefined)).toEqual(bytes(1000, 1));
    expect(await s.readBackup({ name: A, headBytes: 16 }, undefined)).toEqual(bytes(16, 1));
    expect(await s.readBackup({ name: 'dutybook-daily-20200101t000000z-0000.dbbak' }, undefined)).toBeNull();
    expect((await readdir(join(dir, 'backups'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'backups', A))).mode & 0o777).toBe(0o600);
    expect(await s.deleteBackup({ name: A }, undefined)).toEqual({ deleted: true });
    expect(await s.deleteBackup({ name: A }, undefined)).toEqual({ deleted: false });
  });

  it('refuses names that are not backup names, even past the IPC check', async () => {
    const s = store();
    for (const name of ['../dutybook-x.dbbak', 'dutybook-x.txt', 'keys.bin', 'dutybook-../../x.dbbak']) {
      await expect(s.writeBackup({ name, data: bytes(1, 1) }, undefined)).rejects.toMatchObject({ code: 'validation' });
      await expect(s.readBackup({ name }, undefined)).rejects.toMatchObject({ code: 'validation' });
    }
  });
});

describe('browser backup store', () => {
  it('keeps backups in a database of its own', async () => {
    const name = `dutybook-backups-${Math.random().toString(36).slice(2)}`;
    const s = new BackupStore(name, { indexedDB, IDBKeyRange });
    await s.write(A, bytes(100, 7));
    await new Promise((r) => setTimeout(r, 5));
    await s.write(B, bytes(5, 8));
    expect((await s.list()).map((b) => [b.name, b.bytes])).toEqual([
      [B, 5],
      [A, 100],
    ]);
    expect(await s.read(A, 10)).toEqual(bytes(10, 7));
    expect(await s.read(A)).toEqual(bytes(100, 7));
    expect(await s.delete(A)).toEqual({ deleted: true });
    expect(await s.read(A)).toBeNull();
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(true);
  });
});
