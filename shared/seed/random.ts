/**
 * A seeded pseudo-random generator (sfc32, seeded from SHA-256 of a label) for the example data:
 * the same seed and label always give the same sequence, on Node and in the browser alike. Each
 * part of the organisation draws from its own stream (`fork`), so changing how one person's year is
 * generated never shifts anyone else's.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bundle/bytes';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly label: string) {
    const h = sha256(utf8(`dutybook-seed-v1\0${label}`));
    const word = (i: number) => ((h[i]! << 24) | (h[i + 1]! << 16) | (h[i + 2]! << 8) | h[i + 3]!) >>> 0;
    this.a = word(0);
    this.b = word(4);
    this.c = word(8);
    this.d = word(12);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Another stream, independent of this one's position. */
  fork(name: string): Random {
    return new Random(`${this.label}/${name}`);
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** `n` distinct elements, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(n, copy.length));
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.nextUint32() & 0xff;
    return out;
  }

  /**
   * A record id in the app's own format (shared/domain/ids.ts: a ULID, 48 bits of milliseconds then
   * 80 bits of randomness in Crockford base32), the randomness from this stream.
   */
  ulid(ms: number): string {
    let time = '';
    let t = Math.floor(ms);
    for (let i = 0; i < 10; i++) {
      time = CROCKFORD[t % 32]! + time;
      t = Math.floor(t / 32);
    }
    let rest = '';
    for (let i = 0; i < 16; i++) rest += CROCKFORD[this.nextUint32() % 32]!;
    return time + rest;
  }
}

/** A 32-byte key seed derived from the organisation seed (deterministic keys for reproducible data). */
export function derivedSeed(seed: string, ...parts: string[]): Uint8Array {
  return sha256(utf8(`dutybook-seed-key-v1\0${seed}\0${parts.join('\0')}`));
}
