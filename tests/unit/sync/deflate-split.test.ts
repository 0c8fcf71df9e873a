/**
 * A large export's content is deflated in two parts at once (shared/bundle/deflate.ts): the head by
 * fflate ending in a sync flush, the tail by the platform's zlib. Here the tail runs on this thread
 * (Node has no Web Worker; the bench and the e2e run the worker in Chromium) — the joining, the
 * fallback and the writer's chunking are the same code.
 */
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { inflateSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { concatBytes, fromUtf8, toHex, utf8 } from '../../../shared/bundle/bytes';
import { bundleWriter, type BundleEntryInput } from '../../../shared/bundle/container';
import { webCryptoSuite } from '../../../shared/bundle/crypto';
import { DEFAULT_LIMITS } from '../../../shared/bundle/format';
import { deflateNonFinal, inlineTailDeflater, storedNonFinal, type TailDeflater } from '../../../shared/bundle/deflate';
import { fixture, openAs, vectorInput } from './helpers';

const web = webCryptoSuite()!;

function factsLike(n: number): BundleEntryInput[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'fact',
    bytes: utf8(
      JSON.stringify({
        n: i,
        recordKey: `record/p${i % 40}/2026/${i % 12}`,
        body: `{"workItems":[{"content":"${'完成了本月的执法检查工作'.repeat(1 + (i % 7))}","percent":${i % 100}}]}`,
      }),
    ),
  }));
}

async function deflateInTwo(parts: Uint8Array[], cut: number): Promise<Uint8Array> {
  const tail = inlineTailDeflater()!;
  for (const p of parts.slice(cut)) tail.write(p);
  return tail.finish(parts.slice(0, cut));
}

describe('head (fflate, sync flush) ++ tail (platform zlib) is one DEFLATE stream', () => {
  test.each([0, 1, 5, 9, 10])('split after %i of 10 parts: zlib and fflate inflate it to the input', async (cut) => {
    const parts = factsLike(10).map((e) => e.bytes);
    const whole = concatBytes(...parts);
    const stream = await deflateInTwo(parts, cut);
    expect(toHex(new Uint8Array(inflateRawSync(stream)))).toBe(toHex(whole));
    expect(toHex(inflateSync(stream))).toBe(toHex(whole));
  });

  test('the head alone is complete to a byte boundary but not final: an inflater asks for more', () => {
    const text = utf8('开头的部分'.repeat(50));
    for (const head of [deflateNonFinal([text]), storedNonFinal([text])]) {
      expect(toHex(new Uint8Array(inflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH })))).toBe(toHex(text));
      expect(() => inflateRawSync(head)).toThrow(/unexpected end/i);
    }
  });

  test('any data, any split point (the pending bits of every kind): zlib inflates head ++ tail to the input', () => {
    const data = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }),
      fc.string({ maxLength: 2000 }).map((s) => utf8(s)),
      fc.array(fc.constantFrom('完成', '执法检查', '{"a":1}', 'x', '\n'), { maxLength: 800 }).map((a) => utf8(a.join(''))),
    );
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 6 }), fc.nat(), fc.uint8Array({ maxLength: 200 }), (parts, cutAt, tailData) => {
        const cut = cutAt % (parts.length + 1);
        const tail = deflateRawSync(concatBytes(...parts.slice(cut), tailData));
        const expected = toHex(concatBytes(...parts, tailData));
        for (const head of [deflateNonFinal(parts.slice(0, cut)), storedNonFinal(parts.slice(0, cut))])
          expect(toHex(new Uint8Array(inflateRawSync(concatBytes(head, tail))))).toBe(expected);
      }),
      { numRuns: 1500 },
    );
  });

  test('a large head (several fflate blocks) and a large stored head (several 64 KiB blocks)', async () => {
    const parts = factsLike(3000).map((e) => e.bytes);
    const whole = concatBytes(...parts);
    expect(whole.length).toBeGreaterThan(500_000);
    const stream = await deflateInTwo(parts, 2500);
    expect(toHex(new Uint8Array(inflateRawSync(stream)))).toBe(toHex(whole));
    const stored = concatBytes(storedNonFinal(parts.slice(0, 2500)), deflateRawSync(concatBytes(...parts.slice(2500))));
    expect(toHex(inflateSync(stored))).toBe(toHex(whole));
  });
});

describe('bundleWriter with a tail deflater', () => {
  const tailAfter = (afterBytes: number, deflater: () => TailDeflater | null = inlineTailDeflater) => ({
    compressionLevel: 'platform' as const,
    tail: { deflater, afterBytes },
  });

  async function write(entries: BundleEntryInput[], options: Parameters<typeof bundleWriter>[0], chunk = 37) {
    const f = await fixture(web);
    const writer = bundleWriter(options);
    for (let i = 0; i < entries.length; i += chunk) writer.add(entries.slice(i, i + chunk));
    const { entries: _all, compressionLevel: _level, ...rest } = vectorInput(f, { ephemeralKey: undefined });
    const bytes = await writer.finish(rest);
    return { f, bytes };
  }

  test('entries added in chunks, the content past afterBytes deflated by the tail: the bundle opens whole', async () => {
    const entries = factsLike(600);
    let started = 0;
    const { f, bytes } = await write(
      entries,
      tailAfter(20_000, () => {
        started++;
        return inlineTailDeflater();
      }),
    );
    expect(started).toBe(1);
    const opened = await openAs(f, f.zhang, bytes);
    expect(opened.entries.map((e) => fromUtf8(e.bytes))).toEqual(entries.map((e) => fromUtf8(e.bytes)));
  });

  test('a small bundle never starts the tail', async () => {
    let started = 0;
    const entries = factsLike(20);
    const { f, bytes } = await write(entries, tailAfter(1 << 20, () => (started++, inlineTailDeflater())));
    expect(started).toBe(0);
    expect((await openAs(f, f.zhang, bytes)).entries).toHaveLength(20);
  });

  test('a tail that fails (a worker that died) costs time, not the bundle: all of it again on this thread', async () => {
    const entries = factsLike(300);
    const broken: TailDeflater = {
      write: () => {},
      finish: () => Promise.reject(new Error('deflate worker: failed to start')),
      abort: () => {},
    };
    const { f, bytes } = await write(entries, tailAfter(5_000, () => broken));
    const opened = await openAs(f, f.zhang, bytes);
    expect(opened.entries.map((e) => fromUtf8(e.bytes))).toEqual(entries.map((e) => fromUtf8(e.bytes)));
  });

  test('past the limits: a RangeError at the add that crosses them, and the tail is stopped', () => {
    let aborted = 0;
    const tail: TailDeflater = { ...inlineTailDeflater()!, abort: () => void aborted++ };
    const writer = bundleWriter(tailAfter(0, () => tail));
    writer.add(factsLike(2));
    expect(() => writer.add([{ type: 'blob', bytes: new Uint8Array(DEFAULT_LIMITS.maxEntryBytes + 1) }])).toThrow(RangeError);
    writer.abort();
    expect(aborted).toBe(1);
    expect(() => writer.add(factsLike(1))).toThrow(/finished/);
  });
});
