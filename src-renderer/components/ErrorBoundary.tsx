import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { describeError } from '../../shared/errors/messages.zh';
import { zh } from '../i18n/zh';

type Props = { children: ReactNode };
type State = { error: unknown };

/** A failed screen shows a Chinese message and a way out, never a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('[dutybook] render failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const d = describeError(this.state.error);
    return (
      <Box sx={{ p: 4, maxWidth: 720 }} role="alert">
        <Alert severity="error">
          <AlertTitle>{zh.errors.boundaryTitle}:{d.title}</AlertTitle>
          <Typography variant="body2">{zh.errors.boundaryDetail}</Typography>
          <Typography variant="body2">{d.detail}</Typography>
          <Box component="details" sx={{ mt: 1 }}>
            <summary>{zh.errors.details}</summary>
            <Typography component="pre" variant="caption" sx={{ whiteSpace: 'pre-wrap' }}>
              {d.technical}
            </Typography>
          </Box>
        </Alert>
        <Button sx={{ mt: 2 }} variant="contained" onClick={() => window.location.reload()}>
          {zh.errors.reload}
        </Button>
      </Box>
    );
  }
}
