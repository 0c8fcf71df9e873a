/**
 * 平时考核督促名单 (organisation × year, as of a day): who still owes what, by unit and supervisor —
 * as a Word form to print and hand out, and as an Excel sheet to sort and tick off.
 */
import type { Document, Paragraph, Table } from 'docx';
import { body, formDocument, formatDate, heading2, subtitle, title } from './blocks';
import { registerTable, type Column } from './tables';
import { buildXlsx } from './xlsx';

export const REMINDER_LIST_TITLE = '平时考核督促名单';

export type ReminderListForm = {
  kind: 'reminderList';
  organisation: string;
  year: number;
  /** 'YYYY-MM-DD' */
  asOf: string;
  /** The deadlines in words, printed under the list. */
  rules: string;
  groups: {
    unitName: string;
    /** '' when the people have no supervisor on the roster. */
    supervisorName: string;
    lines: { name: string; items: string[] }[];
  }[];
};

const COLUMNS: Column[] = [
  { header: '序号', weight: 700, align: 'center' },
  { header: '姓名', weight: 1200, align: 'center' },
  { header: '未报送或需重报事项', weight: 6945 },
];

function groupHeading(g: ReminderListForm['groups'][number]): string {
  return g.supervisorName ? `${g.unitName}(主管领导:${g.supervisorName})` : g.unitName;
}

export function buildReminderList(form: ReminderListForm): Document {
  const people = form.groups.reduce((n, g) => n + g.lines.length, 0);
  const children: (Paragraph | Table)[] = [
    title(REMINDER_LIST_TITLE),
    subtitle(`（${form.organisation}，${form.year}年度，截至${formatDate(form.asOf)}）`),
  ];
  if (people === 0) children.push(body('截至上述日期，应报送的材料均已收到，无需督促。'));
  for (const g of form.groups) {
    children.push(
      heading2(groupHeading(g)),
      registerTable(
        COLUMNS,
        g.lines.map((l, i) => [String(i + 1), l.name, l.items]),
        '（无）',
      ),
    );
  }
  children.push(body(`共${people}人。${form.rules}`));
  return formDocument(
    { title: `${form.year}年度${REMINDER_LIST_TITLE}`, subject: form.organisation },
    children,
  );
}

export function reminderListFileName(
  form: Pick<ReminderListForm, 'year' | 'asOf'>,
  ext: 'docx' | 'xlsx',
): string {
  return `${form.year}年度${REMINDER_LIST_TITLE}-${form.asOf}.${ext}`;
}

/** One row per person: unit, supervisor, name, how many items, the items. */
export function buildReminderListXlsx(form: ReminderListForm): Uint8Array {
  const rows = form.groups.flatMap((g) =>
    g.lines.map((l) => [g.unitName, g.supervisorName, l.name, l.items.length, l.items.join('；')]),
  );
  return buildXlsx(
    [
      {
        name: REMINDER_LIST_TITLE,
        title: `${form.year}年度${REMINDER_LIST_TITLE}（截至${formatDate(form.asOf)}）`,
        header: ['单位', '主管领导', '姓名', '事项数', '未报送或需重报事项'],
        rows,
        widths: [20, 10, 10, 8, 80],
      },
    ],
    { title: `${form.year}年度${REMINDER_LIST_TITLE}` },
  );
}
