/**
 * From what the official keeps (shared/domain) to what the Word forms print (shared/documents/models):
 * the one place that knows both shapes. Pure, so the unit test can check every field.
 */
import type {
  AnnualPlanForm,
  Attendance as FormAttendance,
  ErrorEntry as FormErrorEntry,
  FormData,
  MonthlyRecordForm,
  PersonHeader,
  QuarterSummaryForm,
  WorkStatus as FormWorkStatus,
} from '../../../shared/documents';
import { localIsoDate, rankLevelLabel, type LocalProfile } from '../../../shared/domain';
import type { AnnualPlan } from '../../../shared/domain/plan';
import { errorSeverityLabels, type Attendance, type ErrorEntry, type MonthlyRecord } from '../../../shared/domain/record-book';
import type { QuarterSummary } from '../../../shared/domain/summary';

/** The calendar day (in the machine's zone) a stored ISO timestamp falls on. */
function dayOf(timestamp: string | undefined): string | undefined {
  if (!timestamp) return undefined;
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? undefined : localIsoDate(d);
}

/** 职务职级 as printed: "科长、一级主任科员", or the rank alone. */
export function personHeader(profile: Pick<LocalProfile, 'name' | 'unitName' | 'title' | 'rankLevel'>): PersonHeader {
  const rank = rankLevelLabel(profile.rankLevel);
  const title = profile.title?.trim();
  return { name: profile.name, unit: profile.unitName, post: title && title !== rank ? `${title}、${rank}` : rank };
}

export function planForm(plan: AnnualPlan, person: PersonHeader): AnnualPlanForm {
  const approvedOn = dayOf(plan.approvedAt);
  const filedOn = dayOf(plan.filedAt);
  return {
    kind: 'annualPlan',
    person,
    year: plan.year,
    items: plan.items.map((it) => ({
      task: it.task,
      target: it.target,
      deadline: it.deadline,
      basis: it.duty,
      ...(it.weight !== undefined ? { weight: it.weight } : {}),
    })),
    ...(approvedOn ? { approval: { name: plan.approvedBy ?? '', date: approvedOn, opinion: plan.approvalOpinion ?? '' } } : {}),
    ...(filedOn ? { filing: { date: filedOn } } : {}),
  };
}

/** 应出勤 is `due` in the domain and `required` on the form; the other fields share their names. */
export function attendanceForm(a: Attendance): FormAttendance {
  return {
    required: a.due,
    present: a.present,
    personalLeave: a.personalLeave,
    sickLeave: a.sickLeave,
    annualLeave: a.annualLeave,
    businessTrip: a.businessTrip,
    absent: a.absent,
  };
}

function errorForm(e: Omit<ErrorEntry, 'id'>): FormErrorEntry {
  return { date: e.date, matter: e.matter, cause: e.cause, correction: e.correction, severity: errorSeverityLabels[e.severity] };
}

export function recordForm(record: MonthlyRecord, person: PersonHeader): MonthlyRecordForm {
  const signed = record.state === 'submitted' ? dayOf(record.submittedAt) : undefined;
  return {
    kind: 'monthlyRecord',
    person,
    year: record.year,
    month: record.month,
    workItems: record.workItems.map((w) => ({ content: w.content, progress: w.progress, status: w.status, percent: w.percent })),
    attendance: attendanceForm(record.attendance),
    errors: record.errors.map(errorForm),
    ...(signed ? { signedOn: { official: signed } } : {}),
  };
}

/** A plan item's progress on the form carries a status too; the percent says which. */
function statusOfPercent(percent: number): FormWorkStatus {
  if (percent >= 100) return 'completed';
  return percent > 0 ? 'inProgress' : 'notStarted';
}

/** One paragraph per block of text the official separated with a line break. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The summary's form. The stored highlights keep an error's date, matter and severity only; its
 * cause and correction are looked up in the record books given (blank when none matches).
 */
export function summaryForm(summary: QuarterSummary, person: PersonHeader, records: readonly MonthlyRecord[] = []): QuarterSummaryForm {
  const h = summary.highlights;
  const full = records.filter((r) => r.year === summary.year).flatMap((r) => r.errors);
  const written = summary.state === 'submitted' ? dayOf(summary.submittedAt) : undefined;
  return {
    kind: 'quarterSummary',
    person,
    year: summary.year,
    quarter: summary.quarter,
    paragraphs: paragraphsOf(summary.text),
    highlights: {
      completedItems: h.completedItems.map((c) => c.content),
      planProgress: h.planProgress.map((p) => ({ task: p.task, status: statusOfPercent(p.percent), percent: p.percent })),
      attendance: attendanceForm(h.attendance),
      errors: h.errors.map((e) => {
        const match = full.find((x) => x.date === e.date && x.matter === e.matter);
        return errorForm({ ...e, cause: match?.cause ?? '', correction: match?.correction ?? '' });
      }),
    },
    ...(written ? { writtenOn: written } : {}),
  };
}

export type YearDocuments = {
  plan: AnnualPlan | undefined;
  records: readonly MonthlyRecord[];
  summaries: readonly QuarterSummary[];
};

/** Every form of the year, in the order a file folder keeps them: plan, months, quarters. */
export function yearForms(data: YearDocuments, person: PersonHeader): FormData[] {
  return [
    ...(data.plan && data.plan.items.length > 0 ? [planForm(data.plan, person)] : []),
    ...[...data.records].sort((a, b) => a.month - b.month).map((r) => recordForm(r, person)),
    ...[...data.summaries].sort((a, b) => a.quarter - b.quarter).map((s) => summaryForm(s, person, data.records)),
  ];
}
