import { Alert, AlertTitle, Box, Button, Card, CardActionArea, Grid, LinearProgress, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router';
import { localIsoDate, monthKey, notOwedLabels, quarterKey, yearDuties } from '../../../../shared/domain';
import { planStateLabels } from '../../../../shared/domain/plan';
import { yearOverview, type MonthOverview, type NotOwed, type QuarterOverview } from '../../../../shared/domain/overview';
import { readOwnPeriods } from '../../../../shared/store';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { useServices } from '../../../state/services';
import { useOfficial } from '../context';
import { useYearData } from '../data';
import { planStateTone } from '../plan/PlanPage';
import { overviewText } from './strings';
import { FilingRefusalNotice } from '../../../records/FilingRefusalNotice';

const t = zh.official.overview;

type CellState = MonthOverview['state'] | QuarterOverview['state'];

const cellLabel = (s: CellState): string => {
  switch (s) {
    case 'notRequired':
      return overviewText.notRequired;
    case 'editing':
      return t.monthStatus.editing;
    case 'submitted':
      return t.monthStatus.submitted;
    case 'returned':
      return t.monthStatus.returned;
    case 'missing':
      return t.monthStatus.missing;
    case 'notYetDue':
      return t.monthStatus.notDue;
  }
};

const cellColor = (s: CellState, overdue: boolean): string => {
  if (overdue) return 'error.main';
  switch (s) {
    case 'submitted':
      return 'success.main';
    case 'editing':
      return 'info.main';
    case 'returned':
      return 'warning.main';
    default:
      return 'text.secondary';
  }
};

function StatusCell({
  title,
  state,
  overdue,
  to,
  notOwed,
}: {
  title: string;
  state: CellState;
  overdue: boolean;
  to: string;
  notOwed?: NotOwed | undefined;
}) {
  const color = cellColor(state, overdue);
  // Not owed: the short reason (入职前 …) in the cell, the whole one in its name and tooltip.
  const label = notOwed ? notOwedLabels[notOwed.kind] : cellLabel(state);
  const name = notOwed ? `${title} ${notOwed.reason}` : `${title} ${cellLabel(state)}${overdue ? `,${t.overdue}` : ''}`;
  return (
    <Card
      variant="outlined"
      sx={{
        borderColor: overdue ? 'error.main' : undefined,
        borderWidth: overdue ? 2 : 1,
        borderStyle: notOwed ? 'dashed' : undefined,
        height: '100%',
      }}
      data-testid={`cell-${title}`}
      title={notOwed?.reason}
    >
      <CardActionArea component={Link} to={to} sx={{ p: 1.25, height: '100%' }} aria-label={name}>
        <Typography variant="subtitle2" component="div" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography variant="body2" sx={{ color, fontWeight: state === 'notYetDue' || notOwed ? 400 : 600 }}>
          {label}
        </Typography>
        {notOwed ? (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {cellLabel(state)}
          </Typography>
        ) : null}
        {overdue ? (
          <Typography variant="caption" sx={{ color: 'error.main' }}>
            {t.overdue}
          </Typography>
        ) : null}
      </CardActionArea>
    </Card>
  );
}

export function OverviewPage() {
  const { year, today, calendars, personId } = useOfficial();
  const { db } = useServices();
  const data = useYearData();
  // The roster's dated periods of this person (null: no roster on this PC yet, everything is owed).
  const own = useLiveFor(personId, () => readOwnPeriods(db, personId), [db, personId]);
  if (!data || own === undefined) return <Loading />;
  const duties = own ? yearDuties(own.periods, year, { unitName: (id) => own.unitNames[id] ?? '' }) : undefined;
  const overview = yearOverview({
    year,
    today: localIsoDate(today),
    plan: data.plan,
    records: data.records,
    summaries: data.summaries,
    calendars,
    ...(duties ? { duties } : {}),
  });
  const plan = data.plan;
  const notes = duties?.notes ?? [];

  return (
    <Stack spacing={2.5}>
      {plan?.state === 'returned' && plan.filingRefusal ? (
        <Box>
          <FilingRefusalNotice refusal={{ what: 'plan', year, version: plan.version, ...plan.filingRefusal }} />
          <Button component={Link} to="/official/plan" variant="outlined" size="small" sx={{ mt: 1 }}>
            {overviewText.correctPlan}
          </Button>
        </Box>
      ) : null}
      {notes.length > 0 ? (
        <Alert severity="info" data-testid="membership-note">
          <AlertTitle>{overviewText.membershipTitle(year)}</AlertTitle>
          {notes.map((n) => (
            <div key={n}>{n}。</div>
          ))}
          <div>{overviewText.membershipSource}</div>
        </Alert>
      ) : null}
      <Alert severity={overview.dueNext.length > 0 ? 'warning' : 'success'} data-testid="due-next">
        <AlertTitle>{t.dueTitle}</AlertTitle>
        {overview.dueNext.length > 0 ? (
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {overview.dueNext.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </Box>
        ) : (
          t.nothingDue
        )}
      </Alert>

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="ov-months">
        <Typography id="ov-months" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          {year}年{t.months}
        </Typography>
        <Grid container spacing={1}>
          {overview.months.map((m) => (
            <Grid key={m.month} size={{ xs: 4, sm: 3, md: 2, lg: 1 }}>
              <StatusCell
                title={`${m.month}月`}
                state={m.state}
                overdue={m.overdue}
                notOwed={m.notOwed}
                to={`/official/record/${monthKey(year, m.month)}`}
              />
            </Grid>
          ))}
        </Grid>
      </Paper>

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="ov-quarters">
        <Typography id="ov-quarters" variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t.quarters}
        </Typography>
        <Grid container spacing={1}>
          {overview.quarters.map((q) => (
            <Grid key={q.quarter} size={{ xs: 6, md: 3 }}>
              <StatusCell
                title={`第${q.quarter}季度`}
                state={q.state}
                overdue={q.overdue}
                notOwed={q.notOwed}
                to={`/official/summary/${quarterKey(year, q.quarter)}`}
              />
            </Grid>
          ))}
        </Grid>
      </Paper>

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="ov-plan">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography id="ov-plan" variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {t.plan}
          </Typography>
          {plan ? <StateChip label={planStateLabels[plan.state]} tone={planStateTone[plan.state]} /> : null}
        </Stack>
        {overview.planItems.length === 0 ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography color="text.secondary">{t.noPlan}</Typography>
            <Button component={Link} to="/official/plan" variant="outlined" size="small">
              {t.writePlan}
            </Button>
          </Stack>
        ) : (
          <Table size="small" aria-label={t.plan}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>序号</TableCell>
                <TableCell>工作任务</TableCell>
                <TableCell sx={{ width: 130 }}>完成时限</TableCell>
                <TableCell sx={{ width: 260 }}>完成进度</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {overview.planItems.map((p, i) => (
                <TableRow key={p.id}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell>{p.task.trim() || '(未填写)'}</TableCell>
                  <TableCell sx={{ color: p.overdue ? 'error.main' : undefined, whiteSpace: 'nowrap' }}>
                    {p.deadline || '—'}
                    {p.overdue ? `(${t.overdue})` : ''}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <LinearProgress
                        variant="determinate"
                        value={Math.max(0, Math.min(100, p.percent))}
                        color={p.overdue ? 'error' : p.percent >= 100 ? 'success' : 'primary'}
                        sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
                        aria-label={`${p.task.trim()} 完成进度`}
                      />
                      <Typography variant="body2" sx={{ width: 44, textAlign: 'right' }}>
                        {p.percent}%
                      </Typography>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
