import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNewFileAtomic } from '../../../src-main/atomic-file';
import { createFolderHandlers } from '../../../src-main/folders';
import type { FileHandlerDeps } from '../../../src-main/files';
import { DutyBookError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-folders-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('writeNewFileAtomic', () => {
  it('writes a new file whole and leaves no temp file behind', async () => {
    expect(await writeNewFileAtomic(dir, '预算管理科-张三.dutybook', bytes(1, 2, 3))).toBe(true);
    expect([...(await readFile(join(dir, '预算管理科-张三.dutybook')))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['预算管理科-张三.dutybook']);
  });

  it('never replaces a file already there: false, and the old bytes stay', async () => {
    await writeFile(join(dir, 'a.dutybook'), 'old');
    expect(await writeNewFileAtomic(dir, 'a.dutybook', bytes(9))).toBe(false);
    expect(await readFile(join(dir, 'a.dutybook'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.dutybook']);
  });

  it('a folder of that name is not replaced either', async () => {
    await mkdir(join(dir, 'a.dutybook'));
    expect(await writeNewFileAtomic(dir, 'a.dutybook', bytes(9))).toBe(false);
  });

  it('two writers of one name at once: exactly one writes', async () => {
    const results = await Promise.all([writeNewFileAtomic(dir, 'x', bytes(1)), writeNewFileAtomic(dir, 'x', bytes(2))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['x']);
  });

  it('refuses a name that is not a plain file name', async () => {
    await expect(writeNewFileAtomic(dir, '../escape', bytes(1))).rejects.toBeInstanceOf(DutyBookError);
    expect(await readdir(join(dir, '..'))).not.toContain('escape');
  });

  it.skipIf(process.getuid?.() === 0)('a folder that cannot be written: forbidden, in Chinese, nothing left', async () => {
    await chmod(dir, 0o555);
    const error = await writeNewFileAtomic(dir, 'a.dutybook', bytes(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DutyBookError);
    expect((error as DutyBookError).code).toBe('forbidden');
    await chmod(dir, 0o755);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a full disk is storage-quota, said in Chinese (the device /dev/full answers ENOSPC to every write)', async () => {
    // /dev/full is a real device that fails every write with ENOSPC: the rename target cannot be it,
    // so the write half is checked on it directly through the same error mapping the handler uses.
    const { fsErrorToDutyBookError } = await import('../../../src-main/atomic-file');
    const { open } = await import('node:fs/promises');
    let caught: unknown;
    const handle = await open('/dev/full', 'w').catch(() => null);
    if (!handle) return; // not on this platform
    try {
      await handle.writeFile(bytes(1, 2, 3));
    } catch (e) {
      caught = fsErrorToDutyBookError(e, 'write', join(dir, 'a.dutybook'));
    } finally {
      await handle.close();
    }
    expect((caught as DutyBookError).code).toBe('storage-quota');
    expect(describeError(caught).title).toContain('磁盘空间不足');
  });
});

describe('chooseFolder / writeToFolder handlers', () => {
  const deps = (picked: string | null): FileHandlerDeps<null> => ({
    dialog: {
      showSaveDialog: () => Promise.reject(new Error('not used')),
      showOpenDialog: ((...args: unknown[]) => {
        const options = args.at(-1) as { properties?: string[] };
        expect(options.properties).toContain('openDirectory');
        return Promise.resolve(picked === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked] });
      }),
    },
    windowOf: () => null,
    defaultDir: () => dir,
  });

  it('a chosen folder gets a token; files are written into it by name, never over one', async () => {
    const h = createFolderHandlers(deps(dir));
    const chosen = await h.chooseFolder({ title: '选择导出文件夹' }, null);
    expect(chosen).toMatchObject({ label: dir, mode: 'folder' });
    expect(chosen!.folder).toMatch(/^[0-9a-f]{32}$/);
    expect(await h.writeToFolder({ folder: chosen!.folder, name: 'a.dutybook', data: bytes(1, 2) }, null)).toEqual({ written: true, bytes: 2 });
    expect(await h.writeToFolder({ folder: chosen!.folder, name: 'a.dutybook', data: bytes(3) }, null)).toEqual({ written: false, bytes: 0 });
    expect([...(await readFile(join(dir, 'a.dutybook')))]).toEqual([1, 2]);
  });

  it('cancelled: null; a token never granted is refused and writes nothing', async () => {
    const h = createFolderHandlers(deps(null));
    expect(await h.chooseFolder({}, null)).toBeNull();
    const error = await h.writeToFolder({ folder: '0123456789abcdef0123456789abcdef', name: 'a', data: bytes(1) }, null).catch((e: unknown) => e);
    expect((error as DutyBookError).code).toBe('forbidden');
    expect(await readdir(dir)).toEqual([]);
  });
});
