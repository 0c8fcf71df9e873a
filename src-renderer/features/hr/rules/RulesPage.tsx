/**
 * 考核办法: the page that loads the rules and the editor around them. Over 400 lines on purpose: the
 * editor's state — the draft kept as typed, the check whose messages link to their fields, saving as
 * a new version, starting again from a preset, the history — is one piece of state every section
 * reads; the field groups themselves are in files of their own (RecordRules, GradeRules, BonusRules,
 * IndicatorEditor).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import {
  PRESET_IDS,
  canonicalJson,
  configIssueLocation,
  describeConfigChanges,
  listConfigIssues,
  parseConfig,
  presetConfig,
  presets,
  type AssessmentConfig,
  type PresetId,
} from '../../../../shared/domain';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  configInForce,
  discardConfigDraft,
  getActiveConfig,
  getConfigDraft,
  getCurrentRoster,
  getProfile,
  listConfigVersions,
  saveConfigDraft,
  saveConfigVersion,
} from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { Section } from '../../../components/Section';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useUndo } from '../../../components/UndoSnackbar';
import { zh } from '../../../i18n/zh';
import { useNotifications } from '../../../state/notifications';
import { dateTime } from '../../../components/dates';
import { editableDraft, fieldId, messagesByPath, pathAndParents, templateIndexOf } from './config-editor';
import { IndicatorEditor } from './IndicatorEditor';
import { BonusRules } from './BonusRules';
import { GradeRules } from './GradeRules';
import { AnnualRules } from './AnnualRules';
import { RecordRules } from './RecordRules';
import { rulesText as t } from './strings';

/** How long typing rests before the draft is kept in the database. */
const DRAFT_DELAY_MS = 400;

type Loaded = {
  config: AssessmentConfig;
  basedOn: PresetId;
  current: AssessmentConfig;
  restored: boolean;
  by: string;
};

/**
 * 考核办法(分级分类量化考核指标体系): HR edits the unit's rules starting from the rules in force or
 * a preset; every problem is listed in Chinese with a link to its field; saving is refused until
 * they are fixed, and makes a new version. What is typed is kept as a draft until saved.
 */
export function RulesPage() {
  const { db } = useServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const { reportError } = useNotifications();

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [active, inForce, draft, profile] = await Promise.all([
          getActiveConfig(db),
          configInForce(db),
          getConfigDraft(db).catch(() => undefined),
          getProfile(db),
        ]);
        const current = active.customised ? active.config : inForce.config;
        const kept = draft ? editableDraft(draft.config) : null;
        if (!live) return;
        setLoaded({
          config: kept ?? structuredClone(current),
          basedOn: kept && draft ? draft.basedOn : active.presetId,
          current,
          restored: kept !== null,
          by: profile?.name ?? '',
        });
      } catch (e) {
        reportError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [db, reportError]);

  if (!loaded) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={zh.common.loading} />
      </Box>
    );
  }
  return <RulesEditor initial={loaded} />;
}

function RulesEditor({ initial }: { initial: Loaded }) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const { offer, snackbar } = useUndo();
  const [config, setConfig] = useState<AssessmentConfig>(initial.config);
  const [basedOn, setBasedOn] = useState<PresetId>(initial.basedOn);
  const [current, setCurrent] = useState<AssessmentConfig>(initial.current);
  const [selected, setSelected] = useState(0);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<{ kind: 'discard' } | { kind: 'preset'; id: PresetId } | null>(null);
  const [comparing, setComparing] = useState(false);
  const [presetChoice, setPresetChoice] = useState<PresetId>(initial.basedOn);
  const issuesRef = useRef<HTMLDivElement>(null);

  const versions = useLiveQuery(() => listConfigVersions(db), [db]);
  const rosterConfig = useLiveQuery(async () => (await getCurrentRoster(db))?.roster.config ?? null, [db]);

  const issues = useMemo(() => listConfigIssues(config), [config]);
  const messages = useMemo(() => messagesByPath(issues), [issues]);
  const dirty = useMemo(() => JSON.stringify(config) !== JSON.stringify(current), [config, current]);

  // Keep what is typed: the draft follows every edit (after a short rest); none is kept when unchanged.
  const pendingSave = useRef<{ timer: ReturnType<typeof setTimeout>; run: () => Promise<void> } | null>(null);
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    const run = () =>
      (dirty ? saveConfigDraft(db, basedOn, config) : discardConfigDraft(db))
        .catch(reportError)
        .then(() => undefined);
    if (pendingSave.current) clearTimeout(pendingSave.current.timer);
    const timer = setTimeout(() => {
      pendingSave.current = null;
      void run();
    }, DRAFT_DELAY_MS);
    pendingSave.current = { timer, run };
  }, [db, config, basedOn, dirty, reportError]);
  useEffect(
    () => () => {
      // Leaving the page: keep the last edits at once.
      const p = pendingSave.current;
      if (p) {
        clearTimeout(p.timer);
        void p.run();
      }
    },
    [],
  );

  const edit = useCallback((fn: (c: AssessmentConfig) => AssessmentConfig) => {
    setRefused(false);
    setConfig((c) => fn(c));
  }, []);

  // Focus the field a problem points at (after showing its template).
  useEffect(() => {
    if (focusPath === null) return;
    for (const p of pathAndParents(focusPath)) {
      const el = document.getElementById(fieldId(p));
      if (el) {
        el.focus();
        el.scrollIntoView?.({ block: 'center' });
        break;
      }
    }
    setFocusPath(null);
  }, [focusPath, selected]);
  const goTo = (path: string) => {
    const ti = templateIndexOf(path);
    if (ti !== null) setSelected(ti);
    setFocusPath(path);
  };

  const save = async () => {
    if (issues.length > 0) {
      setRefused(true);
      issuesRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const checked = parseConfig(config);
      const entry = await saveConfigVersion(db, checked, basedOn, { by: initial.by });
      if (pendingSave.current) {
        clearTimeout(pendingSave.current.timer);
        pendingSave.current = null;
      }
      await discardConfigDraft(db);
      setCurrent(structuredClone(checked));
      setConfig(structuredClone(checked));
      notify({ kind: 'success', text: t.saved(entry.version) });
    } catch (e) {
      const d = describeError(e);
      if (d.fields.length > 0) setRefused(true);
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };

  const confirmAction = () => {
    if (!confirm) return;
    if (confirm.kind === 'discard') setConfig(structuredClone(current));
    else {
      setConfig(presetConfig(confirm.id));
      setBasedOn(confirm.id);
      setSelected(0);
    }
    setConfirm(null);
  };

  const last = versions?.at(-1);
  const undistributed =
    last !== undefined && rosterConfig !== undefined && canonicalJson(last.config) !== rosterConfig;
  const comparison = useMemo(() => {
    if (!comparing) return null;
    try {
      return describeConfigChanges(presetConfig(basedOn), parseConfig(config));
    } catch {
      return null;
    }
  }, [comparing, basedOn, config]);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1200 }}>
      <Paper variant="outlined" component="section" aria-labelledby="rules-title" sx={{ p: 2.5 }}>
        <Stack spacing={1.5}>
          <Typography id="rules-title" variant="h6" component="h2">
            {t.title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t.intro}
          </Typography>
          <Typography data-testid="rules-current">
            {last ? t.current(last.version, dateTime(last.savedAt)) : t.currentNone}
            {undistributed ? ` ${t.pending}` : ''}
          </Typography>
          {initial.restored && dirty ? <Alert severity="info">{t.draftRestored}</Alert> : null}
          <Typography
            variant="body2"
            color={dirty ? 'warning.main' : 'text.secondary'}
            data-testid="rules-dirty"
          >
            {dirty ? t.draftKept : t.unchanged}
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', alignItems: 'center', rowGap: 1.5 }}>
            <Button variant="contained" onClick={() => void save()} disabled={saving || !dirty}>
              {t.save}
            </Button>
            <Button onClick={() => setConfirm({ kind: 'discard' })} disabled={!dirty}>
              {t.discard}
            </Button>
            <TextField
              select
              size="small"
              label={t.startFrom}
              value={presetChoice}
              onChange={(e) => setPresetChoice(e.target.value as PresetId)}
              sx={{ minWidth: 220 }}
            >
              {PRESET_IDS.map((id) => (
                <MenuItem key={id} value={id}>
                  {presets[id].name}
                </MenuItem>
              ))}
            </TextField>
            <Button onClick={() => setConfirm({ kind: 'preset', id: presetChoice })}>
              {t.startFromConfirm}
            </Button>
            <Button onClick={() => setComparing(true)}>{t.compare}</Button>
          </Stack>
        </Stack>
      </Paper>

      <Box
        ref={issuesRef}
        tabIndex={-1}
        aria-labelledby="rules-issues-title"
        component="section"
        data-testid="rules-issues"
      >
        {issues.length > 0 ? (
          <Alert severity={refused ? 'error' : 'warning'} role={refused ? 'alert' : undefined}>
            <Typography id="rules-issues-title" variant="body2" sx={{ fontWeight: 600 }}>
              {refused ? `${t.refused(issues.length)}。` : ''}
              {t.issuesTitle(issues.length)}
            </Typography>
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {issues.map((i, k) => (
                <li key={`${i.path}-${k}`} data-testid="rules-issue">
                  <Link
                    component="button"
                    type="button"
                    onClick={() => goTo(i.path)}
                    sx={{ textAlign: 'left' }}
                  >
                    {configIssueLocation(config, i.path)}
                  </Link>
                  :{i.message}
                </li>
              ))}
            </Box>
          </Alert>
        ) : (
          <Typography id="rules-issues-title" variant="body2" color="success.main">
            {t.noIssues}
          </Typography>
        )}
      </Box>

      <Section level={3} id="rules-record" title={t.recordSection}>
        <RecordRules config={config} edit={edit} messages={messages} />
      </Section>
      <Section level={3} id="rules-grades" title={t.gradeSection}>
        <GradeRules config={config} edit={edit} messages={messages} />
      </Section>
      <Section level={3} id="rules-annual" title={t.annualSection} help={t.annualHelp}>
        <AnnualRules config={config} edit={edit} messages={messages} />
      </Section>
      <Section level={3} id="rules-bonus" title={t.bonusSection} help={t.bonusHelp}>
        <BonusRules config={config} edit={edit} messages={messages} offerUndo={offer} />
      </Section>
      <Section level={3} id="rules-indicators" title={t.indicatorSection} help={t.indicatorHelp}>
        <IndicatorEditor
          config={config}
          edit={edit}
          messages={messages}
          selected={selected}
          onSelect={setSelected}
          offerUndo={offer}
        />
      </Section>
      <Section level={3} id="rules-history" title={t.historySection}>
        {versions && versions.length > 0 ? (
          <Table size="small" aria-label={t.historySection}>
            <TableHead>
              <TableRow>
                {t.historyCols.map((c) => (
                  <TableCell key={c}>{c}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {[...versions].reverse().map((v) => (
                <TableRow key={v.version} data-testid="rules-version">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.version(v.version)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{dateTime(v.savedAt)}</TableCell>
                  <TableCell>{v.by || '—'}</TableCell>
                  <TableCell>{v.summary}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2">{t.historyEmpty}</Typography>
        )}
      </Section>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'preset' ? t.startFromTitle(presets[confirm.id].name) : t.discardTitle}
        confirmText={confirm?.kind === 'preset' ? t.startFromConfirm : t.discard}
        onConfirm={confirmAction}
        onCancel={() => setConfirm(null)}
      >
        <Typography variant="body2">
          {confirm?.kind === 'preset' ? t.startFromBody : t.discardBody}
        </Typography>
      </ConfirmDialog>
      <Dialog
        open={comparing}
        onClose={() => setComparing(false)}
        aria-labelledby="rules-compare-title"
        maxWidth="md"
        fullWidth
      >
        <DialogTitle id="rules-compare-title">{t.compareTitle(presets[basedOn].name)}</DialogTitle>
        <DialogContent>
          {comparison === null ? (
            <Typography variant="body2">{t.compareBlocked}</Typography>
          ) : comparison === '未作修改' ? (
            <Typography variant="body2">{t.compareSame}</Typography>
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {comparison.split(';').map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Box>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setComparing(false)}>{zh.common.close}</Button>
        </DialogActions>
      </Dialog>
      {snackbar}
    </Stack>
  );
}
