import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openDatabase } from '../shared/store';
import { describeError } from '../shared/errors/messages.zh';
import { App } from './app/App';
import { resolveHost } from './host/web-host';
import { zh } from './i18n/zh';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);

/** If the database cannot open, say so in Chinese on the page instead of leaving it blank. */
function renderStartupFailure(e: unknown) {
  const d = describeError(e);
  console.error('[dutybook] startup failed', d.technical, e);
  root.render(
    <div role="alert" style={{ padding: 32, fontFamily: 'sans-serif', maxWidth: 720 }}>
      <h1 style={{ fontSize: 20 }}>
        {zh.errors.startupTitle}:{d.title}
      </h1>
      <p>{d.detail}</p>
      <details>
        <summary>{zh.errors.details}</summary>
        <pre style={{ whiteSpace: 'pre-wrap' }}>{d.technical}</pre>
      </details>
    </div>,
  );
}

async function start() {
  const db = await openDatabase();
  const host = resolveHost();
  root.render(
    <StrictMode>
      <App services={{ db, host }} />
    </StrictMode>,
  );
}

start().catch(renderStartupFailure);
