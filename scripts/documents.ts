/**
 * Writes the official's Word forms from the example data, to look at them in Word or WPS:
 *
 *   npm run documents -- --example --out DIR
 *
 * One of every form (the annual plan, the March record book, the first-quarter summary, the
 * supervisor's first-quarter 评鉴表, the unit's 备案登记表, HR's 年度考核工作表 and 统计分析 in Word and
 * Excel, the 优秀人选 公示, three 公务员年度考核登记表 (优秀; 试用期 不定等次; 有异议), two 年度考核结果
 * 通知, the 年度考核结果统计表 and 花名册 in Word and Excel), the year's .zip of the official's own forms
 * and the .zip of the 预算科's 登记表, then each file's path and size. Run through scripts/documents.mjs,
 * which loads this file with Vite's module runner (Node 20 cannot run TypeScript by itself).
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  buildAnnualWorksheetXlsx,
  buildDocument,
  buildStatisticsXlsx,
  buildYearArchive,
  fileNameFor,
  toBytes,
} from '../shared/documents';
import { annualWorksheetFileName } from '../shared/documents/annual-worksheet';
import {
  exampleAnnualWorksheet,
  examplePublicationNotice,
  exampleStatistics,
} from '../shared/documents/examples-hr';
import { statisticsFileName } from '../shared/documents/statistics';
import {
  annualRosterFileName,
  annualStatisticsFileName,
  buildAnnualRosterXlsx,
  buildAnnualStatisticsXlsx,
} from '../shared/documents/annual-roster';
import { buildBatchZip } from '../shared/documents/batch';
import {
  exampleAnnualRegister,
  exampleAnnualRegisterObjection,
  exampleAnnualRegisterProbation,
  exampleAnnualRoster,
  exampleAnnualStatistics,
  exampleResultNotice,
  exampleResultNoticeBasic,
  exampleUnitRegisters,
} from '../shared/documents/examples-annual';
import {
  exampleAnnualPlan,
  exampleEvaluation,
  exampleFilingRegister,
  exampleForms,
  exampleQuarterSummary,
  exampleRecordBook,
} from '../shared/documents/examples';

const USAGE = 'usage: npm run documents -- --example --out DIR';

export async function main(argv: readonly string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (!argv.includes('--example') || out === undefined || out.startsWith('--')) {
    console.error(USAGE);
    return 2;
  }
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });

  const files: [string, Uint8Array][] = [];
  for (const form of [
    exampleAnnualPlan,
    exampleRecordBook,
    exampleQuarterSummary,
    exampleEvaluation,
    exampleFilingRegister,
    exampleAnnualWorksheet,
    exampleStatistics,
    examplePublicationNotice,
    exampleAnnualRegister,
    exampleAnnualRegisterProbation,
    exampleAnnualRegisterObjection,
    exampleResultNotice,
    exampleResultNoticeBasic,
    exampleAnnualStatistics,
    exampleAnnualRoster,
  ]) {
    files.push([fileNameFor(form), await toBytes(buildDocument(form))]);
  }
  files.push([
    annualWorksheetFileName(exampleAnnualWorksheet, 'xlsx'),
    buildAnnualWorksheetXlsx(exampleAnnualWorksheet),
  ]);
  files.push([statisticsFileName(exampleStatistics, 'xlsx'), buildStatisticsXlsx(exampleStatistics)]);
  files.push([
    annualStatisticsFileName(exampleAnnualStatistics, 'xlsx'),
    buildAnnualStatisticsXlsx(exampleAnnualStatistics),
  ]);
  files.push([annualRosterFileName(exampleAnnualRoster, 'xlsx'), buildAnnualRosterXlsx(exampleAnnualRoster)]);
  files.push([
    `${exampleAnnualPlan.year}年平时考核材料-${exampleAnnualPlan.person.name}.zip`,
    await buildYearArchive(exampleForms),
  ]);
  files.push([
    `${exampleAnnualRegister.year}年度公务员年度考核登记表-${exampleAnnualRegister.person.unit}.zip`,
    await buildBatchZip(exampleUnitRegisters),
  ]);

  for (const [name, bytes] of files) {
    const path = resolve(dir, name);
    writeFileSync(path, bytes);
    console.log(`${path}\t${statSync(path).size} bytes`);
  }
  return 0;
}
