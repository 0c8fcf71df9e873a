/**
 * 年度考核结果通知 (person × year): the result, written to the official as 《公务员考核规定》 asks (考核
 * 结果以书面形式通知公务员本人, who signs 本人意见), with the day the unit set for the 本人意见 and for a
 * 复核 request, and — for 不称职 — the 复核 and 申诉 of 《中华人民共和国公务员法》第九十五条. Then the
 * 落款 (the 机关 or its 考核委员会) over the date, and a 签收 line for the official.
 *
 * The paragraphs from the 复核 sentence down keep with the next, so the 落款 and the 签收 never stand
 * alone on a page.
 */
import type { Document, Paragraph } from 'docx';
import { annualGradeLabels } from '../domain/vocabulary';
import { body, emptyLine, formDocument, formatDate, signatureLine, title } from './blocks';
import type { AnnualOutcome, AnnualResultNoticeForm } from './models';
import { flushLeft, keptBody, keptEmptyLine, signOff } from './publication-notice';

export const RESULT_NOTICE_TITLE = '年度考核结果通知';

function endSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[。！？；）)”]$/.test(t) ? t : `${t}。`;
}

function resultSentence(year: number, outcome: AnnualOutcome): string {
  switch (outcome.kind) {
    case 'graded':
      return `经个人总结、主管领导评鉴和考核委员会审核，你${year}年度考核确定为${annualGradeLabels[outcome.grade]}等次。`;
    case 'ungraded':
      return `你参加${year}年度考核，不确定等次。原因：${endSentence(outcome.reason)}`;
    case 'notParticipating':
      return `你不参加${year}年度考核。原因：${endSentence(outcome.reason)}`;
  }
}

/** The paragraphs of the notice's body, in order (exported for the screens' preview). */
export function resultNoticeParagraphs(form: AnnualResultNoticeForm): string[] {
  const due = formatDate(form.opinionDueOn);
  const paragraphs = [
    resultSentence(form.year, form.outcome),
    `请于${due}前在《公务员年度考核登记表》“本人意见”栏签署意见。如对考核结果有异议，可于${due}前向${form.office.trim()}书面提出复核申请，说明理由。`,
  ];
  if (form.outcome.kind === 'graded' && form.outcome.grade === 'incompetent') {
    paragraphs.push(
      '依照《中华人民共和国公务员法》第九十五条，对定为不称职等次不服的，可以自知道之日起三十日内向本机关申请复核；对复核结果不服的，可以自接到复核决定之日起十五日内，按照规定向同级公务员主管部门或者作出该人事处理的机关的上一级机关提出申诉；也可以不经复核，自知道之日起三十日内直接提出申诉。',
    );
  }
  paragraphs.push('特此通知。');
  return paragraphs;
}

export function buildResultNotice(form: AnnualResultNoticeForm): Document {
  const [first, ...rest] = resultNoticeParagraphs(form);
  const children: Paragraph[] = [
    title(`${form.year}${RESULT_NOTICE_TITLE}`),
    emptyLine(),
    flushLeft(`${form.person.name}同志：`),
    body(first ?? ''),
    ...rest.map((p) => keptBody(p)),
    keptEmptyLine(),
    keptEmptyLine(),
    ...signOff(form.issuer.trim(), formatDate(form.date), { keepWithNext: true }),
    keptEmptyLine(),
    signatureLine('本人签收', undefined),
  ];
  return formDocument({ title: `${form.year}${RESULT_NOTICE_TITLE}`, subject: form.person.name }, children);
}

/** "2026年度考核结果通知-张三.docx". */
export function resultNoticeFileName(form: AnnualResultNoticeForm): string {
  return `${form.year}${RESULT_NOTICE_TITLE}-${form.person.name}.docx`;
}
