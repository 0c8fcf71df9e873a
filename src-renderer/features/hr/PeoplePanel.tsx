import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  FormControlLabel,
  Stack,
  Table,
  TableContainer,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { compareChinese } from '../../../shared/domain/collate';
import {
  genderLabels,
  leftOn,
  maskIdNumber,
  periodsOfPerson,
  positionCategoryLabels,
  rankLevelLabel,
  roleLabels,
  chineseDay,
  type Person,
} from '../../../shared/domain';
import { describeError } from '../../../shared/errors/messages.zh';
import { activeKeys } from '../../../shared/sync';
import {
  deletePerson,
  getCurrentRoster,
  listUnits,
  markPersonLeft,
  markPersonReturned,
} from '../../../shared/store';
import { useServices } from '../../state/services';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { Section } from '../../components/Section';
import { VirtualRows } from '../../components/VirtualRows';
import { useEnrollments } from './enrollments';
import { PersonDialog } from './PersonDialog';
import { PersonDateDialog } from './PersonDateDialog';
import { PersonPeriodsDialog } from './PersonPeriods';
import { personText as pt } from './person-strings';
import { orgText } from './rules/org-strings';

const t = zh.sync.hr;

type Confirming = { kind: 'remove'; person: Person };
type Dated = { kind: 'leave' | 'return'; person: Person };

const secondary = {
  display: 'block',
  color: 'text.secondary',
  fontSize: '0.75rem',
  lineHeight: 1.4,
} as const;

/**
 * 人员: everyone in the roster, with 编辑 (the full record; unit, supervisor and roles on a date),
 * 离职(调出) and 恢复在职 on a date, 任职经历 and 删除 per row.
 */
export function PeoplePanel() {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const data = useLiveQuery(async () => {
    // All reads start together so that the live query watches every table it depends on.
    const [people, units, roster] = await Promise.all([
      db.people.toArray(),
      listUnits(db),
      getCurrentRoster(db),
    ]);
    return {
      people: people.sort((a, b) => compareChinese(a.name, b.name)),
      units,
      roster,
      // Looked up once per row: maps, not searches (an organisation has thousands of people).
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      names: new Map(people.map((p) => [p.id, p.name])),
      listed: new Map((roster?.roster.people ?? []).map((r) => [r.id, r])),
    };
  }, [db]);
  const pending = useEnrollments((s) => s.pending);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [dated, setDated] = useState<Dated | null>(null);
  const [history, setHistory] = useState<Person | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showLeft, setShowLeft] = useState(false);
  if (!data) return null;
  const { people, units } = data;
  const leftCount = people.filter((p) => !p.active).length;
  const shown = people.filter((p) => p.active || showLeft);
  const unitName = (id: string) => data.unitNames.get(id) ?? '';
  const nameOf = (id: string | null) => (id ? (data.names.get(id) ?? '') : '');
  const keyState = (p: Person) => {
    const listed = data.listed.get(p.id);
    if (listed && activeKeys(listed).length > 0) return t.keyBound;
    if (pending.some((e) => e.boundTo === p.id)) return t.keyPending;
    return t.keyNone;
  };

  const ask = (c: Confirming) => {
    setConfirmError(null);
    setConfirming(c);
  };
  const confirm = async () => {
    if (!confirming) return;
    const { kind, person } = confirming;
    setBusy(true);
    try {
      if (kind === 'remove') {
        await deletePerson(db, person.id);
        notify({ kind: 'success', text: orgText.removed(person.name) });
      }
      setConfirming(null);
    } catch (e) {
      const d = describeError(e);
      if (d.fields.length > 0) setConfirmError(d.fields.map((f) => f.message).join(';'));
      else {
        setConfirming(null);
        reportError(e);
      }
    } finally {
      setBusy(false);
    }
  };
  const onDate = async (on: string) => {
    if (!dated) return;
    const { kind, person } = dated;
    if (kind === 'leave') {
      await markPersonLeft(db, person.id, on);
      notify({ kind: 'success', text: orgText.leftDone(person.name) });
    } else {
      await markPersonReturned(db, person.id, on);
      notify({ kind: 'success', text: orgText.returned(person.name) });
    }
  };
  const leftDay = (p: Person) => {
    const day = p.active ? null : leftOn(periodsOfPerson(p));
    return day ? chineseDay(day) : '';
  };

  return (
    <Section id="hr-people" title={t.people}>
      <TableContainer sx={{ maxHeight: '70vh' }}>
        <Table
          size="small"
          stickyHeader
          aria-label={t.people}
          aria-rowcount={shown.length + 1}
          sx={{ '& .MuiTableCell-root': { px: 1 }, '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}
        >
          <TableHead>
            <TableRow>
              {[
                pt.staffNo,
                t.personName,
                pt.gender,
                t.personUnit,
                pt.title,
                zh.wizard.rankLevel,
                t.roles,
                t.supervisor,
                pt.joinedShort,
                pt.status,
                orgText.actions,
              ].map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <VirtualRows
              count={shown.length}
              colSpan={11}
              estimate={53}
              renderRow={(i) => {
                const p = shown[i]!;
                return (
                  <TableRow
                    key={p.id}
                    data-testid="person-row"
                    aria-rowindex={i + 2}
                    sx={p.active ? undefined : { opacity: 0.7 }}
                  >
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.staffNo ?? '—'}</TableCell>
                    <TableCell>
                      {p.name}
                      {p.idNumber ? (
                        <Box
                          component="span"
                          sx={{ ...secondary, whiteSpace: 'nowrap' }}
                          title={pt.idNumberHelp}
                        >
                          {maskIdNumber(p.idNumber)}
                        </Box>
                      ) : null}
                    </TableCell>
                    <TableCell>{p.gender ? genderLabels[p.gender] : '—'}</TableCell>
                    <TableCell>{unitName(p.unitId)}</TableCell>
                    <TableCell>{p.title ?? '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {rankLevelLabel(p.rankLevel)}
                      <Box component="span" sx={secondary}>
                        {positionCategoryLabels[p.positionCategory]}
                      </Box>
                    </TableCell>
                    <TableCell>{p.roles.map((r) => roleLabels[r]).join('、')}</TableCell>
                    <TableCell>{nameOf(p.supervisorId) || '—'}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.joinedOn ?? '—'}</TableCell>
                    <TableCell>
                      {p.active ? (
                        <>
                          {orgText.active}
                          <Box component="span" sx={{ ...secondary, whiteSpace: 'nowrap' }}>
                            {pt.keyState(keyState(p))}
                          </Box>
                        </>
                      ) : (
                        <>
                          <Chip size="small" label={orgText.left} />
                          {leftDay(p) ? (
                            <Box component="span" sx={secondary}>
                              {pt.leftSince(leftDay(p))}
                            </Box>
                          ) : null}
                        </>
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack
                        direction="row"
                        sx={{ '& .MuiButton-root': { minWidth: 0, px: 0.75, whiteSpace: 'nowrap' } }}
                      >
                        {p.active ? (
                          <>
                            <Button
                              size="small"
                              onClick={() => setEditing(p)}
                              aria-label={`${t.edit}:${p.name}`}
                            >
                              {t.edit}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => setDated({ kind: 'leave', person: p })}
                              aria-label={`${orgText.leave}:${p.name}`}
                            >
                              {orgText.leave}
                            </Button>
                          </>
                        ) : (
                          <>
                            <Button
                              size="small"
                              onClick={() => setHistory(p)}
                              aria-label={`${pt.periodsButton}:${p.name}`}
                            >
                              {pt.periodsButton}
                            </Button>
                            <Button
                              size="small"
                              onClick={() => setDated({ kind: 'return', person: p })}
                              aria-label={`${orgText.returnBack}:${p.name}`}
                            >
                              {orgText.returnBack}
                            </Button>
                          </>
                        )}
                        <Button
                          size="small"
                          color="error"
                          onClick={() => ask({ kind: 'remove', person: p })}
                          aria-label={`${orgText.remove}:${p.name}`}
                        >
                          {orgText.remove}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                );
              }}
            />
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box>
          <Button variant="outlined" onClick={() => setEditing('new')}>
            {t.addPerson}
          </Button>
        </Box>
        {leftCount > 0 ? (
          <FormControlLabel
            control={<Checkbox checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)} />}
            label={orgText.showLeft(leftCount)}
          />
        ) : null}
      </Stack>
      {editing ? (
        <PersonDialog
          person={editing === 'new' ? null : editing}
          units={units}
          people={people}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {history ? (
        <PersonPeriodsDialog
          person={history}
          units={units}
          people={people}
          onClose={() => setHistory(null)}
        />
      ) : null}
      {dated?.kind === 'leave' ? (
        <PersonDateDialog
          key={`leave-${dated.person.id}`}
          title={orgText.leaveTitle(dated.person.name)}
          label={pt.leaveDate}
          help={pt.leaveDateHelp}
          confirmText={orgText.leaveConfirm}
          onConfirm={onDate}
          onClose={() => setDated(null)}
        >
          <Alert severity="warning" role="note">
            {pt.leaveConsequence}
          </Alert>
          <Typography variant="body2">{pt.leaveKeeps}</Typography>
        </PersonDateDialog>
      ) : null}
      {dated?.kind === 'return' ? (
        <PersonDateDialog
          key={`return-${dated.person.id}`}
          title={pt.returnTitle(dated.person.name)}
          label={pt.returnDate}
          help={pt.returnDateHelp}
          confirmText={pt.returnConfirm}
          onConfirm={onDate}
          onClose={() => setDated(null)}
        >
          <Typography variant="body2">{pt.returnBody(leftDay(dated.person))}</Typography>
        </PersonDateDialog>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming ? orgText.removeTitle(confirming.person.name) : ''}
        confirmText={orgText.removeConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(null)}
        busy={busy}
      >
        <Typography variant="body2">{orgText.removeBody}</Typography>
        {confirmError ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {confirmError}
          </Alert>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}
