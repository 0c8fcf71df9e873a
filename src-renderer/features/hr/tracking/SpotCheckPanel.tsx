/**
 * 抽查: draw people (or whole units) at random — seeded by the clock — or choose them by hand, then
 * record for each what was found and how it was corrected (待整改 / 已整改 / 无问题). The drawn sample
 * is kept on this device until cleared; recorded checks can be edited, and deleted with an undo.
 * Over 400 lines on purpose: the panel (draw, choose, list) and its one dialog (record a check) act
 * on the same sample and the same checks of the year.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  drawSample,
  spotCheckStateLabels,
  SPOT_CHECK_STATES,
  type SpotCheck,
  type SpotCheckState,
  type TrackingRow,
} from '../../../../shared/domain';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  deleteSpotCheck,
  readSpotSample,
  restoreSpotCheck,
  saveSpotCheck,
  saveSpotSample,
  type SpotSample,
  type TrackingData,
} from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { dateTime } from '../../../components/dates';
import { trackingText as t } from './strings';

type How = 'people' | 'units' | 'manual';
type Editing = {
  personId: string;
  name: string;
  month: number | null;
  chosen: 'random' | 'manual';
  check?: SpotCheck;
};

const periodText = (month: number | null) => (month === null ? t.wholeYear : `${month}月`);

function CheckDialog({ editing, year, onClose }: { editing: Editing; year: number; onClose: () => void }) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const [findings, setFindings] = useState(editing.check?.findings ?? '');
  const [corrections, setCorrections] = useState(editing.check?.corrections ?? '');
  const [state, setState] = useState<SpotCheckState>(editing.check?.state ?? 'open');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await saveSpotCheck(db, {
        ...(editing.check ? { id: editing.check.id } : {}),
        personId: editing.personId,
        year,
        month: editing.month,
        chosen: editing.chosen,
        findings,
        corrections,
        state,
      });
      notify({ kind: 'success', text: t.saved });
      onClose();
    } catch (e) {
      const d = describeError(e);
      if (d.fields.length > 0) setErrors(Object.fromEntries(d.fields.map((f) => [f.path, f.message])));
      else reportError(e);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="spot-dialog-title">
      <DialogTitle id="spot-dialog-title">
        {t.dialogTitle(editing.name, periodText(editing.month))}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label={t.checkState}
            value={state}
            onChange={(e) => setState(e.target.value as SpotCheckState)}
          >
            {SPOT_CHECK_STATES.map((s) => (
              <MenuItem key={s} value={s}>
                {spotCheckStateLabels[s]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t.findings}
            multiline
            minRows={3}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
            error={Boolean(errors.findings)}
            helperText={errors.findings}
            autoFocus
          />
          <TextField
            label={t.corrections}
            multiline
            minRows={2}
            value={corrections}
            onChange={(e) => setCorrections(e.target.value)}
            error={Boolean(errors.corrections)}
            helperText={errors.corrections}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t.cancel}</Button>
        <Button variant="contained" onClick={() => void save()}>
          {t.save}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function SpotCheckPanel({
  data,
  rows,
  year,
}: {
  data: TrackingData;
  rows: readonly TrackingRow[];
  year: number;
}) {
  const { db } = useServices();
  const { reportError } = useNotifications();
  const [how, setHow] = useState<How>('people');
  const [sizeKind, setSizeKind] = useState<'count' | 'percent'>('count');
  const [size, setSize] = useState('3');
  const [month, setMonth] = useState<number | null>(null);
  const [manual, setManual] = useState<TrackingRow[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleted, setDeleted] = useState<{ row: SpotCheck; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sample = useLiveQuery(async () => ({ year, value: await readSpotSample(db, year) }), [db, year]);
  const names = data.names;
  const unitNames = new Map(data.units.map((u) => [u.id, u.name]));
  const personUnit = new Map(data.people.map((p) => [p.id, p.unitId]));
  useEffect(() => setDeleted(null), [year]);

  const drawn = sample?.year === year ? sample.value : null;
  const sizeValue = Number(size);
  const sizeOk =
    Number.isFinite(sizeValue) &&
    sizeValue > 0 &&
    (sizeKind === 'count' ? Number.isInteger(sizeValue) : sizeValue <= 100);

  const draw = async () => {
    setMessage(null);
    try {
      let personIds: string[];
      let text: string;
      const spec = sizeKind === 'count' ? { count: sizeValue } : { percent: sizeValue };
      const seed = Date.now();
      if (how === 'manual') {
        personIds = [...new Set(manual.map((r) => r.personId))];
        text = t.drawnHow(t.drawManual, personIds.length, rows.length);
      } else if (how === 'people') {
        // A person moved between units has a row in each: drawn once.
        const people = [...new Map(rows.map((r) => [r.personId, r])).values()];
        personIds = drawSample(people, spec, seed).map((r) => r.personId);
        text = t.drawnHow(t.drawPeople, personIds.length, people.length);
      } else {
        const unitIds = [...new Set(rows.map((r) => r.unitId))];
        const chosen = new Set(drawSample(unitIds, spec, seed));
        personIds = [...new Set(rows.filter((r) => chosen.has(r.unitId)).map((r) => r.personId))];
        text = `${t.drawnHow(t.drawUnits, chosen.size, unitIds.length)}:${[...chosen].map((u) => unitNames.get(u) ?? u).join('、')}`;
      }
      if (personIds.length === 0) {
        setMessage(t.noneToDraw);
        return;
      }
      const next: SpotSample = {
        drawnAt: new Date().toISOString(),
        how: text,
        month,
        chosen: how === 'manual' ? 'manual' : 'random',
        personIds,
      };
      await saveSpotSample(db, year, next);
    } catch (e) {
      reportError(e);
    }
  };

  const remove = async (check: SpotCheck) => {
    try {
      const row = await deleteSpotCheck(db, check.id);
      if (row) setDeleted({ row, name: names.get(row.personId) ?? row.personId });
    } catch (e) {
      reportError(e);
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await restoreSpotCheck(db, deleted.row);
      setDeleted(null);
    } catch (e) {
      reportError(e);
    }
  };

  const checks = data.spotCheckRows;
  const recorded = (personId: string, m: number | null) =>
    checks.find((c) => c.personId === personId && c.month === m);

  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      component="section"
      aria-labelledby="spot-title"
      data-testid="spot-panel"
    >
      <Stack spacing={1.5}>
        <Typography id="spot-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.spot}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t.spotHelp}
        </Typography>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            select
            size="small"
            label={t.drawHow}
            value={how}
            onChange={(e) => setHow(e.target.value as How)}
            sx={{ minWidth: 220 }}
          >
            <MenuItem value="people">{t.drawPeople}</MenuItem>
            <MenuItem value="units">{t.drawUnits}</MenuItem>
            <MenuItem value="manual">{t.drawManual}</MenuItem>
          </TextField>
          {how !== 'manual' ? (
            <>
              <TextField
                select
                size="small"
                label={t.sizeKind}
                value={sizeKind}
                onChange={(e) => setSizeKind(e.target.value as 'count' | 'percent')}
                sx={{ minWidth: 130 }}
              >
                <MenuItem value="count">{t.byCount}</MenuItem>
                <MenuItem value="percent">{t.byPercent}</MenuItem>
              </TextField>
              <TextField
                size="small"
                label={sizeKind === 'count' ? t.size : t.percent}
                value={size}
                onChange={(e) => setSize(e.target.value)}
                error={!sizeOk}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                sx={{ width: 110 }}
              />
            </>
          ) : (
            <Autocomplete
              multiple
              size="small"
              options={rows}
              value={manual}
              onChange={(_e, v) => setManual(v)}
              getOptionLabel={(r) => `${r.name}(${r.unitName})`}
              isOptionEqualToValue={(a, b) => a.personId === b.personId}
              renderInput={(params) => <TextField {...params} label={t.people} />}
              sx={{ minWidth: 320 }}
            />
          )}
          <TextField
            select
            size="small"
            label={t.period}
            value={month === null ? '' : String(month)}
            onChange={(e) => setMonth(e.target.value === '' ? null : Number(e.target.value))}
            sx={{ minWidth: 110 }}
          >
            <MenuItem value="">{t.wholeYear}</MenuItem>
            {Array.from({ length: 12 }, (_, i) => (
              <MenuItem key={i} value={String(i + 1)}>{`${i + 1}月`}</MenuItem>
            ))}
          </TextField>
          <Button
            variant="contained"
            onClick={() => void draw()}
            disabled={(how !== 'manual' && !sizeOk) || (how === 'manual' && manual.length === 0)}
          >
            {t.draw}
          </Button>
        </Stack>
        {message ? <Alert severity="info">{message}</Alert> : null}
        {drawn ? (
          <Box data-testid="spot-sample">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="body2">
                {t.drawn(`${drawn.how} · ${periodText(drawn.month)}`, dateTime(drawn.drawnAt))}
              </Typography>
              <Button size="small" onClick={() => void saveSpotSample(db, year, null).catch(reportError)}>
                {t.clearSample}
              </Button>
            </Stack>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
              {drawn.personIds.map((id) => {
                const done = recorded(id, drawn.month);
                const name = names.get(id) ?? id;
                const unit = unitNames.get(personUnit.get(id) ?? '') ?? '';
                return (
                  <Chip
                    key={id}
                    label={`${name}(${unit})${done ? ` · ${spotCheckStateLabels[done.state]}` : ''}`}
                    color={done ? 'success' : 'default'}
                    variant={done ? 'filled' : 'outlined'}
                    onClick={() =>
                      setEditing({
                        personId: id,
                        name,
                        month: drawn.month,
                        chosen: drawn.chosen,
                        ...(done ? { check: done } : {}),
                      })
                    }
                    aria-label={`${done ? t.edit : t.record}:${name}`}
                  />
                );
              })}
            </Stack>
          </Box>
        ) : null}
        {deleted ? (
          <Alert
            severity="info"
            action={
              <Button color="inherit" size="small" onClick={() => void undo()}>
                {t.undo}
              </Button>
            }
          >
            {t.deleted(deleted.name)}
          </Alert>
        ) : null}
        <Typography variant="subtitle2" component="h4">
          {t.checks}
        </Typography>
        {checks.length === 0 ? (
          <Typography variant="body2">{t.noChecks}</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-label={t.checks} data-testid="spot-checks">
              <TableHead>
                <TableRow>
                  {t.checksCols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {checks.map((c) => {
                  const name = names.get(c.personId) ?? c.personId;
                  return (
                    <TableRow key={c.id}>
                      <TableCell>{name}</TableCell>
                      <TableCell>{unitNames.get(personUnit.get(c.personId) ?? '') ?? ''}</TableCell>
                      <TableCell>{periodText(c.month)}</TableCell>
                      <TableCell>{t.chosenLabels[c.chosen]}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          label={spotCheckStateLabels[c.state]}
                          color={c.state === 'open' ? 'warning' : 'success'}
                        />
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap', maxWidth: 260 }}>{c.findings}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap', maxWidth: 260 }}>{c.corrections}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        <Button
                          size="small"
                          onClick={() =>
                            setEditing({
                              personId: c.personId,
                              name,
                              month: c.month,
                              chosen: c.chosen,
                              check: c,
                            })
                          }
                          aria-label={`${t.edit}:${name}`}
                        >
                          {t.edit}
                        </Button>
                        <Button
                          size="small"
                          color="error"
                          onClick={() => void remove(c)}
                          aria-label={`${t.del}:${name}`}
                        >
                          {t.del}
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Stack>
      {editing ? <CheckDialog editing={editing} year={year} onClose={() => setEditing(null)} /> : null}
    </Paper>
  );
}
