/** UI-only state: the message bar. The database is never copied into a store. */
import { create } from 'zustand';
import { describeError, type ErrorDescription } from '../../shared/errors/messages.zh';

export type Notice =
  | { kind: 'success' | 'info' | 'warning'; text: string }
  | { kind: 'error'; text: string; description: ErrorDescription };

type NotificationState = {
  current: Notice | null;
  notify: (notice: Notice) => void;
  /** Turns any thrown value into a Chinese message and logs the technical detail. */
  reportError: (e: unknown) => ErrorDescription;
  dismiss: () => void;
};

export const useNotifications = create<NotificationState>((set) => ({
  current: null,
  notify: (notice) => set({ current: notice }),
  reportError: (e) => {
    const description = describeError(e);
    console.error('[dutybook]', description.technical, e);
    set({ current: { kind: 'error', text: description.title, description } });
    return description;
  },
  dismiss: () => set({ current: null }),
}));
