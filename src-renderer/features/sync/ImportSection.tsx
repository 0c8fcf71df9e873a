import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { isolate } from '../../../shared/domain/text';
import { Isolated } from '../../components/Isolated';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { BUNDLE_FILTER } from '../../bundles/files';
import { ensureIdentity, tick, type Identity } from '../../bundles/identity';
import { applyItem, previewItem, type ImportItem } from './importFlow';
import type { ImportPlan } from '../../../shared/sync';
import { backupBeforeImport } from '../../backup/service';
import { isCancelled } from '../../key-store/keyStore';
import { Section } from '../../components/Section';
import { useSyncUi } from '../../bundles/syncState';
import type { SyncData } from './useSyncData';

const t = zh.sync.importer;
const SHOWN = 30;

let nextKey = 0;

export function ImportSection({ profile, data }: { profile: LocalProfile; data: SyncData }) {
  const services = useServices();
  const { reportError } = useNotifications();
  const seeHrKey = useSyncUi((s) => s.seeHrKey);
  const trustVersion = useSyncUi((s) => s.trustVersion);
  const [items, setItems] = useState<ImportItem[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const idRef = useRef<Identity | null>(null);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const pinned = data.pinned;

  const update = (item: ImportItem) => setItems((all) => all.map((i) => (i.key === item.key ? item : i)));

  /** Previews the given items one after another, yielding between files so the window stays live. */
  const previewAll = useCallback(
    async (list: ImportItem[]) => {
      const id = idRef.current;
      if (!id) return;
      for (let n = 0; n < list.length; n++) {
        const item = list[n]!;
        setProgress({ done: n, total: list.length, label: `${t.reading}(${item.name})` });
        update({ ...item, state: 'reading' });
        await tick();
        const next = await previewItem(services.db, id, item);
        update(next);
        const need = next.plan?.trustNeeded;
        if (need && !pinned) seeHrKey({ ...need, from: next.plan?.sender.name ?? '' });
      }
      setProgress(null);
    },
    [services.db, pinned, seeHrKey],
  );

  // Once the HR key is confirmed, files that waited for it are checked again.
  useEffect(() => {
    if (trustVersion === 0) return;
    const waiting = itemsRef.current.filter((i) => i.state === 'preview' && i.plan?.trustNeeded);
    if (waiting.length > 0) void previewAll(waiting);
  }, [trustVersion, previewAll]);

  const choose = async () => {
    try {
      // The file chooser first, while the click still counts as the user's gesture.
      const files = await services.host.openFiles({ multiple: true, kind: 'bundle', filters: [BUNDLE_FILTER] });
      if (files.length === 0) return;
      idRef.current = await ensureIdentity(services, profile);
      const fresh: ImportItem[] = files.map((f) => ({ key: String(++nextKey), name: f.name, bytes: f.data, state: 'waiting' }));
      setItems(fresh);
      await previewAll(fresh);
    } catch (e) {
      setProgress(null);
      if (!isCancelled(e)) reportError(e);
    }
  };

  const confirm = async (item: ImportItem) => {
    update({ ...item, state: 'applying' });
    setProgress({ done: 0, total: 1, label: `${t.applying}(${item.name})` });
    await tick();
    // A backup of the database before it changes (src-renderer/backup); a failed one only warns.
    const applied = await backupBeforeImport(services, () => applyItem(services.db, item));
    update(applied);
    setProgress(null);
    // What this file brought (a roster, say) may change the verdict on the others: check them again.
    const others = itemsRef.current.filter((i) => i.key !== item.key && i.state === 'preview');
    if (applied.state === 'applied' && others.length > 0) await previewAll(others);
  };

  return (
    <Section id="sync-import" title={t.title} help={t.help}>
      <Box>
        <Button variant="contained" onClick={() => void choose()} disabled={progress !== null}>
          {t.choose}
        </Button>
      </Box>
      {progress ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{progress.label}</Typography>
          <LinearProgress
            variant={progress.total > 1 ? 'determinate' : 'indeterminate'}
            value={(progress.done / Math.max(1, progress.total)) * 100}
            aria-label={progress.label}
          />
        </Box>
      ) : null}
      {items.map((item) => (
        <ItemCard key={item.key} item={item} onConfirm={() => void confirm(item)} busy={progress !== null} />
      ))}
    </Section>
  );
}

function ItemCard({ item, onConfirm, busy }: { item: ImportItem; onConfirm: () => void; busy: boolean }) {
  const { plan } = item;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="import-item" aria-label={item.name} role="group">
      <Stack spacing={1}>
        <Typography variant="subtitle2" sx={{ wordBreak: 'break-all' }}>
          {item.name}
        </Typography>
        {item.hint ? (
          <Typography variant="body2" color="text.secondary" data-testid="import-hint">
            <Isolated text={t.hint(isolate(item.hint.from), isolate(item.hint.to))} />
          </Typography>
        ) : null}
        {item.state === 'reading' || item.state === 'waiting' ? <Typography variant="body2">{t.reading}</Typography> : null}
        {item.state === 'applying' ? <Typography variant="body2">{t.applying}</Typography> : null}
        {item.state === 'not-for-me' ? (
          <Alert severity="warning" data-testid="import-outcome">
            <strong>
              <Isolated text={t.notForMe(isolate(item.intendedFor ?? ''))} />
            </strong>
            <div>{t.notForMeDetail}</div>
          </Alert>
        ) : null}
        {item.state === 'failed' && item.error ? (
          <Alert severity="error" data-testid="import-outcome">
            <strong>{item.error.title}</strong>
            <div>{item.error.detail}</div>
          </Alert>
        ) : null}
        {item.state === 'already' ? (
          <Alert severity="info" data-testid="import-outcome">
            {t.already}
          </Alert>
        ) : null}
        {item.state === 'applied' ? (
          <Alert severity="success" data-testid="import-outcome">
            {item.result}
          </Alert>
        ) : null}
        {plan && (item.state === 'preview' || item.state === 'applying') ? <Preview item={item} onConfirm={onConfirm} busy={busy} /> : null}
      </Stack>
    </Paper>
  );
}

function Preview({ item, onConfirm, busy }: { item: ImportItem; onConfirm: () => void; busy: boolean }) {
  const plan = item.plan!;
  const rejected = plan.status === 'rejected';
  return (
    <Stack spacing={1} data-testid="import-preview">
      <Stack direction="row" spacing={1}>
        <Chip color="primary" label={t.added(rejected ? 0 : plan.added.length)} />
        <Chip label={t.present(plan.alreadyPresent)} />
        <Chip color={rejected ? 'error' : 'default'} label={t.rejected(plan.rejected.length)} />
      </Stack>
      {plan.rosterChange ? <Typography variant="body2">{t.roster(plan.rosterChange.from, plan.rosterChange.to)}</Typography> : null}
      {plan.added.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="新增记录">
          {plan.added.slice(0, SHOWN).map((a) => (
            <li key={a.id}>
              <Typography variant="body2">{a.label}</Typography>
            </li>
          ))}
          {plan.added.length > SHOWN ? <li>…</li> : null}
        </Box>
      ) : plan.status === 'ready' ? (
        <Typography variant="body2">{t.nothing}</Typography>
      ) : null}
      {plan.warnings.map((w) => (
        <Alert key={w} severity="warning">
          {w}
        </Alert>
      ))}
      {rejected ? (
        <Alert severity={plan.trustNeeded ? 'warning' : 'error'} data-testid="import-rejected">
          {plan.trustNeeded ? <strong>{t.trustFirst}</strong> : <strong>{t.rejectedTitle}</strong>}
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {plan.rejected.map((r) => (
              <li key={`${r.what}-${r.reason}`}>
                {r.what}:{trustNeededReason(plan, r.reason)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Box>
          <Button variant="contained" onClick={onConfirm} disabled={busy}>
            {t.confirm}
          </Button>
        </Box>
      )}
    </Stack>
  );
}

/**
 * The HR key waiting to be trusted must not be read off this page (the person types it from HR's
 * paper notice in 信任人事部门): a reason that would print its fingerprint is said without it.
 */
function trustNeededReason(plan: ImportPlan, reason: string): string {
  const fp = plan.trustNeeded?.fingerprint;
  if (!fp) return reason;
  const bare = fp.replaceAll('-', '');
  return reason.includes(fp) || reason.replaceAll('-', '').includes(bare) ? t.trustReason : reason;
}
