/**
 * The fact encoder's fast path (one template per fact) must give exactly what the generic canonical
 * encoder gives — the same bytes, or the same refusal — for any fact-shaped value: a fact's id is the
 * hash of these bytes, so one differing byte would split every record it touches.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { utf8 } from '../../../../shared/bundle/bytes';
import { canonicalJson } from '../../../../shared/bundle/canonical-json';
import { factBytes, factOf, factOfRow, factRow } from '../../../../shared/ledger/facts';
import type { Fact } from '../../../../shared/ledger/types';

/** Text with every kind of character the fast path treats specially. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates included
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\\ud800', '\\\\ud83d', '"\\\b\f\n\r\t\u0001\u001f\u007f 张三 \u2028', '😀～', '\ud800', 'a\udc00b'),
);
const scalar = fc.oneof(text, fc.integer(), fc.double(), fc.constant(2 ** 53), fc.constant(-0));
const fact = fc.record({
  author: scalar,
  authorKey: scalar,
  body: fc.oneof(text, fc.json()),
  counter: scalar,
  createdAt: scalar,
  device: scalar,
  parents: fc.array(text, { maxLength: 3 }),
  recordKey: scalar,
  subject: scalar,
  type: scalar,
  v: scalar,
});

type Outcome = { bytes: string } | { throws: string };
const outcome = (f: () => Uint8Array | string | readonly string[]): Outcome => {
  try {
    const r = f();
    return { bytes: typeof r === 'string' ? r : Array.isArray(r) ? r.join('') : Buffer.from(r as Uint8Array).toString('hex') };
  } catch (e) {
    return { throws: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
};

describe('factBytes, and the facts table’s rows', () => {
  test('equal canonicalJson for any fact-shaped value: same bytes or the same error', () => {
    fc.assert(
      fc.property(fact, (value) => {
        const f = value as unknown as Fact;
        expect(outcome(() => factBytes(f))).toEqual(outcome(() => utf8(canonicalJson(f))));
        const bytes = outcome(() => factBytes(f));
        if (!('bytes' in bytes)) return;
        // A row keeps those bytes; the fact read back from it encodes to them again (what an export sends).
        const row = factRow({ ...f, id: 'x' });
        expect(Buffer.from(row.bytes).toString('hex')).toBe(bytes.bytes);
        expect(Buffer.from(factBytes(factOf(factOfRow(row)))).toString('hex')).toBe(bytes.bytes);
        expect(factOfRow(row).id).toBe('x');
      }),
      { numRuns: 3000 },
    );
  });

  test('a lone surrogate anywhere is refused, not escaped into a different fact', () => {
    const base = {
      author: 'p1',
      authorKey: 'a'.repeat(64),
      body: '{}',
      counter: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      device: 'd1',
      parents: [] as string[],
      recordKey: 'record/p1/2026-01',
      subject: 'p1',
      type: 'record.version',
      v: 1,
    };
    expect(() => factBytes(base as Fact)).not.toThrow();
    for (const key of ['author', 'body', 'recordKey'] as const)
      expect(() => factBytes({ ...base, [key]: 'x\ud800' } as Fact)).toThrow(/surrogate/);
    expect(() => factBytes({ ...base, parents: ['\udfff'] } as Fact)).toThrow(/surrogate/);
    // The text “\ud800” (a backslash and letters) is ordinary text.
    expect(new TextDecoder().decode(factBytes({ ...base, body: '\\ud800' } as Fact))).toContain('"body":"\\\\ud800"');
  });

  test('other shapes go through the generic encoder', () => {
    const base = { author: 'p', authorKey: 'k', body: 'b', counter: 1, createdAt: 'c', device: 'd', parents: [], recordKey: 'r', subject: 's', type: 't', v: 1 };
    expect(canonicalJson({ ...base, extra: true })).toBe(new TextDecoder().decode(factBytes({ ...base, extra: true } as unknown as Fact)));
    expect(() => factBytes({ ...base, counter: 1.5 } as unknown as Fact)).toThrow();
  });
});
