/**
 * Devices for the end-to-end tests: each a browser context with its own storage (HR's PC, the
 * supervisor's laptop, the official's PC), and real files carried between them — every bundle is
 * downloaded to a folder and uploaded through the file chooser, as a USB stick would carry it.
 */
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { readStore, settleAnimations, snap as snapPage } from './helpers';

export const TODAY = new Date('2026-04-15T10:00:00+08:00');
export const PASSPHRASE = 'kaohe-2026-pass';

export async function snap(page: Page, testInfo: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await settleAnimations(page);
  return snapPage(page, testInfo, name);
}

export type Device = { context: BrowserContext; page: Page };

export async function newDevice(browser: Browser, name: string, unit: string, roles: string[], rank = '一级科员'): Promise<Device> {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('所在单位(部门)').fill(unit);
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: rank, exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  for (const role of roles) await page.getByRole('checkbox', { name: role }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  await expect(page.getByRole('heading', { name: `${name},您好` })).toBeVisible();
  return { context, page };
}

export const nav = (page: Page, name: string) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }).click();

/** The web host's key store asks for its passphrase the first time keys are needed. */
export async function answerPassphrase(page: Page, firstTime: boolean) {
  const dialog = page.getByRole('dialog', { name: firstTime ? '设置密钥库口令' : '输入密钥库口令' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  if (firstTime) await dialog.getByLabel('再次输入口令').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: firstTime ? '设置并解锁' : '解锁' }).click();
  await expect(dialog).toHaveCount(0);
}

export async function openSync(page: Page, firstTime = false): Promise<string> {
  await nav(page, '同步');
  // The key store's dialog comes first (it hides the page from assistive technology while open).
  if (firstTime) await answerPassphrase(page, true);
  await expect(page.getByRole('heading', { name: '同步', level: 1 })).toBeVisible();
  const fp = page.getByTestId('my-fingerprint');
  await expect(fp).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return (await fp.textContent())!;
}

/** Clicks, catches the download and keeps the file in `dir` under the name the app suggested. */
export async function saveDownload(page: Page, dir: string, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

export async function upload(page: Page, files: string[], click: () => Promise<void>) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

export async function exportTo(page: Page, dir: string, recipient: RegExp): Promise<string> {
  const section = page.getByRole('region', { name: '导出' });
  const combobox = section.getByRole('combobox', { name: '收件人' });
  // On a busy machine a click can land while the menu is still opening (or the list re-renders as a
  // live query answers): choose again until the choice shows and the menu is closed, then export.
  await expect(async () => {
    if ((await page.getByRole('listbox').count()) === 0) await combobox.click();
    await page.getByRole('option', { name: recipient }).click({ timeout: 5000 });
    await expect(combobox).toHaveText(recipient, { timeout: 2000 });
    await expect(page.getByRole('listbox')).toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  const path = await saveDownload(page, dir, () => section.getByRole('button', { name: '导出数据包' }).click());
  await expect(section.getByTestId('export-result')).toContainText(/已写入 下载\/.+\.dutybook\(\d+ 条记录,[\d.]+ KB\)/);
  return path;
}

export async function importFiles(page: Page, files: string[]): Promise<Locator> {
  const section = page.getByRole('region', { name: '导入' });
  await upload(page, files, () => section.getByRole('button', { name: '选择数据包文件' }).click());
  return section;
}

export const item = (section: Locator, file: string) => section.getByRole('group', { name: file.split('/').pop() });

export async function pick(page: Page, combobox: string | RegExp, option: string | RegExp, scope: Page | Locator = page) {
  await scope.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

export async function addPerson(page: Page, p: { name: string; rank: string; roles: string[]; supervisor?: string }) {
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await dialog.getByLabel('姓名').fill(p.name);
  await pick(page, '所在单位', '预算管理科', dialog);
  await pick(page, '职位类别', '综合管理类', dialog);
  await pick(page, '职级', p.rank, dialog);
  for (const role of p.roles) await dialog.getByRole('checkbox', { name: role }).check();
  if (p.supervisor) await pick(page, '主管领导', p.supervisor, dialog);
  return dialog;
}

export async function count(page: Page, store: string) {
  return (await readStore(page, 'dutybook', store)).length;
}


/** HR's 单位和人员 tab (roster, units, people, enrollment requests); HR's home is its 待办. */
export async function hrPeople(page: Page) {
  await nav(page, '人事管理');
  const tabs = page.getByRole('navigation', { name: '人事管理分项' });
  // A click while the workspace is still checking HR's key can land on tabs about to be replaced:
  // click again until the tab is the selected one.
  await expect(async () => {
    await tabs.getByRole('tab', { name: '单位和人员' }).click({ timeout: 10_000 });
    await expect(tabs.getByRole('tab', { name: '单位和人员', selected: true })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

/** HR, a supervisor (李四) and an official (张三, reporting to 李四): organisation, keys, roster, trust. */
export async function setUpOrganisation(browser: Browser, dir: string): Promise<{ hr: Device; sup: Device; off: Device }> {
  const hr = await newDevice(browser, '王人事', '人事科', ['人事部门'], '一级主任科员');
  const sup = await newDevice(browser, '李四', '预算科', ['主管领导'], '乡科级正职');
  const off = await newDevice(browser, '张三', '预算科', []);
  await nav(hr.page, '人事管理');
  await hr.page.getByLabel('单位名称').fill('某市财政局');
  await hr.page.getByRole('button', { name: '建立单位并生成人事部门密钥' }).click();
  await answerPassphrase(hr.page, true);
  await expect(hr.page.getByRole('heading', { name: '人事管理 · 某市财政局' })).toBeVisible();
  await hrPeople(hr.page);
  await hr.page.getByRole('button', { name: '添加下级单位:某市财政局' }).click();
  await hr.page.getByRole('dialog').getByLabel('单位名称').fill('预算管理科');
  await hr.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  for (const p of [
    { name: '李四', rank: '乡科级正职', roles: ['主管领导'] },
    { name: '张三', rank: '一级科员', roles: [], supervisor: '李四' },
  ]) {
    const dialog = await addPerson(hr.page, p);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }
  await openSync(off.page, true);
  const offRequest = await saveDownload(off.page, dir, () => off.page.getByRole('button', { name: '生成注册申请' }).click());
  await openSync(sup.page, true);
  const supRequest = await saveDownload(sup.page, dir, () => sup.page.getByRole('button', { name: '生成注册申请' }).click());
  await hrPeople(hr.page);
  await upload(hr.page, [offRequest, supRequest], () => hr.page.getByRole('button', { name: '导入注册申请' }).click());
  for (const name of ['李四', '张三']) {
    const row = hr.page.getByRole('group', { name: `注册申请:${name}` });
    await row.getByRole('button', { name: '绑定' }).click();
    await expect(row).toContainText(`已绑定到 ${name},待签发`);
  }
  await hr.page.getByRole('button', { name: '签发人员名册' }).click();
  await expect(hr.page.getByTestId('roster-version')).toContainText('当前为第1版');
  await openSync(hr.page);
  const hrFp = (await hr.page.getByTestId('pinned-hr-fingerprint').textContent())!;
  const rosterForOff = await exportTo(hr.page, dir, /^张三/);
  const rosterForSup = await exportTo(hr.page, dir, /^李四/);
  for (const [device, file] of [
    [off, rosterForOff],
    [sup, rosterForSup],
  ] as const) {
    const section = await importFiles(device.page, [file]);
    const trust = device.page.getByRole('region', { name: '信任人事部门' });
    await trust.getByLabel('请输入书面通知上的指纹').fill(hrFp);
    await trust.getByRole('button', { name: '核对并确认' }).click();
    const it = item(section, file);
    await it.getByRole('button', { name: '确认导入' }).click();
    await expect(it.getByTestId('import-outcome')).toContainText('人员名册更新为第1版');
  }
  return { hr, sup, off };
}

/** Exports from one device to a recipient and imports the file on the other, checking the outcome. */
export async function carry(from: Page, to: Page, dir: string, recipient: RegExp): Promise<{ file: string; section: Locator }> {
  await openSync(from);
  const file = await exportTo(from, dir, recipient);
  await openSync(to);
  const section = await importFiles(to, [file]);
  const it = item(section, file);
  await it.getByRole('button', { name: '确认导入' }).click();
  await expect(it.getByTestId('import-outcome')).toContainText('已导入');
  return { file, section: it };
}
