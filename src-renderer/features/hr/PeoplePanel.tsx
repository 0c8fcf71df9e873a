import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { positionCategoryLabels, rankLevelLabel, roleLabels, type Person } from '../../../shared/domain';
import { activeKeys } from '../../../shared/sync/model';
import { getCurrentRoster, listUnits } from '../../../shared/store';
import { useServices } from '../../app/services';
import { zh } from '../../i18n/zh';
import { Section } from '../sync/Section';
import { useEnrollments } from './enrollments';
import { PersonDialog } from './PersonDialog';

const t = zh.sync.hr;

export function PeoplePanel() {
  const { db } = useServices();
  const data = useLiveQuery(
    async () => ({
      people: (await db.people.toArray()).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      units: await listUnits(db),
      roster: await getCurrentRoster(db),
    }),
    [db],
  );
  const pending = useEnrollments((s) => s.pending);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  if (!data) return null;
  const { people, units, roster } = data;
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  const nameOf = (id: string | null) => (id ? (people.find((p) => p.id === id)?.name ?? '') : '');
  const keyState = (p: Person) => {
    const listed = roster?.roster.people.find((r) => r.id === p.id);
    if (listed && activeKeys(listed).length > 0) return t.keyBound;
    if (pending.some((e) => e.boundTo === p.id)) return t.keyPending;
    return t.keyNone;
  };
  return (
    <Section id="hr-people" title={t.people}>
      <Table size="small" aria-label={t.people}>
        <TableHead>
          <TableRow>
            {[t.personName, t.personUnit, zh.wizard.positionCategory, zh.wizard.rankLevel, t.roles, t.supervisor, t.keys, ''].map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {people.map((p) => (
            <TableRow key={p.id} data-testid="person-row">
              <TableCell>{p.name}</TableCell>
              <TableCell>{unitName(p.unitId)}</TableCell>
              <TableCell>{positionCategoryLabels[p.positionCategory]}</TableCell>
              <TableCell>{rankLevelLabel(p.rankLevel)}</TableCell>
              <TableCell>{p.roles.map((r) => roleLabels[r]).join('、')}</TableCell>
              <TableCell>{nameOf(p.supervisorId) || '—'}</TableCell>
              <TableCell>{keyState(p)}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setEditing(p)} aria-label={`${t.edit}:${p.name}`}>
                  {t.edit}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Box>
        <Button variant="outlined" onClick={() => setEditing('new')}>
          {t.addPerson}
        </Button>
      </Box>
      {editing ? (
        <PersonDialog person={editing === 'new' ? null : editing} units={units} people={people} onClose={() => setEditing(null)} />
      ) : null}
    </Section>
  );
}
