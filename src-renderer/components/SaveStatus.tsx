import { Typography } from '@mui/material';
import type { AutosaveStatus } from './useAutosave';
import { zh } from '../i18n/zh';

function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function saveStatusText(status: AutosaveStatus): string {
  switch (status.state) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return zh.editing.saving;
    case 'saved':
      return `${zh.editing.autosaved} ${hhmm(status.at)}`;
    case 'error':
      return zh.editing.saveFailed;
  }
}

/** “已自动保存 20:31” / “正在保存…” / “保存失败(内容仍保留在窗口中)”, announced politely. */
export function SaveStatus({ status }: { status: AutosaveStatus }) {
  return (
    <Typography
      variant="body2"
      role="status"
      aria-live="polite"
      data-testid="save-status"
      color={status.state === 'error' ? 'error' : 'text.secondary'}
      sx={{ minWidth: 130, '@media print': { display: 'none' } }}
    >
      {saveStatusText(status)}
    </Typography>
  );
}
