import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { unitPathIds, type OrgUnit } from '../../../shared/domain';
import { describeError } from '../../../shared/errors/messages.zh';
import { deleteUnit, listUnits, putUnit } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifications } from '../../state/notifications';
import { Section } from '../../components/Section';
import { orgText } from './rules/org-strings';

const t = zh.sync.hr;

type Editing = { kind: 'add'; parent: OrgUnit } | { kind: 'rename'; unit: OrgUnit };

/** The units as a tree: each one indented below its parent, with 添加下级单位 and 重命名. */
export function UnitsPanel() {
  const { db } = useServices();
  const units = useLiveQuery(() => listUnits(db), [db]) ?? [];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<OrgUnit | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const notify = useNotifications((s) => s.notify);
  const remove = async () => {
    if (!deleting) return;
    try {
      await deleteUnit(db, deleting.id);
      notify({ kind: 'success', text: orgText.unitDeleted(deleting.name) });
      setDeleting(null);
    } catch (err) {
      const d = describeError(err);
      setDeleteError(d.fields[0]?.message ?? d.detail);
    }
  };
  return (
    <Section id="hr-units" title={t.units}>
      <List dense disablePadding aria-label={t.units}>
        {units.map((u) => (
          <ListItem
            key={u.id}
            sx={{ pl: 1 + (unitPathIds(u.path).length - 1) * 3 }}
            secondaryAction={
              <Stack direction="row" spacing={1}>
                <Button size="small" onClick={() => setEditing({ kind: 'add', parent: u })} aria-label={`${t.addChild}:${u.name}`}>
                  {t.addChild}
                </Button>
                <Button size="small" onClick={() => setEditing({ kind: 'rename', unit: u })} aria-label={`${t.rename}:${u.name}`}>
                  {t.rename}
                </Button>
                {u.parentId !== null ? (
                  <Button
                    size="small"
                    color="error"
                    onClick={() => {
                      setDeleteError(null);
                      setDeleting(u);
                    }}
                    aria-label={`${orgText.deleteUnit}:${u.name}`}
                  >
                    {orgText.deleteUnit}
                  </Button>
                ) : null}
              </Stack>
            }
          >
            <ListItemText primary={u.name} />
          </ListItem>
        ))}
      </List>
      {editing ? <UnitDialog editing={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? orgText.deleteUnitTitle(deleting.name) : ''}
        confirmText={orgText.deleteUnitConfirm}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <Typography variant="body2">{orgText.deleteUnitBody}</Typography>
        {deleteError ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {deleteError}
          </Alert>
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

function UnitDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { db } = useServices();
  const [name, setName] = useState(editing.kind === 'rename' ? editing.unit.name : '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      if (editing.kind === 'add') await putUnit(db, { name, parentId: editing.parent.id });
      else {
        const { id, parentId, code, sortOrder } = editing.unit;
        await putUnit(db, { id, name, parentId, code, sortOrder });
      }
      onClose();
    } catch (err) {
      const d = describeError(err);
      setError(d.fields[0]?.message ?? d.detail);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="unit-dialog-title" maxWidth="xs" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="unit-dialog-title">{editing.kind === 'add' ? t.unitDialogAdd(editing.parent.name) : t.unitDialogRename}</DialogTitle>
        <DialogContent>
          <TextField
            label={t.unitName}
            autoFocus
            fullWidth
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={!!error}
            helperText={error ?? ' '}
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { maxLength: 100 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{zh.common.cancel}</Button>
          <Button type="submit" variant="contained">
            {t.save}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
