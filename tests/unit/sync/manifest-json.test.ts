/**
 * The manifest's own canonical writer (thousands of entries, written without the generic encoder)
 * must give exactly the generic encoder's text — or its error — for anything, valid or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/bundle/canonical-json';
import { manifestJson } from '../../../shared/bundle/manifest';

const outcome = (f: () => string) => {
  try {
    return { text: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const entry = fc.oneof(
  fc.record({ hash: hex, size: fc.nat(), type: fc.constantFrom('fact', 'attestation', 'roster') }),
  fc.record({
    hash: fc.oneof(hex, hex.map((h) => h.toUpperCase()), fc.string(), fc.constant('"\\\ud800')),
    size: fc.oneof(fc.integer(), fc.constant(-0), fc.double(), fc.constant(2 ** 53), fc.constant('12')),
    type: fc.oneof(fc.constant('fact'), fc.string(), fc.constant('a"b'), fc.constant('A'), fc.constant('x\n')),
  }),
  fc.record({ hash: hex, size: fc.nat(), type: fc.constant('fact'), extra: fc.jsonValue() }),
  fc.record({ hash: hex, type: fc.constant('fact') }),
  fc.jsonValue(),
);

/** Fields sorting before and after "entries", and others (extensions) of any name. */
const manifest = fc
  .tuple(
    fc.record({
      acks: fc.jsonValue(),
      format: fc.constant(1),
      senderName: fc.string(),
      entries: fc.array(entry, { maxLength: 8 }),
    }),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  )
  .map(([m, extra]) => ({ ...extra, ...m }));

describe('manifestJson', () => {
  it('equals canonicalJson, text or error, on manifest-shaped values of every kind', () => {
    fc.assert(
      fc.property(
        manifest,
        (m) => {
          expect(outcome(() => manifestJson(m))).toEqual(outcome(() => canonicalJson(m)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes -0 as 0 and escapes nothing in hex hashes and plain types', () => {
    const m = { entries: [{ hash: 'a'.repeat(64), size: -0, type: 'fact' }] };
    expect(manifestJson(m)).toBe(`{"entries":[{"hash":"${'a'.repeat(64)}","size":0,"type":"fact"}]}`);
    expect(manifestJson(m)).toBe(canonicalJson(m));
  });
});
