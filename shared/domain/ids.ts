/**
 * Record ids: ULIDs (26 characters of Crockford base32: 48 bits of milliseconds, 80 random bits).
 * They sort by creation time as plain strings, which keeps IndexedDB keys and merged bundles in
 * order, and they are made on any device without coordination. Randomness comes from
 * `crypto.getRandomValues`, present in browsers, workers and Node 20 alike.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_LEN = 10;
const RANDOM_LEN = 16;
const MAX_TIME = 2 ** 48 - 1;

export type Id = string;

const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  let t = ms;
  for (let i = 0; i < TIME_LEN; i++) {
    out = ALPHABET[t % 32]! + out;
    t = Math.floor(t / 32);
  }
  return out;
}

function randomDigits(): number[] {
  const bytes = new Uint8Array(RANDOM_LEN);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b % 32);
}

/** Adds one to the random part, so ids made within one millisecond still sort in creation order. */
function increment(digits: number[]): number[] | null {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i]! < 31) {
      next[i] = next[i]! + 1;
      return next;
    }
    next[i] = 0;
  }
  return null;
}

/** A new id. `now` is for tests; ids made in the same millisecond by this module stay ordered. */
export function newId(now: number = Date.now()): Id {
  if (!Number.isInteger(now) || now < 0 || now > MAX_TIME) throw new RangeError(`bad timestamp ${now}`);
  let random = now === lastTime ? increment(lastRandom) : null;
  random ??= randomDigits();
  if (now >= lastTime) {
    lastTime = now;
    lastRandom = random;
  }
  return encodeTime(now) + random.map((d) => ALPHABET[d]!).join('');
}

export function isId(s: unknown): s is Id {
  return typeof s === 'string' && ID_PATTERN.test(s);
}

/** The creation time encoded in an id (milliseconds since the epoch). */
export function idTimestamp(id: Id): number {
  if (!isId(id)) throw new RangeError(`not an id: ${JSON.stringify(id)}`);
  let t = 0;
  for (const ch of id.slice(0, TIME_LEN)) t = t * 32 + ALPHABET.indexOf(ch);
  return t;
}
