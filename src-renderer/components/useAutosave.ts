import { useCallback, useEffect, useRef, useState } from 'react';
import { StorageError } from '../../shared/errors/errors';
import { toStorageError } from '../../shared/store/storage-errors';
import { useNotifications } from '../state/notifications';
import { zh } from '../i18n/zh';
import { readMirror, removeMirror, writeMirror } from './draftMirror';

export { readMirror } from './draftMirror';

/**
 * Autosave for a form that edits one stored record. The draft lives in React state; every change is
 * mirrored into localStorage at once (synchronously, so a killed window loses nothing; sealed under the
 * password lock, see draftMirror.ts) and written to
 * the database through `save` after a short pause. The mirror is removed once the database holds the
 * same text. On mount, a mirror at least as new as the stored record wins over it: that is text the
 * database never received.
 *
 * Give the component that calls this a React `key` per record, so one hook instance never saves one
 * record's text through another record's `save`.
 */

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error' };

export type AutosaveOptions<T> = {
  /** localStorage key of this record's mirror, e.g. `dutybook.draft.record.<personId>.2026-03`. */
  key: string;
  /** The value to start editing from (the stored record, or a new blank one); undefined while loading. */
  initial: T | undefined;
  /** When the stored record was last written (ISO); undefined when nothing is stored yet. */
  storedAt: string | undefined;
  /** Writes the draft to the database. */
  save: (value: T) => Promise<unknown>;
  /** False for a locked record: no mirror is restored and nothing is saved. */
  editable: boolean;
  delayMs?: number;
  /**
   * After a storage fault (a full disk, a quota error, the database closed under us) the save is
   * tried again after this pause, without a keystroke, until it succeeds: freeing disk space is the
   * way out, and the text must then reach the database by itself.
   */
  retryMs?: number;
};

export type Autosave<T> = {
  draft: T | undefined;
  /** Changes the draft; the change is mirrored at once and saved after the pause. */
  update: (change: (draft: T) => T) => void;
  status: AutosaveStatus;
  /** True when text the database never received was brought back from the mirror. */
  restored: boolean;
  dismissRestored: () => void;
  /** Saves now (Ctrl+S, before submitting). Resolves true when the database holds the draft. */
  flush: () => Promise<boolean>;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useAutosave<T>({
  key,
  initial,
  storedAt,
  save,
  editable,
  delayMs = 600,
  retryMs = 10_000,
}: AutosaveOptions<T>): Autosave<T> {
  const { reportError, notify } = useNotifications();
  const [draft, setDraft] = useState<T | undefined>(undefined);
  /** The record being edited and what the database held when it was loaded. */
  const [loaded, setLoaded] = useState<{ key: string; base: T; fromMirror: boolean; hadMirror: boolean } | null>(null);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const [restored, setRestored] = useState(false);

  const latest = useRef<T | undefined>(undefined);
  const saved = useRef<T | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const running = useRef<Promise<boolean> | null>(null);
  /** The storage fault of the last failed save, reported once until a save succeeds again. */
  const fault = useRef<string | null>(null);
  const flushRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  /** False once the form has gone: its text then waits in the mirror for the next visit. */
  const mounted = useRef(true);
  const saveRef = useRef(save);
  const keyRef = useRef(key);
  const editableRef = useRef(editable);
  useEffect(() => {
    saveRef.current = save;
    keyRef.current = key;
    editableRef.current = editable;
  });

  // Start from the stored value, or from the mirror when it is newer. Later changes of `initial` are
  // the database echoing our own saves and must not overwrite what is being typed.
  if (initial !== undefined && loaded?.key !== key) {
    const mirror = editable ? readMirror<T>(key) : null;
    const useMirror = mirror !== null && (storedAt === undefined || mirror.savedAt >= storedAt) && !same(mirror.value, initial);
    setLoaded({ key, base: initial, fromMirror: useMirror, hadMirror: mirror !== null });
    setDraft(useMirror ? mirror.value : initial);
    // At once, not in the effect below: a change typed or clicked before effects have run (a slow
    // machine, right after the page appears) must not be dropped for want of a current value.
    latest.current = useMirror ? mirror.value : initial;
    setRestored(useMirror);
    setStatus(useMirror ? { state: 'pending' } : { state: 'idle' });
  }

  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  useEffect(() => {
    if (!loaded) return;
    saved.current = loaded.base;
    // A mirror that was read and not used holds nothing the database lacks. (One that could not be
    // read — sealed while the app is locked — is left for when it can.)
    if (loaded.hadMirror && !loaded.fromMirror) removeMirror(loaded.key);
  }, [loaded]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time; a change made meanwhile is saved right after.
    while (running.current) await running.current;
    const value = latest.current;
    if (value === undefined || !editableRef.current) return true;
    if (saved.current !== undefined && same(value, saved.current)) return true;
    const k = keyRef.current;
    const run = (async () => {
      setStatus({ state: 'saving' });
      try {
        await saveRef.current(value);
        saved.current = value;
        if (same(latest.current, value)) removeMirror(k);
        setStatus({ state: 'saved', at: new Date() });
        if (fault.current !== null) notify({ kind: 'success', text: zh.editing.savedAfterFault });
        fault.current = null;
        return true;
      } catch (e) {
        setStatus({ state: 'error' });
        const storage = toStorageError(e);
        const code = storage instanceof StorageError ? storage.code : null;
        // A retry that fails the same way says nothing new: the message is already on screen.
        if (code === null || fault.current !== code) reportError(e);
        fault.current = code;
        if (code !== null && timer.current === null && mounted.current) {
          timer.current = setTimeout(() => {
            timer.current = null;
            void flushRef.current();
          }, retryMs);
        }
        return false;
      }
    })();
    running.current = run;
    try {
      return await run;
    } finally {
      running.current = null;
    }
  }, [reportError, notify, retryMs]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    setStatus({ state: 'pending' });
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, delayMs);
  }, [delayMs, flush]);

  // Restored text goes to the database without waiting for another keystroke.
  useEffect(() => {
    if (restored && editableRef.current) schedule();
  }, [restored, loaded, schedule]);

  const update = useCallback(
    (change: (d: T) => T) => {
      const current = latest.current;
      if (current === undefined || !editableRef.current) return;
      const next = change(current);
      latest.current = next;
      writeMirror(keyRef.current, next);
      setDraft(next);
      schedule();
    },
    [schedule],
  );

  // Leaving the screen or hiding the window saves at once (the mirror already holds the text).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush, key]);

  return {
    draft: loaded?.key === key ? draft : undefined,
    update,
    status,
    restored,
    dismissRestored: () => setRestored(false),
    flush,
  };
}

/**
 * A form that is not a stored record yet (a new journal entry): its text lives only in localStorage,
 * written synchronously on every change and removed when the form is used up.
 */
export function useLocalDraft<T>(key: string, blank: () => T): [T, (change: (value: T) => T) => void, () => void] {
  const [value, setValue] = useState<T>(() => readMirror<T>(key)?.value ?? blank());
  const update = useCallback(
    (change: (value: T) => T) =>
      setValue((v) => {
        const next = change(v);
        writeMirror(key, next);
        return next;
      }),
    [key],
  );
  const clear = useCallback(() => {
    removeMirror(key);
    setValue(blank());
  }, [key, blank]);
  return [value, update, clear];
}
