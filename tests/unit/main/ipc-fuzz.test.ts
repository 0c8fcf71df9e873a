/**
 * IPC payload fuzzing: every channel the main process registers, driven through the real listener that
 * registerHostHandlers installs (sender check → contract validation → the real handlers of host.ts over
 * a temp folder), with hostile payloads — fc.anything() with Maps, Sets, typed arrays, null-prototype
 * and boxed values; 1k–20k-deep nesting; 0.1–2 M-character strings; own `__proto__` / `constructor` /
 * `prototype` keys; wrong types and extra fields; path traversal, device names and NUL bytes in every
 * string that becomes a path — and extra arguments. For each call:
 *
 *  - the listener never throws synchronously, and a rejection is always the app's typed error encoded
 *    for IPC (decodable, a known code, never 'internal' — 'internal' means a raw exception escaped);
 *  - a payload the contract refuses is refused as 'validation' before anything happens: no dialog,
 *    not one file-system call;
 *  - an accepted payload touches only what a valid call would: the file the save dialog returned (its
 *    suggested path stays directly inside Documents), `<keys>/<name>.bin`, and reads of the files the
 *    open dialog returned; every fs/promises call is recorded, and the whole temp tree is compared
 *    before and after (no other change, no leftover temp file);
 *  - Object.prototype and Array.prototype are unchanged, and console.error (unexpected errors) is silent.
 *
 * Payloads are what structured clone can deliver, and more (no getters or proxies: those cannot cross
 * IPC). Fixed seed, bounded runs; the process surviving is checked by an unhandled-rejection counter.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type * as FsPromises from 'node:fs/promises';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { hostContract, hostMethods, type HostMethod } from '../../../shared/host/contract';
import { parseHostErrorMessage, type EncodedHostError } from '../../../shared/host/host-errors';
import type { ErrorCode } from '../../../shared/errors/errors';
import { createSenderCheck, registerHostHandlers, type InvokeSender, type IpcMainLike } from '../../../src-main/ipc';
import { createHostHandlers, type HostDeps } from '../../../src-main/host';
import { BUNDLE_MAGIC, FILE_KINDS } from '../../../shared/host/file-limits';

// ---------------------------------------------------------------------------------------------------
// Every fs/promises call made by src-main is recorded (the test itself uses node:fs, not recorded).

type FsCall = { op: string; path: string; write: boolean };
const fsCalls = vi.hoisted(() => [] as FsCall[]);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const { constants } = await import('node:fs');
  const WRITE_BITS = constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND;
  const writesByFlags = (flags: unknown) =>
    typeof flags === 'number' ? (flags & WRITE_BITS) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags);
  const READS = ['readFile', 'readdir', 'realpath', 'stat', 'lstat', 'access', 'opendir', 'readlink'] as const;
  const WRITES = ['writeFile', 'appendFile', 'rm', 'rmdir', 'unlink', 'mkdir', 'mkdtemp', 'chmod', 'chown', 'truncate', 'utimes', 'symlink', 'link', 'rename', 'copyFile', 'cp'] as const;
  const wrapped: Record<string, unknown> = {};
  const wrap = (name: string, isWrite: (args: unknown[]) => boolean, paths: number) => {
    const fn = (actual as unknown as Record<string, (...args: unknown[]) => unknown>)[name];
    if (typeof fn !== 'function') return;
    wrapped[name] = (...args: unknown[]) => {
      for (let i = 0; i < paths; i += 1) fsCalls.push({ op: name, path: String(args[i]), write: isWrite(args) });
      return fn(...args);
    };
  };
  wrap('open', (args) => writesByFlags(args[1]), 1);
  for (const name of READS) wrap(name, () => false, 1);
  for (const name of WRITES) wrap(name, () => true, ['rename', 'copyFile', 'cp', 'symlink', 'link'].includes(name) ? 2 : 1);
  return { ...actual, ...wrapped, default: { ...actual, ...wrapped } };
});

// ---------------------------------------------------------------------------------------------------
// The sandbox: four levels deep in a temp folder, so that `../../../..` still lands where it is seen.

let root: string;
let base: string;
let documents: string;
let keysDir: string;
let backupsDir: string;
let openDir: string;

const OUR_ID = 1;
const appEvent: InvokeSender = { sender: { id: OUR_ID }, senderFrame: { url: 'app://dutybook/index.html', parent: null } };

type Listener = (event: InvokeSender, ...args: unknown[]) => Promise<unknown>;
const listeners = new Map<string, Listener>();
const dialogCalls: { kind: 'save' | 'open'; defaultPath?: string }[] = [];
let unhandled = 0;
const onUnhandled = () => {
  unhandled += 1;
};

const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
const fakeSafeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  getSelectedStorageBackend: () => 'gnome_libsecret' as const,
  encryptStringAsync: (plain: string) => Promise.resolve(Buffer.concat([Buffer.from('ENC:'), xor(Buffer.from(plain))])),
  decryptStringAsync: (cipher: Buffer) =>
    cipher.subarray(0, 4).equals(Buffer.from('ENC:'))
      ? Promise.resolve({ result: xor(cipher.subarray(4)).toString(), shouldReEncrypt: false })
      : Promise.reject(new Error('bad cipher')),
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'dutybook-ipc-fuzz-'));
  base = join(root, 'l1', 'l2', 'l3', 'l4');
  documents = join(base, 'Documents');
  keysDir = join(base, 'userData', 'keys');
  backupsDir = join(base, 'userData', 'backups');
  openDir = join(base, 'chosen');
  for (const dir of [documents, keysDir, backupsDir, join(openDir, 'sub')]) mkdirSync(dir, { recursive: true });
  // Starts as a bundle, so an openFiles call of kind 'bundle' reads it; other kinds refuse it by its start.
  writeFileSync(join(openDir, 'a.dbk'), Uint8Array.of(...BUNDLE_MAGIC, 1, 2, 3));
  writeFileSync(join(openDir, 'b.txt'), 'bundle');
  writeFileSync(join(openDir, 'sub', 'c.bin'), new Uint8Array(2048));

  const deps: HostDeps<IpcMainInvokeEvent> = {
    version: '0.1.0',
    platform: 'linux',
    dialog: {
      // The user accepts whatever is suggested: the worst case for a hostile suggestedName.
      showSaveDialog: ((...args: unknown[]) => {
        const options = args.at(-1) as { defaultPath?: string };
        dialogCalls.push({ kind: 'save', defaultPath: options.defaultPath });
        return Promise.resolve({ canceled: false, filePath: options.defaultPath });
      }) as HostDeps<IpcMainInvokeEvent>['dialog']['showSaveDialog'],
      showOpenDialog: (...args: unknown[]) => {
        const options = args.at(-1) as { properties?: string[] };
        dialogCalls.push({ kind: 'open' });
        const filePaths = options.properties?.includes('openDirectory')
          ? [openDir]
          : options.properties?.includes('multiSelections')
            ? [join(openDir, 'a.dbk'), join(openDir, 'b.txt')]
            : [join(openDir, 'a.dbk')];
        return Promise.resolve({ canceled: false, filePaths });
      },
    },
    windowOf: () => null,
    defaultDir: () => documents,
    safeStorage: fakeSafeStorage,
    dir: () => keysDir,
    backupDir: () => backupsDir,
  };
  const ipc: IpcMainLike<InvokeSender> = {
    handle: (channel, listener) => listeners.set(channel, listener),
    removeHandler: (channel) => listeners.delete(channel),
  };
  const handlers = createHostHandlers(deps) as unknown as Parameters<typeof registerHostHandlers<InvokeSender>>[1];
  registerHostHandlers(ipc, handlers, createSenderCheck((id) => id === OUR_ID));
  process.on('unhandledRejection', onUnhandled);
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => {
  expect(unhandled, 'unhandled rejections').toBe(0);
});

// ---------------------------------------------------------------------------------------------------
// Observation helpers.

/** Every entry under root: files with size and mtime, folders and links by type only. */
function snapshot(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = lstatSync(path);
      if (info.isDirectory()) {
        out.set(path, 'dir');
        walk(path);
      } else out.set(path, `${info.isFile() ? 'file' : 'other'}:${info.size}:${info.mtimeMs}`);
    }
  };
  walk(root);
  return out;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [path, sig] of before) if (after.get(path) !== sig) changed.add(path);
  for (const path of after.keys()) if (!before.has(path)) changed.add(path);
  return [...changed].sort();
}

/** dir itself or below it ('..notes' is below; only a whole '..' segment leaves). */
const isInside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};
const isDirectChild = (dir: string, path: string) => dirname(path) === dir && isInside(dir, path) && path !== dir;

const KNOWN_CODES: ReadonlySet<string> = new Set([
  'validation',
  'not-found',
  'conflict',
  'locked',
  'forbidden',
  'storage-quota',
  'storage-corrupt',
  'storage-unavailable',
  'host-unavailable',
  'key-store-locked',
  'file-too-large',
  'file-unreadable',
  'file-wrong-kind',
] satisfies ErrorCode[]);

type Outcome = { ok: true; value: unknown } | { ok: false; error: EncodedHostError; size: number };

const prototypeNames = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
});
const PROTOTYPES = JSON.stringify(prototypeNames());

/** One IPC call with all the per-call properties checked; returns what happened for the caller's checks. */
async function invoke(method: HostMethod, args: unknown[], event: InvokeSender = appEvent) {
  const listener = listeners.get(hostContract[method].channel);
  if (!listener) throw new Error(`no listener for ${method}`);
  const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnSpy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  fsCalls.length = 0;
  dialogCalls.length = 0;
  const before = snapshot();
  let outcome: Outcome;
  try {
    // A synchronous throw would escape ipcMain's promise handling: not allowed, so not caught here.
    const pending = listener(event, ...args);
    expect(pending).toBeInstanceOf(Promise);
    outcome = await pending.then(
      (value): Outcome => ({ ok: true, value }),
      (error: unknown): Outcome => {
        expect(error).toBeInstanceOf(Error);
        const message = (error as Error).message;
        const decoded = parseHostErrorMessage(message);
        expect(decoded, `not an encoded host error: ${message.slice(0, 300)}`).not.toBeNull();
        return { ok: false, error: decoded!, size: message.length };
      },
    );
  } finally {
    errorSpy.mockRestore();
    warnSpy.mockRestore();
  }
  const after = snapshot();
  expect(errorSpy, 'console.error: an unexpected (untyped) error reached the IPC layer').not.toHaveBeenCalled();
  if (!outcome.ok) {
    expect(KNOWN_CODES.has(outcome.error.code), `code ${outcome.error.code}: ${outcome.error.message.slice(0, 300)}`).toBe(true);
    // Whatever the payload's size, the rejection sent back stays small.
    expect(outcome.size).toBeLessThan(16 * 1024);
  }
  expect(JSON.stringify(prototypeNames()), 'prototype polluted').toBe(PROTOTYPES);
  const probe: Record<string, unknown> = {};
  for (const key in probe) throw new Error(`Object.prototype gained enumerable ${key}`);
  // Reads and writes stay in the three places a valid call may touch.
  for (const call of fsCalls) {
    const allowed = call.write
      ? isDirectChild(documents, call.path) || isDirectChild(keysDir, call.path) || call.path === keysDir ||
        isDirectChild(backupsDir, call.path) || call.path === backupsDir
      : isInside(documents, call.path) || isInside(keysDir, call.path) || isInside(openDir, call.path) ||
        isInside(backupsDir, call.path);
    expect(allowed, `${call.op}${call.write ? ' (write)' : ''} ${call.path}`).toBe(true);
  }
  const changed = changes(before, after);
  expect(changed.filter((p) => p.endsWith('.tmp')), 'temp files left behind').toEqual([]);
  return { outcome, changed, fs: [...fsCalls], dialogs: [...dialogCalls] };
}

// ---------------------------------------------------------------------------------------------------
// Arbitraries.

const SEED = 20_250_801;
const NUM_RUNS = 300;

const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'polluted', 'length');
const anyValue = fc.anything({
  maxDepth: 4,
  maxKeys: 6,
  key: fc.oneof(fc.string({ maxLength: 12 }), hostileKeys),
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/**
 * Objects or arrays nested 1k–20k levels deep. They print as a summary (a non-enumerable symbol that
 * neither the contract nor structured clone sees), since printing the value itself overflows the stack.
 */
const DEEP_KEYS = ['a', 'name', 'data'] as const;
const deep = fc.tuple(fc.integer({ min: 1_000, max: 20_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = arrays ? [value] : { [DEEP_KEYS[i % DEEP_KEYS.length] ?? 'a']: value };
  Object.defineProperty(value, fc.toStringMethod, { value: () => `<${arrays ? 'array' : 'object'} nested ${depth} deep>` });
  return value;
});

/** Own `__proto__` / `constructor.prototype` properties, as JSON.parse (or a structured clone) makes them. */
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes","multiple":true,"name":"x"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"__proto__":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"},"__proto__":[1]}',
).map((json) => JSON.parse(json) as Record<string, unknown>);

const hugeString = fc
  .tuple(fc.integer({ min: 100_000, max: 2_000_000 }), fc.constantFrom('a', '../', '\u0000', '文', '%2e%2e%2f'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** Strings that become file or key names: traversal, absolute and UNC paths, device names, NUL bytes. */
const nastyString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '...',
      '../evil.docx',
      '..\\evil.docx',
      '../../../../../../../../etc/passwd',
      '/etc/passwd',
      '/tmp/evil',
      'C:\\Windows\\System32\\evil.dll',
      'C:evil',
      '\\\\?\\C:\\evil',
      '\\\\server\\share\\evil',
      'a/b',
      'a\\b',
      'evil\u0000.docx',
      'ok.docx\u0000/../../../evil',
      '\u0000',
      '%2e%2e%2fevil',
      '..%2fevil',
      '．．／evil',
      '..\u2215evil',
      '..\u2044evil',
      'CON',
      'nul.txt',
      'COM1',
      'trailing.',
      'trailing ',
      ' ',
      '',
      '~/.ssh/id_rsa',
      '$HOME',
      'file:///etc/passwd',
      '__proto__',
      'constructor',
      'prototype',
      '\u202Excod.docx',
      '.hidden',
      '-rf',
      'x'.repeat(201),
      'k'.repeat(65),
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('..', '.', '/', '\\', '\u0000', 'a', '%2e', ':', 'C:', '文', '\n'), { maxLength: 8 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: hugeString },
);

const hostileValue = fc.oneof(
  { weight: 4, arbitrary: anyValue },
  { weight: 3, arbitrary: nastyString },
  { weight: 1, arbitrary: deep },
  { weight: 2, arbitrary: pollution },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, Number.NaN, -1, 0, 1.5, 2 ** 53, Infinity, true, [], {}, 10n, new Uint8Array(0)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => new Array<number>(n).fill(0)) },
);

/** A valid-looking payload with extra keys (hostile ones included) defined as own properties. */
const withExtras = <T extends object>(payload: fc.Arbitrary<T>) =>
  fc.tuple(payload, fc.option(fc.dictionary(fc.oneof(hostileKeys, fc.string({ maxLength: 8 })), hostileValue, { maxKeys: 3 }), { nil: undefined })).map(([p, extra]) => {
    if (!extra) return p;
    const out: Record<string, unknown> = { ...(p as Record<string, unknown>) };
    for (const key of Object.keys(extra)) Object.defineProperty(out, key, { value: extra[key], enumerable: true, writable: true, configurable: true });
    return out;
  });

const validFileName = fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('.docx', '.dbk', '')).map(([s, ext]) => s + ext);
const validKeyName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/);
const validBackupName = fc.stringMatching(/^dutybook-[a-z0-9-]{1,80}\.dbbak$/);
const validFilters = fc.array(
  fc.record({ name: fc.string({ minLength: 1, maxLength: 20 }), extensions: fc.array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 3 }) }),
  { maxLength: 3 },
);
const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

/** Mostly a valid value, sometimes a nasty string, sometimes anything at all. */
const field = <T,>(valid: fc.Arbitrary<T>, nasty: fc.Arbitrary<unknown> = hostileValue) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: nasty }, { weight: 1, arbitrary: hostileValue });

/** A record with the contract's required keys usually present; now and then any key may be missing. */
const recordOf = <S extends Record<string, fc.Arbitrary<unknown>>>(shape: S, required: (keyof S & string)[]) =>
  withExtras(
    fc.oneof(
      { weight: 4, arbitrary: fc.record(shape, { requiredKeys: required }) },
      { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
    ) as fc.Arbitrary<object>,
  );

/**
 * Payloads near a valid one: each field usually valid (so the handlers run, with odd but legal
 * names and extra keys), sometimes hostile; optional fields often absent, required ones sometimes.
 */
const nearValid: Record<HostMethod, fc.Arbitrary<unknown>> = {
  getAppInfo: fc.constant(undefined),
  keyStoreStatus: fc.constant(undefined),
  saveFile: recordOf({ suggestedName: field(validFileName, nastyString), data: field(bytes(0, 256)), filters: field(validFilters) }, ['suggestedName', 'data']),
  openFiles: recordOf(
    {
      multiple: field(fc.boolean()),
      filters: field(validFilters),
      kind: field(fc.constantFrom(...FILE_KINDS), fc.constantFrom<unknown>('', 'exe', 'BUNDLE', 0, 'bundle ')),
      directory: field(fc.boolean()),
    },
    ['multiple', 'kind'],
  ),
  chooseFolder: recordOf({ title: field(fc.string({ minLength: 1, maxLength: 40 }), nastyString) }, []),
  writeToFolder: recordOf(
    { folder: field(fc.constant('a3f9c2d4e5b6a7980112233445566778'), nastyString), name: field(validFileName, nastyString), data: field(bytes(0, 256)) },
    ['folder', 'name', 'data'],
  ),
  unlockKeyStore: recordOf({ passphrase: field(fc.string({ minLength: 8, maxLength: 40 }), nastyString) }, ['passphrase']),
  storeSecret: recordOf(
    { name: field(validKeyName, nastyString), secret: field(bytes(1, 128), fc.constantFrom(new Uint8Array(0), new Uint8Array(64 * 1024 + 1))) },
    ['name', 'secret'],
  ),
  loadSecret: recordOf({ name: field(validKeyName, nastyString) }, ['name']),
  deleteSecret: recordOf({ name: field(validKeyName, nastyString) }, ['name']),
  writeBackup: recordOf({ name: field(validBackupName, nastyString), data: field(bytes(1, 256)) }, ['name', 'data']),
  listBackups: fc.constant(undefined),
  readBackup: recordOf(
    { name: field(validBackupName, nastyString), headBytes: field(fc.integer({ min: 1, max: 65536 }), fc.constantFrom<unknown>(0, -1, 1.5, 1e9)) },
    ['name'],
  ),
  deleteBackup: recordOf({ name: field(validBackupName, nastyString) }, ['name']),
};

/** The arguments of one invoke: usually one payload; sometimes none, or extra ones. */
const argsFor = (method: HostMethod) => {
  const payload = fc.oneof({ weight: 6, arbitrary: nearValid[method] }, { weight: 2, arbitrary: hostileValue }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: pollution });
  return fc.oneof(
    { weight: 8, arbitrary: payload.map((p) => [p]) },
    { weight: 1, arbitrary: fc.tuple(payload, hostileValue).map((a): unknown[] => a) },
    { weight: 1, arbitrary: fc.constant([] as unknown[]) },
  );
};

// ---------------------------------------------------------------------------------------------------

describe('IPC payload fuzzing (real handlers over a temp folder)', () => {
  it('covers every channel the main process registers, and src-main registers IPC nowhere else', () => {
    expect([...listeners.keys()].sort()).toEqual(hostMethods.map((m) => hostContract[m].channel).sort());
    for (const file of readdirSync(join(import.meta.dirname, '../../../src-main'))) {
      const source = readFileSync(join(import.meta.dirname, '../../../src-main', file), 'utf8');
      const registrations = source.match(/\bipcMain\.(handle|handleOnce|on|once|addListener)\(/g) ?? [];
      expect(registrations, file).toEqual(file === 'ipc.ts' ? ['ipcMain.handle('] : []);
    }
  });

  it('the recorders see the handlers at work (a valid save, store and read)', async () => {
    const save = await invoke('saveFile', [{ suggestedName: '考核表.docx', data: new Uint8Array([7]) }]);
    expect(save.outcome).toEqual({ ok: true, value: { path: join(documents, '考核表.docx'), bytes: 1 } });
    expect(save.fs.some((c) => c.write && c.op === 'rename')).toBe(true);
    expect(save.changed).toEqual([join(documents, '考核表.docx')]);
    const store = await invoke('storeSecret', [{ name: 'signing-key', secret: new Uint8Array([1, 2]) }]);
    expect(store.changed).toEqual([join(keysDir, 'signing-key.bin')]);
    const open = await invoke('openFiles', [{ multiple: false, kind: 'bundle', directory: true }]);
    expect(open.fs.some((c) => c.op === 'open' && c.path.endsWith('c.bin'))).toBe(true);
    expect(open.changed).toEqual([]);
  });

  it.each(hostMethods)('%s: hostile payloads get a typed rejection, touch nothing, pollute nothing', async (method) => {
    const contract = hostContract[method];
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(argsFor(method), async (args) => {
        const valid = args.length <= 1 && contract.input.safeParse(args[0]).success;
        const { outcome, changed, fs, dialogs } = await invoke(method, args);
        if (!valid) {
          refused += 1;
          expect(outcome.ok).toBe(false);
          expect(!outcome.ok && outcome.error.code).toBe('validation');
          expect(!outcome.ok && outcome.error.issues?.length).toBeGreaterThan(0);
          expect(fs, 'fs calls for a refused payload').toEqual([]);
          expect(dialogs, 'dialog for a refused payload').toEqual([]);
          expect(changed).toEqual([]);
          return;
        }
        accepted += 1;
        const input = contract.input.parse(args[0]) as Record<string, unknown> | undefined;
        if (outcome.ok) expect(contract.output.safeParse(outcome.value).success).toBe(true);
        else expect(outcome.error.code, outcome.error.message).not.toBe('validation');
        // What a valid call may change, and nothing else.
        let expected: string[] = [];
        if (method === 'saveFile') {
          expect(dialogs).toHaveLength(1);
          const target = dialogs[0]?.defaultPath ?? '';
          expect(dirname(target), 'suggested path left Documents').toBe(documents);
          expected = outcome.ok ? [target] : [];
          if (outcome.ok) expect(new Uint8Array(readFileSync(target))).toEqual(input?.data);
        } else if (method === 'storeSecret' || method === 'deleteSecret') {
          const file = join(keysDir, `${String(input?.name)}.bin`);
          expect(dirname(file)).toBe(keysDir);
          expected = changed.length > 0 ? [file] : [];
        } else if (method === 'writeBackup' || method === 'deleteBackup') {
          const file = join(backupsDir, String(input?.name));
          expect(dirname(file)).toBe(backupsDir);
          expected = changed.length > 0 ? [file] : [];
          if (method === 'writeBackup' && outcome.ok) expect(new Uint8Array(readFileSync(file))).toEqual(input?.data);
        }
        expect(changed).toEqual(expected);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    console.log(`${method}: ${NUM_RUNS} runs (seed ${SEED}): ${accepted} accepted, ${refused} refused`);
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses every channel to any sender but the app window, before validation or handlers', async () => {
    const urls = fc.oneof(
      fc.webUrl(),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'app://dutybook/index.html',
        'app://dutybook.evil/',
        'app://evil/index.html',
        'app://user:pw@dutybook/',
        'app://DUTYBOOK/',
        'app://dutybook:8080/',
        'file:///etc/passwd',
        'data:text/html,x',
        'http://localhost:5173/',
        'devtools://devtools/bundled/inspector.html',
      ),
    );
    const events = fc.record({
      sender: fc.record({ id: fc.oneof(fc.constant(OUR_ID), fc.integer()) }),
      senderFrame: fc.option(fc.record({ url: urls, parent: fc.oneof(fc.constant(null), fc.constant({})) }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...hostMethods), events, hostileValue, async (method, event, payload) => {
        const { outcome, fs, dialogs } = await invoke(method, [payload], event);
        let url: URL | null;
        try {
          url = new URL(event.senderFrame?.url ?? '');
        } catch {
          url = null;
        }
        const trusted =
          event.sender.id === OUR_ID &&
          event.senderFrame?.parent === null &&
          url?.protocol === 'app:' &&
          url.host === 'dutybook' &&
          url.username === '' &&
          url.password === '';
        if (!trusted) {
          expect(outcome.ok).toBe(false);
          expect(!outcome.ok && outcome.error.code).toBe('forbidden');
          expect(fs).toEqual([]);
          expect(dialogs).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
