import { useLiveQuery } from 'dexie-react-hooks';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { listBundles } from '../../../shared/store';
import type { BundleLogRow } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { dateTime } from '../../components/dates';
import { Section } from '../../components/Section';

const t = zh.sync.history;

/** Bundles sent and received, per person (the log is keyed by the peer's signing key). */
export function HistorySection() {
  const { db } = useServices();
  const rows = useLiveQuery(() => listBundles(db), [db]);
  const peers = new Map<string, BundleLogRow[]>();
  for (const r of rows ?? []) peers.set(r.peer, [...(peers.get(r.peer) ?? []), r]);
  return (
    <Section id="sync-history" title={t.title} help={t.help}>
      {rows && rows.length === 0 ? <Typography variant="body2">{t.empty}</Typography> : null}
      {[...peers.entries()].map(([peer, list]) => {
        const name = list[list.length - 1]!.peerName;
        const out = list.filter((r) => r.direction === 'out').length;
        return (
          <Box key={peer} data-testid="history-peer">
            <Typography variant="subtitle2">{t.peer(name, out, list.length - out)}</Typography>
            <Table size="small" aria-label={`与${name}的往来记录`}>
              <TableHead>
                <TableRow>
                  {t.cols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {[...list].reverse().map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{r.direction === 'out' ? t.out : t.in}</TableCell>
                    <TableCell>{r.sequence}</TableCell>
                    <TableCell>{r.facts}</TableCell>
                    <TableCell>{r.rosterVersion === null ? '—' : `第${r.rosterVersion}版`}</TableCell>
                    <TableCell>{dateTime(r.at)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      })}
    </Section>
  );
}
