/**
 * 公示: HR picks the year (and a quarter, for the quarterly results), checks who will be listed — the
 * 优秀 candidates within each unit's quota, or those rated 好 in the quarter — fills in the notice's
 * fields (公示期, where objections go, 联系人, 电话, 落款) and exports the notice as Word, in
 * official-document layout.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  FormControlLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
  FormControl,
  FormLabel,
} from '@mui/material';
import {
  isoDateSchema,
  latestOfYear,
  quarterGradeLabels,
  resolveHolidayCalendars,
} from '../../../../shared/domain';
import {
  buildPublicationNotice,
  earliestPublicationEnd,
  publicationPeriodProblem,
  noticeFileName,
  noticeTitle,
  toBytes,
  type PublicationEntry,
  type PublicationNoticeForm,
} from '../../../../shared/documents';
import { describeError } from '../../../../shared/errors/messages.zh';
import { configInForce, listAnnualDecisions, readAnnualReport, readHrYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { Loading, PageHeader } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { useYearParam } from '../annual/AnnualPage';
import { reportsText as t } from '../annual/strings';
import { useReportExport } from '../annual/useReportExport';
import { YearPicker } from '../annual/YearPicker';
import { readOrg } from '../org-service';

type Scope = 'annual' | 1 | 2 | 3 | 4;
type Listing = { entries: PublicationEntry[]; pending: string[]; org: string; quotas: string[] };
type Loaded = { ok: true; listing: Listing | null } | { ok: false; error: string };

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

type Fields = {
  redHeader: string;
  recipients: string;
  issuer: string;
  date: string;
  from: string;
  to: string;
  office: string;
  person: string;
  phone: string;
};
type FieldKey = keyof Fields;

/** Everything missing or wrong, by field, in Chinese. */
export function noticeFieldErrors(f: Fields): Partial<Record<FieldKey, string>> {
  const errors: Partial<Record<FieldKey, string>> = {};
  const labels = t.fields;
  for (const k of ['recipients', 'issuer', 'office', 'person', 'phone'] as const) {
    if (f[k].trim() === '') errors[k] = t.required(labels[k]);
  }
  for (const k of ['date', 'from', 'to'] as const) {
    if (!isoDateSchema.safeParse(f[k]).success) errors[k] = t.badDate(labels[k]);
  }
  if (!errors.from && !errors.to && f.to < f.from) errors.to = t.periodOrder;
  return errors;
}

export function PublicationPage() {
  const { db } = useServices();
  const [year, setYear] = useYearParam();
  const [scope, setScope] = useState<Scope>('annual');
  const now = new Date();
  const [fields, setFields] = useState<Fields>({
    redHeader: '',
    recipients: '',
    issuer: '',
    date: iso(now),
    from: iso(addDays(now, 1)),
    to: earliestPublicationEnd(iso(addDays(now, 1))),
    office: '人事部门',
    person: '',
    phone: '',
  });
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const { busy, save } = useReportExport();
  /** The unit's holiday schedules: the annual 公示期 counts five working days on them. */
  const calendars = useLiveFor(
    'calendars',
    async () => resolveHolidayCalendars((await configInForce(db)).config.holidayCalendars),
    [db],
  );

  const loaded = useLiveFor<Loaded>(
    `${year}-${scope}`,
    async () => {
      try {
        const org = (await readOrg(db))?.name ?? '';
        if (scope === 'annual') {
          const [report, decisions] = await Promise.all([
            readAnnualReport(db, year, { organisationName: org || '本机关' }),
            listAnnualDecisions(db, year),
          ]);
          if (!report) return { ok: true, listing: null };
          // A tie the 考核委员会 has decided (HR's signed 年度考核结果) is no longer pending: the one given
          // 优秀 is listed, the others are not; a decision other than 优秀 takes a candidate off the list.
          const decided = new Map(
            decisions.map((d) => [d.personId, d.outcome.kind === 'graded' && d.outcome.grade === 'excellent']),
          );
          const entries: PublicationEntry[] = [];
          const pending: string[] = [];
          const quotas: string[] = [];
          for (const u of report.linkage.units) {
            quotas.push(t.quotaLine(u.unitName, u.quota, u.quotaSet));
            for (const r of u.rows) {
              const unit = report.unitNames[r.unitId] ?? u.unitName;
              const excellent = decided.get(r.personId);
              if (excellent === true) {
                entries.push({ name: r.name, unit, post: r.post, result: '优秀' });
              } else if (excellent === false) {
                continue;
              } else if (r.standing === 'within' && !r.lowRankTie) {
                entries.push({ name: r.name, unit, post: r.post, result: '优秀' });
              } else if (r.standing === 'tie' || (r.standing === 'within' && r.lowRankTie)) {
                pending.push(r.name);
              }
            }
          }
          return { ok: true, listing: { entries, pending, org, quotas } };
        }
        const data = await readHrYear(db, year, { records: false, plans: false });
        if (!data) return { ok: true, listing: null };
        const good = new Set(
          latestOfYear(data.evaluations, year)
            .filter((e) => e.quarter === scope && e.resultGrade === 'good')
            .map((e) => e.subject),
        );
        const entries = data.people
          .filter((p) => good.has(p.personId))
          .map((p) => ({ name: p.name, unit: p.unitName, post: p.post, result: quarterGradeLabels.good }));
        return { ok: true, listing: { entries, pending: [], org, quotas: [] } };
      } catch (e) {
        return { ok: false, error: describeError(e).title };
      }
    },
    [db, year, scope],
  );

  const listing = loaded?.ok ? loaded.listing : null;
  const org = listing?.org ?? '';
  const filled: Fields = {
    ...fields,
    issuer: fields.issuer || org,
    recipients: fields.recipients || (org ? '本机关各部门' : ''),
  };

  const formOf = (): PublicationNoticeForm => ({
    kind: 'publicationNotice',
    scope: scope === 'annual' ? { kind: 'annual', year } : { kind: 'quarter', year, quarter: scope },
    ...(filled.redHeader.trim() ? { redHeader: filled.redHeader.trim() } : {}),
    recipients: filled.recipients.trim(),
    entries: listing?.entries ?? [],
    period: { from: filled.from, to: filled.to },
    office: filled.office.trim(),
    contact: { person: filled.person.trim(), phone: filled.phone.trim() },
    issuer: filled.issuer.trim(),
    date: filled.date,
    holidayCalendars: calendars,
  });

  const onExport = () => {
    const found = noticeFieldErrors(filled);
    const short =
      scope === 'annual' && !found.from && !found.to ? publicationPeriodProblem(filled, calendars) : null;
    if (short) found.to = short;
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`notice-${first}`)?.focus();
      return;
    }
    const form = formOf();
    void save('docx', noticeFileName(form), () => toBytes(buildPublicationNotice(form)));
  };

  const field = (key: FieldKey, opts: { type?: 'date'; wide?: boolean } = {}) => (
    <TextField
      id={`notice-${key}`}
      key={key}
      size="small"
      label={t.fields[key]}
      type={opts.type ?? 'text'}
      value={filled[key]}
      onChange={(e) => {
        setFields((f) => ({ ...f, [key]: e.target.value }));
        setErrors((x) => ({ ...x, [key]: undefined }));
      }}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? ' '}
      slotProps={opts.type === 'date' ? { inputLabel: { shrink: true } } : {}}
      sx={{ minWidth: opts.wide ? 320 : 200, flexGrow: opts.wide ? 1 : 0 }}
    />
  );

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.pubTitle}
        actions={
          <Button variant="contained" disabled={busy || !listing} onClick={onExport}>
            {busy ? t.exporting : t.exportWord}
          </Button>
        }
      />
      <Typography color="text.secondary">{t.pubIntro}</Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <YearPicker value={year} onChange={setYear} />
        <FormControl>
          <FormLabel id="notice-scope">{t.pubKind}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="notice-scope"
            value={scope === 'annual' ? 'annual' : 'quarter'}
            onChange={(e) => setScope(e.target.value === 'annual' ? 'annual' : 1)}
          >
            <FormControlLabel value="annual" control={<Radio />} label={t.pubAnnual} />
            <FormControlLabel value="quarter" control={<Radio />} label={t.pubQuarter} />
          </RadioGroup>
        </FormControl>
        {scope !== 'annual' ? (
          <TextField
            select
            size="small"
            label={t.quarter}
            value={scope}
            onChange={(e) => setScope(Number(e.target.value) as 1 | 2 | 3 | 4)}
            sx={{ minWidth: 140 }}
          >
            {[1, 2, 3, 4].map((q) => (
              <MenuItem key={q} value={q}>
                {t.quarterOption(q)}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
      </Stack>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="notice-fields">
        <Typography id="notice-fields" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
          {noticeTitle({
            scope: scope === 'annual' ? { kind: 'annual', year } : { kind: 'quarter', year, quarter: scope },
          })}
        </Typography>
        <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
          {field('redHeader', { wide: true })}
          {field('recipients', { wide: true })}
          {field('from', { type: 'date' })}
          {field('to', { type: 'date' })}
          {field('office')}
          {field('person')}
          {field('phone')}
          {field('issuer', { wide: true })}
          {field('date', { type: 'date' })}
        </Stack>
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="notice-list">
        <Typography id="notice-list" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.preview}
        </Typography>
        {loaded === undefined ? (
          <Loading />
        ) : !loaded.ok ? (
          <Alert severity="error">
            {t.loadFailed}:{loaded.error}
          </Alert>
        ) : !listing ? (
          <Alert severity="info">{t.noRoster}</Alert>
        ) : (
          <Stack spacing={1}>
            {listing.quotas.length > 0 ? (
              <Alert severity="info">
                {t.quotasInForce}
                {listing.quotas.join(';')}。
              </Alert>
            ) : null}
            {listing.pending.length > 0 ? (
              <Alert severity="warning">{t.tiesPending(listing.pending.join('、'))}</Alert>
            ) : null}
            {listing.entries.length === 0 ? (
              <Alert severity="info">{t.noNominees}</Alert>
            ) : (
              <TableContainer>
                <Table size="small" aria-labelledby="notice-list">
                  <TableHead>
                    <TableRow>
                      <TableCell>序号</TableCell>
                      <TableCell>姓名</TableCell>
                      <TableCell>单位</TableCell>
                      <TableCell>职务职级</TableCell>
                      <TableCell>{scope === 'annual' ? '拟定等次' : '平时考核结果'}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {listing.entries.map((e, i) => (
                      <TableRow key={`${e.unit}-${e.name}-${i}`}>
                        <TableCell>{i + 1}</TableCell>
                        <TableCell>{e.name}</TableCell>
                        <TableCell>{e.unit}</TableCell>
                        <TableCell>{e.post}</TableCell>
                        <TableCell>{e.result}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
