/**
 * Where the time of a measured step goes: Chromium's sampling profiler (CDP `Profiler`) around one
 * run of the step, written as a .cpuprofile (open it in Chromium's DevTools, Performance panel) and
 * summed up as the functions with the most time of their own and the most time in all (their callees
 * included). Used by `npm run bench -- --profile DIR`, which builds the bench page and the app
 * unminified so that the names are the source's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Profiles `step` (an async function run in Node that makes the page do the work) in `page` and
 * writes `${dir}/${name}.cpuprofile`; returns the summary as text lines.
 */
export async function profileStep(page, dir, name, step, { intervalUs = 200, top = 25 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
    await cdp.send('Profiler.start');
    await step();
    const { profile } = await cdp.send('Profiler.stop');
    const file = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return [`${name} (${file})`, ...summarise(profile, top)];
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** The functions with the most self time and the most total time in a .cpuprofile, as lines. */
export function summarise(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id);
    const k = keyOf(node);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = keyOf(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const idle = new Set(['(idle) ', '(program) ', '(root) ']);
  const rank = (m) =>
    [...m]
      .filter(([k]) => !idle.has(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  return [
    `  sampled ${all.toFixed(0)} ms; idle ${(self.get('(idle) ') ?? 0).toFixed(0)} ms, (program) ${(self.get('(program) ') ?? 0).toFixed(0)} ms, GC ${(self.get('(garbage collector) ') ?? 0).toFixed(0)} ms`,
    '  self time:',
    ...rank(self),
    '  total time (callees included):',
    ...rank(total),
  ];
}
