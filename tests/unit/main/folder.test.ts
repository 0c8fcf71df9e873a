/** openFiles with `directory: true`: the main process lists and reads a folder the user chose, safely. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileHandlers, readFolder } from '../../../src-main/files';
import { hostContract } from '../../../shared/host/contract';
import { BUNDLE_MAGIC } from '../../../shared/host/file-limits';

/** A file that starts as a bundle does (only bundles are read from a folder), then `tail`. */
const bundle = (...tail: number[]) => Uint8Array.of(...BUNDLE_MAGIC, ...tail);
const M = BUNDLE_MAGIC.length;

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-folder-'));
  outside = await mkdtemp(join(tmpdir(), 'dutybook-outside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('readFolder', () => {
  it('reads every file of the folder and its sub-folders in name order, with relative names', async () => {
    await writeFile(join(dir, 'b.dutybook'), bundle(2));
    await writeFile(join(dir, 'a.dutybook'), bundle(1));
    await mkdir(join(dir, '科室'));
    await writeFile(join(dir, '科室', 'c.dutybook'), bundle(3, 3));
    const files = await readFolder(dir, { kind: 'bundle' });
    expect(files.map((f) => [f.name, [...f.data.subarray(M)], f.skipped])).toEqual([
      ['a.dutybook', [1], undefined],
      ['b.dutybook', [2], undefined],
      ['科室/c.dutybook', [3, 3], undefined],
    ]);
  });

  it('lists files over the size limit, or past the count, as skipped without reading them', async () => {
    await writeFile(join(dir, 'big.iso'), new Uint8Array(M + 20));
    await writeFile(join(dir, 'x1'), bundle(1));
    await writeFile(join(dir, 'x2'), bundle(1));
    const files = await readFolder(dir, { kind: 'bundle', maxBytesEach: M + 10, maxFiles: 1 });
    expect(files.map((f) => [f.name, f.data.byteLength, f.skipped])).toEqual([
      ['big.iso', 0, 'too-large'],
      ['x1', M + 1, undefined],
      ['x2', 0, 'limit'],
    ]);
  });

  it('does not descend deeper than allowed', async () => {
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 'one'), bundle());
    await writeFile(join(dir, 'a', 'b', 'two'), bundle());
    expect((await readFolder(dir, { kind: 'bundle', maxDepth: 1 })).map((f) => f.name)).toEqual(['a/one']);
  });

  it.skipIf(!posix)('never follows a symbolic link, to a file or to a folder outside', async () => {
    await writeFile(join(outside, 'secret.txt'), bundle(9));
    await symlink(join(outside, 'secret.txt'), join(dir, 'link.dutybook'));
    await symlink(outside, join(dir, 'elsewhere'));
    await writeFile(join(dir, 'ok.dutybook'), bundle(1, 2));
    const files = await readFolder(dir, { kind: 'bundle' });
    expect(files.map((f) => [f.name, f.data.byteLength, f.skipped])).toEqual([
      ['elsewhere', 0, 'link'],
      ['link.dutybook', 0, 'link'],
      ['ok.dutybook', M + 2, undefined],
    ]);
  });

  it('reads files whose names merely begin with two dots (they are inside the folder)', async () => {
    await writeFile(join(dir, '..notes.txt'), bundle(4));
    await mkdir(join(dir, '..sub'));
    await writeFile(join(dir, '..sub', 'x'), bundle(5));
    const files = await readFolder(dir, { kind: 'bundle' });
    expect(files.map((f) => [f.name, [...f.data.subarray(M)], f.skipped])).toEqual([
      ['..notes.txt', [4], undefined],
      ['..sub/x', [5], undefined],
    ]);
  });

  it('fails with a typed error when the folder itself cannot be read', async () => {
    await expect(readFolder(join(dir, 'missing'), { kind: 'bundle' })).rejects.toMatchObject({
      code: 'file-unreadable',
    });
  });
});

describe('openFiles with directory', () => {
  it('asks for a folder and returns its files; cancelling returns nothing', async () => {
    await writeFile(join(dir, 'a.dutybook'), bundle(1));
    const dialog = {
      showSaveDialog: vi.fn(),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: [dir] })),
    };
    const handlers = createFileHandlers<string>({ dialog, windowOf: () => null, defaultDir: () => dir });
    const files = await handlers.openFiles({ multiple: true, kind: 'bundle', directory: true }, 'e');
    expect(files.map((f) => f.name)).toEqual(['a.dutybook']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openDirectory'] }),
    );
    // The answer passes the contract's output check (skipped reasons included).
    expect(hostContract.openFiles.output.safeParse(files).success).toBe(true);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(handlers.openFiles({ multiple: true, kind: 'bundle', directory: true }, 'e')).resolves.toEqual([]);
  });

  it('the contract accepts the directory flag and the skipped reasons, and refuses others', () => {
    expect(hostContract.openFiles.input.safeParse({ multiple: true, kind: 'bundle', directory: true }).success).toBe(true);
    expect(hostContract.openFiles.input.safeParse({ multiple: true, kind: 'bundle', directory: 'yes' }).success).toBe(false);
    expect(hostContract.openFiles.input.safeParse({ multiple: true, directory: true }).success).toBe(false);
    const entry = { name: 'a', path: '/a', data: new Uint8Array(0) };
    expect(hostContract.openFiles.output.safeParse([{ ...entry, skipped: 'link' }]).success).toBe(true);
    expect(hostContract.openFiles.output.safeParse([{ ...entry, skipped: 'other-kind' }]).success).toBe(true);
    expect(hostContract.openFiles.output.safeParse([{ ...entry, skipped: 'whatever' }]).success).toBe(false);
  });
});
