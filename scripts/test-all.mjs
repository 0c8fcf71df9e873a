#!/usr/bin/env node
// The README's test command: typecheck, lint, unit and component tests (vitest), a production build of
// the renderer, then the end-to-end and Electron tests (Playwright). Every runner writes JSON; this
// script sums them and ends with one line `N passed, N failed[, N skipped]` that CI's log reader knows.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { failureDigest } from './test-failures.mjs';

/** A free loopback port, so a preview server left running elsewhere cannot fail the run. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const results = { passed: 0, failed: 0, skipped: 0 };
const startedAll = Date.now();
const steps = [];

function run(name, cmd, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  steps.push({ name, ok, seconds });
  return ok;
}

/**
 * Runs single-threaded steps side by side (on two cores, typecheck and lint together take the time of
 * the longer one), each one's output held and printed whole when it ends, so the log reads as before.
 */
function runTogether(list) {
  return Promise.all(
    list.map(
      ([name, cmd, args]) =>
        new Promise((resolve) => {
          const started = Date.now();
          const output = [];
          const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
          child.stdout.on('data', (d) => output.push(d));
          child.stderr.on('data', (d) => output.push(d));
          let ended = false;
          const done = (code) => {
            if (ended) return;
            ended = true;
            const seconds = ((Date.now() - started) / 1000).toFixed(1);
            console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
            process.stdout.write(Buffer.concat(output));
            resolve({ name, ok: code === 0, seconds });
          };
          child.on('error', (e) => (output.push(Buffer.from(`${e.message}\n`)), done(-1)));
          child.on('close', done);
        }),
    ),
  );
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// Static checks count as one test each: a red typecheck or lint must fail the run.
for (const step of await runTogether([
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
])) {
  steps.push(step);
  if (step.ok) results.passed += 1;
  else results.failed += 1;
}

const vitestOk = run('vitest', 'npx', ['vitest', 'run']);
const v = readJson('test-results/vitest.json');
if (v) {
  results.passed += v.numPassedTests ?? 0;
  results.failed += v.numFailedTests ?? 0;
  results.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests but is a failure all the same.
  if (!vitestOk && (v.numFailedTests ?? 0) === 0) results.failed += 1;
} else if (!vitestOk) results.failed += 1;

const built = run('build', 'npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn']);
if (!built) results.failed += 1;
else {
  const e2eOk = run('playwright', 'npx', ['playwright', 'test'], { E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())) });
  const p = readJson('test-results/playwright.json');
  if (p?.stats) {
    results.passed += p.stats.expected ?? 0;
    results.failed += (p.stats.unexpected ?? 0) + (p.stats.flaky ?? 0);
    results.skipped += p.stats.skipped ?? 0;
    if (!e2eOk && (p.stats.unexpected ?? 0) === 0) results.failed += 1;
  } else if (!e2eOk) results.failed += 1;
}

// CI's log reader shows the end of the log: the failures again, in short, just above the summary.
const failures = failureDigest(v, readJson('test-results/playwright.json'));
if (failures.length > 0) {
  console.log('\n=== failures (in short; the full output is above)');
  for (const f of failures) console.log(`- ${f}`);
}

console.log(`\n=== steps (${((Date.now() - startedAll) / 1000).toFixed(0)} s in all; typecheck and lint ran side by side)`);
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds} s)`);
if (!existsSync('test-results')) mkdirSync('test-results');
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
