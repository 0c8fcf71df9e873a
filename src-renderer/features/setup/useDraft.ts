import { useEffect, useRef, useState } from 'react';

/**
 * A form draft that survives a reload or a crash: written to localStorage shortly after every change
 * (and at once when the page is hidden), read back on mount. Cleared when the form is finished.
 */
export function useDraft<T extends object>(key: string, initial: T, delayMs = 300) {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    const t = setTimeout(() => localStorage.setItem(key, JSON.stringify(value)), delayMs);
    return () => clearTimeout(t);
  }, [key, value, delayMs]);

  useEffect(() => {
    const flush = () => localStorage.setItem(key, JSON.stringify(latest.current));
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [key]);

  const clear = () => localStorage.removeItem(key);
  return [value, setValue, clear] as const;
}
