// The failures of a test run in short, from the runners' own JSON reports (vitest's `json` reporter,
// Playwright's `json` reporter): one entry per failed test — where, which, and the first lines of its
// error — for the end of CI's log, which is the part its reader shows.

// eslint-disable-next-line no-control-regex -- the escape that starts a terminal colour code
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * The first `n` lines of `text` that say something (not empty, not a frame of the runners' own code),
 * without colour codes, indented, each cut at 300 characters.
 */
function firstLines(text, n) {
  return String(text ?? '')
    .replace(ANSI, '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.includes('/node_modules/'))
    .slice(0, n)
    .map((l) => `    ${l.slice(0, 300)}`)
    .join('\n');
}

function playwrightFailures(suite, out) {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? []) {
      if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
      const last = t.results?.at(-1);
      const seconds = ((last?.duration ?? 0) / 1000).toFixed(1);
      const errors = (last?.errors ?? []).map((e) => e.message).join('\n');
      out.push(
        `playwright ${spec.file}:${spec.line} ${spec.title} (${t.status}, ${seconds} s)\n${firstLines(errors, 10)}`,
      );
    }
  for (const child of suite.suites ?? []) playwrightFailures(child, out);
}

/** One string per failed test (or file that failed to run, or run-level error); none for a green run. */
export function failureDigest(vitest, playwright) {
  const out = [];
  for (const file of vitest?.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed'))
      out.push(`vitest ${file.name}: the file failed to run\n${firstLines(file.message, 6)}`);
    for (const a of assertions)
      if (a.status === 'failed')
        out.push(`vitest ${a.fullName}\n${firstLines((a.failureMessages ?? []).join('\n'), 6)}`);
  }
  for (const suite of playwright?.suites ?? []) playwrightFailures(suite, out);
  for (const e of playwright?.errors ?? []) out.push(`playwright: ${firstLines(e.message, 6)}`);
  return out;
}
