/** Small read-only pieces the material panels share: a label–value list, a version picker, a note. */
import type { ReactNode } from 'react';
import { Alert, Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { mt } from './strings';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '8.5em 1fr', gap: 1 }}>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography
        variant="body2"
        component="dd"
        sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
      >
        {children}
      </Typography>
    </Box>
  );
}

export function Fields({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" spacing={0.75} sx={{ m: 0 }}>
      {children}
    </Stack>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mt: 1 }}>
      {children}
    </Typography>
  );
}

/** 第1版 / 第2版(更正)…: which version the panel shows (the newest first chosen). */
export function VersionPicker({
  versions,
  value,
  onChange,
  corrected,
}: {
  versions: readonly number[];
  value: number;
  onChange: (v: number) => void;
  corrected?: (v: number) => boolean;
}) {
  if (versions.length <= 1) return null;
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={value}
      onChange={(_, v: number | null) => {
        if (v !== null) onChange(v);
      }}
      aria-label={mt.versions}
      sx={{ flexWrap: 'wrap' }}
    >
      {versions.map((v) => (
        <ToggleButton key={v} value={v} sx={{ py: 0.25 }}>
          {corrected?.(v) ? mt.versionCorrected(v) : mt.version(v)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

export function NotReceived({ what }: { what: string }) {
  return (
    <Alert severity="info" data-testid="material-none">
      {mt.notReceived(what)}
      {mt.notReceivedDetail}
    </Alert>
  );
}
