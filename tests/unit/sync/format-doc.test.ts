/**
 * P19: docs/bundle-format.md and the code agree on every code a reader or the CLI gives. Each list is
 * taken from the source (the closed list BUNDLE_ERROR_REASONS, and by grepping the few unions that are
 * types only) and compared with the table the document keeps between markers — both ways, so neither a
 * new code nor a stale row goes unnoticed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EXIT } from '../../../scripts/bundle/report';
import { BUNDLE_ERROR_KINDS, BUNDLE_ERROR_REASONS } from '../../../shared/errors/bundle-errors';

const ROOT = resolve(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const DOC = read('docs/bundle-format.md');

/** The rows of the table between `<!-- name:begin -->` and `<!-- name:end -->`, as arrays of cells (header and rule left out). */
function table(name: string): string[][] {
  const a = DOC.indexOf(`<!-- ${name}:begin -->`);
  const b = DOC.indexOf(`<!-- ${name}:end -->`);
  if (a < 0 || b < a) throw new Error(`docs/bundle-format.md has no ${name} table`);
  return DOC.slice(a, b)
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2)
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

/** The first code in a cell: `kind` → kind. */
const code = (cell: string) => /`([^`]+)`/.exec(cell)?.[1] ?? '';
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const matches = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => m[1]!);

describe('BundleError reasons (§12)', () => {
  const pairs = Object.entries(BUNDLE_ERROR_REASONS).flatMap(([kind, reasons]) => reasons.map((r) => `${kind}/${r}`));
  const all = new Set<string>(Object.values(BUNDLE_ERROR_REASONS).flat());

  test('every kind has its reasons listed in the code', () => {
    expect(Object.keys(BUNDLE_ERROR_REASONS).sort()).toEqual([...BUNDLE_ERROR_KINDS].sort());
  });

  test('the document lists every (kind, reason) the code gives, and no other', () => {
    const rows = table('reasons').map(([kind, reason]) => `${code(kind!)}/${code(reason!)}`);
    expect(sorted(rows)).toEqual(sorted(pairs));
    expect(rows.length, 'each pair once').toBe(new Set(rows).size);
  });

  test('every reason the reader source throws is in the list, and every listed reason is thrown', () => {
    const dir = join(ROOT, 'shared/bundle');
    const thrown: string[] = [];
    const source = new Map<string, string>();
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      source.set(name, text);
      thrown.push(...matches(text, /reason: '([a-z0-9-]+)'/g));
    }
    // Reasons built by helpers: truncated('…'), tooLarge('…'), and the prefixed malformed('…') of the
    // manifest and the hint (and the hint's party(…, '…')).
    thrown.push(...matches(source.get('header.ts')!, /truncated\((?:[^)]*\? )?'([a-z-]+)'(?: : '([a-z-]+)')?\)/g));
    thrown.push(...matches(source.get('header.ts')!, /: '([a-z-]+)'\)/g));
    thrown.push(...matches(source.get('content.ts')!, /tooLarge\('([a-z-]+)'/g));
    thrown.push(...matches(source.get('manifest.ts')!, /malformed\('([a-z-]+)'\)/g).map((r) => `manifest-${r}`));
    thrown.push(...matches(source.get('hint.ts')!, /malformed\('([a-z-]+)'/g).map((r) => `hint-${r}`));
    thrown.push(...matches(source.get('hint.ts')!, /party\(v\.\w+, '([a-z-]+)'\)/g).map((r) => `hint-${r}`));
    for (const r of thrown) expect(all.has(r), `${r} is thrown but not listed`).toBe(true);
    for (const r of all) expect(thrown.includes(r), `${r} is listed but never thrown`).toBe(true);
  });

  test('the golden files give only listed (kind, reason) pairs', () => {
    const expected = JSON.parse(read('tests/golden/bundles/expected.json')) as { cases: Record<string, { outcome: string; reason?: string }> };
    for (const [name, c] of Object.entries(expected.cases)) {
      if (c.outcome !== 'ok') expect(pairs, name).toContain(`${c.outcome}/${c.reason}`);
    }
  });
});

describe('entry types (§17): what export writes, what import accepts, what the document lists', () => {
  test('the same three types in all three places', () => {
    const listed = sorted(table('entry-types').map(([type]) => code(type!)));
    const written = sorted(matches(/export type BundleEntry = \{ type: ([^;]+);/.exec(read('shared/sync/export.ts'))![1]!, /'([a-z]+)'/g));
    const accepted = sorted(matches(read('shared/sync/import.ts'), /e\.type === '([a-z]+)'/g));
    expect(listed).toEqual(['attestation', 'fact', 'roster']);
    expect(written).toEqual(listed);
    expect(accepted).toEqual(listed);
  });

  test('§10 no longer lets a minor version add entry types that are carried through', () => {
    expect(DOC).not.toMatch(/add entry types \(carried through\)/);
  });
});

describe('what the CLI prints (§25)', () => {
  test('every SyncError kind, and no other', () => {
    const union = /export type SyncErrorKind =([^;]+);/.exec(read('shared/ledger/errors.ts'))![1]!;
    expect(sorted(table('sync-kinds').map(([k]) => code(k!)))).toEqual(sorted(matches(union, /'([a-z-]+)'/g)));
  });

  test('every roster verdict, and no other', () => {
    const union = /ok: false; code: ([^;]+);/.exec(read('shared/ledger/roster.ts'))![1]!;
    expect(sorted(table('roster-verdicts').map(([k]) => code(k!)))).toEqual(sorted(matches(union, /'([a-z-]+)'/g)));
  });

  test('every error class of --json output, and no other', () => {
    const files = ['scripts/bundle.ts', ...readdirSync(join(ROOT, 'scripts/bundle')).map((n) => `scripts/bundle/${n}`)];
    const classes = files.flatMap((f) => matches(read(f), /class: '(\w+)'/g));
    expect(sorted(table('cli-classes').map(([c]) => code(c!)))).toEqual(sorted(classes));
  });

  test('every exit code', () => {
    const section = DOC.slice(DOC.indexOf('## 25.'));
    for (const n of Object.values(EXIT)) expect(section, `exit ${n}`).toMatch(new RegExp(`^\\| \`${n}\` \\|`, 'm'));
  });
});
