import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toHex, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJson, canonicalJsonBytes, compareCodePoints, parseCanonicalJson } from '../../../shared/bundle/canonical-json';

describe('canonicalJson', () => {
  test('sorts keys, drops whitespace, writes integers plainly', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: -0, y: -12 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":-12,"z":0}}');
  });

  test('orders keys by code point (UTF-8 byte order), not UTF-16 units', () => {
    // U+FF5E (full-width tilde) < U+1F600 by code point, though its UTF-16 unit 0xFF5E > 0xD83D.
    expect(canonicalJson({ '😀': 1, '～': 2, a: 3 })).toBe('{"a":3,"～":2,"😀":1}');
    expect(compareCodePoints('～', '😀')).toBeLessThan(0);
  });

  test('escapes only what JSON requires, lowercase \\u00xx for other control characters', () => {
    expect(canonicalJson('"\\\b\f\n\r\t\u0001\u001f\u007f 张三 \u2028')).toBe('"\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f\u007f 张三 \u2028"');
    expect(toHex(canonicalJsonBytes('é'))).toBe('22c3a922');
  });

  test.each([
    ['a float', 1.5],
    ['an unsafe integer', 2 ** 53],
    ['NaN', NaN],
    ['undefined', undefined],
    ['a nested undefined', { a: undefined }],
    ['a lone surrogate', '\ud800'],
    ['a Date', new Date(0)],
    ['a Uint8Array', new Uint8Array(1)],
  ])('refuses %s instead of dropping or coercing it', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow();
  });

  test('refuses nesting deeper than 64', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 70; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/deeper/);
  });
});

describe('parseCanonicalJson', () => {
  test.each([
    ['whitespace', '{"a": 1}'],
    ['unsorted keys', '{"b":1,"a":2}'],
    ['duplicate keys', '{"a":1,"a":1}'],
    ['a float', '{"a":1.0}'],
    ['an exponent', '{"a":1e2}'],
    ['an unnecessary escape', '"\\u0041"'],
    ['a BOM', '\ufeff{}'],
    ['a trailing newline', '{}\n'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseCanonicalJson(utf8(text))).toThrow();
  });

  test('refuses invalid UTF-8', () => {
    expect(() => parseCanonicalJson(Uint8Array.of(0x22, 0xff, 0x22))).toThrow();
  });

  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.maxSafeInteger(),
      fc.string({ unit: 'grapheme' }),
      fc.array(tie('value')),
      fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value')),
    ),
  })).value;

  test('round-trips every JSON value: parse(canonical(v)) is v, and the bytes are a fixed point', () => {
    fc.assert(
      fc.property(json, (v) => {
        const bytes = canonicalJsonBytes(v);
        const back = parseCanonicalJson(bytes);
        expect(canonicalJson(back)).toBe(canonicalJson(v));
        expect(back).toEqual(JSON.parse(canonicalJson(v)));
      }),
      { numRuns: 300 },
    );
  });
});
