import { useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { zhCN } from '@mui/x-data-grid/locales';
import { ROSTER_FILE_MAX_BYTES, rowStatusLabels, type PreviewRow, type RosterPreview, type RowStatus } from '../../../../shared/domain';
import { formatSize } from '../../../../shared/errors/messages.zh';
import { applyRosterImport } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { previewRosterFile } from '../../../workers/rosterImport';
import { importText as t } from './import-strings';

const STATUSES: RowStatus[] = ['new', 'update', 'same', 'error'];
const statusColor: Record<RowStatus, 'success' | 'info' | 'default' | 'error'> = {
  new: 'success',
  update: 'info',
  same: 'default',
  error: 'error',
};

const columns: GridColDef<PreviewRow>[] = [
  { field: 'rowNumber', headerName: t.colRow, width: 80, type: 'number', valueFormatter: (v: number) => t.rowN(v) },
  {
    field: 'status',
    headerName: t.colStatus,
    width: 80,
    valueGetter: (v: RowStatus) => rowStatusLabels[v],
    renderCell: (p) => <Chip size="small" label={rowStatusLabels[p.row.status]} color={statusColor[p.row.status]} />,
  },
  { field: 'name', headerName: t.colName, width: 100 },
  { field: 'staffNo', headerName: t.colStaffNo, width: 110 },
  { field: 'unit', headerName: t.colUnit, width: 200 },
  {
    field: 'note',
    headerName: t.colNote,
    flex: 1,
    minWidth: 300,
    sortable: false,
    valueGetter: (_v, r) => (r.status === 'error' ? r.reasons.join(';') : r.changes.length > 0 ? t.changed(r.changes.join('、')) : ''),
    renderCell: (p) => (
      <Typography variant="body2" color={p.row.status === 'error' ? 'error' : 'text.primary'} sx={{ whiteSpace: 'normal', lineHeight: 1.4, py: 0.5 }}>
        {p.value as string}
      </Typography>
    ),
  },
];

type Loaded = { file: string; preview: RosterPreview };

/** 从Excel导入人员名册: pick a file, see each row's status, then import all, only the good rows, or nothing. */
export function ImportRosterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [filter, setFilter] = useState<RowStatus | 'all'>('all');
  const [applying, setApplying] = useState(false);

  const read = async (file: File) => {
    setRefusal(null);
    setLoaded(null);
    setFilter('all');
    // As every file the app reads: its size first, before a byte is read.
    if (file.size > ROSTER_FILE_MAX_BYTES) {
      setRefusal(t.tooLarge(file.name, formatSize(file.size), formatSize(ROSTER_FILE_MAX_BYTES)));
      return;
    }
    setReading(file.name);
    try {
      const [bytes, units, people] = await Promise.all([
        file.arrayBuffer().then((b) => new Uint8Array(b)),
        db.orgUnits.toArray(),
        db.people.toArray(),
      ]);
      const { preview } = await previewRosterFile(bytes, file.name, { units, people });
      if (preview.fileError) setRefusal(preview.fileError);
      else {
        setLoaded({ file: file.name, preview });
        if (preview.counts.error > 0) setFilter('error');
      }
    } catch (e) {
      reportError(e);
    } finally {
      setReading(null);
    }
  };

  const pick = () => input.current?.click();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) void read(f);
  };

  const close = () => {
    setLoaded(null);
    setRefusal(null);
    onClose();
  };

  const apply = async (onlyGood: boolean) => {
    if (!loaded) return;
    setApplying(true);
    try {
      const r = await applyRosterImport(db, loaded.preview, { onlyGood });
      notify({ kind: 'success', text: t.applied(r.added, r.updated, r.unitsCreated) });
      close();
    } catch (e) {
      reportError(e);
    } finally {
      setApplying(false);
    }
  };

  const preview = loaded?.preview;
  const rows = useMemo(
    () => (preview ? (filter === 'all' ? preview.rows : preview.rows.filter((r) => r.status === filter)) : []),
    [preview, filter],
  );
  const toApply = preview ? preview.counts.new + preview.counts.update : 0;

  return (
    <Dialog open={open} onClose={close} maxWidth="lg" fullWidth aria-labelledby="import-roster-title">
      <DialogTitle id="import-roster-title">{t.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={1.5} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx,.csv"
            data-testid="roster-import-file"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void read(f);
            }}
          />
          {!preview ? <Typography variant="body2">{t.intro}</Typography> : null}
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <Button variant={preview ? 'outlined' : 'contained'} onClick={pick} disabled={reading !== null || applying}>
              {preview || refusal ? t.chooseAgain : t.choose}
            </Button>
            {preview ? (
              <Typography variant="body2" color="text.secondary">
                {t.fileLabel(loaded.file)}
              </Typography>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t.dropHere}
              </Typography>
            )}
          </Stack>
          {reading ? (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={20} />
              <Typography variant="body2">{t.reading(reading)}</Typography>
            </Stack>
          ) : null}
          {refusal ? (
            <Alert severity="error" role="alert" data-testid="roster-import-refusal">
              {refusal}
            </Alert>
          ) : null}
          {preview ? (
            <>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={filter}
                onChange={(_e, v: RowStatus | 'all' | null) => v && setFilter(v)}
                aria-label={t.counts}
              >
                <ToggleButton value="all">{t.all(preview.rows.length)}</ToggleButton>
                {STATUSES.map((s) => (
                  <ToggleButton key={s} value={s} data-testid={`roster-import-count-${s}`}>
                    {t.status(rowStatusLabels[s], preview.counts[s])}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              {preview.newUnits.length > 0 ? (
                <Typography variant="body2">{t.newUnits(preview.newUnits.join('、'))}</Typography>
              ) : null}
              {preview.counts.error > 0 ? <Alert severity="warning">{t.hasErrors(preview.counts.error)}</Alert> : null}
              {toApply === 0 && preview.counts.error === 0 ? <Alert severity="info">{t.noChanges}</Alert> : null}
              <Box sx={{ height: 420 }}>
                <DataGrid
                  rows={rows}
                  columns={columns}
                  getRowId={(r) => r.rowNumber}
                  getRowHeight={() => 'auto'}
                  density="compact"
                  disableRowSelectionOnClick
                  hideFooterSelectedRowCount
                  localeText={zhCN.components.MuiDataGrid.defaultProps.localeText}
                  aria-label={t.title}
                />
              </Box>
            </>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={applying}>
          {t.cancel}
        </Button>
        {preview && preview.counts.error > 0 ? (
          <Button onClick={() => void apply(true)} disabled={applying || toApply === 0}>
            {t.onlyGood}
          </Button>
        ) : null}
        <Button
          variant="contained"
          onClick={() => void apply(false)}
          disabled={!preview || applying || toApply === 0 || preview.counts.error > 0}
        >
          {applying ? t.applying : t.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
