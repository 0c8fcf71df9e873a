/** 年度考核评语: the supervisor's reports of the year, each with its 年度个人总结, quarters and 评语 state. */
import {
  Button,
  Link as MuiLink,
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
import { quarterGradeLabels } from '../../../../shared/domain';
import type { TeamMember } from '../../../../shared/store';
import { Loading, PageHeader, StateChip } from '../../../components/page-parts';
import { useAnnualTeam, useYearTeam } from './data';
import { suggestionLabel } from './form';
import { annualPaths } from './paths';
import { annualText as t } from './strings';

export function AnnualTeamPage({ year }: { year: number }) {
  const team = useYearTeam(year);
  return team ? <AnnualTeamTable team={team} year={year} /> : <Loading />;
}

function AnnualTeamTable({ team, year }: { team: readonly TeamMember[]; year: number }) {
  const rows = useAnnualTeam(team, year);
  if (!rows) return <Loading />;
  const c = t.columns;
  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.listHeading(year)}
        actions={
          <Button component={Link} to={`/supervisor?year=${year}`} variant="text">
            {t.back}
          </Button>
        }
      />
      <Typography color="text.secondary">{t.listIntro}</Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t.tableLabel(year)}>
          <TableHead>
            <TableRow>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.summary}</TableCell>
              <TableCell>{c.quarters}</TableCell>
              <TableCell>{c.comment}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.person.id} hover data-testid={`annual-team-${r.person.id}`}>
                <TableCell component="th" scope="row">
                  <MuiLink
                    component={Link}
                    to={annualPaths.person(r.person.id, year)}
                    aria-label={t.openPerson(r.person.name)}
                  >
                    {r.person.name}
                  </MuiLink>
                </TableCell>
                <TableCell>
                  {r.summaryVersion ? (
                    <StateChip label={t.summaryVersion(r.summaryVersion)} tone="success" />
                  ) : (
                    <StateChip label={t.summaryNone} tone="default" />
                  )}
                </TableCell>
                <TableCell>
                  {r.quarters.map((q) => (q.grade ? quarterGradeLabels[q.grade] : t.noQuarter)).join(' · ')}
                </TableCell>
                <TableCell>
                  {r.signed ? (
                    <StateChip
                      label={t.commentSigned(r.signed.version, suggestionLabel(r.signed.suggestion))}
                      tone={r.hasDraft ? 'warning' : 'success'}
                    />
                  ) : r.hasDraft ? (
                    <StateChip label={t.commentDraft} tone="info" />
                  ) : (
                    <StateChip label={t.commentNone} tone="default" />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
