/**
 * The rows of a database as text and back, exactly: what IndexedDB's structured clone keeps, this
 * keeps — key order, `undefined` members, -0, NaN and ±Infinity, Dates and Uint8Array bytes.
 *
 * A row is JSON with tagged objects for what JSON cannot say:
 *   { "$u": 1 }               undefined
 *   { "$t": "<text>" }        Uint8Array whose bytes are valid UTF-8 (a stored fact's canonical
 *                             bytes): its text, half the characters of hex or fewer
 *   { "$b": "<hex>" }         any other Uint8Array
 *   { "$d": <ms> }            Date (its time value; an invalid Date is { "$d": null })
 *   { "$n": "NaN" | "Infinity" | "-Infinity" | "-0" }
 *   { "$o": { … } }           a plain object that has a key starting with "$" (so tags never collide)
 * Key order is insertion order (JSON.stringify's), not canonical: a restored row is the same row.
 * Anything else (Map, Set, ArrayBuffer, other typed arrays, class instances) is refused when the
 * backup is made — a backup that silently dropped data would be worse than none.
 */
import { fromHex, fromUtf8, toHex, utf8 } from '../bundle/bytes';

export class RowCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowCodecError';
  }
}

const MAX_DEPTH = 64;

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The JSON-safe form of a row. Throws RowCodecError for a value it cannot keep exactly. */
export function encodeValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RowCodecError('value nested too deeply');
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'undefined':
      return { $u: 1 };
    case 'number':
      if (Number.isNaN(v)) return { $n: 'NaN' };
      if (v === Infinity) return { $n: 'Infinity' };
      if (v === -Infinity) return { $n: '-Infinity' };
      if (Object.is(v, -0)) return { $n: '-0' };
      return v;
    case 'object': {
      if (v === null) return null;
      if (v instanceof Uint8Array && v.constructor === Uint8Array) {
        const text = utf8Text(v);
        return text === undefined ? { $b: toHex(v) } : { $t: text };
      }
      if (v instanceof Date) {
        const t = v.getTime();
        return { $d: Number.isNaN(t) ? null : t };
      }
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) out.push(encodeValue(v[i], depth + 1));
        return out;
      }
      if (!isPlainObject(v)) throw new RowCodecError(`cannot back up a ${Object.prototype.toString.call(v)}`);
      const out: Record<string, unknown> = {};
      let tagged = false;
      for (const k of Object.keys(v)) {
        if (k.startsWith('$')) tagged = true;
        define(out, k, encodeValue(v[k], depth + 1));
      }
      return tagged ? { $o: out } : out;
    }
    default:
      throw new RowCodecError(`cannot back up a value of type ${typeof v}`);
  }
}

/** The row `encodeValue` made. Throws RowCodecError on anything it could not have made. */
export function decodeValue(v: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RowCodecError('value nested too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RowCodecError('bad number');
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => decodeValue(x, depth + 1));
  if (typeof v !== 'object') throw new RowCodecError('bad value');
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  const first = keys[0];
  if (keys.length === 1 && first !== undefined && first.startsWith('$')) {
    const x = o[first];
    switch (first) {
      case '$u':
        if (x !== 1) break;
        return undefined;
      case '$b':
        if (typeof x !== 'string' || !/^([0-9a-f]{2})*$/.test(x)) break;
        return fromHex(x);
      case '$t':
        // Text decoded from UTF-8 has no lone surrogate (one would not encode back to the same bytes).
        if (typeof x !== 'string' || LONE_SURROGATE.test(x)) break;
        return utf8(x);
      case '$d':
        if (x === null) return new Date(NaN);
        if (typeof x !== 'number' || !Number.isFinite(x)) break;
        return new Date(x);
      case '$n':
        if (x === 'NaN') return NaN;
        if (x === 'Infinity') return Infinity;
        if (x === '-Infinity') return -Infinity;
        if (x === '-0') return -0;
        break;
      case '$o': {
        if (typeof x !== 'object' || x === null || Array.isArray(x)) break;
        return decodeObject(x as Record<string, unknown>, depth);
      }
      default:
        break;
    }
    throw new RowCodecError(`bad tag ${first}`);
  }
  for (const k of keys) if (k.startsWith('$')) throw new RowCodecError(`untagged key ${k}`);
  return decodeObject(o, depth);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The text of bytes that are valid UTF-8 — it encodes back to exactly those bytes (the decoder is
 * strict and keeps a BOM) — or undefined for any other bytes.
 */
function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return fromUtf8(bytes);
  } catch {
    return undefined;
  }
}

/** An own data property, even for the key "__proto__" (plain assignment would set the prototype). */
function define(o: Record<string, unknown>, k: string, value: unknown): void {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

function decodeObject(o: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Own data properties only: "__proto__" as a key must stay a key, never become the prototype.
  for (const k of Object.keys(o)) {
    define(out, k, decodeValue(o[k], depth + 1));
  }
  return out;
}
