import { Box, Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import { journalDateLabel, type JournalEntry } from '../../../../shared/domain/journal';
import type { PlanItem } from '../../../../shared/domain/plan';
import { updateJournalEntry } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { SaveStatus } from '../../../components/SaveStatus';
import { useAutosave } from '../../../components/useAutosave';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { draftKeys, useOfficial } from '../context';
import { PercentField, PlanItemSelect, WorkStatusSelect, statusPatch } from '../record/WorkProgressFields';

const t = zh.official.journal;

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
          <PlanItemSelect row={label} value={entry.planItemId} planItems={planItems} onChange={(planItemId) => set({ planItemId })} />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <WorkStatusSelect row={label} value={entry.status ?? 'inProgress'} onChange={(s) => set(statusPatch(s))} />
        </Grid>
        <Grid size={{ xs: 6, md: 2 }}>
          <PercentField
            row={label}
            value={entry.percent ?? ''}
            onChange={(v) => set({ percent: v === '' ? undefined : Math.max(0, Math.min(100, Number(v))) })}
          />
        </Grid>
      </Grid>
    </Paper>
  );
}
