import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Button, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { compareChinese } from '../../../shared/domain/collate';
import {
  genderLabels,
  maskIdNumber,
  leftOn,
  periodsOfPerson,
  RANK_LEVELS,
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
import {
  DataList,
  QueryBar,
  describeQuery,
  matchesText,
  unitFilter,
  unitOrder,
  useListQuery,
} from '../../components/list';
import { PeopleBatchDialog, type BatchKind } from './people/PeopleBatchDialog';
import { batchText as bt } from './people/batch-strings';
import { useEnrollments } from './enrollments';
import { PersonDialog } from './PersonDialog';
import { PersonDateDialog } from './PersonDateDialog';
import { PersonPeriodsDialog } from './PersonPeriods';
import { personText as pt } from './person-strings';
import { orgText } from './rules/org-strings';

const t = zh.sync.hr;

type Confirming = { kind: 'remove'; person: Person };
type Dated = { kind: 'leave' | 'return'; person: Person };

const rankIndex = new Map(RANK_LEVELS.map((r, i) => [r.id, i]));
const statusOptions = [
  { value: 'active', label: bt.status.active },
  { value: 'left', label: bt.status.left },
];
const noWrap = { whiteSpace: 'nowrap' } as const;

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
  const [query, setQuery] = useListQuery({ status: 'active' });
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<BatchKind | null>(null);
  const shown = useMemo(() => {
    if (!data) return [];
    const inUnit = unitFilter(data.units, query.unit, query.sub);
    return data.people.filter(
      (p) =>
        inUnit(p.unitId) &&
        (query.rank === null || p.rankLevel === query.rank) &&
        (query.status === null || (query.status === 'left') !== p.active) &&
        matchesText(query.q, p.name, p.staffNo),
    );
  }, [data, query]);
  const columns = useMemo((): GridColDef<Person>[] => {
    if (!data) return [];
    const order = unitOrder(data.units);
    const unitOf = (id: string) => data.unitNames.get(id) ?? '';
    const nameOf = (id: string | null) => (id ? (data.names.get(id) ?? '') : '');
    const keyOf = (p: Person) => {
      const listed = data.listed.get(p.id);
      if (listed && activeKeys(listed).length > 0) return t.keyBound;
      if (pending.some((e) => e.boundTo === p.id)) return t.keyPending;
      return t.keyNone;
    };
    const leftText = (p: Person) => {
      const day = p.active ? null : leftOn(periodsOfPerson(p));
      return day ? pt.leftSince(chineseDay(day)) : orgText.left;
    };
    const byName = (a: string, b: string) => compareChinese(a, b);
    return [
      { field: 'name', headerName: t.personName, minWidth: 76, flex: 0.5, sortComparator: byName },
      {
        field: 'staffNo',
        headerName: pt.staffNo,
        minWidth: 92,
        flex: 0.6,
        valueGetter: (_v, p) => p.staffNo ?? '',
      },
      {
        field: 'unitId',
        headerName: t.personUnit,
        minWidth: 96,
        flex: 1,
        valueFormatter: (v: string) => unitOf(v),
        sortComparator: (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
      },
      {
        field: 'title',
        headerName: pt.title,
        minWidth: 80,
        flex: 0.8,
        valueGetter: (_v, p) => p.title ?? '',
      },
      {
        field: 'rankLevel',
        headerName: zh.wizard.rankLevel,
        minWidth: 116,
        flex: 0.7,
        valueFormatter: (v: string) => rankLevelLabel(v),
        sortComparator: (a: string, b: string) => (rankIndex.get(a) ?? 0) - (rankIndex.get(b) ?? 0),
      },
      {
        field: 'supervisorId',
        headerName: t.supervisor,
        minWidth: 76,
        flex: 0.6,
        valueGetter: (_v, p) => nameOf(p.supervisorId),
        sortComparator: byName,
      },
      {
        field: 'roles',
        headerName: t.roles,
        minWidth: 124,
        flex: 0.8,
        valueGetter: (_v, p) => p.roles.map((r) => roleLabels[r]).join('、'),
      },
      {
        field: 'active',
        headerName: pt.status,
        minWidth: 76,
        flex: 0.6,
        valueGetter: (_v, p) => (p.active ? orgText.active : leftText(p)),
      },
      {
        field: 'gender',
        headerName: pt.gender,
        minWidth: 56,
        valueGetter: (_v, p) => (p.gender ? genderLabels[p.gender] : ''),
      },
      {
        field: 'joinedOn',
        headerName: pt.joinedShort,
        minWidth: 100,
        valueGetter: (_v, p) => p.joinedOn ?? '',
      },
      {
        field: 'idNumber',
        headerName: pt.idNumber,
        minWidth: 170,
        valueGetter: (_v, p) => (p.idNumber ? maskIdNumber(p.idNumber) : ''),
      },
      { field: 'key', headerName: bt.keyColumn, minWidth: 64, flex: 0.4, valueGetter: (_v, p) => keyOf(p) },
      {
        field: 'actions',
        type: 'actions',
        headerName: orgText.actions,
        minWidth: 150,
        sortable: false,
        renderCell: ({ row: p }) => (
          <Stack direction="row" sx={{ '& .MuiButton-root': { minWidth: 0, px: 0.75, ...noWrap } }}>
            {p.active ? (
              <>
                <Button size="small" onClick={() => setEditing(p)} aria-label={`${t.edit}:${p.name}`}>
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
              onClick={() => {
                setConfirmError(null);
                setConfirming({ kind: 'remove', person: p });
              }}
              aria-label={`${orgText.remove}:${p.name}`}
            >
              {orgText.remove}
            </Button>
          </Stack>
        ),
      },
    ];
  }, [data, pending]);
  if (!data) return null;
  const { people, units } = data;
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
      <QueryBar
        query={query}
        onChange={setQuery}
        fields={['q', 'unit', 'rank', 'status']}
        units={units}
        statusOptions={statusOptions}
        qLabel={bt.search}
      />
      <DataList<Person>
        rows={shown}
        columns={columns}
        getRowId={(p) => p.id}
        title={bt.listTitle}
        noun="人"
        exportName={bt.listTitle}
        total={people.length}
        exportNotes={[describeQuery(query, { units, statusOptions, qLabel: bt.search })]}
        hiddenColumns={['gender', 'joinedOn', 'idNumber']}
        checkboxSelection
        selectedIds={selected}
        onSelectionChange={setSelected}
        onRowOpen={(p) => (p.active ? setEditing(p) : setHistory(p))}
        actions={
          <>
            {selected.length > 0
              ? (['supervisor', 'unit', 'leave', 'roles'] as const).map((k) => (
                  <Button key={k} size="small" variant="outlined" onClick={() => setBatch(k)}>
                    {bt.actions[k]}
                  </Button>
                ))
              : null}
            <Button size="small" variant="contained" onClick={() => setEditing('new')}>
              {t.addPerson}
            </Button>
          </>
        }
      />
      {batch ? (
        <PeopleBatchDialog
          kind={batch}
          chosen={people.filter((p) => selected.includes(p.id))}
          everyone={people}
          units={units}
          onClose={() => setBatch(null)}
          onDrop={(ids) => setSelected((s) => s.filter((id) => !ids.includes(id)))}
          onDone={(n) => {
            setSelected([]);
            notify({ kind: 'success', text: n > 0 ? bt.done(bt.actions[batch], n) : bt.nothing });
          }}
        />
      ) : null}
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
