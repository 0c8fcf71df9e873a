import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { decodeMaterialRef, MATERIAL_PARAM, materialHref, type MaterialRef } from './ref';

/** Marks the history entry an open pushed, so closing goes Back to the page as it was. */
type OpenedState = { materialOpened?: true } | null;

/**
 * Opens a material beside the current page: sets `?m=` (a new history entry, so Back closes it and
 * the list's filters stay as they were).
 */
export function useOpenMaterial(): (ref: MaterialRef) => void {
  const navigate = useNavigate();
  const { search } = useLocation();
  return useCallback(
    (ref: MaterialRef) => {
      void navigate({ search: materialHref(ref, search) }, { state: { materialOpened: true } });
    },
    [navigate, search],
  );
}

/** The material the address opens, and how to close it (Back when this page opened it). */
export function useMaterialParam(): { ref: MaterialRef | undefined; close: () => void } {
  const navigate = useNavigate();
  const location = useLocation();
  const ref = useMemo(
    () => decodeMaterialRef(new URLSearchParams(location.search).get(MATERIAL_PARAM)),
    [location.search],
  );
  const close = useCallback(() => {
    if ((location.state as OpenedState)?.materialOpened) {
      void navigate(-1);
      return;
    }
    const params = new URLSearchParams(location.search);
    params.delete(MATERIAL_PARAM);
    const rest = params.toString();
    void navigate({ search: rest ? `?${rest}` : '' }, { replace: true });
  }, [location.search, location.state, navigate]);
  return { ref, close };
}
