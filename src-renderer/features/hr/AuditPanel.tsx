import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Button,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  AUDIT_ACTION_LABELS,
  exportAudit,
  verifyAudit,
  type AuditVerdict,
} from '../../../shared/store';
import { useServices } from '../../state/services';
import { Section } from '../../components/Section';
import { useNotifications } from '../../state/notifications';
import { stamp } from '../../bundles/files';
import { dateTime } from '../../components/dates';
import { auditText as t } from './audit-strings';

/** Entries shown: read newest first through the key, never the whole log on render. */
const SHOWN = 20;

/**
 * 操作日志: the count and the last 20 entries of this device's hash-chained audit trail; 核验日志
 * reads and checks the whole chain (only when clicked); 导出日志 saves it as CSV for the file.
 */
export function AuditPanel() {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const view = useLiveQuery(async () => {
    const [count, recent] = await Promise.all([
      db.audit.count(),
      db.audit.orderBy('seq').reverse().limit(SHOWN).toArray(),
    ]);
    // Only the names of the people shown (an organisation's roster is not read for 20 rows).
    const ids = [...new Set(recent.map((e) => e.actor).filter((id) => id !== ''))];
    const people = await db.people.bulkGet(ids);
    const names = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    return {
      count,
      rows: recent.map((e) => ({
        seq: e.seq,
        at: dateTime(e.at),
        actor: e.actor === '' ? '' : (names.get(e.actor) ?? e.actor),
        action: AUDIT_ACTION_LABELS[e.action] ?? e.action,
        summary: e.summary,
      })),
    };
  }, [db]);

  const verify = async () => {
    setBusy(true);
    try {
      setVerdict(await verifyAudit(db));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    try {
      const name = t.fileName(stamp(new Date()));
      const saved = await host.saveFile({
        suggestedName: name,
        data: new TextEncoder().encode(await exportAudit(db)),
        filters: [{ name: t.csvFilter, extensions: ['csv'] }],
      });
      notify(saved ? { kind: 'success', text: t.saved(name) } : { kind: 'info', text: t.cancelled });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Section id="hr-audit" title={t.title} help={t.help}>
      {view ? (
        <Typography variant="body2" data-testid="audit-count">
          {view.count === 0 ? t.empty : t.count(view.count)}
        </Typography>
      ) : null}
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" size="small" onClick={() => void verify()} disabled={busy}>
          {busy ? t.verifying : t.verify}
        </Button>
        <Button size="small" onClick={() => void save()} disabled={!view || view.count === 0}>
          {t.exportCsv}
        </Button>
      </Stack>
      {verdict ? (
        <Alert severity={verdict.ok ? 'success' : 'error'} data-testid="audit-verdict">
          {verdict.ok ? t.intact(verdict.count) : t.broken(verdict.count, verdict.problems.length)}
          {verdict.ok ? null : (
            <List dense disablePadding>
              {verdict.problems.map((p, i) => (
                <ListItem key={`${p.seq}-${i}`} disableGutters data-testid="audit-problem">
                  {`${t.problem(p.seq)} · ${t.kinds[p.kind] ?? p.kind}:${p.message}`}
                </ListItem>
              ))}
            </List>
          )}
        </Alert>
      ) : null}
      {view && view.rows.length > 0 ? (
        <Table size="small" aria-label={t.title}>
          <TableHead>
            <TableRow>
              {t.cols.map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {view.rows.map((r) => (
              <TableRow key={r.seq} data-testid="audit-row">
                <TableCell>{r.seq}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.at}</TableCell>
                <TableCell>{r.actor}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{r.action}</TableCell>
                <TableCell>{r.summary}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}
