import { Button, TableCell, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router';
import { QUARTERS, quarterKey } from '../../../../shared/domain/calendar';
import { summaryStateLabels } from '../../../../shared/domain/summary';
import { listSummariesOfYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip } from '../../../components/page-parts';
import { useOfficial } from '../context';
import { formatTimestamp } from '../../../components/dates';
import { YearListPage } from '../YearList';

const t = zh.official.summary;

export function SummaryListPage() {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  const summaries = useLiveQuery(() => listSummariesOfYear(db, personId, year), [db, personId, year]);
  if (!summaries) return <Loading />;
  return (
    <YearListPage heading={t.listHeading(year)} intro={t.listIntro} columns={['季度', '状态', '最后保存']}>
      {QUARTERS.map((q) => {
        const s = summaries.find((x) => x.quarter === q);
        const label = s?.state === 'submitted' ? t.view : t.open;
        return (
          <TableRow key={q} hover>
            <TableCell>{t.quarter(q)}</TableCell>
            <TableCell>
              {s ? (
                <StateChip label={summaryStateLabels[s.state]} tone={s.state === 'submitted' ? 'success' : 'info'} />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {t.notYet}
                </Typography>
              )}
            </TableCell>
            <TableCell>{s ? formatTimestamp(s.updatedAt) : '—'}</TableCell>
            <TableCell align="right">
              <Button size="small" component={Link} to={`/official/summary/${quarterKey(year, q)}`} aria-label={`${label}${t.quarter(q)}小结`}>
                {label}
              </Button>
            </TableCell>
          </TableRow>
        );
      })}
    </YearListPage>
  );
}
