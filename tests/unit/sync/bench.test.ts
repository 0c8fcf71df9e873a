import { expect, test } from 'vitest';
import { benchContainer, benchPrimitives } from '../../../shared/bundle/bench';
import { nobleSuite } from '../../../shared/bundle/crypto';

// Not a timed test: it proves the benchmark runs and reports every stage.
test('benchContainer reports every write and read stage for n entries', async () => {
  const r = await benchContainer(20);
  expect(r.entries).toBe(20);
  expect(Object.keys(r.write)).toEqual(['hash', 'manifest', 'sign', 'compress', 'encrypt', 'total writeBundle']);
  expect(Object.keys(r.read)).toEqual(['decrypt', 'inflate+parse', 'verify', 'hash', 'total openBundle']);
  expect(r.contentBytes).toBeGreaterThan(20 * 450);
});

test('benchPrimitives reports positive rates', async () => {
  const r = await benchPrimitives(nobleSuite, 3, 1);
  expect(Math.min(r.signPerSecond, r.verifyPerSecond, r.aesGcmMBps, r.sha256MBps)).toBeGreaterThan(0);
});
