import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

/** One titled card of the sync page; `id` makes it a landmark (region) named by its title. */
export function Section({ id, title, help, children }: { id: string; title: string; help?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`${id}-title`} sx={{ p: 2.5 }}>
      <Stack spacing={1.5}>
        <Typography id={`${id}-title`} variant="h6" component="h2">
          {title}
        </Typography>
        {help ? (
          <Typography variant="body2" color="text.secondary">
            {help}
          </Typography>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}
