/**
 * The backup's row codec for bytes: valid UTF-8 goes as its text (a stored fact's canonical bytes:
 * a third the size of hex), anything else as hex — and either way the very same bytes come back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue, RowCodecError } from '../../../shared/backup/codec';
import { utf8 } from '../../../shared/bundle/bytes';

const roundTrip = (v: unknown) => decodeValue(JSON.parse(JSON.stringify(encodeValue(v))));

describe('bytes in a backup row', () => {
  it('writes valid UTF-8 as its text and other bytes as hex', () => {
    expect(encodeValue(utf8('{"body":"张三 \\"引号\\""}'))).toEqual({ $t: '{"body":"张三 \\"引号\\""}' });
    expect(encodeValue(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({ $t: '\ufeffA' });
    expect(encodeValue(new Uint8Array(0))).toEqual({ $t: '' });
    expect(encodeValue(Uint8Array.of(0, 1, 0xfe, 0xff))).toEqual({ $b: '0001feff' });
    // An overlong form and a lone surrogate's encoding are not valid UTF-8.
    expect(encodeValue(Uint8Array.of(0xc0, 0x80))).toEqual({ $b: 'c080' });
    expect(encodeValue(Uint8Array.of(0xed, 0xa0, 0x80))).toEqual({ $b: 'eda080' });
  });

  it('gives back exactly the bytes it was given, whatever they are', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 40 }).map(utf8)),
        (bytes) => {
          const back = roundTrip(bytes);
          expect(back).toBeInstanceOf(Uint8Array);
          expect([...(back as Uint8Array)]).toEqual([...bytes]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses text it could not have written', () => {
    expect(() => decodeValue({ $t: 'a\ud800b' })).toThrow(RowCodecError);
    expect(() => decodeValue({ $t: '\udc00' })).toThrow(RowCodecError);
    expect(() => decodeValue({ $t: 5 })).toThrow(RowCodecError);
    expect([...(decodeValue({ $t: '😀' }) as Uint8Array)]).toEqual([0xf0, 0x9f, 0x98, 0x80]);
  });
});
