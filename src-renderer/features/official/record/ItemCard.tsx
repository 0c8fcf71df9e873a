import type { ReactNode } from 'react';
import { Box, Button, Grid, Paper, Stack, Typography } from '@mui/material';

type Props = {
  /** The card's accessible name, e.g. 第1项工作. */
  label: string;
  heading: string;
  /** Beside the heading (由日记/周记汇总). */
  badge?: ReactNode;
  /** 删除 is offered only while the record can be edited. */
  onDelete?: () => void;
  deleteLabel: string;
  /** The fields, as grid items. */
  children: ReactNode;
};

/** One entry of a list in the record book (a work item, an error), kept whole on a printed page. */
export function ItemCard({ label, heading, badge, onDelete, deleteLabel, children }: Props) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, breakInside: 'avoid' }} component="section" aria-label={label}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
          {heading}
        </Typography>
        {badge}
        <Box sx={{ flexGrow: 1 }} />
        {onDelete ? (
          <Button size="small" color="error" onClick={onDelete} aria-label={deleteLabel} data-print="hide">
            删除
          </Button>
        ) : null}
      </Stack>
      <Grid container spacing={1.5}>
        {children}
      </Grid>
    </Paper>
  );
}
