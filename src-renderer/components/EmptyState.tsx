import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';

type Props = { title: string; children: ReactNode; action?: ReactNode; icon?: ReactNode };

/** What a new user sees where there is nothing yet: what this place is for and what to do next. */
export function EmptyState({ title, children, action, icon }: Props) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center', maxWidth: 640, mx: 'auto', mt: 4 }}>
      {icon ? <Box sx={{ fontSize: 40, color: 'text.secondary' }}>{icon}</Box> : null}
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      <Box sx={{ color: 'text.secondary', mb: action ? 2 : 0 }}>{children}</Box>
      {action}
    </Paper>
  );
}
