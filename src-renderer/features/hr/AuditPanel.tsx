import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Button,
  List,
  ListItem,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  auditOutput,
  exportAudit,
  localTime,
  verifyAudit,
  type AuditVerdict,
} from '../../../shared/store';
import { useServices } from '../../state/services';
import { Section } from '../../components/Section';
import { useNotifications } from '../../state/notifications';
import { stamp } from '../../bundles/files';
import { DataList } from '../../components/list';
import { auditText as t } from './audit-strings';

/** Entries read for the screen: the newest, through the key (the CSV holds the whole log). */
const SHOWN = 5000;

type Row = { seq: number; at: string; time: string; actor: string; action: string; actionWord: string; subject: string; summary: string };

const columns: GridColDef<Row>[] = [
  { field: 'seq', headerName: '序号', type: 'number', width: 80 },
  { field: 'time', headerName: '时间', width: 160 },
  { field: 'actor', headerName: '操作人', width: 110 },
  { field: 'actionWord', headerName: '操作', width: 110 },
  { field: 'subject', headerName: '对象', width: 110 },
  { field: 'summary', headerName: '内容', flex: 1, minWidth: 240 },
];

/**
 * 操作日志: the count and the last 20 entries of this device's hash-chained audit trail; 核验日志
 * reads and checks the whole chain (only when clicked); 导出日志 saves it as CSV for the file.
 */
export function AuditPanel() {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const action = params.get('action') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const set = (key: string, value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const view = useLiveQuery(async () => {
    const [count, recent] = await Promise.all([
      db.audit.count(),
      db.audit.orderBy('seq').reverse().limit(SHOWN).toArray(),
    ]);
    // Only the names of the people the entries name (an organisation's roster is not read for them).
    const ids = [...new Set(recent.flatMap((e) => [e.actor, e.subject]).filter((id) => id !== ''))];
    const people = await db.people.bulkGet(ids);
    const names = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    const name = (id: string) => (id === '' ? '' : (names.get(id) ?? id));
    return {
      count,
      rows: recent.map(
        (e): Row => ({
          seq: e.seq,
          at: e.at,
          time: localTime(e.at),
          actor: name(e.actor),
          action: e.action,
          actionWord: AUDIT_ACTION_LABELS[e.action] ?? e.action,
          subject: name(e.subject),
          summary: e.summary,
        }),
      ),
    };
  }, [db]);
  const rows = useMemo(() => {
    if (!view) return [];
    const text = q.trim();
    return view.rows.filter(
      (r) =>
        (text === '' || r.actor.includes(text) || r.subject.includes(text) || r.summary.includes(text)) &&
        (action === '' || r.action === action) &&
        (from === '' || r.time.slice(0, 10) >= from) &&
        (to === '' || r.time.slice(0, 10) <= to),
    );
  }, [view, q, action, from, to]);

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
      if (saved) await auditOutput(db, { kind: 'document', what: t.title, file: name, count: view?.count ?? 0 });
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
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="audit-filters">
        <TextField size="small" label={t.person} value={q} onChange={(e) => set('q', e.target.value)} sx={{ width: 200 }} />
        <TextField
          select
          size="small"
          label={t.action}
          value={action}
          onChange={(e) => set('action', e.target.value)}
          sx={{ width: 160 }}
        >
          <MenuItem value="">{t.allActions}</MenuItem>
          {AUDIT_ACTIONS.map((a) => (
            <MenuItem key={a} value={a}>
              {AUDIT_ACTION_LABELS[a]}
            </MenuItem>
          ))}
        </TextField>
        <TextField size="small" type="date" label={t.from} value={from} onChange={(e) => set('from', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField size="small" type="date" label={t.to} value={to} onChange={(e) => set('to', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      </Stack>
      {view && view.rows.length > 0 ? (
        <DataList<Row>
          rows={rows}
          columns={columns}
          getRowId={(r) => String(r.seq)}
          title={t.title}
          noun="条"
          exportName={t.title}
          total={view.rows.length}
          initialSort={[{ field: 'seq', sort: 'desc' }]}
          height={480}
        />
      ) : null}
    </Section>
  );
}
