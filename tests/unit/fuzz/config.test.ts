/**
 * Fuzz: the 考核办法 (assessment configuration). No screen imports it from a file of its own (HR edits
 * it on 考核办法 and saves it through settings-repo): it travels as JSON text inside the signed roster
 * (`roster.config`), and every device reads it with `configInForce` → `parseConfig`. So: the reader
 * `parseConfig` / `validateConfig` on mutated real presets, and the text in a roster validly signed by
 * HR, through the import and the supervisor's reading of the rules in force.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseConfig, presetConfig, PRESET_IDS, validateConfig } from '../../../shared/domain';
import { ValidationError } from '../../../shared/errors/errors';
import { configInForce } from '../../../shared/store';
import type { JsonValue } from '../../../shared/bundle/canonical-json';
import { MemoryProbe, MiB, mutatedBytes, mutatedJson, read, wellTypedJson } from './fuzz';
import { Receiver } from './import-path';
import { rosterBundle, rosterOf, rosterOrg, signedRosterBytes, type RosterOrg } from './roster-org';

const CJK = /[\u4e00-\u9fff]/;
const memory = new MemoryProbe();
let cases = 0;
let english = 0;
const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 10_000 });

afterAll(() => {
  expect(memory.peak).toBeLessThan(96 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(
      `config fuzz: ${cases} cases, peak ${(memory.peak / MiB).toFixed(1)} MiB, ${english} refusals with an English field message`,
    );
});

describe('parseConfig / validateConfig on mutated real presets', () => {
  test.each(PRESET_IDS)(
    'preset %s: a config, or a ValidationError (worded in Chinese by describeError); the two readers agree',
    async (id) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            mutatedJson(presetConfig(id) as unknown as JsonValue),
            wellTypedJson(presetConfig(id) as unknown as JsonValue),
          ),
          async (m) => {
            cases++;
            const issues = validateConfig(m.value);
            const parsed = await read(`parseConfig (${m.how})`, () => parseConfig(m.value));
            if (parsed.ok) expect(issues, m.how).toEqual([]);
            else {
              expect(parsed.error, m.how).toBeInstanceOf(ValidationError);
              const listed = (parsed.error as ValidationError).issues;
              expect(listed.length, m.how).toBeGreaterThan(0);
              expect(issues.length, m.how).toBeGreaterThan(0);
              // describeError (checked by `read`) words the error in Chinese; a field a schema gives no
              // words of its own still carries zod's English default (counted for the report).
              english += listed.filter((i) => !CJK.test(i.message)).length > 0 ? 1 : 0;
            }
            memory.sample();
          },
        ),
        opts(id === 'hubei' ? 0xc0f161 : 0xc0f162, 200),
      );
    },
  );
});

describe('the 考核办法 text in a roster validly signed by HR', () => {
  let o: RosterOrg;
  let atS1: Receiver;
  let real: string;

  beforeAll(async () => {
    o = await rosterOrg();
    atS1 = await Receiver.of(o.S1, o.s, memory);
    real = o.signed.roster.config;
  }, 60_000);

  const isJson = (s: string) => {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  };

  test('mutated, damaged or random text: refused unless JSON; once held, the rules in force are read without a raw error', async () => {
    const texts = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .oneof(mutatedJson(JSON.parse(real) as JsonValue), wellTypedJson(JSON.parse(real) as JsonValue))
          .map((m) => ({ how: m.how, text: JSON.stringify(m.value) })),
      },
      {
        weight: 2,
        arbitrary: mutatedBytes(new TextEncoder().encode(real)).map((m) => ({
          how: m.how,
          text: new TextDecoder().decode(m.bytes),
        })),
      },
      fc.json().map((text) => ({ how: 'random JSON', text })),
      fc.string({ unit: 'binary', maxLength: 64 }).map((text) => ({ how: 'random text', text })),
    );
    await fc.assert(
      fc.asyncProperty(texts, async ({ how, text }) => {
        cases++;
        const r = rosterOf(o);
        r.config = text;
        const out = await atS1.check(await rosterBundle(o, await signedRosterBytes(o, r)), {
          mayApply: true,
          onApplied: async (db) => {
            const inForce = await read(`configInForce (${how})`, () => configInForce(db));
            if (!inForce.ok) return;
            let expected: unknown = null;
            try {
              expected = text === '' ? null : parseConfig(JSON.parse(text));
            } catch {
              // not a config this version can read: the device keeps its own rules
            }
            expect(inForce.value.source, how).toBe(expected === null ? 'local' : 'roster');
            if (expected !== null) expect(inForce.value.config, how).toEqual(expected);
          },
        });
        expect(out.kind === 'refused', `${how}: refused exactly when the text is not JSON`).toBe(
          text !== '' && !isJson(text),
        );
      }),
      opts(0xc0f163, 60),
    );
  });
});
