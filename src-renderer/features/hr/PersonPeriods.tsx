import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  chineseDay,
  leftOn,
  maskIdNumber,
  periodsOfPerson,
  roleLabels,
  type OrgUnit,
  type Person,
} from '../../../shared/domain';
import { periodSpan, personText as pt } from './person-strings';

/** 任职经历: a person's dated periods, newest first, read only (the changes are made in 编辑 / 离职). */
export function PersonPeriods({
  person,
  units,
  people,
}: {
  person: Person;
  units: readonly OrgUnit[];
  people: readonly Person[];
}) {
  const periods = periodsOfPerson(person);
  const rows = [...periods].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? pt.unitGone;
  const personName = (id: string | null) =>
    id === null ? pt.none : (people.find((p) => p.id === id)?.name ?? pt.personGone);
  const gone = person.active ? null : leftOn(periods);
  return (
    <Stack spacing={1.5}>
      {person.idNumber ? (
        <Typography variant="body2" color="text.secondary">
          {pt.idNumber}:{maskIdNumber(person.idNumber)}
        </Typography>
      ) : null}
      {gone ? (
        <Typography variant="body2" data-testid="periods-left">
          {pt.periodsLeft(chineseDay(gone))}
        </Typography>
      ) : null}
      {rows.length === 0 ? (
        <Typography variant="body2">{pt.periodsEmpty}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={pt.periodsCaption(person.name)}>
            <TableHead>
              <TableRow>
                <TableCell>{pt.periodsSpan}</TableCell>
                <TableCell>{pt.periodsUnit}</TableCell>
                <TableCell>{pt.periodsSupervisor}</TableCell>
                <TableCell>{pt.periodsRoles}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => (
                <TableRow key={`${p.from ?? ''}|${p.to ?? ''}`} data-testid="period-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{periodSpan(p)}</TableCell>
                  <TableCell>{unitName(p.unitId)}</TableCell>
                  <TableCell>{personName(p.supervisorId)}</TableCell>
                  <TableCell>{p.roles.map((r) => roleLabels[r]).join('、') || pt.none}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Typography variant="body2" color="text.secondary">
        {pt.periodsNote}
      </Typography>
    </Stack>
  );
}

/** The 任职经历 of a person who has left (their record is no longer edited). */
export function PersonPeriodsDialog({
  person,
  units,
  people,
  onClose,
}: {
  person: Person;
  units: readonly OrgUnit[];
  people: readonly Person[];
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} aria-labelledby="person-periods-title" maxWidth="md" fullWidth>
      <DialogTitle id="person-periods-title">{pt.historyTitle(person.name)}</DialogTitle>
      <DialogContent>
        <PersonPeriods person={person} units={units} people={people} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {pt.close}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
