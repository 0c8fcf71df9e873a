/**
 * The failures that `npm test` repeats just above its summary line (scripts/test-failures.mjs), for
 * CI's log reader, which shows the end of the log. The fixtures are the real reports of vitest's and
 * Playwright's JSON reporters on small failing suites: a wrong assertion, a file that cannot load, an
 * expectation that times out and a click that waits until the test's timeout.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the scripts folder, without types
import { failureDigest } from '../../../scripts/test-failures.mjs';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const digest = failureDigest as (vitest: unknown, playwright: unknown) => string[];

describe('failureDigest', () => {
  it('names every failed test with the first lines of its error, and nothing that passed', () => {
    const out = digest(fixture('vitest-failing.json'), fixture('playwright-failing.json'));
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(/^vitest the sum of a month\n {4}AssertionError: expected 4 to be 5/);
    expect(out[1]).toMatch(
      /^vitest .*b\.test\.ts: the file failed to run\n.*Cannot find module '\.\/missing-module'/,
    );
    expect(out[2]).toMatch(
      /^playwright x\.spec\.mjs:3 a heading that is not there \(unexpected, \d+\.\d s\)\n/,
    );
    expect(out[2]).toContain("getByRole('heading', { name: '导入' })");
    expect(out[3]).toMatch(
      /^playwright x\.spec\.mjs:7 a click that waits for ever \(unexpected, \d+\.\d s\)/,
    );
    expect(out[3]).toContain("waiting for getByRole('button', { name: '导出数据包' })");
    expect(out.join('\n')).not.toMatch(/adds|passes|never runs|node_modules/);
    expect(out.join('\n')).not.toContain('\u001b['); // no colour codes
    for (const f of out) expect(f.split('\n').length).toBeLessThanOrEqual(11);
  });

  it('says nothing for a green run or for reports that are missing', () => {
    expect(
      digest(
        { testResults: [{ name: 'a.test.ts', status: 'passed', assertionResults: [{ status: 'passed' }] }] },
        { suites: [], errors: [] },
      ),
    ).toEqual([]);
    expect(digest(null, null)).toEqual([]);
  });
});
