/** P1 (any flipped byte is refused) and P2 (truncated or extended files are refused). */
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { concatBytes, readU16be } from '../../../shared/bundle/bytes';
import { randomBytes, webCryptoSuite } from '../../../shared/bundle/crypto';
import type { BundleErrorKind } from '../../../shared/errors/bundle-errors';
import { CHUNK_BYTES, TAG_BYTES } from '../../../shared/bundle/format';
import { craftBundle, craftContainer, craftContent, standardChunks } from './craft';
import { bundleErrorOf, expectKind, fixture, openAs, vectorBundle } from './helpers';
import type { Fixture } from './helpers';

let f: Fixture;
let small: Uint8Array;
/** Three chunks: 64 KiB, 64 KiB and a partial one. */
let large: Uint8Array;

beforeAll(async () => {
  f = await fixture(webCryptoSuite()!);
  small = await vectorBundle(f);
  large = await vectorBundle(f, { entries: [{ type: 'blob', bytes: randomBytes(150_000) }], compressionLevel: 0 });
});

type Region = { name: string; start: number; end: number; kinds: BundleErrorKind[] };

/** The byte regions of a bundle and what a flipped byte in each must give. */
function regions(b: Uint8Array): Region[] {
  const h = 20 + readU16be(b, 18);
  const bodyLength = readU16be(b, h);
  const mac = h + 2 + bodyLength;
  return [
    { name: 'magic', start: 0, end: 16, kinds: ['not-a-bundle'] },
    { name: 'major', start: 16, end: 17, kinds: ['unsupported-version'] },
    { name: 'minor', start: 17, end: 18, kinds: ['corrupt'] },
    { name: 'hint length', start: 18, end: 20, kinds: ['malformed', 'too-large', 'truncated', 'corrupt', 'unsupported-version'] },
    { name: 'hint', start: 20, end: h, kinds: ['tampered', 'malformed'] },
    { name: 'header length', start: h, end: h + 2, kinds: ['malformed', 'corrupt', 'truncated'] },
    { name: 'suite id', start: h + 2, end: h + 4, kinds: ['unsupported-version'] },
    { name: 'ephemeral key', start: h + 4, end: h + 36, kinds: ['corrupt'] },
    { name: 'recipient key', start: h + 36, end: h + 68, kinds: ['corrupt'] },
    { name: 'payload length', start: h + 68, end: h + 76, kinds: ['corrupt'] },
    { name: 'header MAC', start: mac, end: mac + 32, kinds: ['corrupt'] },
    { name: 'payload', start: mac + 32, end: b.length, kinds: ['corrupt'] },
  ];
}

async function flippedKind(bytes: Uint8Array, at: number, xor: number): Promise<BundleErrorKind> {
  const copy = bytes.slice();
  copy[at]! ^= xor;
  return (await bundleErrorOf(openAs(f, f.zhang, copy))).kind;
}

describe('P1 any flipped byte is refused with a BundleError, never a crash, never success', () => {
  test('every single-bit flip of the whole small bundle gives the kind its region allows', async () => {
    const rs = regions(small);
    const seen = new Map<string, Set<string>>();
    for (const r of rs) {
      for (let at = r.start; at < r.end; at++) {
        for (const xor of [0x01, 0x80]) {
          const kind = await flippedKind(small, at, xor);
          expect.soft(r.kinds, `${r.name} @${at} ^${xor}`).toContain(kind);
          seen.set(r.name, (seen.get(r.name) ?? new Set()).add(kind));
        }
      }
    }
    // The hint is checked against the signed manifest: a flip there is seen as tampering.
    expect(seen.get('hint')).toContain('tampered');
  });

  test('random offsets and random xor values, in the small and the three-chunk bundle', async () => {
    for (const bytes of [small, large]) {
      const rs = regions(bytes);
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, xor) => {
          const region = rs.find((r) => at >= r.start && at < r.end)!;
          expect(region.kinds).toContain(await flippedKind(bytes, at, xor));
        }),
        { numRuns: 300 },
      );
    }
  });

  test('a flip in the first, a middle and the last chunk, and in the last tag, is "corrupt"', async () => {
    const payloadStart = regions(large).at(-1)!.start;
    for (const at of [payloadStart + 5, payloadStart + CHUNK_BYTES + TAG_BYTES + 7, large.length - TAG_BYTES - 3, large.length - 1]) {
      const copy = large.slice();
      copy[at]! ^= 0x10;
      await expectKind(openAs(f, f.zhang, copy), 'corrupt', 'chunk-tag');
    }
  });
});

describe('P2 truncated or extended files are refused', () => {
  test('every cut point of the small bundle is "truncated" (or "not-a-bundle" for an empty file)', async () => {
    for (let cut = 0; cut < small.length; cut++) {
      const e = await bundleErrorOf(openAs(f, f.zhang, small.subarray(0, cut)));
      expect.soft(e.kind, `cut at ${cut}`).toBe(cut === 0 ? 'not-a-bundle' : 'truncated');
    }
  });

  test('random cut points of the three-chunk bundle are "truncated"', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: large.length - 1 }), async (cut) => {
        expect((await bundleErrorOf(openAs(f, f.zhang, large.subarray(0, cut)))).kind).toBe('truncated');
      }),
      { numRuns: 100 },
    );
  });

  test('dropping the whole last chunk is "truncated"; appended bytes or a repeated chunk are "corrupt"', async () => {
    const lastChunk = (150_000 + 3 * TAG_BYTES) % (CHUNK_BYTES + TAG_BYTES);
    await expectKind(openAs(f, f.zhang, large.subarray(0, large.length - lastChunk)), 'truncated', 'payload');
    await expectKind(openAs(f, f.zhang, concatBytes(small, Uint8Array.of(0))), 'corrupt', 'trailing-data');
    await expectKind(openAs(f, f.zhang, concatBytes(large, large.subarray(large.length - lastChunk))), 'corrupt', 'trailing-data');
  });

  test('a stream whose last chunk lacks the final flag (cut at a chunk boundary, length rewritten) is "truncated"', async () => {
    const c = await craftContent(f, f.zhang, { entries: [{ type: 'blob', bytes: randomBytes(100_000) }] });
    const noFinal = (p: Uint8Array) => standardChunks(p).map((ch) => ({ ...ch, last: false }));
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, c, { level: 0, chunks: noFinal })), 'truncated', 'missing-final-chunk');
  });

  test('an empty final chunk after a full one is refused; a final flag on an early chunk is "corrupt"', async () => {
    const c = await craftContent(f, f.zhang, { entries: [{ type: 'blob', bytes: randomBytes(100_000) }] });
    const emptyLast = (p: Uint8Array) => [...standardChunks(p).map((ch) => ({ ...ch, last: false })), { plain: new Uint8Array(0), last: true }];
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, c, { level: 0, chunks: emptyLast })), 'corrupt', 'trailing-data');
    const earlyFinal = (p: Uint8Array) => standardChunks(p).map((ch) => ({ ...ch, last: true }));
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, c, { level: 0, chunks: earlyFinal })), 'corrupt', 'chunk-tag');
  });

  test('swapping two chunks is "corrupt"', async () => {
    const start = regions(large).at(-1)!.start;
    const size = CHUNK_BYTES + TAG_BYTES;
    const swapped = concatBytes(large.subarray(0, start), large.subarray(start + size, start + 2 * size), large.subarray(start, start + size), large.subarray(start + 2 * size));
    await expectKind(openAs(f, f.zhang, swapped), 'corrupt', 'chunk-tag');
  });

  test('an empty payload (one empty final chunk) decrypts but holds no content: "malformed"', async () => {
    const hint = (await craftContent(f, f.zhang)).hint;
    await expectKind(openAs(f, f.zhang, await craftContainer(f, f.zhang.encryptionPub, { payload: new Uint8Array(0), hint })), 'malformed', 'content-short');
  });
});
