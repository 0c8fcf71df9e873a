import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import {
  DataGrid,
  gridFilteredSortedRowIdsSelector,
  gridVisibleColumnDefinitionsSelector,
  useGridApiRef,
  type GridColDef,
  type GridRowSelectionModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { zhCN } from '@mui/x-data-grid/locales';
import { localIsoDate, formatChineseDateTime } from '../../../shared/domain';
import { auditOutput } from '../../../shared/store';
import { useServices } from '../../state/services';
import { useNotifications } from '../../state/notifications';
import { listText as t } from './list-strings';
import type { ListCell } from '../../../shared/documents/list-xlsx';

export type DataListProps<R extends GridValidRowModel> = {
  /** The rows as the query bar filtered them. */
  rows: readonly R[];
  columns: GridColDef<R>[];
  getRowId: (row: R) => string;
  /** The list's name, above it and as the title row of the export ("人员名册"). */
  title: string;
  /** What one row is, for the count line: 人, 条, 份. */
  noun: string;
  /** The export's file name before the date ("人员名册" → 人员名册_2026-12-08.xlsx) and its 操作日志 entry. */
  exportName: string;
  /** How many rows there are before the query (the count line says "共 total，显示 rows"). */
  total?: number;
  /** Lines under the export's title, e.g. the query in words (describeQuery). */
  exportNotes?: readonly string[];
  checkboxSelection?: boolean;
  onSelectionChange?: (ids: string[]) => void;
  /** The rows chosen, when the page keeps them (to clear them after a batch action). */
  selectedIds?: readonly string[];
  onRowOpen?: (row: R) => void;
  /** Buttons beside 导出当前列表 (新增人员, a batch action). */
  actions?: ReactNode;
  loading?: boolean;
  /** 'fill' (the default): down to the window's bottom edge; or a height in pixels. */
  height?: 'fill' | number;
  initialSort?: GridSortModel;
};

const localeText = zhCN.components.MuiDataGrid.defaultProps.localeText;
// The bar at the window's top and the page's bottom padding (AppShell: a dense toolbar, p: 3).
const APP_BAR = 48;
const PAGE_PAD = 24;
const MIN_HEIGHT = 360;

/**
 * Its height when it fills the window: from where it starts to the window's bottom edge when it
 * starts on the first screen; the window less its bar when it starts further down, so that once
 * scrolled to it fills the screen. Either way the page never holds a short box that scrolls inside
 * a page that scrolls too.
 */
function useFillHeight(enabled: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return undefined;
    const measure = () => {
      const top = el.getBoundingClientRect().top + window.scrollY;
      const vh = window.innerHeight;
      const h = top + MIN_HEIGHT <= vh ? vh - top - PAGE_PAD : vh - APP_BAR - 2 * PAGE_PAD;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(h)));
    };
    measure();
    window.addEventListener('resize', measure);
    // What is above it (a panel that loads later, an alert) moves it down.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(document.body);
    return () => {
      window.removeEventListener('resize', measure);
      observer?.disconnect();
    };
  }, [enabled]);
  return [ref, height] as const;
}

function exportValue(raw: unknown, formatted: unknown, hasFormatter: boolean): ListCell {
  if (typeof formatted === 'number') return formatted;
  if (typeof raw === 'number' && !hasFormatter) return raw;
  if (formatted === null || formatted === undefined) return '';
  if (formatted instanceof Date) return localIsoDate(formatted);
  if (typeof formatted === 'string' || typeof formatted === 'boolean') return formatted;
  // A column with no getter or formatter for an object value shows nothing either.
  return '';
}

/**
 * A list page's table: MUI X DataGrid (community) in Chinese, compact, every column sortable, rows
 * virtualised (in pages of 100, the community edition's most), the count, and 导出当前列表 — the
 * rows as filtered and sorted, in the columns shown, as an Excel workbook (recorded in the
 * 操作日志). Enter or a double click on a row opens it.
 */
export function DataList<R extends GridValidRowModel>({
  rows,
  columns,
  getRowId,
  title,
  noun,
  exportName,
  total,
  exportNotes,
  checkboxSelection = false,
  onSelectionChange,
  selectedIds,
  onRowOpen,
  actions,
  loading = false,
  height = 'fill',
  initialSort,
}: DataListProps<R>) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const apiRef = useGridApiRef();
  const [ref, fill] = useFillHeight(height === 'fill');
  const [exporting, setExporting] = useState(false);
  const [ownSelection, setOwnSelection] = useState<readonly string[]>([]);
  const selected = selectedIds ?? ownSelection;
  const selectionModel = useMemo<GridRowSelectionModel>(
    () => ({ type: 'include', ids: new Set(selected) }),
    [selected],
  );
  const cols = useMemo(
    () => columns.map((c) => ({ ...c, sortable: c.sortable ?? true, filterable: false })),
    [columns],
  );

  const onSelection = (model: GridRowSelectionModel) => {
    const ids =
      model.type === 'include'
        ? [...model.ids].map(String)
        : rows.map(getRowId).filter((id) => !model.ids.has(id));
    setOwnSelection(ids);
    onSelectionChange?.(ids);
  };

  const exportList = async () => {
    const api = apiRef.current;
    if (!api) return;
    const ids = gridFilteredSortedRowIdsSelector(apiRef);
    if (ids.length === 0) {
      notify({ kind: 'info', text: t.exportEmpty });
      return;
    }
    setExporting(true);
    try {
      const shown = gridVisibleColumnDefinitionsSelector(apiRef).filter(
        (c) => c.field !== '__check__' && c.type !== 'actions' && c.disableExport !== true,
      );
      // A number column's type brings a formatter of its own ("1,234"); only one the page gave makes text.
      const ownFormatter = new Set(columns.filter((c) => c.valueFormatter).map((c) => c.field));
      const sheetRows = ids.map((id) => {
        const row = api.getRow(id) as R;
        return shown.map((c) =>
          exportValue(api.getRowValue(row, c), api.getRowFormattedValue(row, c), ownFormatter.has(c.field)),
        );
      });
      const now = new Date();
      const { listToXlsx, listFileName } = await import('../../../shared/documents/list-xlsx');
      const data = await listToXlsx({
        title,
        notes: [...(exportNotes ?? []).filter(Boolean), t.exportedAt(formatChineseDateTime(now))],
        header: shown.map((c) => c.headerName ?? c.field),
        rows: sheetRows,
      });
      const name = listFileName(exportName, localIsoDate(now));
      const saved = await host.saveFile({
        suggestedName: name,
        data,
        filters: [{ name: t.exportFilter, extensions: ['xlsx'] }],
      });
      if (!saved) {
        notify({ kind: 'info', text: t.exportCancelled });
        return;
      }
      await auditOutput(db, { kind: 'document', what: exportName, file: name, count: sheetRows.length });
      notify({ kind: 'success', text: t.exported(name, sheetRows.length) });
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(false);
    }
  };

  const count = total ?? rows.length;
  return (
    <Box
      ref={ref}
      sx={{
        height: height === 'fill' ? fill : height,
        display: 'flex',
        flexDirection: 'column',
        minWidth: 0,
        width: '100%',
      }}
    >
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1, minHeight: 32 }}
      >
        <Typography variant="body2" color="text.secondary" data-testid="list-count" role="status">
          {t.count(count, rows.length, noun)}
          {checkboxSelection && selected.length > 0 ? `；${t.selected(selected.length, noun)}` : ''}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {actions}
        <Button size="small" variant="outlined" onClick={() => void exportList()} disabled={exporting || loading}>
          {exporting ? t.exporting : t.export}
        </Button>
      </Stack>
      <DataGrid<R>
        apiRef={apiRef}
        rows={rows}
        columns={cols}
        getRowId={getRowId}
        aria-label={title}
        localeText={{ ...localeText, noRowsLabel: t.noRows, noResultsOverlayLabel: t.noRows }}
        density="compact"
        loading={loading}
        checkboxSelection={checkboxSelection}
        disableRowSelectionOnClick
        rowSelectionModel={selectionModel}
        onRowSelectionModelChange={onSelection}
        disableColumnFilter
        pageSizeOptions={[25, 50, 100]}
        initialState={{
          pagination: { paginationModel: { pageSize: 100, page: 0 } },
          ...(initialSort ? { sorting: { sortModel: initialSort } } : {}),
        }}
        onRowDoubleClick={onRowOpen ? (p) => onRowOpen(p.row as R) : undefined}
        onCellKeyDown={
          onRowOpen
            ? (p, e) => {
                if (e.key !== 'Enter' || p.field === '__check__') return;
                e.preventDefault();
                (e as { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
                onRowOpen(p.row as R);
              }
            : undefined
        }
        sx={{
          flex: 1,
          minHeight: 0,
          '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
          '& .MuiDataGrid-row': onRowOpen ? { cursor: 'default' } : undefined,
        }}
      />
    </Box>
  );
}
