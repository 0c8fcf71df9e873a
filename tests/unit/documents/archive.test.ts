import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildYearArchive, fileNameFor } from '../../../shared/documents';
import type { FormData } from '../../../shared/documents';
import {
  exampleAnnualPlan,
  exampleForms,
  exampleQuarterSummary,
  exampleRecordBook,
} from '../../../shared/documents/examples';
import { docxParts, part, textOf } from './docx-xml';

describe('fileNameFor', () => {
  it('names each form by period, form and person', () => {
    expect(fileNameFor(exampleAnnualPlan)).toBe('2026年个人年度工作计划-张三.docx');
    expect(fileNameFor(exampleRecordBook)).toBe('2026年03月平时考核记实簿-张三.docx');
    expect(fileNameFor(exampleQuarterSummary)).toBe('2026年第1季度个人工作小结-张三.docx');
  });

  it('replaces characters that file systems refuse', () => {
    const form: FormData = { ...exampleAnnualPlan, person: { ...exampleAnnualPlan.person, name: '张/三?' } };
    expect(fileNameFor(form)).toBe('2026年个人年度工作计划-张_三_.docx');
  });
});

describe('buildYearArchive', () => {
  it('zips one .docx per form under its file name, each a complete Word file', async () => {
    const progress: [number, number][] = [];
    const zip = await buildYearArchive(exampleForms, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const entries = unzipSync(zip);
    expect(Object.keys(entries)).toEqual([
      '2026年个人年度工作计划-张三.docx',
      '2026年01月平时考核记实簿-张三.docx',
      '2026年02月平时考核记实簿-张三.docx',
      '2026年03月平时考核记实簿-张三.docx',
      '2026年第1季度个人工作小结-张三.docx',
    ]);
    for (const [name, bytes] of Object.entries(entries)) {
      expect(textOf(part(docxParts(bytes), 'word/document.xml')), name).toContain('张三');
    }
    expect(progress).toEqual([1, 2, 3, 4, 5].map((n) => [n, 5]));
  });

  it('marks the UTF-8 flag so Chinese names survive Windows Explorer', async () => {
    const zip = await buildYearArchive([exampleAnnualPlan]);
    // Local file header: signature PK\3\4, then version (2 bytes), then the general purpose flags.
    const flags = (zip[6] ?? 0) | ((zip[7] ?? 0) << 8);
    expect(flags & 0x800).toBe(0x800);
  });

  it('keeps two people of the same name apart', async () => {
    const other: FormData = {
      ...exampleAnnualPlan,
      person: { ...exampleAnnualPlan.person, unit: '荆楚市财政局国库科' },
    };
    const names = Object.keys(unzipSync(await buildYearArchive([exampleAnnualPlan, other])));
    expect(names).toEqual(['2026年个人年度工作计划-张三.docx', '2026年个人年度工作计划-张三（2）.docx']);
  });
});
