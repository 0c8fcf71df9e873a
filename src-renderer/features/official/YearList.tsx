/** The year's record books, summaries or documents as a table: one row each, the way into each at the end. */
import type { ReactNode } from 'react';
import { Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';

type TableProps = { label: string; columns: readonly string[]; children: ReactNode };

/** The last column has no heading: it holds each row's button. */
export function RecordsTable({ label, columns, children }: TableProps) {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </Paper>
  );
}

type PageProps = { heading: string; intro: string; note?: ReactNode; columns: readonly string[]; children: ReactNode };

/** A list page (记实簿, 季度小结): its heading, what it is for, and the table, named after the heading. */
export function YearListPage({ heading, intro, note, columns, children }: PageProps) {
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
        {heading}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {intro}
      </Typography>
      {note}
      <RecordsTable label={heading} columns={columns}>
        {children}
      </RecordsTable>
    </Stack>
  );
}
