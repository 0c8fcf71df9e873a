// @vitest-environment happy-dom
/**
 * Finding 9 of issue 20, in the browser preview's host (src-renderer/host/web-host.ts): what a person
 * picks in the file chooser is read as the desktop shell reads it — each file's size (File.size) and
 * the selection's total before a byte is read, each file's first bytes (Blob.slice) before the rest,
 * a refusal for the whole selection. The files are real Files of real DutyBook files; the chooser is
 * answered by setting the input's files, as a person's pick does. For a file too large to make here,
 * a real File reports a size of 1 GB and the test watches that none of it is read.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWebHost } from '../../src-renderer/host/web-host';
import { DutyBookError } from '../../shared/errors/errors';
import { describeError } from '../../shared/errors/messages.zh';
import { CAPS, KINDS, NOUNS, realFiles, type Kind } from '../unit/host/real-files';

let real: Record<Kind, Uint8Array>;
beforeAll(async () => {
  real = await realFiles();
}, 60_000);
afterEach(() => vi.restoreAllMocks());

/** The next file chooser the host opens is answered with `files`. */
function pickNext(files: File[]) {
  vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(function (this: HTMLInputElement) {
    Object.defineProperty(this, 'files', { value: files, configurable: true });
    this.dispatchEvent(new Event('change'));
  });
}

const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name);

/** A real File that says it holds `size` bytes; every read of it is recorded. */
function claiming(name: string, head: Uint8Array, size: number) {
  const f = file(name, head);
  Object.defineProperty(f, 'size', { value: size });
  const reads = { slice: vi.spyOn(f, 'slice'), arrayBuffer: vi.spyOn(f, 'arrayBuffer') };
  return { file: f, reads };
}

async function refusal(kind: Kind, files: File[], multiple = true): Promise<DutyBookError> {
  pickNext(files);
  const error = await createWebHost().openFiles({ multiple, kind }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DutyBookError);
  return error as DutyBookError;
}

describe('the browser host reads picked files within their kind', () => {
  it.each(KINDS)('%s: a file over the cap is refused from File.size, nothing of it read', async (kind) => {
    const big = claiming(`big.${kind}`, real[kind], CAPS[kind].each + 1);
    const error = await refusal(kind, [big.file], false);
    expect(error.code).toBe('file-too-large');
    expect(error.details).toMatchObject({ kind, size: CAPS[kind].each + 1, limit: CAPS[kind].each });
    expect(big.reads.slice).not.toHaveBeenCalled();
    expect(big.reads.arrayBuffer).not.toHaveBeenCalled();
    expect(describeError(error).detail).toContain(`超过${NOUNS[kind]}的上限`);
  });

  it('a 1 GB bundle beside a good one: the selection is refused and neither is read', async () => {
    const good = claiming('好.dutybook', real.bundle, real.bundle.length);
    const big = claiming('学习资料.dutybook', new Uint8Array(16), 1024 ** 3);
    const error = await refusal('bundle', [good.file, big.file]);
    expect(describeError(error).detail).toBe(
      '所选文件“学习资料.dutybook”有 1.0 GB,超过数据包的上限 256 MB,不是履责记实的数据包。请确认选对了 U 盘中的文件。',
    );
    for (const f of [good, big]) {
      expect(f.reads.slice).not.toHaveBeenCalled();
      expect(f.reads.arrayBuffer).not.toHaveBeenCalled();
    }
  });

  it.each(KINDS)('%s: a file of another kind is refused from its first bytes, the rest unread', async (kind) => {
    const other = KINDS.find((k) => k !== kind)!;
    const wrong = claiming(`wrong.${kind}`, real[other].subarray(0, CAPS[kind].each), Math.min(real[other].length, CAPS[kind].each));
    const error = await refusal(kind, [wrong.file], false);
    expect(error.code).toBe('file-wrong-kind');
    expect(describeError(error).title).toBe(`所选文件不是履责记实的${NOUNS[kind]}`);
    // Only the first bytes were asked for.
    expect(wrong.reads.slice).toHaveBeenCalledTimes(1);
    expect(wrong.reads.slice.mock.calls[0]).toEqual([0, 4096]);
    expect(wrong.reads.arrayBuffer).not.toHaveBeenCalled();
  });

  it('key backups: two that fit one by one but not together are refused whole', async () => {
    const a = claiming('a.dutykey', real['key-backup'], 40 * 1024);
    const b = claiming('b.dutykey', real['key-backup'], 40 * 1024);
    const error = await refusal('key-backup', [a.file, b.file]);
    expect(error.details).toMatchObject({ kind: 'key-backup', count: 2, size: 80 * 1024, limit: 64 * 1024 });
    expect(describeError(error).title).toBe('所选文件合计过大,未读取');
    for (const f of [a, b]) expect(f.reads.arrayBuffer).not.toHaveBeenCalled();
  });

  it.each(KINDS)('%s: the real file is read whole', async (kind) => {
    pickNext([file(`ok.${kind}`, real[kind])]);
    const [got] = await createWebHost().openFiles({ multiple: false, kind });
    expect(got!.data).toEqual(real[kind]);
  });

  it('a folder: files of another kind are listed as other-kind, only their start read', async () => {
    const bundle = file('a.dutybook', real.bundle);
    const doc = claiming('通知.docx', Uint8Array.of(0x50, 0x4b, 3, 4), 4);
    for (const f of [bundle, doc.file]) Object.defineProperty(f, 'webkitRelativePath', { value: `U盘/${f.name}` });
    pickNext([bundle, doc.file]);
    const files = await createWebHost().openFiles({ multiple: true, kind: 'bundle', directory: true });
    expect(files.map((f) => [f.name, f.skipped ?? 'read', f.data.length])).toEqual([
      ['U盘/a.dutybook', 'read', real.bundle.length],
      ['U盘/通知.docx', 'other-kind', 0],
    ]);
    expect(doc.reads.arrayBuffer).not.toHaveBeenCalled();
  });
});
