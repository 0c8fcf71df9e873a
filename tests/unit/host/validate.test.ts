import { describe, expect, it } from 'vitest';
import { hostContract, hostMethods } from '../../../shared/host/contract';
import { parseHostInput, validatedHost, type HostImplementation } from '../../../shared/host/validate';
import { ValidationError } from '../../../shared/errors/errors';

function recordingImpl(calls: string[]): HostImplementation {
  return {
    getAppInfo: () => {
      calls.push('getAppInfo');
      return Promise.resolve({ kind: 'web', version: '1', platform: 'x', keyStore: 'passphrase' });
    },
    saveFile: ({ suggestedName, data }) => {
      calls.push(`saveFile:${suggestedName}`);
      return Promise.resolve({ path: suggestedName, bytes: data.byteLength });
    },
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    writeToFolder: () => Promise.resolve({ written: false, bytes: 0 }),
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: false, initialised: false }),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: () => Promise.resolve({ stored: true as const }),
    loadSecret: () => Promise.resolve(null),
    // A buggy host: the contract says { deleted: boolean }.
    deleteSecret: () => Promise.resolve({ deleted: 'yes' } as unknown as { deleted: boolean }),
    writeBackup: ({ data }) => Promise.resolve({ bytes: data.byteLength }),
    listBackups: () => Promise.resolve([]),
    readBackup: () => Promise.resolve(null),
    deleteBackup: () => Promise.resolve({ deleted: false }),
  };
}

describe('host contract validation', () => {
  it('declares a unique channel for every method', () => {
    const channels = hostMethods.map((m) => hostContract[m].channel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^dutybook:[a-z-]+$/);
  });

  it('refuses file names that could escape the chosen folder', () => {
    for (const name of ['../x.docx', 'a/b.docx', 'a\\b.docx', '..', 'con:x', 'x\u0000y']) {
      expect(() => parseHostInput('saveFile', { suggestedName: name, data: new Uint8Array(1) }), name).toThrow(
        ValidationError,
      );
    }
    expect(parseHostInput('saveFile', { suggestedName: '2026年个人年度工作计划-张三.docx', data: new Uint8Array(1) })).toBeTruthy();
  });

  it('refuses secrets that are not bytes, are empty, or have unsafe names', () => {
    expect(() => parseHostInput('storeSecret', { name: 'signing', secret: 'abc' })).toThrow(ValidationError);
    expect(() => parseHostInput('storeSecret', { name: 'signing', secret: new Uint8Array(0) })).toThrow(ValidationError);
    expect(() => parseHostInput('storeSecret', { name: '../signing', secret: new Uint8Array(1) })).toThrow(ValidationError);
    expect(() => parseHostInput('unlockKeyStore', { passphrase: 'short' })).toThrow(ValidationError);
  });

  it('a validated host never calls the implementation with bad input', async () => {
    const calls: string[] = [];
    const host = validatedHost(recordingImpl(calls));
    await expect(host.saveFile({ suggestedName: '../evil', data: new Uint8Array(1) })).rejects.toBeInstanceOf(ValidationError);
    expect(calls).toEqual([]);
    await expect(host.saveFile({ suggestedName: 'ok.docx', data: new Uint8Array(3) })).resolves.toEqual({ path: 'ok.docx', bytes: 3 });
    expect(calls).toEqual(['saveFile:ok.docx']);
  });

  it('a validated host rejects output that breaks the contract', async () => {
    const host = validatedHost(recordingImpl([]));
    await expect(host.deleteSecret({ name: 'x' })).rejects.toThrow(/deleteSecret\(输出\)/);
  });
});
