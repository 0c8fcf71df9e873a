import type { ReactNode } from 'react';
import { Alert, Box, Divider, Paper, Stack, Typography } from '@mui/material';
import {
  errorSeverityLabels,
  formatDays,
  leaveDays,
  monthsOfQuarter,
  planStateLabels,
  recordStateLabels,
  workStatusLabels,
  type EvaluationEvidence,
  type MonthlyRecord,
  type Quarter,
} from '../../../../shared/domain';
import type { PersonYear } from '../../../../shared/store';
import { evalText as t } from './strings';

/** Only what the official submitted is evidence; the versions are written into the evaluation. */
export function evidenceOf(data: PersonYear, quarter: Quarter): EvaluationEvidence {
  const months = monthsOfQuarter(quarter);
  const plan = data.plan && data.plan.version >= 1 ? data.plan : undefined;
  const summary = data.summaries.find(
    (s) => s.quarter === quarter && s.state === 'submitted' && s.version >= 1,
  );
  return {
    ...(plan ? { planVersion: plan.version } : {}),
    recordVersions: data.records
      .filter((r) => months.includes(r.month) && r.state === 'submitted' && r.version >= 1)
      .map((r) => ({ month: r.month, version: r.version })),
    ...(summary ? { summaryVersion: summary.version } : {}),
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600, mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function Missing({ children }: { children: ReactNode }) {
  return (
    <Alert severity="info" variant="outlined" sx={{ py: 0 }}>
      {children}
    </Alert>
  );
}

function RecordBook({ record }: { record: MonthlyRecord }) {
  const a = record.attendance;
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t.recordMonth(record.month)} · {t.recordVersion(record.version)}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t.workItems}
      </Typography>
      {record.workItems.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.noWorkItems}
        </Typography>
      ) : (
        <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
          {record.workItems.map((w) => (
            <li key={w.id}>
              <Typography variant="body2">
                {w.content}
                {w.progress ? `:${w.progress}` : ''}({workStatusLabels[w.status]} {w.percent}%)
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Typography variant="body2">
        {t.attendance}:
        {t.attendanceLine({
          due: formatDays(a.due),
          present: formatDays(a.present),
          leave: formatDays(leaveDays(a)),
          trip: formatDays(a.businessTrip),
          absent: formatDays(a.absent),
        })}
      </Typography>
      {record.errors.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.errors}:{t.noErrors}
        </Typography>
      ) : (
        <>
          <Typography variant="caption" color="text.secondary">
            {t.errors}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {record.errors.map((e) => (
              <li key={e.id}>
                <Typography variant="body2">
                  {e.date} {e.matter}({errorSeverityLabels[e.severity]});原因:{e.cause || t.none};纠正:
                  {e.correction || t.none}
                </Typography>
              </li>
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
}

/** 评鉴依据: the quarter's record books, the quarterly summary and the plan, and plainly what has not arrived. */
export function QuarterEvidence({ data, quarter }: { data: PersonYear; quarter: Quarter }) {
  const months = monthsOfQuarter(quarter);
  const summary = data.summaries.find((s) => s.quarter === quarter);
  const plan = data.plan && data.plan.version >= 1 ? data.plan : undefined;
  return (
    <Paper component="section" aria-labelledby="evidence-title" sx={{ p: 2 }} data-testid="evidence">
      <Typography id="evidence-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t.evidence}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t.evidenceIntro}
      </Typography>
      <Stack spacing={2} divider={<Divider flexItem />}>
        <Section title={t.records}>
          <Stack spacing={1.5}>
            {months.map((m) => {
              const r = data.records.find((x) => x.month === m);
              if (!r || r.version < 1) return <Missing key={m}>{t.recordMissing(m)}</Missing>;
              if (r.state !== 'submitted')
                return <Missing key={m}>{t.recordNotSubmitted(m, recordStateLabels[r.state])}</Missing>;
              return <RecordBook key={m} record={r} />;
            })}
          </Stack>
        </Section>
        <Section title={t.summary}>
          {!summary || summary.version < 1 ? (
            <Missing>{t.summaryMissing}</Missing>
          ) : summary.state !== 'submitted' ? (
            <Missing>{t.summaryNotSubmitted}</Missing>
          ) : (
            <Stack spacing={1}>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {summary.text}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {t.highlights}
              </Typography>
              {summary.highlights.completedItems.length > 0 ? (
                <Typography variant="body2">
                  {t.completed}:
                  {summary.highlights.completedItems.map((c) => `${c.content}(${c.month}月)`).join(';')}
                </Typography>
              ) : null}
              {summary.highlights.planProgress.map((p) => (
                <Typography variant="body2" key={p.planItemId}>
                  {p.task} — {p.percent}%
                </Typography>
              ))}
              {summary.highlights.errors.length > 0 ? (
                <Typography variant="body2">
                  {t.errors}:{summary.highlights.errors.map((e) => `${e.date} ${e.matter}`).join(';')}
                </Typography>
              ) : null}
            </Stack>
          )}
        </Section>
        <Section title={t.plan}>
          {!plan ? (
            <Missing>{t.planMissing}</Missing>
          ) : (
            <Stack spacing={0.5}>
              <Typography variant="body2" color="text.secondary">
                {t.planState(planStateLabels[plan.state], plan.version)}
              </Typography>
              {plan.state !== 'approved' && plan.state !== 'filed' ? (
                <Missing>{t.planNotApproved}</Missing>
              ) : null}
              <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
                {plan.items.map((it) => (
                  <li key={it.id}>
                    <Typography variant="body2">{t.planItem(it.task, it.target, it.deadline)}</Typography>
                  </li>
                ))}
              </Box>
            </Stack>
          )}
        </Section>
      </Stack>
    </Paper>
  );
}
