/**
 * 年度考核: who takes part (with the reason when not, or not graded), each person's quarterly results
 * for the quarters they served, the averaged and weighted score, one ranking of everyone evaluated,
 * whether they can be an 优秀 candidate (with every reason they cannot), each group's 优秀 quota as HR
 * saves it and who of the ranked candidates falls within it — ties shown as ties; HR's marking of
 * long leave and the like; the 年度考核工作表 exported to Excel and Word.
 * Over 400 lines on purpose: its parts (the unit heading, the quota field, the quarter cell, the table)
 * exist only for this page and all read the one AnnualReport; the export is in useReportExport.ts.
 */
import { useMemo, useState } from 'react';
import { quotaRoundingLabels, type ParticipationMarking } from '../../../../shared/domain';
import { useSearchParams } from 'react-router';
import {
  Alert,
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
import {
  quarterGradeLabels,
  quarterResultText,
  standingText,
  type AnnualRow,
  type AnnualUnitResult,
} from '../../../../shared/domain';
import {
  annualWorksheetFileName,
  buildAnnualWorksheet,
  buildAnnualWorksheetXlsx,
  toBytes,
  worksheetFromLinkage,
} from '../../../../shared/documents';
import { describeError } from '../../../../shared/errors/messages.zh';
import { chineseDay } from '../../../../shared/domain/periods';
import { readAnnualReport, saveAnnualQuota, type AnnualReport } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { VirtualRows } from '../../../components/VirtualRows';
import { Loading, PageHeader, StateChip } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { validationIssues } from '../../../components/fieldErrors';
import { readOrg } from '../org-service';
import { reportsText as t } from './strings';
import { useReportExport } from './useReportExport';
import { YearPicker, defaultYear } from './YearPicker';
import { MarkingDialog } from './MarkingDialog';

/** `?year=2026`, else the year whose annual assessment is due. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : defaultYear();
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  return [year, setYear];
}

type Loaded = { ok: true; report: AnnualReport | null; org: string } | { ok: false; error: string };

export function AnnualPage() {
  const { db } = useServices();
  const [year, setYear] = useYearParam();
  const loaded = useLiveFor<Loaded>(
    `${year}`,
    async () => {
      try {
        const org = (await readOrg(db))?.name ?? '';
        const report = await readAnnualReport(db, year, { organisationName: org || '本机关' });
        return { ok: true, report, org };
      } catch (e) {
        return { ok: false, error: describeError(e).title };
      }
    },
    [db, year],
  );
  const { busy, save } = useReportExport();

  const report = loaded?.ok ? loaded.report : null;
  const form = report && loaded?.ok ? worksheetFromLinkage(report.linkage, loaded.org || '本机关') : null;

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.annualTitle}
        actions={
          form ? (
            <>
              <Button
                variant="contained"
                disabled={busy}
                onClick={() =>
                  void save('xlsx', annualWorksheetFileName(form, 'xlsx'), () =>
                    buildAnnualWorksheetXlsx(form),
                  )
                }
              >
                {busy ? t.exporting : t.exportExcel}
              </Button>
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() =>
                  void save('docx', annualWorksheetFileName(form, 'docx'), () =>
                    toBytes(buildAnnualWorksheet(form)),
                  )
                }
              >
                {t.exportWord}
              </Button>
            </>
          ) : null
        }
      />
      <Typography color="text.secondary">{t.annualIntro}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <Box sx={{ width: 240 }}>
          <YearPicker value={year} onChange={setYear} />
        </Box>
      </Stack>
      {loaded === undefined ? (
        <Loading />
      ) : !loaded.ok ? (
        <Alert severity="error">
          {t.loadFailed}:{loaded.error}
        </Alert>
      ) : !loaded.report ? (
        <Alert severity="info">{t.noRoster}</Alert>
      ) : loaded.report.linkage.units.length === 0 ? (
        <Alert severity="info">{t.noPeople}</Alert>
      ) : (
        <AnnualBody report={loaded.report} year={year} />
      )}
    </Stack>
  );
}

function AnnualBody({ report, year }: { report: AnnualReport; year: number }) {
  const { linkage } = report;
  return (
    <>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="annual-rules">
        <Typography id="annual-rules" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.rules}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {linkage.ruleText.map((r) => (
            <li key={r}>
              <Typography variant="body2">{r}</Typography>
            </li>
          ))}
        </Box>
        {linkage.ruleWarnings.map((w) => (
          <Alert severity="warning" sx={{ mt: 1 }} key={w}>
            {w}
          </Alert>
        ))}
        {report.configSource === 'local' ? (
          <Alert severity="warning" sx={{ mt: 1 }}>
            {t.localRules}
          </Alert>
        ) : null}
      </Paper>
      {report.staleQuotas.map((s) => (
        <Alert severity="warning" key={s}>
          {s}
        </Alert>
      ))}
      <AnnualTable report={report} year={year} />
    </>
  );
}

/** One unit's heading row: its name and head count, the 优秀 quota and notes. */
function UnitHeading({ unit, year, report }: { unit: AnnualUnitResult; year: number; report: AnnualReport }) {
  const headingId = `annual-unit-${unit.unitId}`;
  return (
    <Stack spacing={1} component="section" aria-labelledby={headingId} sx={{ py: 1 }}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {t.unitHeading(unit.unitName, unit.headcount, unit.memberCount)}
        </Typography>
        <StateChip label={t.eligibleSummary(unit.eligibleCount, unit.quota)} tone="info" />
      </Stack>
      <QuotaField
        key={`${year}-${unit.unitId}-${unit.quota}-${unit.quotaSet}`}
        unit={unit}
        year={year}
        report={report}
      />
      {unit.notes.map((n) => (
        <Alert severity="warning" key={n}>
          {n}
        </Alert>
      ))}
    </Stack>
  );
}

function QuotaField({ unit, year, report }: { unit: AnnualUnitResult; year: number; report: AnnualReport }) {
  const rule = report.linkage.annual.quota;
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const [value, setValue] = useState(String(unit.quota));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = `quota-${unit.unitId}`;

  const store = async (quota: string | null) => {
    setSaving(true);
    try {
      await saveAnnualQuota(db, {
        year,
        unitId: unit.unitId,
        unitName: unit.unitName,
        headcount: unit.headcount,
        quota,
      });
      setError(null);
      notify({
        kind: 'success',
        text: quota === null ? t.quotaReset(unit.unitName) : t.quotaSaved(unit.unitName, Number(quota), year),
      });
    } catch (e) {
      const issues = validationIssues(e);
      if (issues && issues[0]) setError(issues[0].message);
      else reportError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        void store(value);
      }}
    >
      <TextField
        id={inputId}
        size="small"
        label={t.quota(unit.unitName)}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        error={error !== null}
        helperText={
          error ??
          t.quotaHelp(
            rule.percent,
            unit.headcount,
            unit.quotaOptions,
            quotaRoundingLabels[rule.rounding],
            unit.quotaSet,
          )
        }
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        sx={{ maxWidth: 560, minWidth: 240 }}
      />
      <Button type="submit" variant="outlined" disabled={saving}>
        {t.saveQuota}
      </Button>
      {unit.quotaSet ? (
        <Button variant="text" disabled={saving} onClick={() => void store(null)}>
          {t.resetQuota}
        </Button>
      ) : null}
    </Stack>
  );
}

function QuarterCell({ row, index, q4Folded }: { row: AnnualRow; index: number; q4Folded: boolean }) {
  const q = row.quarters[index];
  if (!q || q.grade === null) {
    const words = q && !q.served ? t.notServed : index === 3 && q4Folded ? t.q4Folded : t.noResult;
    return (
      <TableCell align="center">
        <Typography variant="body2" color="text.secondary">
          {words}
        </Typography>
      </TableCell>
    );
  }
  return (
    <TableCell align="center">
      <Typography variant="body2" component="span" aria-label={quarterResultText(q)}>
        {quarterGradeLabels[q.grade]}
        {q.score !== null ? (
          <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
            {q.score}
          </Box>
        ) : null}
      </Typography>
      {q.version !== null && q.version > 1 ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {t.corrected(q.version)}
        </Typography>
      ) : null}
    </TableCell>
  );
}

const COLUMN_COUNT = 11;

function standingTone(r: AnnualRow) {
  if (r.participation.kind !== 'graded' || !r.eligible) return 'default' as const;
  if (r.lowRankTie || r.standing === 'tie') return 'warning' as const;
  return r.standing === 'within' ? ('success' as const) : ('info' as const);
}

/** The explanation cell: every reason, the tie waiting for a decision, the days served, moves. */
function Explanation({ row, year }: { row: AnnualRow; year: number }) {
  const partYear = row.memberFrom !== `${year}-01-01` || row.memberTo !== `${year}-12-31`;
  return (
    <>
      {row.reasons.length > 0 ? (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {row.reasons.map((reason) => (
            <li key={reason}>
              <Typography variant="body2">{reason}</Typography>
            </li>
          ))}
        </Box>
      ) : null}
      {row.standingNote ? <Typography variant="body2">{row.standingNote}</Typography> : null}
      {partYear && row.memberFrom ? (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {t.memberDays(chineseDay(row.memberFrom), chineseDay(row.memberTo))}
        </Typography>
      ) : null}
      {row.participationNotes.map((n) => (
        <Typography key={n} variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {n}
        </Typography>
      ))}
    </>
  );
}

function AnnualTable({ report, year }: { report: AnnualReport; year: number }) {
  const { linkage, markings } = report;
  const units = linkage.units;
  const c = t.columns;
  const q4Folded = linkage.annual.q4 === 'folded';
  const [marking, setMarking] = useState<{
    row: AnnualRow;
    current: ParticipationMarking | undefined;
  } | null>(null);
  // Every unit's heading followed by its people, as one list: only what is in view is rendered
  // (an organisation of thousands of people would otherwise take seconds to show).
  const items = useMemo(
    () =>
      units.flatMap((u) => [
        { kind: 'unit' as const, unit: u },
        ...u.rows.map((r) => ({ kind: 'person' as const, row: r })),
      ]),
    [units],
  );
  return (
    <>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: '75vh' }}>
        <Table
          size="small"
          stickyHeader
          aria-label={t.tableLabel(`${year}年`)}
          aria-rowcount={items.length + 1}
          // Names, ranks and figures on one line; only the explanation wraps.
          sx={{
            '& th, & td': { whiteSpace: 'nowrap', px: 1 },
            '& .explanation': { whiteSpace: 'normal', minWidth: 240 },
          }}
        >
          <TableHead>
            <TableRow>
              <TableCell>{c.groupRank}</TableCell>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.post}</TableCell>
              {[1, 2, 3, 4].map((q) => (
                <TableCell key={q} align="center">
                  {c.quarter(q)}
                </TableCell>
              ))}
              <TableCell align="right">{c.average}</TableCell>
              <TableCell align="right">{c.weighted(linkage.quarterWeight)}</TableCell>
              <TableCell>{c.standing}</TableCell>
              <TableCell className="explanation">{c.reasons}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <VirtualRows
              count={items.length}
              colSpan={COLUMN_COUNT}
              estimate={45}
              renderRow={(i) => {
                const item = items[i]!;
                if (item.kind === 'unit') {
                  return (
                    <TableRow key={`unit-${item.unit.unitId}`} aria-rowindex={i + 2}>
                      <TableCell
                        colSpan={COLUMN_COUNT}
                        sx={{ bgcolor: 'action.hover', whiteSpace: 'normal' }}
                      >
                        <UnitHeading unit={item.unit} year={year} report={report} />
                      </TableCell>
                    </TableRow>
                  );
                }
                const r = item.row;
                const current = markings[r.personId];
                return (
                  <TableRow key={r.personId} data-testid={`annual-row-${r.personId}`} aria-rowindex={i + 2}>
                    <TableCell>{r.groupRank ?? '—'}</TableCell>
                    <TableCell component="th" scope="row">
                      {r.name}
                    </TableCell>
                    <TableCell>{r.post}</TableCell>
                    {[0, 1, 2, 3].map((k) => (
                      <QuarterCell key={k} row={r} index={k} q4Folded={q4Folded} />
                    ))}
                    <TableCell align="right">{r.averageScore ?? '—'}</TableCell>
                    <TableCell align="right">{r.weightedScore ?? '—'}</TableCell>
                    <TableCell>
                      <StateChip label={standingText(r)} tone={standingTone(r)} />
                      {r.rank !== null ? (
                        <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                          {t.candidateRank(r.rank)}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell className="explanation">
                      <Explanation row={r} year={year} />
                      <Button
                        size="small"
                        sx={{ mt: 0.5, ml: -0.5 }}
                        variant={current ? 'outlined' : 'text'}
                        aria-label={t.markTitle(r.name)}
                        onClick={() => setMarking({ row: r, current })}
                      >
                        {current ? t.marked : t.markButton}
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              }}
            />
          </TableBody>
        </Table>
      </TableContainer>
      {marking ? (
        <MarkingDialog
          year={year}
          personId={marking.row.personId}
          name={marking.row.name}
          current={marking.current}
          onClose={() => setMarking(null)}
        />
      ) : null}
    </>
  );
}
