/**
 * The bridge: one named function per host-contract method, each forwarding its single argument to the
 * method's channel. ipcRenderer itself is never exposed. A sandboxed preload can require only
 * 'electron'; the method → channel map is inlined at build time from shared/host/contract.ts
 * (electron.vite.config.ts), so this file carries no library code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { HostMethod } from '../shared/host/contract';

declare const __DUTYBOOK_HOST_BRIDGE__: { global: string; channels: Record<HostMethod, string> };

const { global: globalName, channels } = __DUTYBOOK_HOST_BRIDGE__;
const api: Record<string, (input?: unknown) => Promise<unknown>> = {};
for (const [method, channel] of Object.entries(channels)) {
  api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input) as Promise<unknown>;
}

contextBridge.exposeInMainWorld(globalName, Object.freeze(api));
