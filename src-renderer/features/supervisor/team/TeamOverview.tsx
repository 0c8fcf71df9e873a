/**
 * 团队概览: the 待办 list (what awaits the supervisor, most urgent first, each a link to where it is
 * done), then one row per direct report × 计划 / 1月…12月 / 一季度…四季度, then the quarter registers.
 */
import {
  Alert,
  Box,
  Chip,
  Link as MuiLink,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link } from 'react-router';
import {
  quarterGradeLabels,
  teamActionLabels,
  teamMonthStateLabels,
  teamPlanStateLabels,
  teamQuarterStateLabels,
  type TeamAction,
  type TeamOverview as Overview,
  type TeamQuarterCell,
} from '../../../../shared/domain';
import type { TeamMember } from '../../../../shared/store';
import type { RosterPerson } from '../../../../shared/sync';
import { Loading, PageHeader, type ChipTone } from '../../../components/page-parts';
import { teamMonthTone, teamPlanTone, teamQuarterTone } from './chips';
import { useTeamOverview } from './data';
import { actionPath, supervisorPaths } from './links';
import { st } from './strings';
import { Refusals } from './Refusals';
import { visuallyHidden } from '../../../components/visuallyHidden';

const t = st.overview;

const actionTone: Record<TeamAction['kind'], ChipTone> = {
  approvePlan: 'primary',
  reviewRecord: 'info',
  evaluate: 'primary',
  feedback: 'warning',
  signRegister: 'success',
};

type Props = { me: RosterPerson; team: readonly TeamMember[]; year: number };

export function TeamOverview({ me, team, year }: Props) {
  const overview = useTeamOverview(me, team, year);
  if (!overview) return <Loading />;
  const nothingYet = overview.people.every(
    (p) => p.plan.version === 0 && p.months.every((m) => m.version === 0),
  );
  return (
    <Stack spacing={3}>
      <PageHeader title={t.heading(year)} />
      {nothingYet ? (
        <Alert severity="info" data-testid="nothing-received">
          {st.emptyHint}
        </Alert>
      ) : null}
      <Refusals me={me} team={team} year={year} />
      <TodoList actions={overview.actions} />
      <TeamGrid overview={overview} />
      <Registers overview={overview} />
    </Stack>
  );
}

function TodoList({ actions }: { actions: readonly TeamAction[] }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="team-todo-heading" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="subtitle1" component="h3" id="team-todo-heading" sx={{ fontWeight: 600 }}>
          {t.todo}
        </Typography>
        {actions.length > 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t.todoCount(actions.length)}
          </Typography>
        ) : null}
      </Stack>
      {actions.length === 0 ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {t.todoEmpty}
        </Typography>
      ) : (
        <List dense aria-labelledby="team-todo-heading" data-testid="team-todo">
          {actions.map((a) => (
            <ListItem key={`${a.kind}-${a.personId ?? ''}-${a.quarter ?? ''}-${a.month ?? ''}`} disablePadding>
              <ListItemButton component={Link} to={actionPath(a)} sx={{ borderRadius: 1, alignItems: 'flex-start' }}>
                <Chip
                  size="small"
                  label={teamActionLabels[a.kind]}
                  color={actionTone[a.kind]}
                  sx={{ mr: 1.5, mt: 0.25, minWidth: 96 }}
                />
                <ListItemText primary={a.text} secondary={a.detail} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}

function quarterLabel(q: TeamQuarterCell): string {
  if (q.evaluation) {
    const grade = quarterGradeLabels[q.evaluation.grade];
    return q.evaluation.score !== undefined ? `${grade} ${q.evaluation.score}` : grade;
  }
  return teamQuarterStateLabels[q.state];
}

const cellSx = { px: 0.5, py: 0.75, textAlign: 'center', whiteSpace: 'nowrap' } as const;

function TeamGrid({ overview }: { overview: Overview }) {
  const { year } = overview;
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <Box component="section" aria-labelledby="team-grid-heading">
      <Typography variant="subtitle1" component="h3" id="team-grid-heading" sx={{ fontWeight: 600, mb: 1 }}>
        {t.gridLabel}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t.gridLabel}>
          <TableHead>
            <TableRow>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.name}</TableCell>
              <TableCell sx={cellSx}>{t.plan}</TableCell>
              {months.map((m) => (
                <TableCell key={m} sx={cellSx}>
                  {t.month(m)}
                </TableCell>
              ))}
              {[1, 2, 3, 4].map((q) => (
                <TableCell key={`q${q}`} sx={cellSx}>
                  {t.quarter(q)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.people.map((p) => (
              <TableRow key={p.personId} hover data-testid={`team-row-${p.personId}`}>
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  <MuiLink
                    component={Link}
                    to={supervisorPaths.person(p.personId, year)}
                    aria-label={t.openPerson(p.name)}
                  >
                    {p.name}
                  </MuiLink>
                </TableCell>
                <TableCell sx={cellSx}>
                  <Chip
                    size="small"
                    clickable
                    component={Link}
                    to={supervisorPaths.person(p.personId, year, 'plan')}
                    label={teamPlanStateLabels[p.plan.state]}
                    color={teamPlanTone[p.plan.state]}
                    variant={p.plan.state === 'missing' ? 'outlined' : 'filled'}
                    aria-label={t.planCell(p.name, teamPlanStateLabels[p.plan.state])}
                  />
                </TableCell>
                {p.months.map((m) => {
                  const label = teamMonthStateLabels[m.state];
                  const name = t.monthCell(p.name, m.month, label);
                  return (
                    <TableCell key={m.month} sx={cellSx}>
                      {m.version > 0 ? (
                        <Chip
                          size="small"
                          clickable
                          component={Link}
                          to={supervisorPaths.person(p.personId, year, 'record', m.month)}
                          label={label}
                          color={teamMonthTone[m.state]}
                          aria-label={name}
                          title={m.returnReason}
                        />
                      ) : (
                        <Chip
                          size="small"
                          label={
                            m.state === 'notYetDue' ? (
                              <>
                                <span aria-hidden="true">—</span>
                                <Box component="span" sx={visuallyHidden}>
                                  {label}
                                </Box>
                              </>
                            ) : (
                              label
                            )
                          }
                          color={teamMonthTone[m.state]}
                          variant="outlined"
                          title={name}
                        />
                      )}
                    </TableCell>
                  );
                })}
                {p.quarters.map((q) => {
                  const label = quarterLabel(q);
                  return (
                    <TableCell key={`q${q.quarter}`} sx={cellSx}>
                      <Chip
                        size="small"
                        clickable
                        component={Link}
                        to={supervisorPaths.evaluate(p.personId, year, q.quarter)}
                        label={label}
                        color={teamQuarterTone[q.state]}
                        variant={q.state === 'notYetDue' || q.state === 'collecting' ? 'outlined' : 'filled'}
                        aria-label={t.openQuarter(p.name, q.quarter, label)}
                      />
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
        {t.legend}
      </Typography>
    </Box>
  );
}

function Registers({ overview }: { overview: Overview }) {
  return (
    <Box component="section" aria-labelledby="team-registers-heading">
      <Typography
        variant="subtitle1"
        component="h3"
        id="team-registers-heading"
        sx={{ fontWeight: 600, mb: 1 }}
      >
        {t.registers}
      </Typography>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {overview.registers.map((r) => (
          <Box key={r.quarter}>
            <MuiLink component={Link} to={supervisorPaths.register(overview.year, r.quarter)}>
              {t.registerLink(r.quarter)}
            </MuiLink>
            <Typography variant="body2" color="text.secondary">
              {t.registerStatus(r.evaluated, r.total, r.signedVersion, r.upToDate)}
            </Typography>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
