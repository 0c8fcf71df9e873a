/**
 * Finding 9 of issue 20, in the desktop shell: every file a person picks is read within its kind's cap
 * (shared/host/file-limits.ts), its size taken from the file system before a byte is read, its first
 * bytes checked before the rest, and a selection's total checked before any of it. The large files are
 * sparse (ftruncate): they take no disk, and a reader that read them would allocate their size, which
 * the tests watch for.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileHandlers, readFolder } from '../../../src-main/files';
import { DutyBookError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';
import { CAPS, KINDS, NOUNS, realFiles, type Kind } from '../host/real-files';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

let dir: string;
let real: Record<Kind, Uint8Array>;
beforeAll(async () => {
  real = await realFiles();
}, 60_000);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dutybook-bounds-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file of `size` bytes that starts with `head` and is a hole after it (no disk, no memory). */
async function sparse(name: string, head: Uint8Array, size: number): Promise<string> {
  const path = join(dir, name);
  const handle = await open(path, 'w');
  try {
    await handle.write(head, 0, Math.min(head.length, size), 0);
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
  return path;
}

function handlersPicking(paths: string[]) {
  const dialog = {
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: paths })),
  };
  return createFileHandlers<string>({ dialog, windowOf: () => null, defaultDir: () => dir });
}

/** Runs `read`, returning its error and how much ArrayBuffer memory grew meanwhile. */
async function refusal(read: () => Promise<unknown>): Promise<{ error: DutyBookError; grew: number }> {
  const before = process.memoryUsage().arrayBuffers;
  let error: unknown;
  try {
    await read();
  } catch (e) {
    error = e;
  }
  const grew = process.memoryUsage().arrayBuffers - before;
  expect(error, 'the read was refused').toBeInstanceOf(DutyBookError);
  return { error: error as DutyBookError, grew };
}

describe('each kind is refused over its cap, from its size, before anything is read', () => {
  it.each(KINDS)('%s: one byte over the cap', async (kind) => {
    const size = CAPS[kind].each + 1;
    // The right start for the kind, so only the size can refuse it.
    const path = await sparse(`big.${kind}`, real[kind], size);
    const { error, grew } = await refusal(() => handlersPicking([path]).openFiles({ multiple: false, kind }, 'e'));
    expect(error.code).toBe('file-too-large');
    expect(error.details).toMatchObject({ kind, name: `big.${kind}`, size, limit: CAPS[kind].each });
    expect(grew).toBeLessThan(16 * MiB);
    const words = describeError(error);
    expect(words.title).toBe('文件过大,未读取');
    expect(words.detail).toContain(`超过${NOUNS[kind]}的上限`);
  });

  it('a 1 GB file of zeros picked as a bundle: refused from its size (not its first bytes), in words that say what to do', async () => {
    const path = await sparse('学习资料.dutybook', new Uint8Array(0), GiB);
    const { error, grew } = await refusal(() => handlersPicking([path]).openFiles({ multiple: true, kind: 'bundle' }, 'e'));
    // Zeros are not a bundle's start either: file-too-large proves the size was looked at first.
    expect(error.code).toBe('file-too-large');
    expect(grew).toBeLessThan(16 * MiB);
    expect(describeError(error).detail).toBe(
      '所选文件“学习资料.dutybook”有 1.0 GB,超过数据包的上限 256 MB,不是履责记实的数据包。请确认选对了 U 盘中的文件。',
    );
  });
});

describe('a file of the wrong kind is refused from its first bytes', () => {
  it.each(KINDS)('%s: every other kind, and zeros, are refused by their start', async (kind) => {
    const others = KINDS.filter((k) => k !== kind).map((k) => ({ name: `other-${k}`, bytes: real[k] }));
    for (const other of [...others, { name: 'zeros', bytes: new Uint8Array(1000) }]) {
      // Within the kind's cap (clipped), so only the start can refuse it.
      const bytes = other.bytes.subarray(0, Math.min(other.bytes.length, CAPS[kind].each));
      const path = join(dir, other.name);
      await writeFile(path, bytes);
      const { error } = await refusal(() => handlersPicking([path]).openFiles({ multiple: false, kind }, 'e'));
      expect(error.code, `${other.name} as ${kind}`).toBe('file-wrong-kind');
      expect(error.details).toMatchObject({ kind, name: other.name });
      expect(describeError(error).title).toBe(`所选文件不是履责记实的${NOUNS[kind]}`);
    }
  });

  it('a 200 MB file that does not start as a bundle is not read past its start', async () => {
    const path = await sparse('录像.mp4', new TextEncoder().encode('....ftypisom'), 200 * MiB);
    const { error, grew } = await refusal(() => handlersPicking([path]).openFiles({ multiple: false, kind: 'bundle' }, 'e'));
    expect(error.code).toBe('file-wrong-kind');
    expect(grew).toBeLessThan(16 * MiB);
  });

  it('one wrong file refuses the selection whole', async () => {
    const good = join(dir, 'a.dutybook');
    const bad = join(dir, 'b.dutybook');
    await writeFile(good, real.bundle);
    await writeFile(bad, real.enrollment);
    const { error } = await refusal(() => handlersPicking([good, bad]).openFiles({ multiple: true, kind: 'bundle' }, 'e'));
    expect(error.details).toMatchObject({ name: 'b.dutybook' });
  });
});

describe('a selection over its total is refused whole, before any of it is read', () => {
  it('enrollment requests: 1,025 files of 16 KB, 16 KB more than 16 MB in all', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 1025; i++) paths.push(await sparse(`申请${i}.dutyenroll`, real.enrollment, CAPS.enrollment.each));
    const { error, grew } = await refusal(() => handlersPicking(paths).openFiles({ multiple: true, kind: 'enrollment' }, 'e'));
    expect(error.code).toBe('file-too-large');
    expect(error.details).toMatchObject({ kind: 'enrollment', count: 1025, size: 1025 * 16 * 1024, limit: 16 * MiB });
    expect(grew).toBeLessThan(8 * MiB);
    expect(describeError(error)).toMatchObject({
      title: '所选文件合计过大,未读取',
      detail: '所选的 1025 个文件共 16.0 MB,超过一次可接收的注册申请合计上限 16 MB,所选文件均未读取。请分几次选择,每次少选一些。',
    });
  });

  it('bundles: three of 200 MB (each within its cap) make 600 MB, over 512 MB', async () => {
    const paths: string[] = [];
    for (const n of [1, 2, 3]) paths.push(await sparse(`${n}.dutybook`, real.bundle, 200 * MiB));
    const { error, grew } = await refusal(() => handlersPicking(paths).openFiles({ multiple: true, kind: 'bundle' }, 'e'));
    expect(error.details).toMatchObject({ kind: 'bundle', count: 3, limit: 512 * MiB });
    expect(grew).toBeLessThan(16 * MiB);
  });
});

describe('files that fit are read whole', () => {
  it.each(KINDS)('%s: the real file comes back byte for byte', async (kind) => {
    const path = join(dir, `ok.${kind}`);
    await writeFile(path, real[kind]);
    const [file] = await handlersPicking([path]).openFiles({ multiple: false, kind }, 'e');
    expect(file!.data).toEqual(real[kind]);
    expect(file!.data.byteOffset).toBe(0);
    expect(file!.data.buffer.byteLength).toBe(real[kind].length);
  });
});

describe('a folder (接收数据包)', () => {
  it('lists a file that does not start as a bundle as other-kind, reading only its start', async () => {
    await writeFile(join(dir, 'a.dutybook'), real.bundle);
    await writeFile(join(dir, '通知.docx'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]));
    await sparse('录像.mp4', new Uint8Array(8), 200 * MiB);
    const before = process.memoryUsage().arrayBuffers;
    const files = await readFolder(dir, { kind: 'bundle' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MiB);
    expect(files.map((f) => [f.name, f.skipped ?? 'read', f.data.length])).toEqual([
      ['a.dutybook', 'read', real.bundle.length],
      ['录像.mp4', 'other-kind', 0],
      ['通知.docx', 'other-kind', 0],
    ]);
  });

  it('lists a bundle over 256 MB as too-large without reading it', async () => {
    await sparse('big.dutybook', real.bundle, CAPS.bundle.each + 1);
    const before = process.memoryUsage().arrayBuffers;
    const files = await readFolder(dir, { kind: 'bundle' });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * MiB);
    expect(files.map((f) => [f.name, f.skipped])).toEqual([['big.dutybook', 'too-large']]);
  });
});
