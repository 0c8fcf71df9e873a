import { expect, test } from 'vitest';
import { base32Crockford, fromHex, readU64be, toHex, u64be } from '../../../shared/bundle/bytes';

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

test('hex: every byte value both ways, either case read, anything else refused', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const hex = toHex(all);
  expect(hex).toBe(Array.from(all, (b) => b.toString(16).padStart(2, '0')).join(''));
  expect(fromHex(hex)).toEqual(all);
  expect(fromHex(hex.toUpperCase())).toEqual(all);
  expect(fromHex('')).toEqual(new Uint8Array(0));
  for (const bad of ['0g', 'g0', ' 0', '0 ', 'é0', '0\u0660', '+1', '-1', '0x'])
    expect(() => fromHex(bad), bad).toThrow(TypeError);
});
