/**
 * One material, read-only, as HR reads it: every version, the decisions about each (核准/退回 with the
 * reasons, 更正 with its reason), the 备案回执. The same words the official's and supervisor's screens use.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  CircularProgress,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  annualOutcomeLabel,
  annualSuggestionLabels,
  attendanceLabels,
  errorSeverityLabels,
  evaluationMethodLabels,
  feedbackKindLabels,
  formatDays,
  planStateLabels,
  quarterGradeLabels,
  recordStateLabels,
  workStatusLabels,
  type Attendance,
  type FilingReceipt,
  type MonthlyRecordVersion,
  type PlanItem,
} from '../../../shared/domain';
import { readMaterial, type Material } from '../../../shared/store/material-repo';
import { useServices } from '../../state/services';
import { dateTimeOf } from '../supervisor-forms';
import { RegisterTable } from './RegisterTable';
import { materialLabel, type MaterialRef } from './ref';
import { Field, Fields, Heading, NotReceived, VersionPicker } from './parts';
import { mt } from './strings';

const ATTENDANCE_KEYS = Object.keys(attendanceLabels) as (keyof Attendance)[];

export function MaterialView({ materialRef: ref }: { materialRef: MaterialRef }) {
  const { db } = useServices();
  const material = useLiveQuery(() => readMaterial(db, ref), [db, ref]);
  if (!material) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={mt.loading} />
      </Box>
    );
  }
  return (
    <Stack spacing={1.5} data-testid="material-view" data-kind={material.kind}>
      <Typography variant="body2" color="text.secondary" data-testid="material-owner">
        {material.person ? mt.owner(material.person.name, material.unit?.name ?? '') : mt.unknownPerson}
      </Typography>
      <Body ref_={ref} material={material} />
    </Stack>
  );
}

function Body({ ref_: ref, material: m }: { ref_: MaterialRef; material: Material }) {
  switch (m.kind) {
    case 'plan':
      return <PlanPanel ref_={ref} m={m} />;
    case 'record':
      return <RecordPanel ref_={ref} m={m} />;
    case 'summary':
      return <SummaryPanel ref_={ref} m={m} />;
    case 'evaluation':
      return <EvaluationPanel ref_={ref} m={m} />;
    case 'feedback':
      return <FeedbackPanel ref_={ref} m={m} />;
    case 'register':
      return <RegisterPanel ref_={ref} m={m} />;
    case 'filing':
      return <FilingPanel ref_={ref} m={m} />;
    case 'annual':
      return <AnnualPanel m={m} />;
  }
}

type Of<K extends Material['kind']> = Extract<Material, { kind: K }>;

/** The version shown: the one picked, else the newest. */
function usePicked(versions: readonly number[]): [number, (v: number) => void] {
  const [picked, setPicked] = useState<number | null>(null);
  const newest = versions[versions.length - 1] ?? 0;
  return [picked !== null && versions.includes(picked) ? picked : newest, setPicked];
}

function filedLine(f: FilingReceipt): string {
  return mt.filedVersion(f.version, dateTimeOf(f.filedAt), f.clerk);
}

// ---- 个人年度工作计划 ----

function PlanPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'plan'> }) {
  const numbers = m.versions.map((v) => v.version);
  const [shown, pick] = usePicked(numbers);
  const version = m.versions.find((v) => v.version === shown);
  if (!version) return <NotReceived what={materialLabel(ref)} />;
  const decisions = m.decisions.filter((d) => d.version === shown);
  const filings = m.filings.filter((f) => f.version === shown);
  return (
    <Stack spacing={1.5}>
      {m.plan ? (
        <Typography variant="body2">{`${mt.state}:${planStateLabels[m.plan.state]}`}</Typography>
      ) : null}
      <VersionPicker versions={numbers} value={shown} onChange={pick} />
      <Typography variant="body2" color="text.secondary">
        {mt.versionLine(version.version, dateTimeOf(version.submittedAt))}
      </Typography>
      <PlanItemsTable items={version.items} label={materialLabel(ref, shown)} />
      {decisions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {mt.noDecision}
        </Typography>
      ) : (
        decisions.map((d) =>
          d.decision === 'approve' ? (
            <Alert key={d.id} severity="success" data-testid="plan-decision">
              {mt.approved(d.by, dateTimeOf(d.decidedAt))}
              {d.opinion.trim() ? `。${mt.approvedOpinion(d.opinion)}` : ''}
            </Alert>
          ) : (
            <Alert key={d.id} severity="warning" data-testid="plan-decision">
              <div>{mt.returned(d.by, dateTimeOf(d.decidedAt))}</div>
              {d.reasons.map((r, i) => {
                const n = version.items.findIndex((x) => x.id === r.itemId);
                const what = n < 0 ? mt.returnedWhole : mt.returnedItem(n + 1, version.items[n]!.task.trim());
                return <div key={i}>{`${what}:${r.reason}`}</div>;
              })}
            </Alert>
          ),
        )
      )}
      {filings.map((f) => (
        <Alert key={f.id} severity="info" icon={false}>
          {filedLine(f)}
        </Alert>
      ))}
    </Stack>
  );
}

function PlanItemsTable({ items, label }: { items: readonly PlanItem[]; label: string }) {
  const weighted = items.some((i) => i.weight !== undefined);
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>{mt.planNo}</TableCell>
            <TableCell>{mt.planTask}</TableCell>
            <TableCell>{mt.planTarget}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{mt.planDeadline}</TableCell>
            <TableCell>{mt.planDuty}</TableCell>
            {weighted ? <TableCell align="right">{mt.planWeight}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((it, i) => (
            <TableRow key={it.id}>
              <TableCell>{i + 1}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{it.task}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{it.target}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{it.deadline}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{it.duty}</TableCell>
              {weighted ? <TableCell align="right">{it.weight ?? ''}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

// ---- 平时考核记实簿 ----

function RecordPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'record'> }) {
  const numbers = m.versions.map((v) => v.version);
  const [shown, pick] = usePicked(numbers);
  const version = m.versions.find((v) => v.version === shown);
  if (!version) return <NotReceived what={materialLabel(ref)} />;
  const returns = m.returns.filter((r) => r.version === shown);
  return (
    <Stack spacing={1.5}>
      {m.record ? (
        <Typography variant="body2">{`${mt.state}:${recordStateLabels[m.record.state]}`}</Typography>
      ) : null}
      <VersionPicker versions={numbers} value={shown} onChange={pick} />
      <Typography variant="body2" color="text.secondary" data-testid="material-version">
        {mt.versionLine(version.version, dateTimeOf(version.submittedAt))}
      </Typography>
      {returns.map((r) => (
        <Alert key={r.id} severity="warning" data-testid="record-return">
          <div>{mt.returned(r.by, dateTimeOf(r.returnedAt))}</div>
          {`${mt.returnReason}:${r.reason}`}
        </Alert>
      ))}
      <RecordBody version={version} planItems={m.plan?.items ?? []} label={materialLabel(ref, shown)} />
    </Stack>
  );
}

function RecordBody({
  version: r,
  planItems,
  label,
}: {
  version: MonthlyRecordVersion;
  planItems: readonly PlanItem[];
  label: string;
}) {
  const planItemText = (id: string | undefined) => {
    const i = planItems.findIndex((p) => p.id === id);
    return i < 0 ? '—' : `${i + 1}. ${planItems[i]!.task.trim()}`;
  };
  return (
    <>
      <Heading>{mt.workItems}</Heading>
      {r.workItems.length === 0 ? (
        <Typography color="text.secondary">{mt.noWork}</Typography>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`${label} ${mt.workItems}`}>
            <TableHead>
              <TableRow>
                <TableCell>{mt.planNo}</TableCell>
                <TableCell>{mt.content}</TableCell>
                <TableCell>{mt.progress}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{mt.status}</TableCell>
                <TableCell>{mt.planItem}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.workItems.map((w, i) => (
                <TableRow key={w.id}>
                  <TableCell>{i + 1}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{w.content}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{w.progress}</TableCell>
                  <TableCell
                    sx={{ whiteSpace: 'nowrap' }}
                  >{`${workStatusLabels[w.status]} ${w.percent}%`}</TableCell>
                  <TableCell>{planItemText(w.planItemId)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Heading>{mt.attendance}</Heading>
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={`${label} ${mt.attendance}`}>
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
                  {formatDays(r.attendance[k])}
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <Heading>{mt.errors}</Heading>
      {r.errors.length === 0 ? (
        <Typography color="text.secondary">{mt.noErrors}</Typography>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`${label} ${mt.errors}`}>
            <TableHead>
              <TableRow>
                <TableCell>{mt.errorDate}</TableCell>
                <TableCell>{mt.errorMatter}</TableCell>
                <TableCell>{mt.errorCause}</TableCell>
                <TableCell>{mt.errorCorrection}</TableCell>
                <TableCell>{mt.errorSeverity}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {r.errors.map((e) => (
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
        </Paper>
      )}
    </>
  );
}

// ---- 季度个人工作小结 ----

function SummaryPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'summary'> }) {
  const numbers = m.versions.map((v) => v.version);
  const [shown, pick] = usePicked(numbers);
  const version = m.versions.find((v) => v.version === shown);
  if (!version) return <NotReceived what={materialLabel(ref)} />;
  return (
    <Stack spacing={1.5}>
      <VersionPicker versions={numbers} value={shown} onChange={pick} />
      <Typography variant="body2" color="text.secondary">
        {mt.versionLine(version.version, dateTimeOf(version.submittedAt))}
      </Typography>
      <Heading>{mt.summaryText}</Heading>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="summary-text">
        {version.text}
      </Typography>
      {version.highlights.completedItems.length > 0 ? (
        <>
          <Heading>{mt.highlightsDone}</Heading>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {version.highlights.completedItems.map((c, i) => (
              <Typography component="li" variant="body2" key={i}>
                {`${c.month}月:${c.content}`}
              </Typography>
            ))}
          </Box>
        </>
      ) : null}
    </Stack>
  );
}

// ---- 领导评鉴 ----

function EvaluationPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'evaluation'> }) {
  const numbers = m.versions.map((v) => v.version);
  const [shown, pick] = usePicked(numbers);
  const e = m.versions.find((v) => v.version === shown);
  if (!e) return <NotReceived what={materialLabel(ref)} />;
  const result =
    e.resultScore !== undefined
      ? `${mt.points(e.resultScore)},${quarterGradeLabels[e.resultGrade]}`
      : quarterGradeLabels[e.resultGrade];
  return (
    <Stack spacing={1.5}>
      <VersionPicker versions={numbers} value={shown} onChange={pick} corrected={(v) => v > 1} />
      <Typography variant="subtitle2" component="p" data-testid="material-version">
        {materialLabel(ref, { version: e.version, corrected: e.correctionOf !== undefined })}
      </Typography>
      <Fields>
        <Field label={mt.versions}>
          {e.correctionOf ? mt.correctionOf(e.correctionOf.version, e.correctionOf.reason) : mt.firstVersion}
        </Field>
        <Field label={mt.evaluator}>{`${e.evaluatorName} · ${dateTimeOf(e.signedAt)}`}</Field>
        <Field label={mt.method}>{evaluationMethodLabels[e.method]}</Field>
        <Field label={mt.result}>{result}</Field>
        {e.method === 'score' ? (
          <Field label={mt.bonuses}>
            {e.bonuses.length === 0
              ? mt.none
              : e.bonuses.map((b) => `${mt.points(b.points)}:${b.reason}`).join('\n')}
          </Field>
        ) : null}
        <Field label={mt.peer}>
          {`${mt.peerLine(e.peerOpinion.consulted, e.peerOpinion.scope)}\n${e.peerOpinion.gist}`}
        </Field>
        <Field label={mt.publicFb}>
          {e.publicFeedback ? `${e.publicFeedback.source}:${e.publicFeedback.gist}` : mt.none}
        </Field>
        <Field label={mt.opinion}>{e.opinion}</Field>
      </Fields>
    </Stack>
  );
}

// ---- 评鉴结果反馈 ----

function FeedbackPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'feedback'> }) {
  if (m.feedback.length === 0) return <NotReceived what={materialLabel(ref)} />;
  return (
    <Stack spacing={1.5}>
      {m.feedback.map((f) => {
        const acks = m.acks.filter((a) => a.feedbackId === f.id);
        return (
          <Paper key={f.id} variant="outlined" sx={{ p: 1.5 }} data-testid="feedback-item">
            <Fields>
              <Field label={mt.feedbackWay}>{feedbackKindLabels[f.kind]}</Field>
              <Field label={mt.feedbackDate}>{f.date}</Field>
              <Field label={mt.feedbackPlace}>{f.place}</Field>
              <Field label={mt.participants}>{f.participants}</Field>
              <Field label={mt.feedbackContent}>{f.content}</Field>
              <Field label={mt.improvements}>{f.improvements}</Field>
              <Field label={mt.feedbackBy}>{f.by}</Field>
              <Field label={mt.ack}>
                {acks.length === 0
                  ? mt.noAck
                  : acks.map((a) => `${a.text}(${mt.ackLine(dateTimeOf(a.at))})`).join('\n')}
              </Field>
            </Fields>
          </Paper>
        );
      })}
    </Stack>
  );
}

// ---- 平时考核备案登记表 ----

function RegisterPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'register'> }) {
  const numbers = m.versions.map((v) => v.version);
  const [shown, pick] = usePicked(numbers);
  const r = m.versions.find((v) => v.version === shown);
  if (!r) return <NotReceived what={materialLabel(ref)} />;
  const filings = m.filings.filter((f) => f.version === shown);
  const label = materialLabel(
    { ...ref, year: r.year, quarter: r.quarter },
    {
      version: r.version,
      corrected: r.correctionOf !== undefined,
    },
  );
  return (
    <Stack spacing={1.5}>
      <VersionPicker versions={numbers} value={shown} onChange={pick} corrected={(v) => v > 1} />
      <Typography variant="subtitle2" component="p" data-testid="material-version">
        {label}
      </Typography>
      <Fields>
        <Field label={mt.registerUnit}>{r.unitName}</Field>
        <Field label={mt.versions}>
          {r.correctionOf ? mt.correctionOf(r.correctionOf.version, r.correctionOf.reason) : mt.firstVersion}
        </Field>
        <Field label={mt.evaluator}>{`${r.supervisorName} · ${dateTimeOf(r.signedAt)}`}</Field>
        <Field label={mt.registerOpinion}>{r.opinion}</Field>
      </Fields>
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <RegisterTable entries={r.entries} label={label} />
      </Paper>
      {filings.length > 0 ? (
        filings.map((f) => (
          <Alert key={f.id} severity="info" icon={false}>
            {filedLine(f)}
          </Alert>
        ))
      ) : (
        <Typography variant="body2" color="text.secondary">
          {mt.notFiled}
        </Typography>
      )}
    </Stack>
  );
}

// ---- 备案回执 ----

function FilingPanel({ ref_: ref, m }: { ref_: MaterialRef; m: Of<'filing'> }) {
  if (m.filings.length === 0) return <NotReceived what={materialLabel(ref)} />;
  return (
    <Stack spacing={1}>
      {m.filings.map((f) => (
        <Alert key={f.id} severity="info" icon={false} data-testid="filing-receipt">
          {filedLine(f)}
        </Alert>
      ))}
    </Stack>
  );
}

// ---- 年度考核 ----

function AnnualPanel({ m }: { m: Of<'annual'> }) {
  const { summary, comment, decision } = m;
  const opinion =
    decision?.opinion && decision.opinion.decisionFactId === decision.factId ? decision.opinion : undefined;
  return (
    <Stack spacing={1.5}>
      <Heading>{mt.annualSummary}</Heading>
      {summary && summary.version > 0 && summary.state === 'submitted' ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {summary.text}
        </Typography>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {mt.notYet}
        </Typography>
      )}
      <Heading>{mt.annualComment}</Heading>
      {comment ? (
        <Fields>
          <Field label={mt.opinion}>{comment.comment}</Field>
          <Field label={mt.result}>{annualSuggestionLabels[comment.suggestion]}</Field>
          <Field label={mt.evaluator}>{`${comment.supervisorName} · ${comment.signedOn}`}</Field>
        </Fields>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {mt.notYet}
        </Typography>
      )}
      <Heading>{mt.annualDecision}</Heading>
      {decision ? (
        <Fields>
          <Field label={mt.result}>{annualOutcomeLabel(decision.outcome)}</Field>
          <Field label={mt.versions}>{mt.version(decision.version)}</Field>
          <Field label={mt.annualOpinion}>
            {opinion
              ? `${opinion.agree ? mt.agree : mt.disagree}${opinion.text ? `:${opinion.text}` : ''}`
              : mt.notYet}
          </Field>
        </Fields>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {mt.notYet}
        </Typography>
      )}
    </Stack>
  );
}
