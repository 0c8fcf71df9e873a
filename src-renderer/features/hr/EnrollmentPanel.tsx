import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Autocomplete, Box, Button, Chip, Paper, Stack, TextField, Typography, createFilterOptions } from '@mui/material';
import type { OrgUnit, Person } from '../../../shared/domain';
import { compareChinese } from '../../../shared/domain/collate';
import { describeError } from '../../../shared/errors/messages.zh';
import { fingerprintHex } from '../../../shared/sync';
import { getCurrentRoster } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { ENROLL_FILTER } from '../../bundles/files';
import { Fingerprint } from '../../bundles/Fingerprint';
import { Section } from '../../components/Section';
import { useEnrollments } from './enrollments';
import { bindRequest, readRequest, type PendingEnrollment } from './org-service';
import { MATCH_BY_WORDS, matchRequests, unitPath, type RequestMatch } from './enrollment-match';
import { distText } from './dist-strings';

const t = zh.sync.hr;
const d = distText;

type ReadReport = { fresh: number; dup: number; problems: string[] };

/** Reads the chosen files (or a folder's), adds the new requests, and says what became of each file. */
export async function readRequestFiles(
  files: readonly { name: string; data: Uint8Array; skipped?: string }[],
  known: readonly PendingEnrollment[],
): Promise<{ read: PendingEnrollment[]; report: ReadReport }> {
  const read: PendingEnrollment[] = [];
  const problems: string[] = [];
  const seen = new Map(known.map((p) => [p.request.signingPub, p.fileName ?? '']));
  let dup = 0;
  for (const f of files) {
    const name = f.name.split('/').pop() ?? f.name;
    if (f.skipped) {
      // A folder may hold other files too: only those that could be requests are mentioned.
      if (f.skipped !== 'other-kind' || name.endsWith(`.${ENROLL_FILTER.extensions[0]}`)) problems.push(`${name}:${d.skipped[f.skipped] ?? d.skipped.unreadable}`);
      continue;
    }
    try {
      const p = await readRequest(f.data, name);
      const before = seen.get(p.request.signingPub);
      if (before !== undefined) {
        dup += 1;
        problems.push(`${name}:${before ? d.duplicateOf(before) : d.duplicateKnown}`);
        continue;
      }
      seen.set(p.request.signingPub, name);
      read.push(p);
    } catch (e) {
      problems.push(`${name}:${describeError(e).detail}`);
    }
  }
  return { read, report: { fresh: read.length, dup, problems } };
}

const filter = createFilterOptions<Person>({ limit: 50, stringify: (p) => `${p.name} ${p.staffNo ?? ''}` });

/** Requests brought in on USB sticks — a few files or a whole folder — matched to the roster, reviewed once, bound. */
export function EnrollmentPanel() {
  const { host, db } = useServices();
  const { reportError } = useNotifications();
  const { pending, add, bind, renamePerson } = useEnrollments();
  const [report, setReport] = useState<ReadReport | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const data = useLiveQuery(
    async () => {
      const [people, units, roster] = await Promise.all([db.people.toArray(), db.orgUnits.toArray(), getCurrentRoster(db)]);
      return { people, units, roster };
    },
    [db],
  );
  const people = useMemo(() => data?.people ?? [], [data]);
  const units = useMemo(() => data?.units ?? [], [data]);
  const matches = useMemo(() => matchRequests(pending, people, units, data?.roster?.roster), [pending, people, units, data]);
  const byId = useMemo(() => new Map(people.map((p) => [p.id, p])), [people]);

  /** What 全部绑定 would bind: HR's choice, else the match found. */
  const choiceOf = (p: PendingEnrollment): string => {
    const m = matches.get(p.request.signingPub);
    if (!m || m.kind === 'bound') return '';
    return choices[p.request.signingPub] ?? (m.kind === 'matched' ? m.personId : '');
  };
  const toBind = pending.filter((p) => choiceOf(p) !== '');
  const counts = { matched: 0, ambiguous: 0, unmatched: 0, bound: 0 };
  for (const p of pending) counts[matches.get(p.request.signingPub)?.kind ?? 'unmatched'] += 1;

  const importFiles = async (directory: boolean) => {
    setDone(null);
    try {
      const files = await host.openFiles({ multiple: true, kind: 'enrollment', filters: [ENROLL_FILTER], ...(directory ? { directory: true } : {}) });
      if (files.length === 0) return;
      const { read, report: r } = await readRequestFiles(files, pending);
      add(read);
      setReport(r);
    } catch (e) {
      reportError(e);
    }
  };

  const bindOne = async (p: PendingEnrollment, personId: string): Promise<boolean> => {
    const pub = p.request.signingPub;
    setErrors((e) => ({ ...e, [pub]: '' }));
    try {
      const id = await bindRequest(db, p, personId);
      if (id !== personId) renamePerson(personId, id);
      bind(pub, id);
      return true;
    } catch (e) {
      const desc = describeError(e);
      setErrors((x) => ({ ...x, [pub]: desc.fields[0]?.message ?? desc.detail }));
      return false;
    }
  };

  const bindAll = async () => {
    setBusy(true);
    let ok = 0;
    let failed = 0;
    try {
      // One at a time: binding may re-key a person, which the next binding must see.
      for (const p of toBind) {
        if (await bindOne(p, choiceOf(p))) ok += 1;
        else failed += 1;
      }
      setDone(d.boundAll(ok, failed));
    } finally {
      setBusy(false);
    }
  };

  const order = (p: PendingEnrollment) => ['ambiguous', 'unmatched', 'matched', 'bound'].indexOf(matches.get(p.request.signingPub)?.kind ?? 'unmatched');
  const rows = [...pending].sort((a, b) => order(a) - order(b) || compareChinese(a.request.personName, b.request.personName));

  return (
    <Section id="hr-enrollments" title={t.enrollments} help={t.enrollHelp}>
      <Stack direction="row" spacing={1.5}>
        <Button variant="outlined" onClick={() => void importFiles(false)}>
          {t.importEnroll}
        </Button>
        <Button variant="outlined" onClick={() => void importFiles(true)}>
          {d.importFolder}
        </Button>
      </Stack>
      {report ? (
        <Alert severity={report.problems.length ? 'warning' : 'info'} data-testid="enroll-read-report" onClose={() => setReport(null)}>
          {d.readSummary(report.fresh, report.dup, report.problems.length - report.dup)}
          {report.problems.length ? (
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </Box>
          ) : null}
        </Alert>
      ) : null}
      {pending.length === 0 ? <Typography variant="body2">{t.noRequests}</Typography> : null}
      {counts.matched + counts.ambiguous + counts.unmatched > 0 ? (
        <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="enroll-review">
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Box sx={{ flex: '1 1 320px' }}>
              <Typography sx={{ fontWeight: 600 }} data-testid="enroll-review-summary">
                {d.reviewSummary(counts.matched, counts.ambiguous, counts.unmatched, counts.bound)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {d.reviewHelp}
              </Typography>
            </Box>
            <Button variant="contained" disabled={busy || toBind.length === 0} onClick={() => void bindAll()}>
              {d.bindAll(toBind.length)}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {/* Once the roster carries them they leave the list, and so does this line. */}
      {done && pending.some((p) => p.boundTo) ? (
        <Alert severity="success" data-testid="enroll-bound-all">
          {done}
        </Alert>
      ) : null}
      <Stack spacing={1} role="list" aria-label={t.enrollments}>
        {rows.map((p) => (
          <RequestRow
            key={p.request.signingPub}
            pending={p}
            match={matches.get(p.request.signingPub) ?? { kind: 'unmatched', reason: '' }}
            choice={choiceOf(p)}
            onChoose={(id) => setChoices((c) => ({ ...c, [p.request.signingPub]: id }))}
            onBind={() => void bindOne(p, choiceOf(p))}
            error={errors[p.request.signingPub] ?? ''}
            people={people}
            units={units}
            byId={byId}
          />
        ))}
      </Stack>
    </Section>
  );
}

function personLabel(p: Person, units: readonly OrgUnit[]): string {
  const path = unitPath(units, p.unitId);
  return `${p.name}(${path.slice(-2).join(' / ')}${p.staffNo ? ` · ${p.staffNo}` : ''})`;
}

function RequestRow({
  pending,
  match,
  choice,
  onChoose,
  onBind,
  error,
  people,
  units,
  byId,
}: {
  pending: PendingEnrollment;
  match: RequestMatch;
  choice: string;
  onChoose: (personId: string) => void;
  onBind: () => void;
  error: string;
  people: readonly Person[];
  units: readonly OrgUnit[];
  byId: Map<string, Person>;
}) {
  const { request } = pending;
  const options = useMemo(() => {
    const list = match.kind === 'ambiguous' && match.candidates.length > 1 ? match.candidates.flatMap((id) => byId.get(id) ?? []) : people.filter((p) => p.active);
    return [...list].sort((a, b) => compareChinese(a.name, b.name));
  }, [match, people, byId]);
  const chosen = byId.get(choice) ?? null;
  const boundName = match.kind === 'bound' ? (byId.get(match.personId)?.name ?? '') : '';
  const status =
    match.kind === 'bound' ? (match.issued ? d.status.issued : d.status.bound) : d.status[match.kind];
  const color = match.kind === 'matched' || match.kind === 'bound' ? 'success' : match.kind === 'ambiguous' ? 'warning' : 'error';

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="enrollment-request" aria-label={`注册申请:${request.personName}`} role="group">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Chip size="small" color={color} label={status} data-testid="request-status" />
        <Box sx={{ minWidth: 180 }}>
          <Typography>{t.requestFrom(request.personName, request.unitName)}</Typography>
          <Typography variant="caption" color="text.secondary">
            {[request.staffNo ? d.staffNo(request.staffNo) : '', pending.fileName ?? ''].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
        <Fingerprint value={fingerprintHex(request.signingPub)} size="small" testId="request-fingerprint" />
        <Box sx={{ flexGrow: 1 }} />
        {match.kind === 'bound' ? (
          <Typography color="success.main">{match.issued ? d.inRoster(boundName) : t.bound(boundName)}</Typography>
        ) : (
          <>
            {match.kind === 'matched' && choice === match.personId ? (
              <Typography variant="body2" color="text.secondary">
                {MATCH_BY_WORDS[match.by]}
              </Typography>
            ) : null}
            <Autocomplete
              size="small"
              options={options}
              value={chosen}
              onChange={(_, v) => onChoose(v?.id ?? '')}
              getOptionLabel={(p) => personLabel(p, units)}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={filter}
              noOptionsText={d.noOption}
              renderInput={(params) => <TextField {...params} label={t.bindTo} />}
              sx={{ width: 300, flex: '0 0 auto' }}
            />
            <Button variant="contained" size="small" disabled={!choice} onClick={onBind}>
              {t.bind}
            </Button>
          </>
        )}
      </Stack>
      {match.kind === 'ambiguous' || match.kind === 'unmatched' ? (
        <Alert severity={match.kind === 'ambiguous' ? 'warning' : 'info'} sx={{ mt: 1 }}>
          {match.reason}
        </Alert>
      ) : null}
      {error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      ) : null}
    </Paper>
  );
}
