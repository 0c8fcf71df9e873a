import { useEffect, useRef } from 'react';

/**
 * Puts the keyboard in the dialog's first field once it is open (the confirm dialog focuses its
 * button, and a signed decision should start from what is written, not from an Enter).
 */
export function useInitialFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const id = setTimeout(() => ref.current?.focus(), 0);
    return () => clearTimeout(id);
  }, []);
  return ref;
}
