/** 平时考核备案登记表 for the quarter: the draft from the signed evaluations, 审核 and signing, versions. */
import { useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Link,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { describeError } from '../../../../shared/errors/messages.zh';
import type { Quarter, Register } from '../../../../shared/domain';
import {
  draftRegister,
  listFilings,
  listRefusals,
  listRegisterVersions,
  signRegister,
  type TeamMember,
} from '../../../../shared/store';
import { filedNote } from '../../../records/filing';
import { FilingRefusalNotice, refusalText } from '../../../records/FilingRefusalNotice';
import { refusalOf } from '../../../../shared/domain';
import type { RosterPerson } from '../../../../shared/sync';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useLocalDraft } from '../../../components/useAutosave';
import { useNotifications } from '../../../state/notifications';
import {
  IssuesAlert,
  LockedBanner,
  Loading,
  PageHeader,
  StateChip,
  focusFirstError,
} from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { clearField, toFieldErrors, validationIssues, type FieldErrors } from '../../../components/fieldErrors';
import { useTeam } from '../data';
import { dateTimeOf, registerDocument } from '../../../records/supervisor-forms';
import { registerText as t } from '../evaluation/strings';
import { useExportWord } from '../evaluation/useExportWord';
import { RegisterTable } from './RegisterTable';

const isQuarter = (n: number): n is Quarter => n === 1 || n === 2 || n === 3 || n === 4;

export function RegisterPage() {
  const params = useParams();
  const year = Number(params.year);
  const quarter = Number(params.quarter);
  const team = useTeam();
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !isQuarter(quarter)) {
    return <EmptyState title={t.badAddress}>{t.badAddress}</EmptyState>;
  }
  if (team.status === 'loading') return <Loading />;
  if (team.status === 'unavailable') return <Alert severity="warning">{team.reason}</Alert>;
  return (
    <RegisterScreen key={`${year}-${quarter}`} me={team.me} team={team.team} year={year} quarter={quarter} />
  );
}

/** `…/register/:y/:q` → `…/evaluate/:id/:y/:q`, beside this page's route. */
function useEvaluatePath(): (personId: string, year: number, quarter: number) => string {
  const { pathname } = useLocation();
  const base = pathname.replace(/\/register\/[^/]+\/[^/]+\/?$/, '');
  return (personId, year, quarter) => `${base}/evaluate/${encodeURIComponent(personId)}/${year}/${quarter}`;
}

type Typed = { opinion: string; correctionReason: string };
const blankTyped = (): Typed => ({ opinion: '', correctionReason: '' });

const toFormPath = (i: ValidationIssue): ValidationIssue =>
  i.path === 'correctionOf.reason' ? { ...i, path: 'correctionReason' } : i;

type ScreenProps = { me: RosterPerson; team: readonly TeamMember[]; year: number; quarter: Quarter };

function RegisterScreen({ me, team, year, quarter }: ScreenProps) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const { busy: exporting, exportWord } = useExportWord();
  const evaluatePath = useEvaluatePath();
  const [typed, update, clear] = useLocalDraft<Typed>(
    `dutybook.draft.register.${me.id}.${year}-Q${quarter}`,
    blankTyped,
  );
  const [newVersion, setNewVersion] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const data = useLiveFor(
    `${me.id}-${year}-${quarter}`,
    async () => {
      try {
        const [draft, versions, filings, refusals] = await Promise.all([
          draftRegister(db, year, quarter),
          listRegisterVersions(db, me.id, year, quarter),
          listFilings(db, me.id, year),
          listRefusals(db, me.id, year),
        ]);
        return { ok: true as const, draft, versions, filings, refusals };
      } catch (e) {
        return { ok: false as const, reason: describeError(e).detail };
      }
    },
    [db, me.id, year, quarter],
  );
  if (!data) return <Loading />;
  if (!data.ok) return <Alert severity="warning">{data.reason}</Alert>;
  const { draft, versions, filings, refusals } = data;
  const refusalOfVersion = (v: Register) => refusalOf(refusals, 'register', v.version, v.quarter);
  const filingOf = (v: Register) =>
    filings.find((f) => f.what === 'register' && f.quarter === v.quarter && f.version === v.version);
  const latest: Register | undefined = versions[versions.length - 1];
  // HR's 不予备案 of the latest version: the supervisor corrects and signs the next version.
  const refused = latest ? refusalOfVersion(latest) : undefined;
  const missing = team.filter((p) => !draft.entries.some((e) => e.personId === p.id));
  const signing = !latest || newVersion;
  const changed = latest !== undefined && JSON.stringify(latest.entries) !== JSON.stringify(draft.entries);
  const meta = { unitName: draft.unitName, year, quarter };

  const set = (key: keyof Typed) => (value: string) => {
    update((v) => ({ ...v, [key]: value }));
    setErrors((e) => clearField(e, key));
    setFailure(null);
  };

  const show = (list: readonly ValidationIssue[]) => {
    const mapped = list.map(toFormPath);
    setIssues(mapped);
    setErrors(toFieldErrors(mapped));
    setTimeout(() => focusFirstError(formRef.current), 0);
  };

  const start = () => {
    setFailure(null);
    const found: ValidationIssue[] = [];
    if (team.length === 0) found.push({ path: 'entries', message: t.empty });
    if (missing.length > 0) {
      found.push({
        path: 'entries',
        message: t.missingRefusal(missing.map((p) => p.name).join('、'), quarter),
      });
    }
    if (typed.opinion.trim() === '') found.push({ path: 'opinion', message: t.opinionRequired });
    if (latest && typed.correctionReason.trim() === '') {
      found.push({ path: 'correctionReason', message: t.correctionRequired(latest.version) });
    }
    if (found.length > 0) {
      show(found);
      return;
    }
    setIssues([]);
    setErrors({});
    setConfirming(true);
  };

  const sign = async () => {
    setBusy(true);
    try {
      const r = await signRegister(db, {
        year,
        quarter,
        opinion: typed.opinion,
        ...(latest ? { correctionReason: typed.correctionReason } : {}),
      });
      setConfirming(false);
      clear();
      setNewVersion(false);
      notify({ kind: 'success', text: t.signed(r.version) });
    } catch (e) {
      setConfirming(false);
      const list = validationIssues(e);
      if (list) show(list);
      setFailure(reportError(e).detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} ref={formRef}>
      <PageHeader
        title={t.heading(year, quarter)}
        chip={
          latest ? (
            <StateChip label={t.lockedTitle(latest.version)} tone="success" />
          ) : (
            <StateChip label={t.sign} tone="info" />
          )
        }
        actions={
          <Button
            variant="outlined"
            disabled={exporting}
            onClick={() => void exportWord(registerDocument({ ...meta, entries: draft.entries }))}
          >
            {t.exportDraft}
          </Button>
        }
      />
      <Typography variant="body2">{t.unit(draft.unitName)}</Typography>
      <Alert severity="info" variant="outlined">
        {t.hrNote}
      </Alert>
      {failure && issues.length === 0 ? (
        <Alert severity="error" role="alert">
          {failure}
        </Alert>
      ) : null}
      <IssuesAlert issues={issues} />
      {refused ? <FilingRefusalNotice refusal={refused} /> : null}

      {latest && !newVersion ? (
        <Paper
          component="section"
          aria-label={t.lockedTitle(latest.version)}
          sx={{ p: 2 }}
          data-testid="signed-register"
        >
          <Stack spacing={1.5}>
            <LockedBanner>{t.locked}</LockedBanner>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t.lockedTitle(latest.version)} · {latest.supervisorName} · {dateTimeOf(latest.signedAt)}
            </Typography>
            <RegisterTable
              entries={latest.entries}
              label={`${t.tableLabel} ${t.lockedTitle(latest.version)}`}
            />
            <Typography variant="body2">{t.reviewedOpinion(latest.opinion)}</Typography>
            {changed ? <Alert severity="warning">{t.changedSince(latest.version)}</Alert> : null}
            <Box>
              <Button variant="outlined" onClick={() => setNewVersion(true)}>
                {t.newVersion}
              </Button>
            </Box>
          </Stack>
        </Paper>
      ) : null}

      {signing ? (
        <Paper component="section" aria-labelledby="register-draft" sx={{ p: 2 }}>
          <Stack spacing={1.5}>
            <Typography id="register-draft" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t.draftTitle}
            </Typography>
            {team.length === 0 ? <Alert severity="info">{t.empty}</Alert> : null}
            {missing.length > 0 ? (
              <Alert severity="warning" data-testid="register-missing">
                <AlertTitle>{t.missingTitle(missing.length)}</AlertTitle>
                <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
                  {missing.map((p) => (
                    <Link key={p.id} component={RouterLink} to={evaluatePath(p.id, year, quarter)}>
                      {t.evaluateLink(p.name)}
                    </Link>
                  ))}
                </Stack>
              </Alert>
            ) : null}
            {draft.entries.length > 0 ? <RegisterTable entries={draft.entries} label={t.tableLabel} /> : null}
            {latest ? (
              <TextField
                label={t.correctionReason}
                value={typed.correctionReason}
                onChange={(e) => set('correctionReason')(e.target.value)}
                error={!!errors.correctionReason}
                helperText={errors.correctionReason ?? t.correctionHelp(latest.version)}
                multiline
                minRows={2}
                required
              />
            ) : null}
            <TextField
              label={t.opinion}
              value={typed.opinion}
              onChange={(e) => set('opinion')(e.target.value)}
              error={!!errors.opinion}
              helperText={errors.opinion ?? t.opinionHelp}
              multiline
              minRows={3}
              required
            />
            <Stack direction="row" spacing={1}>
              <Button variant="contained" onClick={start} disabled={busy}>
                {t.sign}
              </Button>
              {latest ? (
                <Button onClick={() => setNewVersion(false)} disabled={busy}>
                  {t.cancelNew}
                </Button>
              ) : null}
            </Stack>
          </Stack>
        </Paper>
      ) : null}

      {versions.length > 0 ? (
        <Paper component="section" aria-labelledby="register-versions" sx={{ p: 2 }}>
          <Typography id="register-versions" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {t.versions}
          </Typography>
          <List dense data-testid="register-versions">
            {[...versions].reverse().map((v) => (
              <ListItem
                key={v.id}
                divider
                secondaryAction={
                  <Button
                    size="small"
                    disabled={exporting}
                    onClick={() => void exportWord(registerDocument(v, v))}
                  >
                    {t.exportVersion(v.version)}
                  </Button>
                }
              >
                <ListItemText
                  primary={
                    t.versionLine(v.version, v.supervisorName, dateTimeOf(v.signedAt)) +
                    filedNote(filingOf(v)) +
                    (refusalOfVersion(v) ? ` · ${refusalText.chip(refusalOfVersion(v)!.refusedAt)}` : '')
                  }
                  secondary={
                    v.correctionOf
                      ? t.correctionOf(v.correctionOf.version, v.correctionOf.reason)
                      : t.reviewedOpinion(v.opinion)
                  }
                  sx={{ pr: 14 }}
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      ) : null}

      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={t.signTitle}
        confirmText={t.signConfirm}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void sign()}
      >
        <Stack spacing={1}>
          <Typography>
            {t.signIntro(draft.entries.length, year, quarter, (latest?.version ?? 0) + 1)}
          </Typography>
          <Typography variant="body2">{t.hrNote}</Typography>
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}
