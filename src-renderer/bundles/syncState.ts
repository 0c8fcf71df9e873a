/**
 * UI state shared by the screens that import bundles (the sync page's sections, HR's intake): an HR
 * key seen in a bundle but not yet confirmed.
 */
import { create } from 'zustand';

type SyncUiState = {
  /** From an import preview: the roster's HR key, waiting for the person to compare its fingerprint. */
  pendingHr: { hrKey: string; fingerprint: string; from: string } | null;
  /** Bumped after the HR key is pinned, so previews waiting for it are checked again. */
  trustVersion: number;
  seeHrKey: (key: { hrKey: string; fingerprint: string; from: string }) => void;
  pinned: () => void;
};

export const useSyncUi = create<SyncUiState>((set) => ({
  pendingHr: null,
  trustVersion: 0,
  seeHrKey: (key) => set({ pendingHr: key }),
  pinned: () => set((s) => ({ pendingHr: null, trustVersion: s.trustVersion + 1 })),
}));
