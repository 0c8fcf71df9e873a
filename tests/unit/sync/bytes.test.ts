import { expect, test } from 'vitest';
import { base32Crockford, fromHex, readU64be, toHex, u64be, utf8, Utf8Arena } from '../../../shared/sync/bytes';

test('Crockford base32 is MSB first over the alphabet without I, L, O, U', () => {
  expect(base32Crockford(fromHex('0000000000'))).toBe('00000000');
  expect(base32Crockford(fromHex('ffffffffff'))).toBe('ZZZZZZZZ');
  expect(base32Crockford(fromHex('0842108421'))).toBe('11111111');
  expect(base32Crockford(fromHex('f8'))).toBe('Z0');
});

test('u64 big-endian round-trips up to 2^53 - 1 and reports larger values as null', () => {
  expect(toHex(u64be(2 ** 53 - 1))).toBe('001fffffffffffff');
  expect(readU64be(u64be(2 ** 53 - 1), 0)).toBe(2 ** 53 - 1);
  expect(readU64be(fromHex('0020000000000000'), 0)).toBeNull();
  expect(() => u64be(2 ** 53)).toThrow(RangeError);
});

test('hex refuses odd lengths and non-hex characters', () => {
  expect(() => fromHex('abc')).toThrow();
  expect(() => fromHex('zz')).toThrow();
});

test('Utf8Arena: each string as utf8() encodes it, views that stay valid across new blocks', () => {
  const arena = new Utf8Arena(16);
  const strings = ['', 'abc', '张三李四', '😀'.repeat(5), 'x'.repeat(40), '王', 'tail'];
  const views = strings.map((s) => arena.encodeJoined([s]));
  // The 16-byte blocks overflowed several times (the 40-byte string got one of its own).
  strings.forEach((s, i) => expect(toHex(views[i]!)).toBe(toHex(utf8(s))));
  expect(new Set(views.map((v) => v.buffer)).size).toBeGreaterThan(2);
});

test('Utf8Arena.encodeJoined: the pieces encoded as one string, across a new block too', () => {
  const arena = new Utf8Arena(32);
  const pieces = [['{"a":', '"张三"', '}'], ['', '😀😀', ''], ['x'.repeat(20), '王'.repeat(10), 'end']];
  const views = pieces.map((p) => arena.encodeJoined(p));
  pieces.forEach((p, i) => expect(toHex(views[i]!)).toBe(toHex(utf8(p.join('')))));
});
