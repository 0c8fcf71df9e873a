/** P15: checked-in golden bundles keep their outcomes, and the documented test vector reproduces byte for byte. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromHex, toHex } from '../../../shared/bundle/bytes';
import { nobleSuite, webCryptoSuite } from '../../../shared/bundle/crypto';
import { BundleError } from '../../../shared/errors/bundle-errors';
import { DOC_PATH, GOLDEN_DIR, goldenBundles, main, VECTOR_BEGIN, VECTOR_END, vectorMarkdown } from '../../../scripts/golden-bundles';
import type { GoldenExpected } from '../../../scripts/golden-bundles';
import { fixture, openAs, vectorBundle } from './helpers';

type ExpectedFile = { openedBy: { name: string; x25519SecretHex: string }; cases: Record<string, GoldenExpected> };

beforeAll(async () => {
  if (process.env.UPDATE_GOLDEN === '1') await main();
});

const expectedFile = (): ExpectedFile => JSON.parse(readFileSync(join(GOLDEN_DIR, 'expected.json'), 'utf8')) as ExpectedFile;

async function outcome(bytes: Uint8Array, suite = nobleSuite): Promise<Omit<GoldenExpected, 'description'>> {
  const f = await fixture(suite);
  try {
    const opened = await openAs(f, f.zhang, bytes);
    return { outcome: 'ok', entries: opened.entries.length };
  } catch (e) {
    if (!(e instanceof BundleError)) throw e;
    const intended = e.details.intendedRecipient;
    return { outcome: e.kind, reason: e.details.reason, ...(intended ? { intendedRecipient: intended } : {}) };
  }
}

describe('golden bundles (tests/golden/bundles)', () => {
  test('every .bundle file is listed in expected.json and every listed file exists', () => {
    const files = readdirSync(GOLDEN_DIR).filter((n) => n.endsWith('.bundle')).sort();
    expect(files).toEqual(Object.keys(expectedFile().cases).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  test('each golden file gives its expected outcome, with both crypto suites', async () => {
    const { cases } = expectedFile();
    for (const [name, want] of Object.entries(cases)) {
      const bytes = new Uint8Array(readFileSync(join(GOLDEN_DIR, name)));
      const { description: _d, ...rest } = want;
      expect.soft(await outcome(bytes), name).toEqual(rest);
      expect.soft(await outcome(bytes, webCryptoSuite()!), `${name} (webcrypto)`).toEqual(rest);
    }
  });

  test('the generator still produces the checked-in files byte for byte (a change here is a format change)', async () => {
    for (const c of await goldenBundles()) {
      const path = join(GOLDEN_DIR, `${c.name}.bundle`);
      expect.soft(existsSync(path), c.name).toBe(true);
      if (existsSync(path)) expect.soft(toHex(new Uint8Array(readFileSync(path))) === toHex(c.bytes), c.name).toBe(true);
    }
  });

  test('the golden files stay small', () => {
    const total = readdirSync(GOLDEN_DIR).reduce((n, name) => n + readFileSync(join(GOLDEN_DIR, name)).length, 0);
    expect(total).toBeLessThan(300 * 1024);
  });
});

describe('the documented test vector', () => {
  const doc = () => readFileSync(DOC_PATH, 'utf8');
  const docHex = () => {
    const section = doc().slice(doc().indexOf(VECTOR_BEGIN), doc().indexOf(VECTOR_END));
    const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((m) => m[1]!);
    return blocks.at(-1)!.replace(/\s+/g, '');
  };

  test('both suites write exactly the bytes printed in docs/bundle-format.md, which equal vector.bundle', async () => {
    const hex = docHex();
    expect(hex.length).toBeGreaterThan(1000);
    for (const suite of [nobleSuite, webCryptoSuite()!]) expect(toHex(await vectorBundle(await fixture(suite)))).toBe(hex);
    expect(toHex(new Uint8Array(readFileSync(join(GOLDEN_DIR, 'vector.bundle'))))).toBe(hex);
  });

  test('the printed vector opens, and every intermediate value in the doc is current', async () => {
    const f = await fixture(webCryptoSuite()!);
    const opened = await openAs(f, f.zhang, fromHex(docHex()));
    expect(opened.entries.map((e) => e.type)).toEqual(['record-version', 'note']);
    expect(doc()).toContain(await vectorMarkdown());
  });
});
