import { Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography, Stack } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { localIsoDate, monthKey, workingDays } from '../../../../shared/domain';
import { recordStateLabels } from '../../../../shared/domain/record-book';
import { listRecordsOfYear } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip } from '../common';
import { useOfficial } from '../context';
import { formatTimestamp } from '../format';
import { recordStateTone } from './RecordPage';

const t = zh.official.record;

/** The year's twelve record books: state, working days, and the way into each. */
export function RecordListPage() {
  const { db } = useServices();
  const { personId, year, today, calendars, recordMode } = useOfficial();
  const records = useLiveQuery(() => listRecordsOfYear(db, personId, year), [db, personId, year]);
  if (!records) return <Loading />;
  const todayIso = localIsoDate(today);
  return (
    <Stack spacing={2}>
      <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
        {t.listHeading(year)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t.listIntro}
      </Typography>
      {recordMode === 'monthly' || recordMode === 'quarterly' ? (
        <Typography variant="caption" color="text.secondary" data-testid="record-mode-note">
          {zh.official.journal.hiddenNote}
        </Typography>
      ) : null}
      <Paper variant="outlined">
        <Table size="small" aria-label={t.listHeading(year)}>
          <TableHead>
            <TableRow>
              <TableCell>月份</TableCell>
              <TableCell>工作日</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>工作事项</TableCell>
              <TableCell>最后保存</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
              const r = records.find((x) => x.month === m);
              const started = `${monthKey(year, m)}-01` <= todayIso;
              return (
                <TableRow key={m} hover>
                  <TableCell>{t.month(m)}</TableCell>
                  <TableCell>{workingDays(year, m, calendars).days}天</TableCell>
                  <TableCell>
                    {r ? <StateChip label={recordStateLabels[r.state]} tone={recordStateTone[r.state]} /> : <Typography variant="body2" color="text.secondary">{t.notStarted}</Typography>}
                  </TableCell>
                  <TableCell>{r ? `${r.workItems.length}项` : '—'}</TableCell>
                  <TableCell>{r ? formatTimestamp(r.updatedAt) : '—'}</TableCell>
                  <TableCell align="right">
                    <Button
                      size="small"
                      component={Link}
                      to={`/official/record/${monthKey(year, m)}`}
                      variant={r?.state !== 'submitted' && started ? 'outlined' : 'text'}
                      aria-label={`${r?.state === 'submitted' ? t.view : t.open}${t.month(m)}记实簿`}
                    >
                      {r?.state === 'submitted' ? t.view : t.open}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
