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
import { positionCategoryLabels, rankLevelLabel, roleLabels, type Person } from '../../../shared/domain';
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
import { orgText } from './rules/org-strings';

const t = zh.sync.hr;

type Confirming = { kind: 'leave' | 'remove'; person: Person };

/** 人员: everyone in the roster, with 编辑 (unit, supervisor, roles…), 离职(调出), 恢复在职 and 删除 per row. */
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
      if (kind === 'leave') {
        await markPersonLeft(db, person.id);
        notify({ kind: 'success', text: orgText.leftDone(person.name) });
      } else {
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
  const returnBack = async (p: Person) => {
    try {
      await markPersonReturned(db, p.id);
      notify({ kind: 'success', text: orgText.returned(p.name) });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Section id="hr-people" title={t.people}>
      <TableContainer sx={{ maxHeight: '70vh' }}>
        <Table size="small" stickyHeader aria-label={t.people} aria-rowcount={shown.length + 1}>
          <TableHead>
            <TableRow>
              {[
                t.personName,
                t.personUnit,
                zh.wizard.positionCategory,
                zh.wizard.rankLevel,
                t.roles,
                t.supervisor,
                orgText.status,
                t.keys,
                orgText.actions,
              ].map((c) => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <VirtualRows
              count={shown.length}
              colSpan={9}
              estimate={45}
              renderRow={(i) => {
                const p = shown[i]!;
                return (
                  <TableRow
                    key={p.id}
                    data-testid="person-row"
                    aria-rowindex={i + 2}
                    sx={p.active ? undefined : { opacity: 0.7 }}
                  >
                    <TableCell>{p.name}</TableCell>
                    <TableCell>{unitName(p.unitId)}</TableCell>
                    <TableCell>{positionCategoryLabels[p.positionCategory]}</TableCell>
                    <TableCell>{rankLevelLabel(p.rankLevel)}</TableCell>
                    <TableCell>{p.roles.map((r) => roleLabels[r]).join('、')}</TableCell>
                    <TableCell>{nameOf(p.supervisorId) || '—'}</TableCell>
                    <TableCell>
                      {p.active ? orgText.active : <Chip size="small" label={orgText.left} />}
                    </TableCell>
                    <TableCell>{keyState(p)}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5}>
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
                              onClick={() => ask({ kind: 'leave', person: p })}
                              aria-label={`${orgText.leave}:${p.name}`}
                            >
                              {orgText.leave}
                            </Button>
                          </>
                        ) : (
                          <Button
                            size="small"
                            onClick={() => void returnBack(p)}
                            aria-label={`${orgText.returnBack}:${p.name}`}
                          >
                            {orgText.returnBack}
                          </Button>
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
      <ConfirmDialog
        open={confirming !== null}
        title={
          confirming
            ? confirming.kind === 'leave'
              ? orgText.leaveTitle(confirming.person.name)
              : orgText.removeTitle(confirming.person.name)
            : ''
        }
        confirmText={confirming?.kind === 'remove' ? orgText.removeConfirm : orgText.leaveConfirm}
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(null)}
        busy={busy}
      >
        <Typography variant="body2">
          {confirming?.kind === 'remove' ? orgText.removeBody : orgText.leaveBody}
        </Typography>
        {confirmError ? (
          <Alert severity="error" sx={{ mt: 2 }} role="alert">
            {confirmError}
          </Alert>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}
