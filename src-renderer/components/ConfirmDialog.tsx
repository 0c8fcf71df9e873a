import type { ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { zh } from '../i18n/zh';

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  maxWidth?: 'xs' | 'sm' | 'md' | 'lg';
};

/** Asks once before something that cannot simply be taken back (submitting locks a record). */
export function ConfirmDialog({ open, title, children, confirmText, onConfirm, onCancel, busy = false, maxWidth = 'sm' }: Props) {
  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby="confirm-dialog-title" maxWidth={maxWidth} fullWidth>
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          {zh.common.cancel}
        </Button>
        <Button variant="contained" onClick={onConfirm} disabled={busy} autoFocus>
          {confirmText}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
