/**
 * 公示 notice in official-document layout (GB/T 9704-2012): optional 红头 (发文机关标志 in red with the
 * red separator line), the title "关于2026年度考核优秀等次人选的公示" or "关于2026年第1季度平时考核结果的
 * 公示", 主送 flush left, the 正文 with the list, the 公示期, where objections go, 联系人 and 电话, then
 * the 落款 centred over the 成文日期, which stands four characters in from the right.
 *
 * The annual 优秀 notice refuses a 公示期 of fewer than five working days (publication-period.ts), with
 * the sentence HR reads. The paragraphs from the 联系人 line down to the date keep with the next and keep
 * their lines together, so the 落款 never stands alone on a page: when they do not all fit, the last
 * paragraph (联系人、联系电话) goes over with the 落款.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TextRun,
  type Document,
  type Table,
} from 'docx';
import { ValidationError } from '../errors/errors';
import { body, emptyLine, fontSlots, formDocument, formatDate, run, title } from './blocks';
import { quarterSubtitle } from './evaluation-form';
import { BODY_LINE_TWIPS, FONT, LANGUAGE, SIZE_PT, ptToHalfPoints, ptToTwips } from './layout';
import type { PublicationNoticeForm } from './models';
import { publicationPeriodProblem, publicationWorkingDays } from './publication-period';
import { registerTable } from './tables';

const RED = 'FF0000';
/** 发文机关标志: red 方正小标宋简体, larger than the title (GB/T 9704 leaves the size to the office). */
const RED_HEADER_PT = 36;

export function noticeTitle(form: Pick<PublicationNoticeForm, 'scope'>): string {
  const s = form.scope;
  return s.kind === 'annual'
    ? `关于${s.year}年度考核优秀等次人选的公示`
    : `关于${s.year}年第${s.quarter}季度平时考核结果的公示`;
}

export function noticeFileName(form: PublicationNoticeForm): string {
  const safe = [...noticeTitle(form)].filter((c) => !'\\/:*?"<>|'.includes(c)).join('');
  return `${safe}-${form.issuer.trim() || '未命名'}.docx`;
}

function defaultOpening(form: PublicationNoticeForm): string {
  const n = form.entries.length;
  if (form.scope.kind === 'annual') {
    return `根据公务员考核有关规定，经个人总结、平时考核结果汇总、主管领导评鉴和考核委员会审核，拟确定以下${n}名同志为${form.scope.year}年度考核优秀等次人选，现予以公示：`;
  }
  const period = quarterSubtitle(form.scope.year, form.scope.quarter).replace(/^（|）$/g, '');
  return `根据公务员平时考核有关规定，经主管领导评鉴、人事部门审核备案，现将${period}平时考核结果为“好”等次的${n}名同志予以公示：`;
}

/** Width of text in 3号 characters: Latin letters and digits count half. */
function charsOf(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return n;
}

function redHeader(name: string): Paragraph[] {
  const size = ptToHalfPoints(RED_HEADER_PT);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: ptToTwips(RED_HEADER_PT * 1.4), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [
        new TextRun({
          text: name,
          font: fontSlots(FONT.title),
          size,
          sizeComplexScript: size,
          color: RED,
          language: LANGUAGE,
        }),
      ],
    }),
    // 版头分隔线: a red line across the text block, 4 mm under the 发文机关标志.
    new Paragraph({
      spacing: { line: ptToTwips(12), lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE_TWIPS },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 1 } },
      children: [run('', { size: 6 })],
    }),
  ];
}

/** A paragraph flush left, no indent (主送). */
export function flushLeft(text: string): Paragraph {
  return new Paragraph({
    spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run(text)],
  });
}

/** A body paragraph (as blocks.ts `body`) that stays on the page of the next one, lines unbroken. */
export function keptBody(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: ptToTwips(SIZE_PT.body * 2) },
    keepNext: true,
    keepLines: true,
    children: [run(text)],
  });
}

/** An empty line kept with the next (the space above a 落款). */
export function keptEmptyLine(): Paragraph {
  return new Paragraph({
    spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    keepNext: true,
    children: [run('')],
  });
}

/**
 * 落款 and 成文日期: the date four characters in from the right, the issuer centred over it. The
 * issuer keeps with the date; the caller keeps the paragraphs above with the issuer.
 */
export function signOff(issuer: string, date: string, options: { keepWithNext?: boolean } = {}): Paragraph[] {
  const char = ptToTwips(SIZE_PT.body);
  const dateRight = 4 * char;
  const issuerRight = Math.max(0, dateRight + ((charsOf(date) - charsOf(issuer)) / 2) * char);
  const line = { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: Math.round(issuerRight) },
      keepNext: true,
      keepLines: true,
      children: [run(issuer)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: dateRight },
      keepLines: true,
      keepNext: options.keepWithNext === true,
      children: [run(date)],
    }),
  ];
}

/**
 * Throws a ValidationError (path `period.to`, the sentence from publicationPeriodProblem) for an annual
 * notice whose 公示期 is shorter than five working days. The quarterly notice has no such minimum.
 */
export function buildPublicationNotice(form: PublicationNoticeForm): Document {
  const heading = noticeTitle(form);
  const annual = form.scope.kind === 'annual';
  const calendars = form.holidayCalendars;
  const problem = annual ? publicationPeriodProblem(form.period, calendars) : null;
  if (problem !== null) throw new ValidationError([{ path: 'period.to', message: problem }]);
  const days = annual ? publicationWorkingDays(form.period.from, form.period.to, calendars).workingDays : 0;
  const list: Table = registerTable(
    [
      { header: '序号', weight: 700, align: 'center' },
      { header: '姓名', weight: 1300, align: 'center' },
      { header: '单位', weight: 2900 },
      { header: '职务职级', weight: 2300 },
      { header: annual ? '拟定等次' : '平时考核结果', weight: 1645, align: 'center' },
    ],
    form.entries.map((e, i) => [String(i + 1), e.name, e.unit, e.post, e.result]),
    '（无公示人员）',
  );
  const children: (Paragraph | Table)[] = [
    ...(form.redHeader?.trim() ? redHeader(form.redHeader.trim()) : []),
    title(heading),
    emptyLine(),
    flushLeft(`${form.recipients.trim()}：`),
    body(form.opening?.trim() || defaultOpening(form)),
    emptyLine(),
    list,
    emptyLine(),
    body(
      `公示期为${formatDate(form.period.from)}至${formatDate(form.period.to)}${annual ? `（${days}个工作日）` : ''}。公示期间，如对公示对象有异议，可通过来电、来信、来访等方式向${form.office}反映。反映情况要实事求是，提倡署真实姓名并提供联系方式，以便调查核实。`,
    ),
    keptBody(`联系人：${form.contact.person}\u3000\u3000联系电话：${form.contact.phone}`),
    keptEmptyLine(),
    keptEmptyLine(),
    ...signOff(form.issuer, formatDate(form.date)),
  ];
  return formDocument({ title: heading, subject: form.issuer }, children);
}
