import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

/**
 * One titled card of a page; `id` makes it a landmark (region) named by its title. `level`: the
 * heading level (h2 directly under the page's h1, h3 under a tab's heading).
 */
export function Section({
  id,
  title,
  help,
  level = 2,
  children,
}: {
  id: string;
  title: string;
  help?: ReactNode;
  level?: 2 | 3;
  children: ReactNode;
}) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`${id}-title`} sx={{ p: 2.5 }}>
      <Stack spacing={1.5}>
        <Typography id={`${id}-title`} variant="h6" component={level === 2 ? 'h2' : 'h3'}>
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
