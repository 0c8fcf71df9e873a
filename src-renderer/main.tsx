import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDatabase } from '../shared/store';
import { describeError } from '../shared/errors/messages.zh';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { DEFAULT_DB_NAME } from '../shared/store/db';
import { App } from './app/App';
import { theme } from './app/theme';
import { RecoveryRestore } from './backup';
import { readMarker } from './features/recovery/marker';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import { resolveHost } from './host/web-host';
import { preUpgradeBackup } from '../shared/backup/automatic';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);
const host = resolveHost();

/**
 * If the database cannot open, say so in Chinese and offer the ways out (open again, restore a
 * backup, start over) instead of leaving the window blank.
 */
function renderStartupFailure(e: unknown) {
  console.error('[dutybook] startup failed', describeError(e).technical, e);
  root.render(
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <RecoveryScreen
        dbName={DEFAULT_DB_NAME}
        error={e}
        marker={readMarker(DEFAULT_DB_NAME)}
        restore={<RecoveryRestore dbName={DEFAULT_DB_NAME} host={host} onRestored={() => window.location.reload()} />}
        onStartedOver={() => window.location.reload()}
      />
    </ThemeProvider>,
  );
}

async function start() {
  // Before an older database is upgraded, a backup of it as it was (src-renderer/backup).
  const db = await openDatabase(DEFAULT_DB_NAME, { beforeUpgrade: preUpgradeBackup(host) });
  root.render(
    <StrictMode>
      <App services={{ db, host }} />
    </StrictMode>,
  );
}

start().catch(renderStartupFailure);
