/**
 * Canonical JSON: one byte sequence per value, so that what is signed and hashed is unambiguous and
 * any other language can reproduce it (docs/bundle-format.md, "Canonical JSON").
 *
 * - values: null, true, false, integers, strings, arrays, objects — nothing else (no floats, no
 *   undefined: they throw instead of being dropped silently);
 * - integers: safe integers only (|n| <= 2^53 - 1), shortest decimal form, `-0` written as `0`;
 * - strings: well-formed Unicode (a lone surrogate throws); escaped exactly as JSON.stringify does
 *   (`\"`, `\\`, `\b \f \n \r \t`, other U+0000–U+001F as `\u00xx` lowercase), everything else literal;
 * - objects: keys sorted by Unicode code point (= bytewise order of their UTF-8), no duplicates;
 * - no whitespace anywhere; the text is encoded as UTF-8 without a BOM.
 */
import { fromUtf8, utf8 } from './bytes';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export class CanonicalJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
  }
}

/** Compares by code point, which is what bytewise comparison of the UTF-8 encodings gives. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function writeString(s: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('string with a lone surrogate');
  return JSON.stringify(s);
}

function write(value: unknown, depth: number): string {
  if (depth > 64) throw new CanonicalJsonError('nesting deeper than 64');
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`not a safe integer: ${value}`);
      return String(value === 0 ? 0 : value);
    case 'string':
      return writeString(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => write(v, depth + 1)).join(',')}]`;
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError('not a plain object');
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).sort(compareCodePoints);
      return `{${keys.map((k) => `${writeString(k)}:${write(obj[k], depth + 1)}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`value of type ${typeof value} has no JSON form`);
  }
}

/** The canonical text of a value. Throws CanonicalJsonError for anything outside the definition. */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

/** The canonical UTF-8 bytes of a value. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

/**
 * Parses bytes that must already be canonical JSON: strict UTF-8, valid JSON, and re-serialising
 * gives the same text (so no whitespace, sorted unique keys, integers only). Throws CanonicalJsonError.
 */
export function parseCanonicalJson(bytes: Uint8Array): JsonValue {
  let text: string;
  let value: JsonValue;
  try {
    text = fromUtf8(bytes);
    value = JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new CanonicalJsonError(`not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (canonicalJson(value) !== text) throw new CanonicalJsonError('JSON is not in canonical form');
  return value;
}

export function isJsonObject(v: unknown): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
