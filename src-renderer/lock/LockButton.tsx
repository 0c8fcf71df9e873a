import { Button, Tooltip } from '@mui/material';
import { useAppLock } from './AppLockGate';
import { lockText as t } from './strings';

/** 锁定 in the app bar: shown only while a password is set. */
export function LockButton() {
  const appLock = useAppLock();
  if (!appLock?.enabled) return null;
  return (
    <Tooltip title={t.lockNowHint} describeChild>
      <Button color="inherit" size="small" onClick={appLock.lockNow} aria-keyshortcuts="Control+L" sx={{ ml: 2 }}>
        {t.lockNow}
      </Button>
    </Tooltip>
  );
}
