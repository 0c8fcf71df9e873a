import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import type { RosterDistribution } from '../../../shared/store';
import type { SignedRoster } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { useNotifications } from '../../state/notifications';
import { isCancelled } from '../../key-store/keyStore';
import { distribute, distributionTargets, type DistOutcome, type DistProgress, type DistScope } from './distribution';
import { distText as d } from './dist-strings';

type ScopeKind = 'all' | 'pending' | 'unit';
type Report = { outcomes: DistOutcome[]; where: string; downloads: boolean; msEach: number | null };

/** Every unit below `id`, and itself. */
function subtree(units: SignedRoster['roster']['units'], id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) if (u.parentId && out.has(u.parentId) && !out.has(u.id)) grew = out.add(u.id).size > 0;
  }
  return out;
}

export function DistributeDialog({
  open,
  onClose,
  profile,
  roster,
  distribution,
  myId,
}: {
  open: boolean;
  onClose: () => void;
  profile: LocalProfile;
  roster: SignedRoster;
  distribution: RosterDistribution | null;
  myId: string;
}) {
  const services = useServices();
  const { reportError } = useNotifications();
  const [kind, setKind] = useState<ScopeKind>(distribution && distribution.distributed.length > 0 ? 'pending' : 'all');
  const [unitId, setUnitId] = useState('');
  const [progress, setProgress] = useState<DistProgress | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const signal = useRef({ stopped: false });
  const units = roster.roster.units;

  const scope: DistScope = useMemo(() => {
    if (kind === 'unit' && unitId) return { kind: 'unit', unitIds: subtree(units, unitId) };
    if (kind === 'pending') return { kind: 'people', ids: new Set([...(distribution?.pending ?? []), ...(distribution?.noKey ?? [])].map((p) => p.personId)) };
    return { kind: 'all' };
  }, [kind, unitId, units, distribution]);
  const plan = useMemo(() => distributionTargets(roster.roster, myId, scope), [roster, myId, scope]);
  const running = progress !== null && report === null;

  const run = async () => {
    signal.current = { stopped: false };
    try {
      const chosen = await services.host.chooseFolder({ title: d.dialogTitle });
      if (!chosen) return;
      setProgress({ done: 0, total: plan.targets.length });
      const result = await distribute(services, profile, {
        folder: chosen.folder,
        targets: plan.targets,
        version: roster.roster.version,
        onProgress: setProgress,
        signal: signal.current,
      });
      setReport({
        outcomes: [...result.outcomes, ...plan.skipped],
        where: chosen.label,
        downloads: chosen.mode === 'downloads',
        msEach: result.built > 0 ? Math.round(result.buildMs / result.built) : null,
      });
    } catch (e) {
      setProgress(null);
      if (!isCancelled(e)) reportError(e);
    }
  };

  const close = () => {
    if (running) return;
    setProgress(null);
    setReport(null);
    onClose();
  };

  const by = (s: DistOutcome['status']) => report?.outcomes.filter((o) => o.status === s) ?? [];
  const written = by('written');
  const skipped = by('skipped');
  const failed = by('failed');

  return (
    <Dialog open={open} onClose={close} maxWidth="md" fullWidth aria-labelledby="distribute-title">
      <DialogTitle id="distribute-title">{d.dialogTitle}</DialogTitle>
      <DialogContent dividers>
        {report ? (
          <Stack spacing={1.5} data-testid="distribute-report">
            <Alert severity={failed.length ? 'error' : skipped.length ? 'warning' : 'success'}>
              <Typography sx={{ fontWeight: 600 }}>{d.report(written.length, skipped.length, failed.length)}</Typography>
              <Typography variant="body2">{report.downloads ? d.downloads : d.where(report.where)}</Typography>
              {report.msEach !== null ? <Typography variant="body2">{d.timing(report.msEach)}</Typography> : null}
            </Alert>
            <OutcomeList title={`${d.failedTitle}(${failed.length}人)`} items={failed} />
            <OutcomeList title={`${d.skippedTitle}(${skipped.length}人)`} items={skipped} />
            <OutcomeList title={`${d.written}(${written.length}个)`} items={written} files />
          </Stack>
        ) : running ? (
          <Box role="status" aria-live="polite" data-testid="distribute-progress">
            <Typography sx={{ mb: 1 }}>{d.progress(progress.done, progress.total)}</Typography>
            <LinearProgress variant="determinate" value={progress.total ? (100 * progress.done) / progress.total : 0} aria-label={d.progress(progress.done, progress.total)} />
          </Box>
        ) : (
          <Stack spacing={1.5}>
            <Typography variant="body2">{d.dialogHelp}</Typography>
            <RadioGroup value={kind} onChange={(e) => setKind(e.target.value as ScopeKind)} aria-label={d.scope}>
              <FormControlLabel value="all" control={<Radio />} label={d.scopeAll} />
              <FormControlLabel value="pending" control={<Radio />} label={d.scopePending} />
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <FormControlLabel value="unit" control={<Radio />} label={d.scopeUnit} />
                <TextField
                  select
                  size="small"
                  label={d.unit}
                  value={unitId}
                  onChange={(e) => {
                    setUnitId(e.target.value);
                    setKind('unit');
                  }}
                  sx={{ width: 260 }}
                >
                  {units.map((u) => (
                    <MenuItem key={u.id} value={u.id}>
                      {u.name}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
            </RadioGroup>
            <Typography data-testid="distribute-count">{d.recipients(plan.targets.length, plan.skipped.length)}</Typography>
            {plan.skipped.length ? <OutcomeList title={`${d.skippedTitle}(${plan.skipped.length}人)`} items={plan.skipped} /> : null}
            {plan.targets.length === 0 ? <Alert severity="info">{d.nothing}</Alert> : null}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={() => (signal.current.stopped = true)}>{d.stop}</Button>
        ) : report ? (
          <Button variant="contained" onClick={close}>
            {d.close}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{d.cancel}</Button>
            <Button variant="contained" disabled={plan.targets.length === 0} onClick={() => void run()}>
              {d.chooseFolder}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function OutcomeList({ title, items, files }: { title: string; items: DistOutcome[]; files?: boolean }) {
  if (items.length === 0) return null;
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2">{title}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3, maxHeight: 180, overflowY: 'auto' }}>
        {items.map((o) => (
          <li key={o.personId}>
            {o.unitName ? `${o.unitName} · ` : ''}
            {o.name}:{files ? o.file : o.reason}
          </li>
        ))}
      </Box>
    </Box>
  );
}
