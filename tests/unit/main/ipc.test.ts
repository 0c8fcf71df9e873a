import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hostContract, hostMethods, type HostMethod } from '../../../shared/host/contract';
import {
  createSenderCheck,
  registerHostHandlers,
  type HostHandlers,
  type InvokeSender,
  type IpcMainLike,
} from '../../../src-main/ipc';
import { DutyBookError, ValidationError } from '../../../shared/errors/errors';
import { decodeHostError, encodeHostError, parseHostErrorMessage } from '../../../shared/host/host-errors';

type Listener = (event: InvokeSender, ...args: unknown[]) => Promise<unknown>;

/** A stand-in for ipcMain's handle/removeHandler interface, recording what was registered. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike<InvokeSender> = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = (method: HostMethod, event: InvokeSender, ...args: unknown[]) => {
    const listener = handlers.get(hostContract[method].channel);
    if (!listener) throw new Error(`no handler for ${method}`);
    return listener(event, ...args);
  };
  return { ipc, handlers, invoke };
}

const OUR_ID = 1;
const appEvent = (url = 'app://dutybook/index.html'): InvokeSender => ({ sender: { id: OUR_ID }, senderFrame: { url, parent: null } });
const bytes = new Uint8Array([1, 2, 3]);

/** A valid input and output for every method; typed by HostMethod so a new contract entry must be added here. */
const valid: Record<HostMethod, { input: unknown; output: unknown }> = {
  getAppInfo: { input: undefined, output: { kind: 'electron', version: '0.1.0', platform: 'linux', keyStore: 'os' } },
  saveFile: { input: { suggestedName: '考核表.docx', data: bytes }, output: { path: '/home/u/考核表.docx', bytes: 3 } },
  openFiles: { input: { multiple: true, kind: 'bundle' }, output: [{ name: 'a.dbk', path: '/a.dbk', data: bytes }] },
  chooseFolder: { input: { title: '选择文件夹' }, output: { folder: 'a3f9c2d4e5b6a7980112233445566778', label: '/home/u/分发', mode: 'folder' } },
  writeToFolder: { input: { folder: 'a3f9c2d4e5b6a7980112233445566778', name: '张三.dutybook', data: bytes }, output: { written: true, bytes: 3 } },
  keyStoreStatus: { input: undefined, output: { available: true, unlocked: true, initialised: true } },
  unlockKeyStore: { input: { passphrase: 'correct horse' }, output: { unlocked: true } },
  storeSecret: { input: { name: 'signing-key', secret: bytes }, output: { stored: true } },
  loadSecret: { input: { name: 'signing-key' }, output: bytes },
  deleteSecret: { input: { name: 'signing-key' }, output: { deleted: true } },
  writeBackup: { input: { name: 'dutybook-daily-20261124t083000z-3fa9.dbbak', data: bytes }, output: { bytes: 3 } },
  listBackups: { input: undefined, output: [{ name: 'dutybook-daily-20261124t083000z-3fa9.dbbak', bytes: 3, modifiedAt: '2026-11-24T08:30:00.000Z' }] },
  readBackup: { input: { name: 'dutybook-daily-20261124t083000z-3fa9.dbbak', headBytes: 1024 }, output: bytes },
  deleteBackup: { input: { name: 'dutybook-daily-20261124t083000z-3fa9.dbbak' }, output: { deleted: true } },
};

/** Payloads each method must refuse before its handler runs. */
const invalid: Record<HostMethod, unknown[]> = {
  getAppInfo: [{}, 'x', 0],
  saveFile: [
    undefined,
    { suggestedName: '../evil.docx', data: bytes },
    { suggestedName: 'a/b.docx', data: bytes },
    { suggestedName: 'ok.docx', data: 'not bytes' },
    { suggestedName: 'ok.docx', data: [1, 2, 3] },
    { suggestedName: 'ok.docx', data: bytes, filters: [{ name: 'x', extensions: ['*'] }] },
  ],
  openFiles: [
    undefined,
    { multiple: 'yes' },
    { multiple: true },
    { multiple: true, kind: 'exe' },
    { multiple: true, kind: 'bundle', directory: 'yes' },
  ],
  chooseFolder: [undefined, { title: '' }, { title: 5 }],
  writeToFolder: [
    undefined,
    { folder: 'a3f9c2d4e5b6a7980112233445566778', name: '../evil.dutybook', data: bytes },
    { folder: 'a3f9c2d4e5b6a7980112233445566778', name: 'a/b.dutybook', data: bytes },
    { folder: '../x', name: 'ok.dutybook', data: bytes },
    { folder: 'a3f9c2d4e5b6a7980112233445566778', name: 'ok.dutybook', data: [1, 2] },
  ],
  keyStoreStatus: [{}, null, 'x'],
  unlockKeyStore: [undefined, { passphrase: 'short' }, { passphrase: 12345678 }],
  storeSecret: [
    { name: '../x', secret: bytes },
    { name: 'ok', secret: new Uint8Array(0) },
    { name: 'ok', secret: [1, 2] },
    { name: 'ok', secret: new Uint8Array(64 * 1024 + 1) },
  ],
  loadSecret: [{ name: 'a/b' }, { name: '' }, {}, { name: '.hidden' }],
  deleteSecret: [{ name: '..' }, { name: 'x'.repeat(65) }, undefined],
  writeBackup: [
    { name: '../dutybook-x.dbbak', data: bytes },
    { name: 'dutybook-x.dbbak', data: new Uint8Array(0) },
    { name: 'other.dbbak', data: bytes },
    { name: 'dutybook-x.txt', data: bytes },
    { name: 'dutybook-x.dbbak', data: [1, 2] },
  ],
  listBackups: [{}, 'x', 0],
  readBackup: [{ name: 'dutybook-a/b.dbbak' }, { name: 'dutybook-x.dbbak', headBytes: 0 }, { name: 'dutybook-x.dbbak', headBytes: 1e9 }, {}],
  deleteBackup: [{ name: '..' }, { name: 'dutybook-X.dbbak' }, undefined],
};

function makeHandlers(): HostHandlers<InvokeSender> {
  const handlers = {} as Record<HostMethod, ReturnType<typeof vi.fn>>;
  for (const method of hostMethods) handlers[method] = vi.fn(() => Promise.resolve(valid[method].output));
  return handlers as unknown as HostHandlers<InvokeSender>;
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const decoded = parseHostErrorMessage((error as Error).message);
  expect(decoded, (error as Error).message).not.toBeNull();
  return decoded!;
}

describe('registerHostHandlers', () => {
  let fake: ReturnType<typeof fakeIpcMain>;
  let handlers: HostHandlers<InvokeSender>;
  const isTrusted = createSenderCheck((id) => id === OUR_ID);

  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fake = fakeIpcMain();
    handlers = makeHandlers();
    registerHostHandlers(fake.ipc, handlers, isTrusted);
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(hostMethods.map((m) => hostContract[m].channel).sort());
  });

  it('replaces earlier registrations instead of throwing, and unregisters cleanly', () => {
    const dispose = registerHostHandlers(fake.ipc, handlers, isTrusted);
    expect(fake.handlers.size).toBe(hostMethods.length);
    dispose();
    expect(fake.handlers.size).toBe(0);
  });

  it.each(hostMethods)('%s: runs the handler for a valid payload from the app window and returns its result', async (method) => {
    const event = appEvent();
    await expect(fake.invoke(method, event, valid[method].input)).resolves.toEqual(valid[method].output);
    expect(handlers[method]).toHaveBeenCalledOnce();
    expect(vi.mocked(handlers[method]).mock.calls[0]?.[1]).toBe(event);
  });

  it.each(hostMethods)('%s: rejects invalid payloads before the handler runs', async (method) => {
    for (const payload of invalid[method]) {
      const error = await rejection(fake.invoke(method, appEvent(), payload));
      expect(error.code, JSON.stringify(payload)).toBe('validation');
      expect(error.issues?.length).toBeGreaterThan(0);
    }
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it.each(hostMethods)('%s: rejects extra arguments', async (method) => {
    const error = await rejection(fake.invoke(method, appEvent(), valid[method].input, 'extra'));
    expect(error.code).toBe('validation');
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  const untrusted: [string, InvokeSender][] = [
    ['a webContents the app did not create', { sender: { id: 99 }, senderFrame: { url: 'app://dutybook/index.html', parent: null } }],
    ['a remote page in our window', { sender: { id: OUR_ID }, senderFrame: { url: 'https://example.com/', parent: null } }],
    ['a data: page in our window', { sender: { id: OUR_ID }, senderFrame: { url: 'data:text/html,x', parent: null } }],
    ['a file: page in our window', { sender: { id: OUR_ID }, senderFrame: { url: 'file:///tmp/x.html', parent: null } }],
    ['another app:// host', { sender: { id: OUR_ID }, senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a subframe of our page', { sender: { id: OUR_ID }, senderFrame: { url: 'app://dutybook/index.html', parent: {} } }],
    ['a destroyed frame', { sender: { id: OUR_ID }, senderFrame: null }],
  ];

  it.each(untrusted)('refuses every method when called from %s', async (_name, event) => {
    for (const method of hostMethods) {
      const error = await rejection(fake.invoke(method, event, valid[method].input));
      expect(error.code).toBe('forbidden');
      expect(handlers[method]).not.toHaveBeenCalled();
    }
  });

  it('accepts the dev server page only when a dev server origin is configured', async () => {
    const dev = fakeIpcMain();
    registerHostHandlers(dev.ipc, handlers, createSenderCheck((id) => id === OUR_ID, 'http://localhost:5174'));
    await expect(dev.invoke('getAppInfo', appEvent('http://localhost:5174/'))).resolves.toBeDefined();
    expect((await rejection(fake.invoke('getAppInfo', appEvent('http://localhost:5174/')))).code).toBe('forbidden');
  });

  it('refuses a handler result that breaks the contract', async () => {
    vi.mocked(handlers.getAppInfo).mockResolvedValueOnce({ kind: 'mainframe' } as never);
    expect((await rejection(fake.invoke('getAppInfo', appEvent()))).code).toBe('validation');
  });

  it('passes typed errors through with code and details, and hides nothing else', async () => {
    vi.mocked(handlers.openFiles).mockRejectedValueOnce(
      new DutyBookError('file-too-large', 'big.dbk is 9 bytes', { name: 'big.dbk', size: 9, limit: 4 }),
    );
    const error = await rejection(fake.invoke('openFiles', appEvent(), { multiple: false, kind: 'bundle' }));
    expect(error).toEqual({ code: 'file-too-large', message: 'big.dbk is 9 bytes', details: { name: 'big.dbk', size: 9, limit: 4 } });

    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.mocked(handlers.openFiles).mockRejectedValueOnce(new TypeError('boom'));
    expect(await rejection(fake.invoke('openFiles', appEvent(), { multiple: false, kind: 'bundle' }))).toMatchObject({ code: 'internal', message: 'boom' });
  });
});

describe('host error encoding', () => {
  it('round-trips through the prefix Electron adds to rejected invokes', () => {
    const encoded = encodeHostError(new ValidationError([{ path: 'saveFile.suggestedName', message: '文件名含有不允许的字符' }]));
    const wrapped = `Error invoking remote method 'dutybook:save-file': Error: ${encoded}`;
    expect(parseHostErrorMessage(wrapped)).toEqual({
      code: 'validation',
      message: 'saveFile.suggestedName: 文件名含有不允许的字符',
      details: {},
      issues: [{ path: 'saveFile.suggestedName', message: '文件名含有不允许的字符' }],
    });
    expect(parseHostErrorMessage('plain failure')).toBeNull();
  });

  it('comes back in the renderer as the same typed error, so the clerk reads the right message', () => {
    const encoded = encodeHostError(new DutyBookError('storage-quota', 'ENOSPC', { path: 'x' }));
    const decoded = decodeHostError(new Error(`Error invoking remote method 'dutybook:save-file': Error: ${encoded}`));
    expect(decoded).toBeInstanceOf(DutyBookError);
    expect(decoded).toMatchObject({ code: 'storage-quota', details: { path: 'x' } });
    const validation = decodeHostError(new Error(encodeHostError(new ValidationError([{ path: 'a', message: 'b' }]))));
    expect(validation).toBeInstanceOf(ValidationError);
    expect(decodeHostError(new Error('plain'))).toBeNull();
  });

  it('survives details that JSON cannot encode', () => {
    const decoded = parseHostErrorMessage(encodeHostError(new DutyBookError('internal', 'x', { n: 1n })));
    expect(decoded).toEqual({ code: 'internal', message: 'x', details: {} });
  });
});
