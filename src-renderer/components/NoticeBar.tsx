import { Alert, Snackbar } from '@mui/material';
import { useNotifications } from '../state/notifications';

/** The single message bar: success notes fade, errors stay until dismissed. */
export function NoticeBar() {
  const { current, dismiss } = useNotifications();
  if (!current) return null;
  return (
    <Snackbar
      open
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      autoHideDuration={current.kind === 'error' ? null : current.kind === 'warning' ? 10_000 : 4000}
      onClose={(_e, reason) => reason !== 'clickaway' && dismiss()}
    >
      <Alert severity={current.kind} onClose={dismiss} variant="filled" sx={{ maxWidth: 640 }}>
        <strong>{current.text}</strong>
        {current.kind === 'error' ? <div>{current.description.detail}</div> : null}
      </Alert>
    </Snackbar>
  );
}
