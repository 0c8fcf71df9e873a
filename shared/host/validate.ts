import { ValidationError } from '../errors/errors';
import { hostContract, hostMethods, type HostApi, type HostMethod } from './contract';

type Handler = (input: unknown) => Promise<unknown>;

/** Raw implementations, keyed like the contract; inputs arrive already validated. */
export type HostImplementation = { [M in HostMethod]: Parameters<HostApi[M]> extends [] ? () => ReturnType<HostApi[M]> : HostApi[M] };

function issuesOf(method: string, error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => ({ path: [method, ...i.path.map(String)].join('.'), message: i.message }));
}

/** Validates one call's input against the contract; throws ValidationError naming every bad field. */
export function parseHostInput<M extends HostMethod>(method: M, input: unknown): unknown {
  const result = hostContract[method].input.safeParse(input);
  if (!result.success) throw new ValidationError(issuesOf(method, result.error));
  return result.data;
}

/** Validates a handler's output, so a host bug surfaces at the boundary instead of deep in the UI. */
export function parseHostOutput<M extends HostMethod>(method: M, output: unknown): unknown {
  const result = hostContract[method].output.safeParse(output);
  if (!result.success) throw new ValidationError(issuesOf(`${method}(输出)`, result.error));
  return result.data;
}

/**
 * Wraps an implementation so that every call is checked against the contract both ways. The Electron
 * main process does the same check on its side of the IPC boundary; the web host uses this wrapper, so
 * both hosts refuse the same inputs.
 */
export function validatedHost(impl: HostImplementation): HostApi {
  const api: Record<string, Handler> = {};
  for (const method of hostMethods) {
    const fn = impl[method] as Handler;
    api[method] = async (input: unknown) => parseHostOutput(method, await fn(parseHostInput(method, input)));
  }
  return api as unknown as HostApi;
}
