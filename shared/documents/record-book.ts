/** 平时考核记实簿 (person × month): work done, attendance, the error register, and the signatures. */
import type { Document } from 'docx';
import { completionText, emptyLine, formDocument, heading1, signatureLine, subtitle, title } from './blocks';
import { attendanceTable, cellLine, errorTable, headerTable, registerTable } from './tables';
import type { MonthlyRecordForm } from './models';

export const RECORD_BOOK_TITLE = '平时考核记实簿';

export function buildRecordBook(form: MonthlyRecordForm): Document {
  const period = `${form.year}年${form.month}月`;
  return formDocument(
    { title: `${period}${RECORD_BOOK_TITLE}`, subject: `${form.person.name} ${form.person.unit}` },
    [
      title(RECORD_BOOK_TITLE),
      subtitle(`（${period}）`),
      headerTable([
        ['姓名', form.person.name],
        ['单位', form.person.unit],
        ['职务职级', form.person.post],
        ['记实月份', period],
      ]),
      heading1('一、工作内容及完成情况'),
      registerTable(
        [
          { header: '序号', weight: 1, align: 'center' },
          { header: '工作内容', weight: 4.2 },
          { header: '工作进度', weight: 4.8 },
          { header: '完成情况', weight: 2.2, align: 'center' },
        ],
        form.workItems.map((w, i) => [
          String(i + 1),
          w.content,
          w.progress,
          completionText(w.status, w.percent),
        ]),
        '（本月未登记工作事项）',
      ),
      heading1('二、出勤情况（单位：天）'),
      attendanceTable(form.attendance),
      cellLine('注：实出勤含公差天数；应出勤＝实出勤＋事假＋病假＋年休假＋旷工。'),
      heading1('三、差错登记'),
      errorTable(form.errors, '本月无差错登记'),
      emptyLine(),
      signatureLine('本人签名', form.signedOn?.official),
      signatureLine('主管领导签名', form.signedOn?.supervisor),
    ],
  );
}
