/** P16 resource limits: deflate bombs, a million tiny entries, oversized parts — refused early, in bounded memory. */
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { concatBytes, u32be, utf8 } from '../../../shared/bundle/bytes';
import { ContentInflater, encodeContent } from '../../../shared/bundle/content';
import { webCryptoSuite } from '../../../shared/bundle/crypto';
import { DEFAULT_LIMITS } from '../../../shared/bundle/format';
import { craftBundle, craftContent, craftDeflateBomb } from './craft';
import { expectKind, fixture, openAs, vectorBundle } from './helpers';
import type { Fixture } from './helpers';

let f: Fixture;
beforeAll(async () => {
  f = await fixture(webCryptoSuite()!);
});

const MiB = 1024 * 1024;
const memory = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

describe('P16 deflate bombs stop early with bounded memory', () => {
  test('content inflating 128 MiB past what its signed manifest declares → "too-large", quickly', async () => {
    const bomb = await craftDeflateBomb(f, f.zhang, 128 * MiB);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const before = memory();
    const t0 = performance.now();
    await expectKind(openAs(f, f.zhang, bomb), 'too-large', 'exceeds-declared');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(memory() - before).toBeLessThan(64 * MiB);
  });

  test('the inflater stops within one input slice of the declared size', async () => {
    const c = await craftContent(f, f.zhang);
    const zeros = deflateSync(concatBytes(c.content, new Uint8Array(64 * MiB)), { level: 9 });
    const inflater = new ContentInflater({ ...DEFAULT_LIMITS });
    expect(() => inflater.push(zeros, true)).toThrow(/declares/);
    expect(inflater.inflated).toBeLessThan(c.content.length + 9 * MiB);
  });

  test('a manifest declaring more content than the limit → "too-large" before the rest is inflated', async () => {
    const c = await craftContent(f, f.zhang, { entries: [{ type: 'blob', bytes: new Uint8Array(3 * MiB) }] });
    const bytes = await craftBundle(f, f.zhang, c, { level: 9 });
    expect(bytes.length).toBeLessThan(64 * 1024);
    await expectKind(openAs(f, f.zhang, bytes, { maxContentBytes: 1 * MiB }), 'too-large', 'content');
    await expectKind(openAs(f, f.zhang, bytes, { maxEntryBytes: 1 * MiB }), 'too-large', 'entry');
    expect((await openAs(f, f.zhang, bytes)).entries[0]!.bytes.length).toBe(3 * MiB);
  });

  test('a manifest length prefix beyond the limit → "too-large" after four bytes', () => {
    const inflater = new ContentInflater({ ...DEFAULT_LIMITS });
    const content = concatBytes(u32be(0xffffff00), new Uint8Array(1000));
    expect(() => inflater.push(deflateSync(content), true)).toThrow(/manifest of \d+ bytes/);
    expect(inflater.inflated).toBeLessThan(64 * 1024);
  });
});

describe('P16 counts and sizes', () => {
  test('a million tiny entries → "too-large" without inflating the million', async () => {
    const entries = Array.from({ length: 1_000_000 }, (_, i) => ({ type: 'x', bytes: Uint8Array.of(i & 0xff) }));
    // Built directly (key order by a replacer list) for speed: its ~100 MB manifest is refused by size
    // from the first four bytes, so its exact form never matters.
    const one = (await craftContent(f, f.zhang, { entries: entries.slice(0, 1) })).manifest.entries[0]!;
    const manifest = { ...(await craftContent(f, f.zhang, { entries: [] })).manifest, entries: entries.map(() => one) };
    const manifestBytes = utf8(JSON.stringify(manifest, Object.keys(manifest).sort().concat(['hash', 'size', 'type'])));
    const content = encodeContent(manifestBytes, new Uint8Array(64), entries.map((e) => e.bytes));
    const bytes = await craftBundle(f, f.zhang, { content, manifest, hint: (await craftContent(f, f.zhang)).hint }, { level: 1 });
    const before = memory();
    await expectKind(openAs(f, f.zhang, bytes), 'too-large', 'manifest');
    expect(memory() - before).toBeLessThan(64 * MiB);
  });

  test('more entries than the limit → "too-large" (entries), counted from the manifest', async () => {
    const entries = Array.from({ length: 101 }, (_, i) => ({ type: 'x', bytes: Uint8Array.of(i) }));
    const bytes = await vectorBundle(f, { entries });
    await expectKind(openAs(f, f.zhang, bytes, { maxEntries: 100 }), 'too-large', 'entries');
    expect((await openAs(f, f.zhang, bytes)).entries).toHaveLength(101);
  });

  test('a file over the size limit is refused before anything is parsed', async () => {
    const bytes = await vectorBundle(f);
    await expectKind(openAs(f, f.zhang, bytes, { maxFileBytes: bytes.length - 1 }), 'too-large', 'file');
  });

  test('the writer refuses more entries than a reader accepts by default', async () => {
    const entries = Array.from({ length: DEFAULT_LIMITS.maxEntries + 1 }, () => ({ type: 'x', bytes: new Uint8Array(0) }));
    await expect(vectorBundle(f, { entries })).rejects.toThrow(RangeError);
  });
});

describe('content layout', () => {
  test('an entry length prefix that disagrees with the manifest → "malformed"', async () => {
    const c = await craftContent(f, f.zhang);
    const at = c.content.length - 5 - 4; // the last entry is 'hello' (5 bytes)
    const content = c.content.slice();
    content.set(u32be(4), at);
    const bytes = await craftBundle(f, f.zhang, { ...c, content });
    await expectKind(openAs(f, f.zhang, bytes), 'malformed', 'entry-length');
  });

  test('a deflate stream that stops early → "malformed"; a non-canonical manifest → "malformed"', async () => {
    const c = await craftContent(f, f.zhang);
    const payload = deflateSync(c.content);
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, c, { payload: payload.subarray(0, payload.length - 3) })), 'malformed');
    const spaced = utf8(JSON.stringify(c.manifest, null, 1));
    const bad = encodeContent(spaced, new Uint8Array(64), []);
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, { ...c, content: bad })), 'malformed', 'manifest-json');
  });
});
