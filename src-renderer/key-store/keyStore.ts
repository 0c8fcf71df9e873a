/**
 * The key store's passphrase, asked for only when keys are needed. The web host keeps private keys
 * in a passphrase vault that locks on every reload; Electron's OS key store is always unlocked, so
 * there `ensureUnlocked` returns at once and the dialog never shows.
 */
import { create } from 'zustand';
import type { HostApi } from '../../shared/host/contract';
import { DutyBookError } from '../../shared/errors/errors';

type Waiter = { resolve: () => void; reject: (e: unknown) => void };
type Ask = { initialised: boolean; waiters: Waiter[] };

type KeyStoreState = {
  asking: Ask | null;
  ask: (initialised: boolean) => Promise<void>;
  done: () => void;
  cancel: () => void;
};

export const useKeyStore = create<KeyStoreState>((set, get) => ({
  asking: null,
  // Several screens may need keys at once: they all wait on the one dialog.
  ask: (initialised) =>
    new Promise<void>((resolve, reject) => {
      const current = get().asking;
      set({ asking: { initialised, waiters: [...(current?.waiters ?? []), { resolve, reject }] } });
    }),
  done: () => {
    get().asking?.waiters.forEach((w) => w.resolve());
    set({ asking: null });
  },
  cancel: () => {
    const error = new DutyBookError('key-store-locked', 'the user closed the passphrase dialog', { reason: 'cancelled' });
    get().asking?.waiters.forEach((w) => w.reject(error));
    set({ asking: null });
  },
}));

/** Resolves once private keys can be read and written; asks for the passphrase when needed. */
export async function ensureUnlocked(host: HostApi): Promise<void> {
  const status = await host.keyStoreStatus();
  if (status.unlocked) return;
  await useKeyStore.getState().ask(status.initialised);
}

/** The dialog was closed without a passphrase: not an error to report, the user chose it. */
export function isCancelled(e: unknown): boolean {
  return e instanceof DutyBookError && e.code === 'key-store-locked' && e.details.reason === 'cancelled';
}
