/// <reference types="vite/client" />
import type { HostApi } from '../shared/host/contract';

declare global {
  const __APP_VERSION__: string;
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present only inside Electron, where the preload exposes it (HOST_GLOBAL). */
    dutybookHost?: HostApi;
  }
}
