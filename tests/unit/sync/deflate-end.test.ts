/**
 * The payload plaintext is exactly one DEFLATE stream (docs/bundle-format.md §7): bytes after the end
 * of its final block are refused, wherever they fall (the same chunk, a later STREAM chunk), and so is
 * a stream that never ends. The bits after the end-of-block code in the stream's last byte are padding.
 */
import { Deflate, deflateSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { concatBytes } from '../../../shared/bundle/bytes';
import { webCryptoSuite } from '../../../shared/bundle/crypto';
import { CHUNK_BYTES } from '../../../shared/bundle/format';
import { craftBundle, craftContent } from './craft';
import type { CraftedContent } from './craft';
import { expectKind, fixture, openAs } from './helpers';
import type { Fixture } from './helpers';

let f: Fixture;
let c: CraftedContent;
beforeAll(async () => {
  f = await fixture(webCryptoSuite()!);
  c = await craftContent(f, f.zhang);
});

const open = async (payload: Uint8Array) => openAs(f, f.zhang, await craftBundle(f, f.zhang, c, { payload }));

/** The content deflated without a final block: every block closed by a sync flush. */
function unterminated(content: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  d.push(content);
  d.flush();
  return concatBytes(...parts);
}

describe('bytes after the end of the DEFLATE stream', () => {
  test('the plain stream opens (its last byte holds padding bits)', async () => {
    const opened = await open(deflateSync(c.content, { level: 6 }));
    expect(opened.entries.length).toBe(2);
  });

  test('one byte after the final block → "malformed" (deflate-trailing)', async () => {
    await expectKind(open(concatBytes(deflateSync(c.content), Uint8Array.of(0))), 'malformed', 'deflate-trailing');
  });

  test('after a stream that ends on a byte boundary (stored blocks) → "malformed" (deflate-trailing)', async () => {
    const stored = deflateSync(c.content, { level: 0 });
    await expectKind(open(concatBytes(stored, Uint8Array.of(0x42, 0x42))), 'malformed', 'deflate-trailing');
  });

  test('a second, complete DEFLATE stream after the first → "malformed" (deflate-trailing)', async () => {
    const s = deflateSync(c.content);
    await expectKind(open(concatBytes(s, deflateSync(new Uint8Array(10)))), 'malformed', 'deflate-trailing');
  });

  test('trailing bytes that fill a later STREAM chunk → "malformed" (deflate-trailing)', async () => {
    const payload = concatBytes(deflateSync(c.content), new Uint8Array(CHUNK_BYTES + 100));
    await expectKind(open(payload), 'malformed', 'deflate-trailing');
  });

  test('a stream without a final block → "malformed" (deflate)', async () => {
    await expectKind(open(unterminated(c.content)), 'malformed', 'deflate');
  });
});
