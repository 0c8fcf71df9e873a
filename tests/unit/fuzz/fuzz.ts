/**
 * Shared tools of the reader fuzz tests (one test file per file kind the app reads): mutations of
 * real files as fast-check arbitraries, the "clear error" check every reader must meet, a byte-exact
 * database snapshot for "nothing applied", and a memory probe.
 */
import fc from 'fast-check';
import { serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DutyBookError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';
import type { DutyBookDb } from '../../../shared/store';
import type { JsonValue } from '../../../shared/bundle/canonical-json';
import { freshName, openTestDb, snapshot } from '../store/helpers';

// ---- The error a reader may throw ----

const CJK = /[\u4e00-\u9fff]/;
const INTERNAL = describeError(new Error('x')).title;

/** Why `e` is not a clear DutyBookError (null when it is one): a DutyBookError whose words are Chinese and not the "internal error" fallback. */
export function unclearError(e: unknown): string | null {
  if (!(e instanceof DutyBookError)) {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return `expected a DutyBookError, got ${what}`;
  }
  const d = describeError(e);
  if (d.title === INTERNAL || !CJK.test(d.title) || !CJK.test(d.detail)) {
    return `unclear words for ${e.name}(${e.code}): ${d.title} / ${d.detail}`;
  }
  return null;
}

export function expectClearError(e: unknown, context: string): asserts e is DutyBookError {
  const why = unclearError(e);
  if (why) throw new Error(`${context}: ${why}`, { cause: e });
}

/** Runs a reader: its value, or the clear DutyBookError it threw (anything else fails). */
export async function read<T>(
  context: string,
  run: () => Promise<T> | T,
): Promise<{ ok: true; value: T } | { ok: false; error: DutyBookError }> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    expectClearError(e, context);
    return { ok: false, error: e };
  }
}

// ---- Byte mutations of a real file ----

export type Mutated = { how: string; bytes: Uint8Array };

const at = (n: number, len: number) => (len === 0 ? 0 : n % len);

function splice(
  b: Uint8Array,
  start: number,
  remove: number,
  insert: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const out = new Uint8Array(b.length - remove + insert.length);
  out.set(b.subarray(0, start));
  out.set(insert, start);
  out.set(b.subarray(start + remove), start + insert.length);
  return out;
}

/** Big-endian `value` in `width` bytes (JS numbers: up to 2^53). */
function beBytes(value: number, width: number): Uint8Array {
  const out = new Uint8Array(width);
  let v = value;
  for (let i = width - 1; i >= 0; i--) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  return out;
}

/** Length-like values a hostile field would hold: 4 GiB and its neighbours, the u16/u32/u53 tops. */
export const HUGE_LENGTHS = [
  0,
  1,
  0xff,
  0xffff,
  0x10000,
  0x7fffffff,
  0xffffffff,
  0x100000000,
  2 ** 53 - 1,
] as const;

type Op = fc.Arbitrary<{ how: string; apply: (b: Uint8Array) => Uint8Array }>;

/** Another byte of the same kind (digit, hex letter, letter), so text formats still parse and deeper checks run. */
function similar(x: number, k: number): number {
  const within = (lo: number, n: number) => lo + ((x - lo + 1 + (k % (n - 1))) % n);
  if (x >= 0x30 && x <= 0x39) return within(0x30, 10);
  if (x >= 0x61 && x <= 0x66) return within(0x61, 6);
  if (x >= 0x67 && x <= 0x7a) return within(0x67, 20);
  if (x >= 0x41 && x <= 0x5a) return within(0x41, 26);
  return x ^ (1 << (k % 8));
}

const sameKind: Op = fc.tuple(fc.nat(), fc.nat()).map(([p, k]) => ({
  how: `same-kind byte at ${p}`,
  apply: (b) => {
    const c = b.slice();
    if (c.length > 0) c[at(p, c.length)] = similar(c[at(p, c.length)]!, k);
    return c;
  },
}));

const ops: Op[] = [
  sameKind,
  sameKind,
  fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 })
    .map((flips) => ({
      how: `flip ${flips.map(([p, bit]) => `${p}.${bit}`).join(',')}`,
      apply: (b) => {
        const c = b.slice();
        for (const [p, bit] of flips) if (c.length > 0) c[at(p, c.length)]! ^= 1 << bit;
        return c;
      },
    })),
  fc.nat().map((p) => ({ how: `truncate ${p}`, apply: (b) => b.slice(0, at(p, b.length)) })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((tail) => ({
    how: `append ${tail.length}`,
    apply: (b) => splice(b, b.length, 0, tail),
  })),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([p, ins]) => ({
    how: `insert ${ins.length} at ${p}`,
    apply: (b) => splice(b, at(p, b.length + 1), 0, ins),
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 256 })).map(([p, n]) => ({
    how: `delete ${n} at ${p}`,
    apply: (b) => {
      const s = at(p, b.length);
      return splice(b, s, Math.min(n, b.length - s));
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 512 }), fc.nat()).map(([p, n, d]) => ({
    how: `duplicate ${n} from ${p} to ${d}`,
    apply: (b) => {
      const s = at(p, b.length);
      return splice(b, at(d, b.length + 1), 0, b.slice(s, s + n));
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 512 }), fc.nat()).map(([p, n, d]) => ({
    how: `move ${n} from ${p} to ${d}`,
    apply: (b) => {
      const s = at(p, b.length);
      const piece = b.slice(s, s + n);
      const rest = splice(b, s, piece.length);
      return splice(rest, at(d, rest.length + 1), 0, piece);
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom(2, 4, 8), fc.constantFrom(...HUGE_LENGTHS)).map(([p, width, value]) => ({
    how: `u${width * 8} ${value} at ${p}`,
    apply: (b) => {
      const c = b.slice();
      if (c.length >= width) c.set(beBytes(value, width).subarray(0, width), at(p, c.length - width + 1));
      return c;
    },
  })),
];

/** One to three mutations of `base`, applied in turn. */
export function mutatedBytes(base: Uint8Array): fc.Arbitrary<Mutated> {
  return fc.array(fc.oneof(...ops), { minLength: 1, maxLength: 3 }).map((list) => {
    let bytes = base;
    for (const op of list) bytes = op.apply(bytes);
    return { how: list.map((op) => op.how).join('; '), bytes };
  });
}

/** Random bytes, some behind `prefix` (a file kind's magic) so that they reach the parser proper. */
export function randomBytesAfter(prefix: Uint8Array, maxLength = 4096): fc.Arbitrary<Mutated> {
  return fc.oneof(
    fc.uint8Array({ maxLength }).map((bytes) => ({ how: `random ${bytes.length}`, bytes })),
    fc.uint8Array({ maxLength }).map((r) => {
      const bytes = new Uint8Array(prefix.length + r.length);
      bytes.set(prefix);
      bytes.set(r, prefix.length);
      return { how: `prefix + random ${r.length}`, bytes };
    }),
  );
}

export const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

// ---- JSON-level mutations of a real document (for re-signed, semantically wrong content) ----

/** JSON values canonical JSON can write: safe integers only, well-formed strings. */
export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 53 - 1), 2 ** 53 - 1),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(
      '',
      ' ',
      '/',
      'a/b/c',
      '\u0000',
      '张三',
      'x'.repeat(65),
      '2026-01-01T00:00:00.000Z',
      '0'.repeat(64),
    ),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

type Path = (string | number)[];

function pathsOf(v: JsonValue, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...prefix, i], out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) pathsOf(v[k]!, [...prefix, k], out);
  return out;
}

function getAt(v: JsonValue, path: Path): JsonValue {
  let cur: JsonValue = v;
  for (const k of path) cur = (cur as Record<string | number, JsonValue>)[k]!;
  return cur;
}

/** Sets (or with `undefined` removes) the value at `path`; the root is replaced by returning it. */
function setAt(root: JsonValue, path: Path, value: JsonValue | undefined): JsonValue {
  if (path.length === 0) return value ?? null;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, JsonValue> | JsonValue[];
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) {
    if (value === undefined) parent.splice(key as number, 1);
    else parent[key as number] = value;
  } else if (value === undefined) delete parent[key];
  else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  return root;
}

function nest(v: JsonValue, depth: number): JsonValue {
  let out = v;
  for (let i = 0; i < depth; i++) out = [out];
  return out;
}

type JsonOp = (root: JsonValue, paths: Path[]) => { how: string; root: JsonValue };

/** Well-typed but wrong: a string leaf gets another string, a number another number, a boolean flips. */
const sameTypeOp: fc.Arbitrary<JsonOp> = fc
  .tuple(
    fc.nat(),
    fc.nat(),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom(-1, 1, 0, 2 ** 53 - 1, -(2 ** 31)),
    fc.nat({ max: 3 }),
  )
  .map(([n, m, str, num, pick]) => (root: JsonValue, paths: Path[]) => {
    const leaves = paths.filter((p) => {
      const v = getAt(root, p);
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    });
    if (leaves.length === 0) return { how: 'noop', root };
    const p = leaves[at(n, leaves.length)]!;
    const v = getAt(root, p);
    let next: JsonValue;
    if (typeof v === 'boolean') next = !v;
    else if (typeof v === 'number') next = pick === 0 ? num : pick === 1 ? v + 1 : pick === 2 ? -v : v * 1000;
    else if (typeof v !== 'string') next = v;
    else {
      const others = leaves
        .map((q) => getAt(root, q))
        .filter((x): x is string => typeof x === 'string' && x !== v);
      next =
        pick === 0
          ? str
          : pick === 1
            ? `${v}x`
            : pick === 2
              ? v.slice(0, -1)
              : (others[at(m, others.length)] ?? str);
    }
    return {
      how: `${p.join('.')}: ${JSON.stringify(v).slice(0, 40)} → ${JSON.stringify(next).slice(0, 40)}`,
      root: setAt(root, p, next),
    };
  });

const jsonOps: fc.Arbitrary<JsonOp>[] = [
  sameTypeOp,
  sameTypeOp,
  sameTypeOp,
  fc.tuple(fc.nat(), jsonValue).map(([n, value]) => (root: JsonValue, paths: Path[]) => {
    const p = paths[at(n, paths.length)]!;
    return { how: `set ${p.join('.')} = ${JSON.stringify(value)}`, root: setAt(root, p, value) };
  }),
  fc.nat().map((n) => (root: JsonValue, paths: Path[]) => {
    const p = paths[at(n, paths.length)]!;
    return { how: `remove ${p.join('.')}`, root: setAt(root, p, undefined) };
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]) => (root: JsonValue, paths: Path[]) => {
    // One field takes another's value: ids cross-wired (a supervisor who is their own report, …).
    const p = paths[at(n, paths.length)]!;
    const q = paths[at(m, paths.length)]!;
    if (p.length === 0 || q.slice(0, p.length).join('\u0001') === p.join('\u0001'))
      return { how: 'noop', root };
    return { how: `${p.join('.')} := ${q.join('.')}`, root: setAt(root, p, structuredClone(getAt(root, q))) };
  }),
  fc.nat().map((n) => (root: JsonValue, paths: Path[]) => {
    // Duplicate an array element in place (two people with one id, one entry twice, …).
    const arrays = paths.filter(
      (p) => Array.isArray(getAt(root, p)) && (getAt(root, p) as JsonValue[]).length > 0,
    );
    if (arrays.length === 0) return { how: 'noop', root };
    const p = arrays[at(n, arrays.length)]!;
    const list = getAt(root, p) as JsonValue[];
    const i = at(n, list.length);
    list.splice(i, 0, structuredClone(list[i]!));
    return { how: `duplicate ${[...p, i].join('.')}`, root };
  }),
  fc
    .tuple(fc.nat(), fc.string({ maxLength: 8 }), jsonValue)
    .map(([n, key, value]) => (root: JsonValue, paths: Path[]) => {
      const objects = paths.filter((p) => {
        const v = getAt(root, p);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      if (objects.length === 0) return { how: 'noop', root };
      const p = objects[at(n, objects.length)]!;
      return { how: `add ${[...p, key].join('.')}`, root: setAt(root, [...p, key], value) };
    }),
  fc
    .tuple(fc.nat(), fc.constantFrom(65, 1000, 70_000))
    .map(([n, len]) => (root: JsonValue, paths: Path[]) => {
      const p = paths[at(n, paths.length)]!;
      return { how: `long string (${len}) at ${p.join('.')}`, root: setAt(root, p, '长'.repeat(len)) };
    }),
  fc.tuple(fc.nat(), fc.constantFrom(10, 63, 200)).map(([n, depth]) => (root: JsonValue, paths: Path[]) => {
    const p = paths[at(n, paths.length)]!;
    return { how: `nest ${depth} at ${p.join('.')}`, root: setAt(root, p, nest(getAt(root, p), depth)) };
  }),
];

/** One to three structural mutations of a JSON document (the input is not changed). */
export function mutatedJson(base: JsonValue): fc.Arbitrary<{ how: string; value: JsonValue }> {
  return applied(base, fc.array(fc.oneof(...jsonOps), { minLength: 1, maxLength: 3 }));
}

/** One to four well-typed changes (every field keeps its type): reaches the checks past the schema. */
export function wellTypedJson(base: JsonValue): fc.Arbitrary<{ how: string; value: JsonValue }> {
  return applied(base, fc.array(sameTypeOp, { minLength: 1, maxLength: 4 }));
}

function applied(
  base: JsonValue,
  ops: fc.Arbitrary<JsonOp[]>,
): fc.Arbitrary<{ how: string; value: JsonValue }> {
  return ops.map((list) => {
    let root = structuredClone(base);
    const hows: string[] = [];
    for (const op of list) {
      const r = op(root, pathsOf(root));
      root = r.root;
      hows.push(r.how);
    }
    return { how: hows.join('; '), value: root };
  });
}

// ---- The database: byte for byte ----

/** Every row of every table, serialised (structured clone bytes): equal bytes mean nothing changed. */
export async function dbBytes(db: DutyBookDb): Promise<Buffer> {
  return serialize(await snapshot(db));
}

/** A copy of a device's database under a new name (to start a case again from a known state). */
export async function cloneDb(db: DutyBookDb): Promise<DutyBookDb> {
  const rows = await snapshot(db);
  const copy = await openTestDb(freshName('fuzz'));
  await copy.transaction('rw', copy.tables, async () => {
    for (const [name, list] of Object.entries(rows))
      if (list.length > 0) await copy.table(name).bulkPut(list);
  });
  return copy;
}

// ---- Memory ----

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Growth of heap + ArrayBuffers over a baseline taken after a full GC. `sample()` after each case
 * (before any GC, so garbage a case left — a big buffer it allocated and dropped — still counts);
 * a GC every `every` samples keeps earlier cases' garbage out of later samples.
 */
export class MemoryProbe {
  private base = 0;
  private n = 0;
  peak = 0;

  constructor(private readonly every = 25) {
    this.reset();
  }

  reset(): void {
    gc();
    this.base = used();
    this.n = 0;
  }

  sample(): number {
    const growth = used() - this.base;
    this.peak = Math.max(this.peak, growth);
    if (++this.n % this.every === 0) this.reset();
    return growth;
  }
}

/** Growth of heap + ArrayBuffers while `run` runs, sampled right after it (no GC in between). */
export async function growthDuring(run: () => Promise<unknown>): Promise<number> {
  gc();
  const before = used();
  await run();
  return used() - before;
}

export const MiB = 1024 * 1024;
