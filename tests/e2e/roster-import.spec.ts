/**
 * HR loads a roster of 200 people from an .xlsx the test writes with exceljs: two rows are bad, HR
 * fixes them in the file and imports again, then imports an update (some rows show as 更新).
 */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { ROSTER_COLUMNS } from '../../shared/domain';
import { answerPassphrase, hrPeople, nav, newDevice, snap } from './devices';

type P = { name: string; staffNo: string; unit: string; rank: string; sup: string; roles: string; birth: string };

function roster(): P[] {
  const out: P[] = [];
  for (let i = 0; i < 200; i++) {
    const section = `第${Math.floor(i / 20) + 1}科`;
    const lead = i % 20 === 0;
    out.push({
      name: `人员${String(i + 1).padStart(3, '0')}`,
      staffNo: `CZ${String(i + 1).padStart(4, '0')}`,
      unit: `某市财政局/${section}`,
      rank: lead ? '乡科级正职' : '一级科员',
      sup: lead ? '' : `CZ${String(Math.floor(i / 20) * 20 + 1).padStart(4, '0')}`,
      roles: lead ? '公务员、主管领导' : '公务员',
      birth: `19${70 + (i % 25)}年${(i % 12) + 1}月`,
    });
  }
  return out;
}

async function write(dir: string, name: string, people: P[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const p of people) {
    const v: Record<string, string> = { name: p.name, staffNo: p.staffNo, unitPath: p.unit, positionCategory: '综合管理类', rankLevel: p.rank, supervisor: p.sup, roles: p.roles, birthMonth: p.birth };
    ws.addRow(ROSTER_COLUMNS.map((c) => v[c.field] ?? null));
  }
  const file = join(dir, name);
  await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

// Reading and checking 200 rows in the worker takes seconds on a busy machine.
const READ = 120_000;

// The preview is read in the roster-import worker of the built app, as a clerk's window reads it.
test('HR imports a 200-person roster from Excel, fixes two rows, then imports an update', async ({ browser }, testInfo) => {
  test.setTimeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'roster-import-'));
  const hr = await newDevice(browser, '王人事', '人事科', ['人事部门'], '一级主任科员');
  const page = hr.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await nav(page, '人事管理');
  await page.getByLabel('单位名称').fill('某市财政局');
  await page.getByRole('button', { name: '建立单位并生成人事部门密钥' }).click();
  await answerPassphrase(page, true);
  await hrPeople(page);

  const people = roster();
  const bad = people.map((p) => ({ ...p }));
  bad[4]!.sup = 'CZ9999';
  bad[57]!.birth = '八五年';
  const dialog = page.getByRole('dialog', { name: '从Excel导入人员名册' });
  const choose = async (file: string) => {
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /选择文件/ }).click();
    await (await chooser).setFiles(file);
  };
  await page.getByRole('button', { name: '从Excel导入…' }).click();
  await choose(await write(dir, '名册.xlsx', bad));
  await expect(dialog.getByTestId('roster-import-count-error')).toHaveText('有误 2', { timeout: READ });
  await expect(dialog.getByTestId('roster-import-count-new')).toHaveText('新增 198', { timeout: READ });
  await expect(dialog.getByRole('grid')).toContainText('主管领导“CZ9999”既不在本文件中,也不在人员名册中');
  await expect(dialog.getByRole('grid')).toContainText('出生年月“八五年”不是年月');
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await snap(page, testInfo, 'roster-import-errors');

  // Fixed in the file, chosen again: all 200 new.
  await choose(await write(dir, '名册-改正.xlsx', people));
  await expect(dialog.getByTestId('roster-import-count-new')).toHaveText('新增 200', { timeout: READ });
  await expect(dialog.getByTestId('roster-import-count-error')).toHaveText('有误 0', { timeout: READ });
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/已导入:新增200人,更新0人,新建10个单位/)).toBeVisible();

  // An update: three promotions and one move.
  const update = people.map((p) => ({ ...p }));
  for (const i of [1, 2, 3]) update[i]!.rank = '四级主任科员';
  update[30]!.unit = '某市财政局/第1科';
  update[30]!.sup = 'CZ0001';
  await page.getByRole('button', { name: '从Excel导入…' }).click();
  await choose(await write(dir, '名册-更新.xlsx', update));
  await expect(dialog.getByTestId('roster-import-count-update')).toHaveText('更新 4', { timeout: READ });
  await expect(dialog.getByTestId('roster-import-count-same')).toHaveText('不变 196', { timeout: READ });
  await dialog.getByRole('button', { name: /^更新 4/ }).click();
  await expect(dialog.getByRole('grid')).toContainText('修改:单位、主管领导');
  await expect(dialog.getByRole('grid')).toContainText('修改:职级');
  await snap(page, testInfo, 'roster-import-update');
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/已导入:新增0人,更新4人/)).toBeVisible();
  await hr.context.close();
});
