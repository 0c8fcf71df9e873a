import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { PlanVersion } from '../../../../shared/domain/plan';
import { zh } from '../../../i18n/zh';
import { formatTimestamp } from '../../../components/dates';

const t = zh.official.plan;

/** Every submitted version stays readable, newest first. */
export function PlanVersions({ versions }: { versions: readonly PlanVersion[] }) {
  const [open, setOpen] = useState<PlanVersion | null>(null);
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="plan-versions" data-print="hide">
      <Typography id="plan-versions" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t.versions}
      </Typography>
      {sorted.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.noVersions}
        </Typography>
      ) : (
        <List dense>
          {sorted.map((v) => (
            <ListItem
              key={v.id}
              secondaryAction={
                <Button size="small" onClick={() => setOpen(v)} aria-label={`${t.view}${t.version(v.version)}`}>
                  {t.view}
                </Button>
              }
            >
              <ListItemText primary={t.version(v.version)} secondary={`提交于 ${formatTimestamp(v.submittedAt)} · ${v.items.length}项`} />
            </ListItem>
          ))}
        </List>
      )}
      <Dialog open={open !== null} onClose={() => setOpen(null)} maxWidth="lg" fullWidth aria-labelledby="plan-version-title">
        <DialogTitle id="plan-version-title">{open ? t.versionTitle(open.version) : ''}</DialogTitle>
        <DialogContent>
          {open ? (
            <Table size="small" aria-label={t.versionTitle(open.version)}>
              <TableHead>
                <TableRow>
                  <TableCell>序号</TableCell>
                  <TableCell>{t.task}</TableCell>
                  <TableCell>{t.target}</TableCell>
                  <TableCell>{t.deadline}</TableCell>
                  <TableCell>{t.duty}</TableCell>
                  <TableCell>{t.weight}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {open.items.map((it, i) => (
                  <TableRow key={it.id}>
                    <TableCell>{i + 1}</TableCell>
                    <TableCell>{it.task}</TableCell>
                    <TableCell>{it.target}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{it.deadline}</TableCell>
                    <TableCell>{it.duty}</TableCell>
                    <TableCell>{it.weight ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(null)}>{zh.common.close}</Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
