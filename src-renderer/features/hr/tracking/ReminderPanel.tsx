/** 督促名单: who still owes what, by unit and supervisor, exported to Word and Excel. */
import { useMemo, useState } from 'react';
import { auditOutput } from '../../../../shared/store';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import {
  describeTrackingRules,
  localIsoDate,
  reminderList,
  reminderTotals,
  type TrackingRow,
} from '../../../../shared/domain';
import { toBytes } from '../../../../shared/documents';
import {
  buildReminderList,
  buildReminderListXlsx,
  reminderListFileName,
  type ReminderListForm,
} from '../../../../shared/documents/reminder-list';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { trackingText as t } from './strings';

const SHOWN_LINES = 300;

export function ReminderPanel({
  rows,
  year,
  now,
  organisation,
}: {
  rows: readonly TrackingRow[];
  year: number;
  now: Date;
  organisation: string;
}) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [busy, setBusy] = useState(false);
  const groups = useMemo(() => reminderList(rows), [rows]);
  const totals = reminderTotals(groups);
  // On screen, the first lines only (a new year's January owes everyone's plan: thousands of lines);
  // the Word and Excel lists always hold everyone.
  const [showAll, setShowAll] = useState(false);
  const { visible, hidden } = useMemo(() => {
    if (showAll) return { visible: groups, hidden: 0 };
    let left = SHOWN_LINES;
    const out: typeof groups = [];
    for (const g of groups) {
      if (left <= 0) break;
      const lines = g.lines.slice(0, left);
      left -= lines.length;
      out.push({ ...g, lines });
    }
    const shown = out.reduce((n, g) => n + g.lines.length, 0);
    return { visible: out, hidden: totals.people - shown };
  }, [groups, showAll, totals.people]);

  const form = (): ReminderListForm => ({
    kind: 'reminderList',
    organisation,
    year,
    asOf: localIsoDate(now),
    rules: describeTrackingRules(),
    groups: groups.map((g) => ({
      unitName: g.unitName,
      supervisorName: g.supervisorName,
      lines: g.lines.map((l) => ({ name: l.name, items: l.items })),
    })),
  });

  const save = async (kind: 'docx' | 'xlsx') => {
    setBusy(true);
    try {
      const f = form();
      const name = reminderListFileName(f, kind);
      const data = kind === 'docx' ? await toBytes(buildReminderList(f)) : buildReminderListXlsx(f);
      const saved = await host.saveFile({
        suggestedName: name,
        data: new Uint8Array(data),
        filters: [
          kind === 'docx'
            ? { name: t.wordFilter, extensions: ['docx'] }
            : { name: t.excelFilter, extensions: ['xlsx'] },
        ],
      });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.(docx|xlsx)$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.exported(name) } : { kind: 'info', text: t.exportCancelled });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      component="section"
      aria-labelledby="reminders-title"
      data-testid="reminder-list"
    >
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id="reminders-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {t.reminders}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t.reminderTotals(totals.people, totals.items)}
          </Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button size="small" variant="outlined" disabled={busy} onClick={() => void save('docx')}>
            {t.exportWord}
          </Button>
          <Button size="small" variant="outlined" disabled={busy} onClick={() => void save('xlsx')}>
            {t.exportExcel}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t.remindersHelp}
        </Typography>
        {groups.length === 0 ? (
          <Typography variant="body2">{t.noReminders}</Typography>
        ) : (
          <Box sx={{ maxHeight: 360, overflow: 'auto' }} tabIndex={0} role="region" aria-label={t.reminders}>
            {visible.map((g) => (
              <Box
                key={`${g.unitId}-${g.supervisorId ?? ''}`}
                component="section"
                aria-label={`${g.unitName} ${t.supervisorOf(g.supervisorName)}`}
                sx={{ mb: 1 }}
              >
                <Typography variant="subtitle2">
                  {g.unitName} · {t.supervisorOf(g.supervisorName)}
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {g.lines.map((l) => (
                    <li key={l.personId} data-testid={`reminder-${l.personId}`}>
                      <Typography variant="body2">
                        <strong>{l.name}</strong>:{l.items.join(';')}
                      </Typography>
                    </li>
                  ))}
                </Box>
              </Box>
            ))}
            {hidden > 0 ? (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" color="text.secondary">
                  {t.reminderMore(hidden)}
                </Typography>
                <Button size="small" onClick={() => setShowAll(true)}>
                  {t.reminderShowAll}
                </Button>
              </Stack>
            ) : null}
          </Box>
        )}
      </Stack>
    </Paper>
  );
}
