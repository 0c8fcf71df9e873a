/**
 * 抽查: drawing the sample of people (or units) HR spot-checks — a seeded draw, so the same seed
 * draws the same sample, of a count or a share of those eligible.
 */

/** A small seeded generator (mulberry32): the same seed draws the same sample. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type SampleSize = { count: number } | { percent: number };

/** How many to draw out of `total`: a count (capped), or a share rounded up (at least one when any). */
export function sampleCount(total: number, size: SampleSize): number {
  if (total <= 0) return 0;
  if ('count' in size) return Math.max(0, Math.min(total, Math.floor(size.count)));
  const pct = Math.max(0, Math.min(100, size.percent));
  return pct === 0 ? 0 : Math.min(total, Math.max(1, Math.ceil((total * pct) / 100)));
}

/** Draws without replacement (a partial Fisher–Yates shuffle), keeping the input's order in the result. */
export function drawSample<T>(items: readonly T[], size: SampleSize, seed: number): T[] {
  const n = sampleCount(items.length, size);
  const idx = items.map((_, i) => i);
  const rand = seededRandom(seed);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}
