/**
 * The main-process side of the host API: one ipcMain.handle per contract entry. Each call is checked
 * in order — is the sender our own window showing our own page, does the payload match the contract,
 * does the handler's answer match the contract — so a compromised or foreign page gets nothing.
 */
import type { z } from 'zod';
import { encodeHostError } from '../shared/host/host-errors';
import type { HostContract, HostMethod, HostOutput } from '../shared/host/contract';
import { hostContract, hostMethods } from '../shared/host/contract';
import { parseHostInput, parseHostOutput } from '../shared/host/validate';
import { DutyBookError, ValidationError, isDutyBookError } from '../shared/errors/errors';
import { isAppUrl } from './origin';

/** What a handler receives: the contract's input after parsing (defaults applied, types narrowed). */
export type HostHandlerInput<M extends HostMethod> = z.output<HostContract[M]['input']>;

export type HostHandlers<E> = {
  [M in HostMethod]: (input: HostHandlerInput<M>, event: E) => Promise<HostOutput<M>>;
};

/** The part of Electron's ipcMain used here; the real ipcMain satisfies it. */
export type IpcMainLike<E> = {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

/** The facts of an IpcMainInvokeEvent the sender check needs. */
export type InvokeSender = {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
};

/**
 * A sender is trusted when it is one of the app's own webContents and the calling frame is that
 * window's top frame showing the app's own origin (not a page it was somehow navigated to, nor a
 * subframe). A null senderFrame means the frame is gone or navigated away: refuse.
 */
export function createSenderCheck(
  isOurWebContents: (id: number) => boolean,
  devServerOrigin?: string,
): (event: InvokeSender) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isOurWebContents(event.sender.id) && isAppUrl(frame.url, devServerOrigin);
  };
}

/**
 * Errors cross IPC and the context bridge as plain Error messages (custom properties are dropped), so
 * the code and details travel as JSON after this marker; the renderer's host adapter turns them back
 * into DutyBookError.
 */
/**
 * Registers every contract method. Returns a function that removes them again (used by tests and on
 * shutdown). Registering twice replaces the earlier handlers instead of throwing.
 */
export function registerHostHandlers<E extends InvokeSender>(
  ipcMain: IpcMainLike<E>,
  handlers: HostHandlers<E>,
  isTrustedSender: (event: E) => boolean,
): () => void {
  for (const method of hostMethods) {
    const { channel } = hostContract[method];
    const handler = handlers[method] as (input: unknown, event: E) => Promise<unknown>;
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, ...args) => {
      try {
        if (!isTrustedSender(event)) {
          console.warn(`[ipc] refused ${channel} from webContents ${event.sender.id} (${event.senderFrame?.url ?? 'no frame'})`);
          throw new DutyBookError('forbidden', `${channel}: sender is not the DutyBook window`, { channel });
        }
        if (args.length > 1) {
          throw new ValidationError([{ path: method, message: '参数过多' }]);
        }
        const input = parseHostInput(method, args[0]);
        return parseHostOutput(method, await handler(input, event));
      } catch (error) {
        if (!isDutyBookError(error)) console.error(`[ipc] ${channel} failed`, error);
        throw new Error(encodeHostError(error), { cause: error });
      }
    });
  }
  return () => {
    for (const method of hostMethods) ipcMain.removeHandler(hostContract[method].channel);
  };
}
