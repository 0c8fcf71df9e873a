import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Box, CircularProgress, List, ListItem, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { readHrTodo, type HrTodo as Todo } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { Section } from '../../../components/Section';
import { zh } from '../../../i18n/zh';
import { useEnrollments } from '../enrollments';
import { pendingRosterChanges } from '../org-service';
import { periodParam, todoText as t } from './todo-strings';

type Line = { key: string; text: string; to: string };
type Group = { key: string; title: string; note?: string; lines: Line[] };

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** The groups of lines HR's 待办 shows, each line a link to the page that does it, filtered. */
export function todoGroups(todo: Todo, changes: number, bound: number, unbound: number): Group[] {
  const groups: Group[] = [];
  if (todo.filing.length > 0)
    groups.push({
      key: 'filing',
      title: t.filingTitle,
      lines: todo.filing.map((f) => ({
        key: `filing-${f.year}`,
        text: t.filing(f),
        to: `/hr/filing${q({ period: String(f.year), status: 'pending' })}`,
      })),
    });
  const tracking = (unitId: string, period: string, status: 'missing' | 'late') =>
    `/hr/tracking${q({ unit: unitId, sub: '0', period, status })}`;
  const { month, quarter } = todo;
  const monthLines = month
    ? todo.lateness
        .filter((u) => u.monthMissing + u.monthLate > 0)
        .map((u) => ({
          key: `m-${u.unitId}`,
          text: t.unitLine(u.unitName, t.people(u.monthMissing, u.monthLate)),
          to: tracking(u.unitId, periodParam.month(month), u.monthMissing > 0 ? 'missing' : 'late'),
        }))
    : [];
  if (month && monthLines.length > 0)
    groups.push({ key: 'month', title: t.monthTitle(month), note: t.onlyOwn, lines: monthLines });
  const quarterLines = quarter
    ? todo.lateness
        .filter((u) => u.quarterMissing + u.quarterLate > 0)
        .map((u) => ({
          key: `q-${u.unitId}`,
          text: t.unitLine(u.unitName, t.items(u.quarterMissing, u.quarterLate)),
          to: tracking(u.unitId, periodParam.quarter(quarter), u.quarterMissing > 0 ? 'missing' : 'late'),
        }))
    : [];
  if (quarter && quarterLines.length > 0)
    groups.push({ key: 'quarter', title: t.quarterTitle(quarter), note: t.onlyOwn, lines: quarterLines });
  if (todo.spotChecks.length > 0)
    groups.push({
      key: 'spot',
      title: t.spotTitle,
      lines: todo.spotChecks.map((s) => ({
        key: `spot-${s.year}`,
        text: t.spot(s),
        to: `/hr/tracking${q({ period: String(s.year) })}`,
      })),
    });
  const roster: Line[] = [];
  if (changes > 0) roster.push({ key: 'changes', text: t.unissued(changes), to: '/hr/people' });
  if (bound > 0) roster.push({ key: 'bound', text: t.boundUnissued(bound), to: '/hr/people' });
  const d = todo.distribution;
  if (d && d.notSent.length > 0) {
    const shown = d.notSent.slice(0, 5).map((p) => p.name);
    roster.push({
      key: 'not-sent',
      text: `${t.notSent(d.version, d.notSent.length, d.recipients)}:${t.notSentNames(shown, d.notSent.length - shown.length)}`,
      // 单位和人员's roster panel holds 导出给所有人.
      to: '/hr/people',
    });
  }
  if (d && d.noKey > 0) roster.push({ key: 'no-key', text: t.noKey(d.noKey), to: '/hr/people' });
  if (roster.length > 0) groups.push({ key: 'roster', title: t.rosterTitle, lines: roster });
  if (unbound > 0)
    groups.push({
      key: 'enroll',
      title: t.enrollTitle,
      lines: [{ key: 'unbound', text: t.unbound(unbound), to: '/hr/people' }],
    });
  return groups;
}

function Group({ title, note, children }: { title: string; note?: string | undefined; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      {note ? (
        <Typography variant="caption" color="text.secondary">
          {note}
        </Typography>
      ) : null}
      {children}
    </Box>
  );
}

/** HR's 待办: what waits for HR on this device, each line a link to the page that does it. */
export function HrTodo({ now }: { now?: Date } = {}) {
  const { db } = useServices();
  const todo = useLiveQuery(() => readHrTodo(db, now ?? new Date()), [db, now]);
  const changes = useLiveQuery(() => pendingRosterChanges(db), [db]);
  const pending = useEnrollments((s) => s.pending);
  const bound = pending.filter((p) => p.boundTo).length;
  const unbound = pending.length - bound;
  const loading = todo === undefined || changes === undefined;
  const groups = todo ? todoGroups(todo, changes?.length ?? 0, bound, unbound) : [];
  return (
    <Section id="hr-todo" title={t.title} help={t.help}>
      {loading ? (
        <Box sx={{ display: 'grid', placeItems: 'center', py: 3 }}>
          <CircularProgress aria-label={zh.common.loading} />
        </Box>
      ) : todo.roster === null ? (
        <List dense disablePadding data-testid="hr-todo-list">
          <ListItem disablePadding>
            <ListItemButton component={Link} to="/hr/people" data-testid="hr-todo-line">
              <ListItemText primary={t.noRoster} secondary={t.openPeople} />
            </ListItemButton>
          </ListItem>
        </List>
      ) : groups.length === 0 ? (
        <Typography data-testid="hr-todo-empty">{t.nothing}</Typography>
      ) : (
        <Stack spacing={1.5} data-testid="hr-todo-list">
          {groups.map((g) => (
            <Group key={g.key} title={g.title} note={g.note}>
              <List dense disablePadding>
                {g.lines.map((l) => (
                  <ListItem key={l.key} disablePadding>
                    <ListItemButton component={Link} to={l.to} data-testid="hr-todo-line">
                      <ListItemText primary={l.text} />
                    </ListItemButton>
                  </ListItem>
                ))}
              </List>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
