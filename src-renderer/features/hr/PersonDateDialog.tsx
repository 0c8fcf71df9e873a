import { useState, type ReactNode } from 'react';
import { Alert, Stack, TextField } from '@mui/material';
import { localIsoDate } from '../../../shared/domain';
import { describeError } from '../../../shared/errors/messages.zh';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { personText as pt } from './person-strings';

/**
 * 离职(调出) or 恢复在职 on a date (today unless changed): the change takes effect on that day, and
 * what it means is said before it is made. A refusal is shown in the dialog and changes nothing.
 */
export function PersonDateDialog({
  title,
  label,
  help,
  confirmText,
  children,
  onConfirm,
  onClose,
}: {
  title: string;
  label: string;
  help: string;
  confirmText: string;
  children: ReactNode;
  /** Makes the change on the day; resolves when done (the dialog then closes). */
  onConfirm: (on: string) => Promise<void>;
  onClose: () => void;
}) {
  const [on, setOn] = useState(() => localIsoDate(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!on) {
      setError(pt.dateRequired);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(on);
      onClose();
    } catch (e) {
      const d = describeError(e);
      setError(d.fields.length > 0 ? d.fields.map((f) => f.message).join(';') : d.detail);
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={title}
      confirmText={confirmText}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      busy={busy}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField
          type="date"
          label={label}
          value={on}
          onChange={(e) => {
            setOn(e.target.value);
            setError(null);
          }}
          helperText={help}
          required
          sx={{ maxWidth: 380 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {children}
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
      </Stack>
    </ConfirmDialog>
  );
}
