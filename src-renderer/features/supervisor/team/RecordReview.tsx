/**
 * The report's 平时考核记实簿 as received: the months in, and one month opened — work, 出勤情况,
 * 差错登记 — with 退回 (and its reason) while it is 已提交.
 */
import { useState } from 'react';
import {
  Alert,
  AlertTitle,
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
import {
  attendanceLabels,
  errorSeverityLabels,
  formatDays,
  recordStateLabels,
  workStatusLabels,
  type Attendance,
  type MonthlyRecord,
  type PlanItem,
} from '../../../../shared/domain';
import { returnRecordBook, type TeamMember } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useNotifications } from '../../../state/notifications';
import { PageHeader, StateChip } from '../../../components/page-parts';
import { validationIssues } from '../../../components/fieldErrors';
import { formatTimestamp } from '../../../components/dates';
import { recordTone } from './chips';
import { st } from './strings';
import { useInitialFocus } from './useInitialFocus';

const t = st.record;

const ATTENDANCE_KEYS = Object.keys(attendanceLabels) as (keyof Attendance)[];

type Props = {
  person: TeamMember;
  year: number;
  records: readonly MonthlyRecord[];
  planItems: readonly PlanItem[];
  month: number | null;
  onOpen: (month: number) => void;
};

export function RecordReview({ person, year, records, planItems, month, onOpen }: Props) {
  const received = records.filter((r) => r.year === year && r.version >= 1);
  if (received.length === 0) {
    return (
      <EmptyState title={t.none}>
        <Typography>{t.noneDetail}</Typography>
      </EmptyState>
    );
  }
  const open = received.find((r) => r.month === month) ?? null;
  return (
    <Stack spacing={3}>
      <PageHeader title={t.heading(year)} />
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={t.listLabel}>
          <TableHead>
            <TableRow>
              <TableCell>{t.month}</TableCell>
              <TableCell>{t.state}</TableCell>
              <TableCell>{t.version}</TableCell>
              <TableCell>{t.submittedAt}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {received.map((r) => (
              <TableRow key={r.month} selected={r.month === open?.month}>
                <TableCell>{`${r.month}月`}</TableCell>
                <TableCell>
                  <StateChip label={recordStateLabels[r.state]} tone={recordTone[r.state]} />
                </TableCell>
                <TableCell>{`第${r.version}版`}</TableCell>
                <TableCell>{r.submittedAt ? formatTimestamp(r.submittedAt) : ''}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => onOpen(r.month)}
                    aria-current={r.month === open?.month ? 'true' : undefined}
                  >
                    {t.open(r.month)}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {open ? (
        <RecordDetail
          key={`${open.month}-${open.version}`}
          person={person}
          record={open}
          planItems={planItems}
        />
      ) : null}
    </Stack>
  );
}

function planItemText(planItems: readonly PlanItem[], id: string | undefined): string {
  const i = planItems.findIndex((p) => p.id === id);
  return i < 0 ? t.noPlanItem : `${i + 1}. ${planItems[i]!.task.trim()}`;
}

function RecordDetail({
  person,
  record,
  planItems,
}: {
  person: TeamMember;
  record: MonthlyRecord;
  planItems: readonly PlanItem[];
}) {
  const [returning, setReturning] = useState(false);
  const [done, setDone] = useState(false);
  const title = t.title(record.year, record.month);
  return (
    <Stack spacing={2} component="section" aria-label={title} data-testid="record-detail">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h3">
          {title}
        </Typography>
        <StateChip label={recordStateLabels[record.state]} tone={recordTone[record.state]} />
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {record.submittedAt ? t.versionLine(record.version, formatTimestamp(record.submittedAt)) : null}
        </Typography>
        {record.state === 'submitted' ? (
          <Button variant="outlined" color="warning" onClick={() => setReturning(true)}>
            {t.return}
          </Button>
        ) : null}
      </Stack>
      {done ? (
        <Alert severity="info" role="status" data-testid="exchange-note">
          <AlertTitle>{t.done(record.month)}</AlertTitle>
          {st.person.exchangeNote}
        </Alert>
      ) : null}
      {record.state === 'returned' ? (
        <Alert severity="warning" data-testid="record-returned">
          <AlertTitle>{t.returnedTitle}</AlertTitle>
          {`${t.reason}:${record.returnReason ?? ''}`}
        </Alert>
      ) : null}

      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {t.workItems}
      </Typography>
      {record.workItems.length === 0 ? (
        <Typography color="text.secondary">{t.noWork}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={`${title} ${t.workItems}`}>
            <TableHead>
              <TableRow>
                <TableCell>{st.plan.no}</TableCell>
                <TableCell>{t.content}</TableCell>
                <TableCell>{t.progress}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t.status}</TableCell>
                <TableCell>{t.planItem}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.workItems.map((w, i) => (
                <TableRow key={w.id}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{w.content}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{w.progress}</TableCell>
                  <TableCell
                    sx={{ whiteSpace: 'nowrap' }}
                  >{`${workStatusLabels[w.status]} ${w.percent}%`}</TableCell>
                  <TableCell>{planItemText(planItems, w.planItemId)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {t.attendance}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={`${title} ${t.attendance}`}>
          <TableHead>
            <TableRow>
              {ATTENDANCE_KEYS.map((k) => (
                <TableCell key={k} align="center">
                  {attendanceLabels[k]}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              {ATTENDANCE_KEYS.map((k) => (
                <TableCell key={k} align="center">
                  {formatDays(record.attendance[k])}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </TableContainer>

      <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
        {t.errors}
      </Typography>
      {record.errors.length === 0 ? (
        <Typography color="text.secondary">{t.noErrors}</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={`${title} ${t.errors}`}>
            <TableHead>
              <TableRow>
                <TableCell>{t.errorDate}</TableCell>
                <TableCell>{t.errorMatter}</TableCell>
                <TableCell>{t.errorCause}</TableCell>
                <TableCell>{t.errorCorrection}</TableCell>
                <TableCell>{t.errorSeverity}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {record.errors.map((e) => (
                <TableRow key={e.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.date}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{e.matter}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{e.cause}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{e.correction}</TableCell>
                  <TableCell>{errorSeverityLabels[e.severity]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {returning ? (
        <ReturnRecordDialog
          person={person}
          record={record}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            setDone(true);
          }}
        />
      ) : null}
    </Stack>
  );
}

function ReturnRecordDialog({
  person,
  record,
  onClose,
  onDone,
}: {
  person: TeamMember;
  record: MonthlyRecord;
  onClose: () => void;
  onDone: () => void;
}) {
  const { db } = useServices();
  const reportError = useNotifications((s) => s.reportError);
  const notify = useNotifications((s) => s.notify);
  const [reason, setReason] = useState('');
  const first = useInitialFocus<HTMLTextAreaElement>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await returnRecordBook(db, {
        personId: person.id,
        year: record.year,
        month: record.month,
        version: record.version,
        reason,
      });
      notify({ kind: 'success', text: t.done(record.month) });
      onDone();
    } catch (e) {
      const issues = validationIssues(e);
      if (issues) setError(issues.map((i) => i.message).join(';'));
      else {
        reportError(e);
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open
      title={t.returnTitle(person.name, record.month)}
      confirmText={t.return}
      busy={busy}
      onCancel={onClose}
      onConfirm={() => void submit()}
    >
      <Stack spacing={2} sx={{ pt: 0.5 }}>
        <Typography>{t.returnText}</Typography>
        <TextField
          label={t.reason}
          inputRef={first}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setError('');
          }}
          multiline
          minRows={3}
          required
          error={error !== ''}
          helperText={error || undefined}
        />
      </Stack>
    </ConfirmDialog>
  );
}
