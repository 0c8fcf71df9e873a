/**
 * Holdings and acks. Every bundle carries the sender's holdings: per ORIGINAL author install (never
 * per neighbour — Morango's relay bug), the counters it holds, as ranges. The contiguous prefix is
 * the watermark; the ranges above it describe what arrived past a gap (facts outside the holder's
 * scope leave permanent gaps, so a bare watermark would stall and over-send forever).
 *
 * An exporter sends a peer what the peer may see minus what the peer's last acks say it holds. Acks
 * only ever under-state holdings (facts are never deleted; a lost or old ack is just older), so the
 * worst case is over-sending, never under-sending (P10).
 */
import { z } from 'zod';
import type { Acks, Holdings, Ranges } from './types';

export function rangesContain(ranges: Ranges | undefined, n: number): boolean {
  if (!ranges) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (n < a) hi = mid - 1;
    else if (n > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The union of range lists, sorted, disjoint, adjacent ranges joined. */
export function unionRanges(...lists: (Ranges | undefined)[]): Ranges {
  const all = lists
    .flatMap((l) => l ?? [])
    .map(([a, b]) => [a, b] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of all) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export function unionHoldings(a: Holdings, b: Holdings): Holdings {
  const out: Holdings = {};
  for (const device of new Set([...Object.keys(a), ...Object.keys(b)])) {
    out[device] = unionRanges(a[device], b[device]);
  }
  return out;
}

/** The highest counter c such that 1..c are all held (0 when counter 1 is missing). */
export function watermark(ranges: Ranges | undefined): number {
  const first = ranges?.[0];
  return first && first[0] <= 1 ? first[1] : 0;
}

export function holdsFact(held: Holdings | undefined, fact: { device: string; counter: number }): boolean {
  return rangesContain(held?.[fact.device], fact.counter);
}

const counter = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const rangesSchema = z
  .array(z.tuple([counter, counter]))
  .max(100_000)
  .refine((rs) => rs.every(([a, b], i) => a <= b && (i === 0 || rs[i - 1]![1] + 1 < a)), {
    error: 'ranges must be sorted and disjoint',
  });

export const acksSchema = z.strictObject({
  v: z.literal(1),
  install: z.string().min(1).max(64),
  rosterVersion: z.number().int().min(0),
  held: z.record(z.string().min(1).max(64), rangesSchema),
  basedOn: z.string().min(1).max(64).optional(),
});

/** Reads a manifest's acks; anything unreadable counts as "holds nothing" (over-send, never under-send). */
export function parseAcks(value: unknown): Acks | undefined {
  const r = acksSchema.safeParse(value);
  return r.success ? r.data : undefined;
}
