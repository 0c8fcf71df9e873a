import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { MenuItem, TextField } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useSearchParams } from 'react-router';
import { listMaterialYears, readMaterialYear } from '../../../shared/store/material-repo';
import { useServices } from '../../state/services';
import { DataList, QueryBar, useListQuery } from '../../components/list';
import { dateTimeOf } from '../../records/supervisor-forms';
import { materialKindLabels, useOpenMaterial, type MaterialKind } from '../../records/materials';
import {
  filterReceived,
  periodOptions,
  RECEIVED_KINDS,
  receivedRows,
  unitWithin,
  yearOfPeriod,
  type ReceivedRow,
} from './materials/received-rows';

const columns: GridColDef<ReceivedRow>[] = [
  { field: 'name', headerName: '姓名', width: 100 },
  { field: 'unitName', headerName: '单位', flex: 1, minWidth: 120 },
  { field: 'kindLabel', headerName: '材料类别', width: 170 },
  { field: 'period', headerName: '期间', width: 130, valueFormatter: (_v, row) => row.periodText },
  { field: 'version', headerName: '版本', width: 110, valueFormatter: (_v, row) => row.versionText },
  { field: 'state', headerName: '状态', flex: 1, minWidth: 140 },
  {
    field: 'at',
    headerName: '提交或签署时间',
    width: 150,
    valueFormatter: (v: string | undefined) => (v ? dateTimeOf(v) : ''),
  },
];

/**
 * 台账: every record HR holds, one row per record with the version in force — filtered by 姓名, 单位
 * (with its sub-units), 材料类别 and 期间 (kept in the address, so a link opens it filtered); Enter or a
 * double-click opens the material beside the list.
 */
export function ReceivedPanel({ today = new Date() }: { today?: Date }) {
  const { db } = useServices();
  const [query, setQuery] = useListQuery();
  const [params, setParams] = useSearchParams();
  const open = useOpenMaterial();
  const kindParam = params.get('kind');
  const kind = (RECEIVED_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as MaterialKind)
    : null;
  const years = useLiveQuery(() => listMaterialYears(db), [db]);
  const year = yearOfPeriod(query.period) ?? years?.[0] ?? today.getFullYear();
  const data = useLiveQuery(() => readMaterialYear(db, year), [db, year]);
  const all = useMemo(
    () => (data ? receivedRows(year, data.statuses, data.people, data.units) : []),
    [data, year],
  );
  const rows = useMemo(
    () =>
      filterReceived(all, {
        q: query.q,
        unitOk: query.unit && data ? unitWithin(data.units, query.unit, query.sub) : null,
        kind,
        period: query.period,
      }),
    [all, data, query, kind],
  );
  const periods = useMemo(
    () => [...new Set([year, ...(years ?? [])])].sort((a, b) => b - a).flatMap((y) => periodOptions(y)),
    [year, years],
  );
  return (
    <>
      <QueryBar
        query={query}
        onChange={setQuery}
        fields={['q', 'unit', 'period']}
        units={data?.units ?? []}
        periodOptions={periods}
        qLabel="姓名或人员编号"
      >
        <TextField
          select
          size="small"
          label="材料类别"
          value={kind ?? ''}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.target.value) next.set('kind', e.target.value);
            else next.delete('kind');
            setParams(next);
          }}
          sx={{ minWidth: 170 }}
        >
          <MenuItem value="">全部</MenuItem>
          {RECEIVED_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {materialKindLabels[k]}
            </MenuItem>
          ))}
        </TextField>
      </QueryBar>
      <DataList
        rows={rows}
        columns={columns}
        getRowId={(r) => r.id}
        title="平时考核材料台账"
        noun="份"
        exportName="平时考核材料台账"
        total={all.length}
        onRowOpen={(r) => open(r.ref)}
        loading={data === undefined}
        initialSort={[{ field: 'period', sort: 'asc' }]}
      />
    </>
  );
}
