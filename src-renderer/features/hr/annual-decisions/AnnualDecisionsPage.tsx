/**
 * 年度考核结果: per unit (or the whole 机关）, everyone taking part — the linkage row (eligibility and its
 * reasons, 靠后, standing within the quota or tied at its edge), the supervisor's 建议, HR's decision and
 * the official's 本人意见 — searchable and sortable; the 复核 requests on top. Deciding opens one dialog.
 */
import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { localIsoDate, quarterGradeLabels, standingText } from '../../../../shared/domain';
import { Loading, PageHeader, StateChip, type ChipTone } from '../../../components/page-parts';
import { useNotifications } from '../../../state/notifications';
import { YearPicker } from '../annual/YearPicker';
import { useDesk, useDeskActions } from './data';
import { AnnualDocuments } from './AnnualDocuments';
import { DecisionDialog } from './DecisionDialog';
import { initialForm, weekAfter, type DecisionForm } from './form';
import { ReviewRequests } from './ReviewRequests';
import {
  awaitingReview,
  byUnit,
  excellentGiven,
  filterRows,
  opinionState,
  outcomeLabel,
  sortRows,
  suggestionText,
  type DeskRow,
  type SortKey,
} from './rows';
import { decisionText as t } from './strings';
import { useYearParam } from '../annual/AnnualPage';

export function AnnualDecisionsPage() {
  const [year, setYear] = useYearParam();
  const today = localIsoDate(new Date());
  const desk = useDesk(year);
  const { check, sign } = useDeskActions(year);
  const { notify } = useNotifications();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('rank');
  const [pendingOnly, setPendingOnly] = useState(false);
  /** What HR typed per person, kept until signed: closing the dialog loses nothing. */
  const [forms, setForms] = useState<Record<string, DecisionForm>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  /** The last deadline typed is proposed for the next person. */
  const [due, setDue] = useState(() => weekAfter(today));

  const rows = useMemo(() => (desk?.ok ? desk.rows : []), [desk]);
  const shown = useMemo(
    () => sortRows(filterRows(rows, query, pendingOnly), sort),
    [rows, query, pendingOnly, sort],
  );
  const groups = useMemo(() => byUnit(shown), [shown]);
  const open = openId ? rows.find((r) => r.row.personId === openId) : undefined;
  const formOf = (r: DeskRow) =>
    forms[`${r.row.personId}/${r.decision?.version ?? 0}`] ?? initialForm(r, due);
  const formKey = (r: DeskRow) => `${r.row.personId}/${r.decision?.version ?? 0}`;

  return (
    <Stack spacing={2}>
      <PageHeader title={t.title} />
      <Typography color="text.secondary">{t.intro}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box sx={{ width: 160 }}>
          <YearPicker value={year} onChange={setYear} />
        </Box>
        <TextField
          size="small"
          type="search"
          label={t.search}
          placeholder={t.searchHelp}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ width: 260 }}
        />
        <TextField
          select
          size="small"
          label={t.sort}
          value={sort}
          onChange={(e) => setSort(e.target.value as SortKey)}
          sx={{ width: 180 }}
        >
          <MenuItem value="rank">{t.sortRank}</MenuItem>
          <MenuItem value="name">{t.sortName}</MenuItem>
          <MenuItem value="status">{t.sortStatus}</MenuItem>
        </TextField>
        <FormControlLabel
          control={<Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)} />}
          label={t.pendingOnly}
        />
      </Stack>
      {desk === undefined ? (
        <Loading />
      ) : !desk.ok ? (
        <Alert severity="error">
          {t.loadFailed}:{desk.error}
        </Alert>
      ) : desk.noRoster ? (
        <Alert severity="info">{t.noRoster}</Alert>
      ) : rows.length === 0 ? (
        <Alert severity="info">{t.noPeople}</Alert>
      ) : (
        <>
          <ReviewRequests rows={rows} onOpen={(r) => setOpenId(r.row.personId)} />
          {groups.length === 0 ? (
            <Alert severity="info">
              {pendingOnly && query.trim() === '' ? t.noPending : t.noMatch(query.trim())}
            </Alert>
          ) : (
            groups.map((g) => (
              <UnitTable
                key={g.unit.unitId}
                unitRows={g.rows}
                all={rows}
                sort={sort}
                onSort={setSort}
                today={today}
                onOpen={(r) => setOpenId(r.row.personId)}
              />
            ))
          )}
          <AnnualDocuments year={year} rows={rows} />
        </>
      )}
      {open ? (
        <DecisionDialog
          key={formKey(open)}
          row={open}
          year={year}
          today={today}
          form={formOf(open)}
          onChange={(f) => setForms((all) => ({ ...all, [formKey(open)]: f }))}
          onClose={() => setOpenId(null)}
          problems={(f) => check(open, rows, f)}
          sign={async (f) => {
            const { version, label } = await sign(open, rows, f);
            setForms((all) => {
              const next = { ...all };
              delete next[formKey(open)];
              return next;
            });
            setDue(f.opinionDueOn);
            setOpenId(null);
            notify({ kind: 'success', text: t.signed(open.row.name, label, version) });
          }}
        />
      ) : null}
    </Stack>
  );
}

const eligibilityTone = (r: DeskRow): ChipTone =>
  !r.row.eligible
    ? 'default'
    : r.row.standing === 'within'
      ? 'success'
      : r.row.standing === 'tie'
        ? 'warning'
        : 'info';

function UnitTable({
  unitRows,
  all,
  sort,
  onSort,
  today,
  onOpen,
}: {
  unitRows: DeskRow[];
  all: readonly DeskRow[];
  sort: SortKey;
  onSort: (k: SortKey) => void;
  today: string;
  onOpen: (r: DeskRow) => void;
}) {
  const unit = unitRows[0]!.unit;
  const given = excellentGiven(all, unit.unitId);
  const c = t.columns;
  const headingId = `decisions-unit-${unit.unitId}`;
  const sortable = (key: SortKey, label: string) => (
    <TableSortLabel active={sort === key} direction="asc" onClick={() => onSort(key)}>
      {label}
    </TableSortLabel>
  );
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.unitHeading(unit.unitName, unit.headcount)}
        </Typography>
        <StateChip label={t.unitSummary(unit.quota, given)} tone={given > unit.quota ? 'error' : 'info'} />
      </Stack>
      {given > unit.quota ? (
        <Alert severity="error" sx={{ mb: 1 }}>
          {t.unitOverQuota(unit.unitName, given, unit.quota)}
        </Alert>
      ) : null}
      {unit.notes.map((n) => (
        <Alert severity="warning" key={n} sx={{ mb: 1 }}>
          {n}
        </Alert>
      ))}
      <TableContainer component={Paper} variant="outlined">
        <Table
          size="small"
          aria-label={t.tableLabel(unit.unitName)}
          sx={{ tableLayout: 'fixed', '& td, & th': { px: 1, verticalAlign: 'top' } }}
        >
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 56 }}>{sortable('rank', c.rank)}</TableCell>
              <TableCell sx={{ width: 120 }}>{sortable('name', c.name)}</TableCell>
              <TableCell sx={{ width: 150 }}>{c.quarters}</TableCell>
              <TableCell>{c.eligibility}</TableCell>
              <TableCell sx={{ width: 120 }}>{c.suggestion}</TableCell>
              <TableCell sx={{ width: 110 }}>{sortable('status', c.decision)}</TableCell>
              <TableCell sx={{ width: 130 }}>{c.opinion}</TableCell>
              <TableCell sx={{ width: 96 }}>{c.action}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {unitRows.map((r) => (
              <PersonRow key={r.row.personId} r={r} today={today} onOpen={onOpen} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
}

function PersonRow({ r, today, onOpen }: { r: DeskRow; today: string; onOpen: (r: DeskRow) => void }) {
  const row = r.row;
  const op = opinionState(r, today);
  return (
    <TableRow hover data-testid={`decision-row-${row.personId}`}>
      <TableCell>{row.rank ?? '—'}</TableCell>
      <TableCell component="th" scope="row">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {row.name}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {row.post}
        </Typography>
      </TableCell>
      <TableCell>
        <Typography
          variant="body2"
          aria-label={row.quarters
            .map((q) => `第${q.quarter}季度${q.grade ? quarterGradeLabels[q.grade] : '无'}`)
            .join('，')}
        >
          {row.quarters.map((q) => (q.grade ? quarterGradeLabels[q.grade] : '—')).join(' · ')}
        </Typography>
        {row.averageScore !== null ? (
          <Typography variant="caption" color="text.secondary">
            {t.average(row.averageScore)}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <StateChip label={standingText(row)} tone={eligibilityTone(r)} />
          {row.lowRanked ? <StateChip label={t.lowRanked} tone="warning" /> : null}
        </Stack>
        {row.participationNotes.map((x) => (
          <Typography key={x} variant="caption" component="p">
            {x}
          </Typography>
        ))}
        {row.reasons.map((x) => (
          <Typography key={x} variant="caption" component="p" color="text.secondary">
            {x}
          </Typography>
        ))}
        {row.standingNote ? (
          <Typography variant="caption" component="p" color="warning.main">
            {row.standingNote}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell>
        {r.comment ? (
          <>
            <Typography variant="body2">{suggestionText(r.comment.suggestion)}</Typography>
            <Typography variant="caption" color="text.secondary">
              {t.suggestionBy(r.comment.supervisorName)}
            </Typography>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t.suggestionNone}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        {r.decision ? (
          <>
            <StateChip label={outcomeLabel(r.decision.outcome)} tone="primary" />
            <Typography variant="caption" component="p" color="text.secondary">
              {t.decisionVersion(r.decision.version)}
            </Typography>
          </>
        ) : (
          <StateChip label={t.decisionNone} tone="default" />
        )}
      </TableCell>
      <TableCell>
        <OpinionCell state={op} />
      </TableCell>
      <TableCell>
        <Button
          size="small"
          variant={r.decision && !awaitingReview(r) ? 'text' : 'contained'}
          onClick={() => onOpen(r)}
          aria-label={t.decide(row.name)}
        >
          {r.decision ? t.correctShort : t.decideShort}
        </Button>
      </TableCell>
    </TableRow>
  );
}

function OpinionCell({ state }: { state: ReturnType<typeof opinionState> }) {
  switch (state.kind) {
    case 'none':
      return <Typography variant="body2">{t.opinionNone}</Typography>;
    case 'waiting':
      return <Typography variant="body2">{t.opinionWaiting(state.due)}</Typography>;
    case 'overdue':
      return (
        <Typography variant="body2" color="warning.main">
          {t.opinionOverdue(state.due)}
        </Typography>
      );
    default:
      return (
        <>
          <StateChip
            label={state.kind === 'agree' ? t.opinionAgree : t.opinionDisagree}
            tone={state.kind === 'agree' ? 'success' : 'error'}
          />
          {!state.current ? (
            <Typography variant="caption" component="p" color="text.secondary">
              {t.opinionOlder}
            </Typography>
          ) : null}
        </>
      );
  }
}
