import { describe, expect, it } from 'vitest';
import { idTimestamp, isId, newId } from '../../../shared/domain';

describe('ids', () => {
  it('makes 26-character Crockford base32 ids', () => {
    const id = newId();
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(isId(id)).toBe(true);
    expect(isId('not-an-id')).toBe(false);
    expect(isId(42)).toBe(false);
  });

  it('encodes the creation time, which can be read back', () => {
    const t = Date.UTC(2026, 10, 23, 8, 0, 0);
    expect(idTimestamp(newId(t))).toBe(t);
    expect(() => idTimestamp('bad')).toThrow(RangeError);
  });

  it('sorts ids made later after ids made earlier', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a < b).toBe(true);
  });

  it('keeps ids made within one millisecond in creation order', () => {
    const t = 1_800_000_000_000;
    const ids = Array.from({ length: 500 }, () => newId(t));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not repeat across many ids', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId()));
    expect(ids.size).toBe(10_000);
  });

  it('refuses a timestamp it cannot encode', () => {
    expect(() => newId(-1)).toThrow(RangeError);
    expect(() => newId(2 ** 48)).toThrow(RangeError);
  });
});
