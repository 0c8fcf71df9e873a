/**
 * The local password lock in the app: wraps the host so private keys pass through the lock, locks
 * after idle time and on Ctrl+L, and covers the whole app with the lock screen while locked.
 *
 * Locking does not unmount the app: the screens stay mounted (so half-typed text in any form stays
 * where it was, autosave or not), hidden with `visibility: hidden`, and everything on the page except
 * the lock screen — the app root, MUI dialogs and menus in their portals — is made `inert`; the lock
 * screen is an opaque full-screen `aria-modal` dialog above it. On start with a password set, the app
 * is not mounted at all until the first unlock (nothing to keep yet, nothing to hide).
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import type { HostApi } from '../../shared/host/contract';
import { AppLock, DEFAULT_IDLE_MINUTES, lockedHost, type AppLockOptions } from '../../shared/security/app-lock';
import { ServicesProvider, useServices } from '../state/services';
import { useDraftMirrorLock } from '../components/draftMirror';
import { LockScreen } from './LockScreen';

export type AppLockContextValue = {
  lock: AppLock;
  /** The host without the lock, for re-wrapping secrets when the password is set or removed. */
  rawHost: HostApi;
  enabled: boolean;
  locked: boolean;
  idleMinutes: number;
  /** Re-reads the stored settings (after a password or the idle time changed). */
  refresh: () => Promise<void>;
  lockNow: () => void;
};

const AppLockContext = createContext<AppLockContextValue | null>(null);

/** The lock, or null outside the gate (screens rendered alone in tests). */
export function useAppLock(): AppLockContextValue | null {
  return useContext(AppLockContext);
}

/** What counts as someone using the window. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'] as const;

export function AppLockGate({ children, options }: { children: ReactNode; options?: AppLockOptions }) {
  const services = useServices();
  const { db, host } = services;
  const lock = useMemo(() => new AppLock(db, options), [db, options]);
  useDraftMirrorLock(lock);
  const wrapped = useMemo(() => ({ ...services, host: lockedHost(host, lock) }), [services, host, lock]);
  const snap = useSyncExternalStore(lock.subscribe, lock.snapshot);
  const [loaded, setLoaded] = useState<{ idleMinutes: number } | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const [mounted, setMounted] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const s = await lock.status();
      setLoaded({ idleMinutes: s.idleMinutes });
    } catch (e) {
      // The error boundary says it in Chinese; the app does not open unlocked on a damaged lock record.
      setFailure(e instanceof Error ? e : new Error(String(e)));
    }
  }, [lock]);
  useEffect(() => {
    void refresh();
    return () => lock.lock();
  }, [lock, refresh]);

  const locked = snap.enabled && snap.locked;
  const idleMinutes = loaded?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
  // The app is mounted once it has been open; after that a lock only hides it.
  if (loaded && !locked && !mounted) setMounted(true);

  const lockNow = useCallback(() => lock.lock(), [lock]);

  // Idle: the time of the last activity is noted (cheaply) and one timer checks it when due.
  useEffect(() => {
    if (!snap.enabled || locked) return;
    const limit = idleMinutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limit) lock.lock();
      else timer = setTimeout(check, limit - idle);
    };
    const onActivity = () => {
      last = Date.now();
    };
    // After sleep or a hidden window, the timer may not have run: check on coming back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock.lock();
      }
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    window.addEventListener('keydown', onKey, { capture: true });
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(check, limit);
    return () => {
      if (timer) clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [snap.enabled, locked, idleMinutes, lock]);

  const value = useMemo<AppLockContextValue>(
    () => ({ lock, rawHost: host, enabled: snap.enabled, locked, idleMinutes, refresh, lockNow }),
    [lock, host, snap.enabled, locked, idleMinutes, refresh, lockNow],
  );

  if (failure) throw failure;
  if (!loaded) return null;
  return (
    <AppLockContext.Provider value={value}>
      <ServicesProvider services={wrapped}>
        {mounted ? (
          <div
            data-testid="app-content"
            inert={locked || undefined}
            aria-hidden={locked || undefined}
            style={locked ? { visibility: 'hidden' } : undefined}
          >
            {children}
          </div>
        ) : null}
        {locked ? <LockLayer lock={lock} rawHost={host} onForgotten={refresh} /> : null}
      </ServicesProvider>
    </AppLockContext.Provider>
  );
}

/**
 * The lock screen in a layer of its own at the end of <body>; meanwhile every other child of <body>
 * (the app root, dialogs and menus in their portals, a message bar) is inert and not drawn.
 */
function LockLayer({ lock, rawHost, onForgotten }: { lock: AppLock; rawHost: HostApi; onForgotten: () => Promise<void> }) {
  const [layer] = useState(() => {
    const el = document.createElement('div');
    el.dataset.dutybookLock = 'layer';
    return el;
  });
  // Read while rendering, before the lock screen takes the focus: where to put it back on unlock.
  const [returnTo] = useState(() => document.activeElement);
  useEffect(() => {
    document.body.appendChild(layer);
    // Each element touched, with what its inline visibility was, to put back on unlock.
    const made = new Map<HTMLElement, string>();
    const inertAll = () => {
      for (const el of Array.from(document.body.children)) {
        if (el === layer || made.has(el as HTMLElement) || !(el instanceof HTMLElement) || el.tagName === 'SCRIPT') continue;
        if (el.hasAttribute('inert')) continue;
        made.set(el, el.style.visibility);
        el.setAttribute('inert', '');
        el.style.visibility = 'hidden';
      }
    };
    inertAll();
    // A dialog or a message that opens while locked (a portal added to <body>) is made inert too.
    const observer = new MutationObserver(inertAll);
    observer.observe(document.body, { childList: true });
    // The focus goes to the lock screen now that nothing else can take it: an open MUI dialog's focus
    // trap pulled it back when the password field took it on mounting, before the dialog was inert.
    if (document.activeElement instanceof HTMLElement && !layer.contains(document.activeElement)) document.activeElement.blur();
    layer.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus();
    return () => {
      observer.disconnect();
      for (const [el, visibility] of made) {
        el.removeAttribute('inert');
        el.style.visibility = visibility;
      }
      layer.remove();
      if (returnTo instanceof HTMLElement && returnTo.isConnected && returnTo !== document.body) returnTo.focus();
    };
  }, [layer, returnTo]);
  return createPortal(<LockScreen lock={lock} rawHost={rawHost} onForgotten={onForgotten} />, layer);
}
