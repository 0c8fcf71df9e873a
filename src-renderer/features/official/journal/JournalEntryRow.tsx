import { Box, Button, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { journalDateLabel, type JournalEntry } from '../../../../shared/domain/journal';
import type { PlanItem } from '../../../../shared/domain/plan';
import { WORK_STATUSES, workStatusLabels, type WorkStatus } from '../../../../shared/domain/record-book';
import { updateJournalEntry } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import { SaveStatus } from '../../../components/SaveStatus';
import { useAutosave } from '../../../components/useAutosave';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { selectName } from '../common';
import { draftKeys, useOfficial } from '../context';
import { planItemLabel } from '../record/WorkItemsEditor';

const t = zh.official.journal;
const NONE = '__none__';

/** One entry: its text autosaves like every other form; the choices are saved as they are picked. */
export function JournalEntryRow({ entry, planItems, onDelete }: { entry: JournalEntry; planItems: readonly PlanItem[]; onDelete: () => void }) {
  const { db } = useServices();
  const { personId } = useOfficial();
  const { reportError } = useNotifications();
  const autosave = useAutosave<string>({
    key: draftKeys.journalEntry(personId, entry.id),
    initial: entry.content,
    storedAt: entry.updatedAt ?? entry.createdAt,
    save: (content) => updateJournalEntry(db, entry.id, { content }),
    editable: true,
  });
  const label = journalDateLabel(entry);
  const set = (patch: Parameters<typeof updateJournalEntry>[2]) => {
    updateJournalEntry(db, entry.id, patch).catch(reportError);
  };
  const linked = entry.planItemId !== undefined && planItems.some((p) => p.id === entry.planItemId);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label={`${label}的记录`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
          {label}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <SaveStatus status={autosave.status} />
        <Button size="small" color="error" onClick={onDelete} aria-label={t.remove(label)}>
          删除
        </Button>
      </Stack>
      <Grid container spacing={1.5}>
        <Grid size={{ xs: 12, md: 5 }}>
          <TextField
            label={t.content}
            multiline
            value={autosave.draft ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              autosave.update(() => v);
            }}
            slotProps={{ htmlInput: { 'aria-label': `${label} ${t.content}` } }}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField
            select
            label={t.planItem}
            value={linked ? entry.planItemId : NONE}
            onChange={(e) => set({ planItemId: e.target.value === NONE ? undefined : e.target.value })}
            slotProps={selectName(`${label} ${t.planItem}`)}
          >
            <MenuItem value={NONE}>{zh.official.record.noPlanItem}</MenuItem>
            {planItems.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {planItemLabel(planItems, p.id)}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField
            select
            label={t.status}
            value={entry.status ?? 'inProgress'}
            onChange={(e) => {
              const status = e.target.value as WorkStatus;
              set(status === 'completed' ? { status, percent: 100 } : { status });
            }}
            slotProps={selectName(`${label} ${t.status}`)}
          >
            {WORK_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {workStatusLabels[s]}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <TextField
            label={t.percent}
            type="number"
            value={entry.percent ?? ''}
            onChange={(e) => set({ percent: e.target.value === '' ? undefined : Math.max(0, Math.min(100, Number(e.target.value))) })}
            slotProps={{ htmlInput: { 'aria-label': `${label} ${t.percent}`, min: 0, max: 100, step: 5 } }}
          />
        </Grid>
      </Grid>
    </Paper>
  );
}
