/**
 * The Node rows of `npm run bench`: the container alone (benchContainer, shared/bundle/bench.ts) and the
 * raw primitives of both crypto suites (benchPrimitives). Loaded by scripts/bench.mjs through Vite's
 * module runner. Each figure is measured `runs` times; scripts/bench.mjs turns samples into the table.
 */
import { benchContainer, benchPrimitives } from '../../shared/bundle/bench';
import { nobleSuite, webCryptoSuite } from '../../shared/bundle/crypto';

export type Row = {
  group: string;
  figure: string;
  unit: 'ms' | '/s' | 'MB/s';
  samples: number[];
  /** The bare work the figure is compared with, measured in the same runs. */
  limit?: { figure: string; samples: number[] };
  /** The goal for measured / limit, e.g. 1.5. */
  goal?: number;
  note?: string;
};

export async function runNodeBench(options: { runs: number; entries: number; log: (s: string) => void }): Promise<Row[]> {
  const web = webCryptoSuite();
  const rows = new Map<string, Row>();
  const add = (group: string, figure: string, unit: Row['unit'], value: number) => {
    const key = `${group}\u0000${figure}`;
    const row = rows.get(key) ?? { group, figure, unit, samples: [] };
    row.samples.push(value);
    rows.set(key, row);
  };
  for (const suite of [web, nobleSuite]) {
    if (!suite) continue;
    const n = suite.name === 'noble' ? Math.min(options.entries, 2000) : options.entries;
    await benchContainer(Math.min(200, n), suite); // warm-up
    for (let i = 0; i < options.runs; i++) {
      options.log(`node: container ${suite.name} ${n} entries, run ${i + 1}/${options.runs}`);
      const r = await benchContainer(n, suite);
      const group = `Node · container ${suite.name} · ${n} entries, ${(r.contentBytes / 1e6).toFixed(1)} MB`;
      for (const [stage, ms] of Object.entries(r.write)) add(group, `write: ${stage}`, 'ms', ms);
      for (const [stage, ms] of Object.entries(r.read)) add(group, `read: ${stage}`, 'ms', ms);
    }
  }
  for (const suite of [web, nobleSuite]) {
    if (!suite) continue;
    await benchPrimitives(suite, 20, 1); // warm-up
    for (let i = 0; i < options.runs; i++) {
      options.log(`node: primitives ${suite.name}, run ${i + 1}/${options.runs}`);
      const p = await benchPrimitives(suite, suite.name === 'noble' ? 200 : 1000, suite.name === 'noble' ? 4 : 16);
      const group = `Node · primitives ${suite.name}`;
      add(group, 'Ed25519 sign', '/s', p.signPerSecond);
      add(group, 'Ed25519 verify (strict)', '/s', p.verifyPerSecond);
      add(group, 'AES-256-GCM (64 KiB STREAM chunks)', 'MB/s', p.aesGcmMBps);
      add(group, 'SHA-256', 'MB/s', p.sha256MBps);
    }
  }
  return [...rows.values()];
}
