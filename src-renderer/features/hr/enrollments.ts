/**
 * Enrollment requests HR has imported but not yet issued in a roster. Kept in localStorage (they
 * are public keys and names, nothing secret) so a reload between binding and issuing loses nothing;
 * cleared once a roster carries them.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PendingEnrollment } from './org-service';

type EnrollmentState = {
  pending: PendingEnrollment[];
  add: (items: PendingEnrollment[]) => void;
  bind: (signingPub: string, personId: string) => void;
  /** Rekeying a person changes the id a binding points at. */
  renamePerson: (from: string, to: string) => void;
  clearBound: () => void;
};

export const useEnrollments = create<EnrollmentState>()(
  persist(
    (set) => ({
      pending: [],
      add: (items) =>
        set((s) => {
          const known = new Set(s.pending.map((p) => p.request.signingPub));
          return { pending: [...s.pending, ...items.filter((i) => !known.has(i.request.signingPub))] };
        }),
      bind: (signingPub, personId) =>
        set((s) => ({ pending: s.pending.map((p) => (p.request.signingPub === signingPub ? { ...p, boundTo: personId } : p)) })),
      renamePerson: (from, to) =>
        set((s) => ({ pending: s.pending.map((p) => (p.boundTo === from ? { ...p, boundTo: to } : p)) })),
      clearBound: () => set((s) => ({ pending: s.pending.filter((p) => !p.boundTo) })),
    }),
    { name: 'dutybook.hr.enrollments', storage: createJSONStorage(() => localStorage) },
  ),
);
