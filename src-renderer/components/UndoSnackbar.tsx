import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Snackbar } from '@mui/material';
import { zh } from '../i18n/zh';

type Offer = { id: number; text: string; undo: () => unknown };

let nextId = 1;

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox');
}

/**
 * A mistaken delete can be taken back: `offer('已删除第2项', restore)` shows “已删除第2项 撤销” for a few
 * seconds; the button or Ctrl+Z (outside a text field, where Ctrl+Z undoes typing) runs `restore`.
 */
export function useUndo(): { offer: (text: string, undo: () => unknown) => void; snackbar: ReactNode } {
  const [current, setCurrent] = useState<Offer | null>(null);

  const offer = useCallback((text: string, undo: () => unknown) => setCurrent({ id: nextId++, text, undo }), []);
  const close = useCallback(() => setCurrent(null), []);
  const undo = useCallback(() => {
    setCurrent((c) => {
      if (c) queueMicrotask(() => void c.undo());
      return null;
    });
  }, []);

  useEffect(() => {
    if (!current) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !inTextField(e.target)) {
        e.preventDefault();
        undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, undo]);

  const snackbar = useMemo(
    () => (
      <Snackbar
        key={current?.id}
        open={current !== null}
        autoHideDuration={8000}
        onClose={(_e, reason) => reason !== 'clickaway' && close()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        sx={{ '@media print': { display: 'none' } }}
      >
        <Alert
          severity="info"
          variant="filled"
          role="status"
          action={
            <Button color="inherit" size="small" onClick={undo} sx={{ fontWeight: 700 }}>
              {zh.editing.undo}
            </Button>
          }
        >
          {current?.text}
        </Alert>
      </Snackbar>
    ),
    [current, close, undo],
  );

  return { offer, snackbar };
}
