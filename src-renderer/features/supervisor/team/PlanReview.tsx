/**
 * 核准 / 退回 of a report's 个人年度工作计划: the submitted version's items, its state, and the two
 * signed decisions (each asked once in a dialog: a signed decision cannot be taken back).
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
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
import { planStateLabels, type AnnualPlan, type PlanReturnReason } from '../../../../shared/domain';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { decidePlan, type TeamMember } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useNotifications } from '../../../state/notifications';
import { PageHeader, StateChip } from '../../../components/page-parts';
import { validationIssues } from '../../../components/fieldErrors';
import { formatTimestamp } from '../../../components/dates';
import { planTone } from './chips';
import { st } from './strings';
import { useInitialFocus } from './useInitialFocus';

const t = st.plan;

type Props = { person: TeamMember; year: number; plan: AnnualPlan | undefined };

export function PlanReview({ person, year, plan }: Props) {
  const [dialog, setDialog] = useState<'approve' | 'return' | null>(null);
  const [decided, setDecided] = useState<'approve' | 'return' | null>(null);

  if (!plan || plan.version < 1) {
    return (
      <EmptyState title={t.none(year)}>
        <Typography>{t.noneDetail}</Typography>
      </EmptyState>
    );
  }

  const hasWeights = plan.items.some((i) => i.weight !== undefined);
  const weightTotal = Math.round(plan.items.reduce((s, i) => s + (i.weight ?? 0), 0) * 100) / 100;
  const reasonLines = plan.returnReasons.map((r) => {
    const i = r.itemId === null ? -1 : plan.items.findIndex((item) => item.id === r.itemId);
    const what = i < 0 ? t.returnedWhole : t.returnedItem(i + 1, plan.items[i]!.task.trim());
    return `${what}:${r.reason}`;
  });

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.heading(year)}
        chip={<StateChip label={planStateLabels[plan.state]} tone={planTone[plan.state]} />}
        actions={
          plan.state === 'submitted' ? (
            <>
              <Button variant="outlined" color="warning" onClick={() => setDialog('return')}>
                {t.return}
              </Button>
              <Button variant="contained" onClick={() => setDialog('approve')}>
                {t.approve}
              </Button>
            </>
          ) : null
        }
      />
      {plan.submittedAt ? (
        <Typography variant="body2" color="text.secondary">
          {t.versionLine(plan.version, formatTimestamp(plan.submittedAt))}
        </Typography>
      ) : null}
      {decided ? (
        <Alert severity="info" role="status" data-testid="exchange-note">
          <AlertTitle>{decided === 'approve' ? t.doneApproved : t.doneReturned}</AlertTitle>
          {st.person.exchangeNote}
        </Alert>
      ) : null}
      {plan.state === 'approved' || plan.state === 'filed' ? (
        <Alert severity="success" data-testid="plan-decision">
          {plan.approvedBy && plan.approvedAt
            ? t.approved(plan.approvedBy, formatTimestamp(plan.approvedAt))
            : planStateLabels[plan.state]}
          {plan.approvalOpinion ? (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t.approvedOpinion(plan.approvalOpinion)}
            </Typography>
          ) : null}
        </Alert>
      ) : null}
      {plan.state === 'returned' ? (
        <Alert severity="warning" data-testid="plan-decision">
          <AlertTitle>{t.returnedTitle}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {reasonLines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </Box>
        </Alert>
      ) : null}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t.heading(year)}>
          <TableHead>
            <TableRow>
              <TableCell>{t.no}</TableCell>
              <TableCell>{t.task}</TableCell>
              <TableCell>{t.target}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.deadline}</TableCell>
              <TableCell>{t.duty}</TableCell>
              {hasWeights ? <TableCell align="right">{t.weight}</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.items.map((item, i) => (
              <TableRow key={item.id}>
                <TableCell>{i + 1}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{item.task}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{item.target}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.deadline}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{item.duty}</TableCell>
                {hasWeights ? <TableCell align="right">{item.weight ?? ''}</TableCell> : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {hasWeights ? (
        <Typography variant="body2" color="text.secondary">
          {t.weightTotal(weightTotal)}
        </Typography>
      ) : null}
      {dialog === 'approve' ? (
        <ApproveDialog
          person={person}
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setDecided('approve');
          }}
        />
      ) : null}
      {dialog === 'return' ? (
        <ReturnDialog
          person={person}
          plan={plan}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setDecided('return');
          }}
        />
      ) : null}
    </Stack>
  );
}

type DialogProps = { person: TeamMember; plan: AnnualPlan; onClose: () => void; onDone: () => void };

/** Runs a decision: validation problems stay in the dialog, anything else goes to the message bar. */
function useDecision(onDone: () => void, onClose: () => void) {
  const reportError = useNotifications((s) => s.reportError);
  const notify = useNotifications((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const run = async (decide: () => Promise<unknown>, doneText: string) => {
    setBusy(true);
    try {
      await decide();
      notify({ kind: 'success', text: doneText });
      onDone();
    } catch (e) {
      const found = validationIssues(e);
      if (found) setIssues(found);
      else {
        reportError(e);
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, issues, setIssues, run };
}

function ApproveDialog({ person, plan, onClose, onDone }: DialogProps) {
  const { db } = useServices();
  const [opinion, setOpinion] = useState('');
  const first = useInitialFocus<HTMLTextAreaElement>();
  const { busy, issues, setIssues, run } = useDecision(onDone, onClose);
  const error = issues.map((i) => i.message).join(';');
  return (
    <ConfirmDialog
      open
      title={t.approveTitle(person.name, plan.year)}
      confirmText={t.approve}
      busy={busy}
      onCancel={onClose}
      onConfirm={() =>
        void run(
          () =>
            decidePlan(db, {
              personId: person.id,
              year: plan.year,
              version: plan.version,
              decision: 'approve',
              opinion,
            }),
          t.doneApproved,
        )
      }
    >
      <Stack spacing={2}>
        <Typography>{t.approveText(plan.version)}</Typography>
        <TextField
          label={t.opinion}
          inputRef={first}
          value={opinion}
          onChange={(e) => {
            setOpinion(e.target.value);
            setIssues([]);
          }}
          multiline
          minRows={2}
          error={error !== ''}
          helperText={error || t.opinionHelp}
        />
      </Stack>
    </ConfirmDialog>
  );
}

function ReturnDialog({ person, plan, onClose, onDone }: DialogProps) {
  const { db } = useServices();
  const [itemReasons, setItemReasons] = useState<Record<string, string>>({});
  const [whole, setWhole] = useState('');
  const first = useInitialFocus<HTMLTextAreaElement>();
  const { busy, issues, setIssues, run } = useDecision(onDone, onClose);
  // Which field each reason sent came from, so a problem with the n-th reason is shown beside it.
  const [sentFrom, setSentFrom] = useState<string[]>([]);

  const fieldError = (field: string) =>
    issues
      .filter((i) => {
        const m = /^returnReasons\.(\d+)\./.exec(i.path);
        return m !== null && sentFrom[Number(m[1])] === field;
      })
      .map((i) => i.message)
      .join(';');
  const general = issues.filter((i) => !/^returnReasons\.\d+\./.test(i.path)).map((i) => i.message);
  // A refused return puts the keyboard back in the first reason field.
  useEffect(() => {
    if (issues.length > 0) first.current?.focus();
  }, [issues, first]);

  const submit = () => {
    const reasons: PlanReturnReason[] = [];
    const from: string[] = [];
    for (const item of plan.items) {
      const text = itemReasons[item.id] ?? '';
      if (text.trim() !== '') {
        reasons.push({ itemId: item.id, reason: text });
        from.push(item.id);
      }
    }
    if (whole.trim() !== '') {
      reasons.push({ itemId: null, reason: whole });
      from.push('');
    }
    setSentFrom(from);
    void run(
      () =>
        decidePlan(db, {
          personId: person.id,
          year: plan.year,
          version: plan.version,
          decision: 'return',
          reasons,
        }),
      t.doneReturned,
    );
  };

  return (
    <ConfirmDialog
      open
      title={t.returnTitle(person.name, plan.year)}
      confirmText={t.return}
      busy={busy}
      onCancel={onClose}
      onConfirm={submit}
      maxWidth="md"
    >
      <Stack spacing={2} sx={{ pt: 0.5 }}>
        <Typography>{t.returnText}</Typography>
        {general.length > 0 ? (
          <Alert severity="error" role="alert" data-testid="return-issues">
            {general.join(';')}
          </Alert>
        ) : null}
        {plan.items.map((item, i) => {
          const err = fieldError(item.id);
          return (
            <TextField
              key={item.id}
              label={t.itemReason(i + 1)}
              inputRef={i === 0 ? first : undefined}
              value={itemReasons[item.id] ?? ''}
              onChange={(e) => {
                setItemReasons((r) => ({ ...r, [item.id]: e.target.value }));
                setIssues([]);
              }}
              multiline
              error={err !== '' || general.length > 0}
              helperText={err || `${t.task}:${item.task.trim()}`}
            />
          );
        })}
        <TextField
          label={t.wholeReason}
          value={whole}
          onChange={(e) => {
            setWhole(e.target.value);
            setIssues([]);
          }}
          multiline
          minRows={2}
          error={fieldError('') !== '' || general.length > 0}
          helperText={fieldError('') || undefined}
        />
      </Stack>
    </ConfirmDialog>
  );
}
