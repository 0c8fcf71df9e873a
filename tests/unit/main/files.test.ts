import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BaseWindow } from 'electron';
import { fsErrorToDutyBookError, readFileCapped, writeFileAtomic } from '../../../src-main/atomic-file';
import { createFileHandlers } from '../../../src-main/files';
import { DutyBookError } from '../../../shared/errors/errors';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('fsErrorToDutyBookError', () => {
  it.each([
    ['ENOSPC', 'write', 'storage-quota'],
    ['EDQUOT', 'write', 'storage-quota'],
    ['EACCES', 'write', 'forbidden'],
    ['EPERM', 'write', 'forbidden'],
    ['EROFS', 'write', 'forbidden'],
    ['EACCES', 'read', 'forbidden'],
    ['ENOENT', 'read', 'file-unreadable'],
    ['EISDIR', 'read', 'file-unreadable'],
    ['EIO', 'write', 'storage-unavailable'],
    ['ENOENT', 'write', 'storage-unavailable'],
  ] as const)('%s while %sing becomes %s', (code, operation, expected) => {
    const error = fsErrorToDutyBookError(errno(code), operation, '/x/考核表.docx');
    expect(error).toBeInstanceOf(DutyBookError);
    expect(error.code).toBe(expected);
    expect(error.details).toMatchObject({ path: '/x/考核表.docx', operation, errno: code });
    expect((error.cause as Error).message).toContain(code);
  });

  it('leaves DutyBookErrors as they are', () => {
    const original = new DutyBookError('file-too-large', 'x');
    expect(fsErrorToDutyBookError(original, 'read', '/x')).toBe(original);
  });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file behind', async () => {
    const target = join(dir, '考核表.docx');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['考核表.docx']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'a.bin');
    await writeFile(target, 'old contents that are longer');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.bin']);
  });

  it('fails with a typed error, cleans up, and keeps the old file when the folder is missing', async () => {
    const target = join(dir, 'missing', 'a.bin');
    const error = await writeFileAtomic(target, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DutyBookError);
    expect((error as DutyBookError).code).toBe('storage-unavailable');
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails with a typed error when the target is a folder, leaving no temp file', async () => {
    const error = await writeFileAtomic(dir, new Uint8Array([1])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DutyBookError);
    const parent = join(dir, '..');
    expect((await readdir(parent)).filter((n) => n.endsWith('.tmp') && n.includes('dutybook-files-'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('creates private files when asked (key store)', async () => {
    const target = join(dir, 'k.bin');
    await writeFileAtomic(target, new Uint8Array([9]), 0o600);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });
});

describe('readFileCapped', () => {
  it('reads a file up to the limit', async () => {
    const file = join(dir, 'a.dbk');
    await writeFile(file, new Uint8Array([5, 6, 7, 8]));
    expect([...(await readFileCapped(file, 4))]).toEqual([5, 6, 7, 8]);
  });

  it('refuses a larger file with file-too-large and the numbers a message needs', async () => {
    const file = join(dir, 'big.dbk');
    await writeFile(file, new Uint8Array(10));
    const error = (await readFileCapped(file, 9).catch((e: unknown) => e)) as DutyBookError;
    expect(error.code).toBe('file-too-large');
    expect(error.details).toMatchObject({ name: 'big.dbk', size: 10, limit: 9 });
  });

  it('reports a missing file as unreadable', async () => {
    const error = (await readFileCapped(join(dir, 'nope'), 9).catch((e: unknown) => e)) as DutyBookError;
    expect(error.code).toBe('file-unreadable');
  });
});

describe('file handlers', () => {
  const window = { id: 7 } as unknown as BaseWindow;

  function fakeDialog(save: { canceled: boolean; filePath: string }, open: { canceled: boolean; filePaths: string[] }) {
    return {
      showSaveDialog: vi.fn(() => Promise.resolve(save)),
      showOpenDialog: vi.fn(() => Promise.resolve(open)),
    };
  }

  it('saves to the path the user picked, with the dialog attached to the calling window', async () => {
    const target = join(dir, 'out.docx');
    const dialog = fakeDialog({ canceled: false, filePath: target }, { canceled: true, filePaths: [] });
    const handlers = createFileHandlers<string>({ dialog, windowOf: () => window, defaultDir: () => '/docs' });
    const filters = [{ name: 'Word', extensions: ['docx'] }];
    await expect(handlers.saveFile({ suggestedName: '考核表.docx', data: new Uint8Array([1, 2]), filters }, 'event')).resolves.toEqual({
      path: target,
      bytes: 2,
    });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: join('/docs', '考核表.docx'), filters }));
    expect([...(await readFile(target))]).toEqual([1, 2]);
  });

  it('returns null and writes nothing when the user cancels saving', async () => {
    const dialog = fakeDialog({ canceled: true, filePath: '' }, { canceled: true, filePaths: [] });
    const handlers = createFileHandlers<string>({ dialog, windowOf: () => null, defaultDir: () => dir });
    await expect(handlers.saveFile({ suggestedName: 'a.docx', data: new Uint8Array([1]) }, 'e')).resolves.toBeNull();
    expect(await readdir(dir)).toEqual([]);
    // No window: the dialog is shown without a parent rather than not at all.
    expect(dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('opens the picked files, one or many, and enforces the kind\'s cap', async () => {
    const request = (...tail: number[]) => new TextEncoder().encode(`{"createdAt":"x","format":"dutybook-enrollment"${tail.join('')}}`);
    await writeFile(join(dir, 'a.dutyenroll'), request(1));
    await writeFile(join(dir, 'b.dutyenroll'), request(1, 2, 3));
    await writeFile(join(dir, 'c.dutyenroll'), new Uint8Array(16 * 1024 + 1).fill(0x7b));
    const paths = [join(dir, 'a.dutyenroll'), join(dir, 'b.dutyenroll')];
    const dialog = fakeDialog({ canceled: true, filePath: '' }, { canceled: false, filePaths: paths });
    const handlers = createFileHandlers<string>({ dialog, windowOf: () => window, defaultDir: () => dir });

    const files = await handlers.openFiles({ multiple: true, kind: 'enrollment' }, 'e');
    expect(files.map((f) => [f.name, f.path, [...f.data]])).toEqual([
      ['a.dutyenroll', paths[0], [...request(1)]],
      ['b.dutyenroll', paths[1], [...request(1, 2, 3)]],
    ]);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [join(dir, 'c.dutyenroll')] });
    const error = (await handlers.openFiles({ multiple: false, kind: 'enrollment' }, 'e').catch((e: unknown) => e)) as DutyBookError;
    expect(error.code).toBe('file-too-large');
    expect(error.details).toMatchObject({ kind: 'enrollment', name: 'c.dutyenroll', size: 16 * 1024 + 1, limit: 16 * 1024 });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openFile'] }));
  });

  it('returns an empty list when the user cancels opening', async () => {
    const dialog = fakeDialog({ canceled: true, filePath: '' }, { canceled: true, filePaths: [] });
    const handlers = createFileHandlers<string>({ dialog, windowOf: () => window, defaultDir: () => dir });
    await expect(handlers.openFiles({ multiple: true, kind: 'bundle' }, 'e')).resolves.toEqual([]);
  });
});

describe('readFileCapped result', () => {
  it('owns its whole ArrayBuffer, so IPC cannot clone unrelated bytes along with it', async () => {
    const file = join(dir, 'small.dbk');
    await writeFile(file, new Uint8Array([1, 2, 3]));
    const data = await readFileCapped(file, 10);
    expect(data.byteOffset).toBe(0);
    expect(data.buffer.byteLength).toBe(3);
  });
});
