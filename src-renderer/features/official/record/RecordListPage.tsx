import { Button, TableCell, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { localIsoDate, monthKey, workingDays } from '../../../../shared/domain';
import { recordStateLabels } from '../../../../shared/domain/record-book';
import { listRecordsOfYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip } from '../../../components/page-parts';
import { useOfficial } from '../context';
import { formatTimestamp } from '../../../components/dates';
import { YearListPage } from '../YearList';
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
    <YearListPage
      heading={t.listHeading(year)}
      intro={t.listIntro}
      note={
        recordMode === 'monthly' || recordMode === 'quarterly' ? (
          <Typography variant="caption" color="text.secondary" data-testid="record-mode-note">
            {zh.official.journal.hiddenNote}
          </Typography>
        ) : null
      }
      columns={['月份', '工作日', '状态', '工作事项', '最后保存']}
    >
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
    </YearListPage>
  );
}
