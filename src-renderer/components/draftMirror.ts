/**
 * The one place the window keeps draft mirrors (`dutybook.draft.*` in localStorage): useAutosave,
 * useLocalDraft, the 签署意见 box and discarding an evaluation draft all go through here. Under the
 * local password lock the mirrors are sealed (shared/security/draft-mirrors.ts): the lock's gate
 * hands its lock to `useDraftMirrorLock`; without a gate (screens rendered alone) they are plain.
 */
import { useEffect } from 'react';
import { DraftMirrors, type AppLock } from '../../shared/security/app-lock';

let current: AppLock | null = null;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const mirrors = new DraftMirrors(storage, () => current?.draftMirrorMode() ?? { kind: 'clear' });

/** The gate's lock decides how mirrors are kept while it is mounted. */
export function useDraftMirrorLock(lock: AppLock): void {
  // Set at once, before the screens under the gate first render (they read mirrors while rendering).
  current = lock;
  useEffect(() => {
    current = lock;
    const detach = lock.attachMirrors(mirrors);
    return () => {
      detach();
      if (current === lock) current = null;
    };
  }, [lock]);
}

export type Mirror<T> = { savedAt: string; value: T };

export function readMirror<T>(key: string): Mirror<T> | null {
  const raw = mirrors.readRaw(key);
  if (raw === null) return null;
  try {
    const m = JSON.parse(raw) as Partial<Mirror<T>>;
    return typeof m.savedAt === 'string' && 'value' in m ? (m as Mirror<T>) : null;
  } catch {
    return null;
  }
}

/** Writes the mirror now (synchronously); a full storage or a locked app must not stop typing. */
export function writeMirror<T>(key: string, value: T): void {
  mirrors.writeRaw(key, JSON.stringify({ savedAt: new Date().toISOString(), value } satisfies Mirror<T>));
}

export function removeMirror(key: string): void {
  mirrors.remove(key);
}
