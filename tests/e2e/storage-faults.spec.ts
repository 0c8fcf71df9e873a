/**
 * Storage faults injected into real Chromium, on real IndexedDB: a full disk (the origin's quota cut
 * to nothing through the DevTools protocol, so IndexedDB itself raises QuotaExceededError) and a
 * damaged database (the LevelDB files of a closed profile overwritten). Each must end in a Chinese
 * message and a way out, never a blank window, and nothing typed may be lost.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { readStore, snap } from './helpers';
import { TODAY } from './devices';
import { expectAccessible } from './axe';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BACKUP_PASSPHRASE = 'Backup-Passphrase-2026';

async function setUpOfficial(page: Page, name: string) {
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('所在单位(部门)').fill('财政局预算科');
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员', exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  await expect(page.getByRole('heading', { name: `${name},您好` })).toBeVisible();
}

async function openPlan(page: Page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的平时考核' }).click();
  await page.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name: '年度工作计划' }).click();
  await expect(page.getByRole('heading', { name: '2026年度个人工作计划' })).toBeVisible();
}

/**
 * Writes a little into a probe database of the same origin and says how it ended. Chromium keeps
 * an origin's remaining space for about 30 s, so a new quota takes effect only after that: tests
 * wait for the probe to see it instead of sleeping.
 */
function probeWrite(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('dutybook-quota-probe', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('s');
        open.onerror = () => resolve(open.error?.name ?? 'open-failed');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('s', 'readwrite');
          tx.objectStore('s').put('x'.repeat(4096), Date.now());
          tx.oncomplete = () => (db.close(), resolve('ok'));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
        };
      }),
  );
}

const task = (page: Page) => page.getByLabel('第1项 工作任务');
const status = (page: Page) => page.getByTestId('save-status').first();

test('a full disk while typing: the text stays, the message says what to do, and it saves by itself once space is back', async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  await context.clock.setFixedTime(TODAY);
  await page.goto('/');
  await setUpOfficial(page, '张三');
  await openPlan(page);
  await task(page).fill('编制2027年度部门预算草案');
  await expect(status(page)).toContainText('已自动保存');

  // The disk fills up: IndexedDB refuses every write of this origin from now on.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 1 });
  await expect.poll(() => probeWrite(page), { timeout: 60_000, intervals: [2_000] }).toBe('QuotaExceededError');
  await task(page).fill('编制2027年度部门预算草案,并完成项目库清理');
  await expect(page.getByRole('alert').filter({ hasText: '磁盘空间不足,未能保存' })).toBeVisible();
  await expect(status(page)).toContainText('保存失败(内容仍保留在窗口中)');
  await expect(task(page)).toHaveValue('编制2027年度部门预算草案,并完成项目库清理');
  await snap(page, testInfo, 'storage-01-disk-full');
  await expectAccessible(page, '磁盘空间不足');
  const planWhileFull = (await readStore(page, 'dutybook', 'plans')) as { items: { task: string }[] }[];
  expect(planWhileFull[0]!.items[0]!.task).toBe('编制2027年度部门预算草案');

  // Space is freed; no keystroke needed: the retry writes the kept text and says so.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin });
  await expect(page.getByRole('alert').filter({ hasText: '存储已恢复' })).toBeVisible({ timeout: 60_000 });
  await expect(status(page)).toContainText('已自动保存');
  await snap(page, testInfo, 'storage-02-space-back');
  await page.reload();
  await openPlan(page);
  await expect(task(page)).toHaveValue('编制2027年度部门预算草案,并完成项目库清理');
});

/** Overwrites every LevelDB data file of the origin's IndexedDB, as a failing disk or a crash would. */
function damageIndexedDb(profileDir: string, origin: string): number {
  const dir = join(profileDir, 'Default', 'IndexedDB', `${origin.replace('://', '_').replace(/:(\d+)$/, '_$1')}.indexeddb.leveldb`);
  let damaged = 0;
  for (const f of readdirSync(dir)) {
    if (!/\.(log|ldb)$/.test(f)) continue;
    const bytes = readFileSync(join(dir, f));
    for (let i = 0; i < bytes.length; i += 97) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(join(dir, f), bytes);
    damaged++;
  }
  return damaged;
}

test('a damaged database: a recovery screen with the ways out, never a blank window or a silent first start', async ({ baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const profileDir = testInfo.outputPath('chromium-profile');
  const launch = () =>
    chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      baseURL,
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await setUpOfficial(page, '李四');
  await openPlan(page);
  await task(page).fill('牵头完成预算绩效评价');
  await expect(status(page)).toContainText('已自动保存');

  // The clerk keeps a backup file (on a USB stick): 设置 → 备份与恢复 → 备份到文件.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const section = page.getByRole('region', { name: '备份与恢复' });
  await section.getByRole('button', { name: '备份到文件' }).click();
  const toFile = page.getByRole('dialog', { name: '备份到文件' });
  await toFile.getByLabel('备份口令(至少8个字符)').fill(BACKUP_PASSPHRASE);
  await toFile.getByLabel('再次输入备份口令').fill(BACKUP_PASSPHRASE);
  const downloading = page.waitForEvent('download');
  await toFile.getByRole('button', { name: '备份到文件' }).click();
  const backupFile = testInfo.outputPath('backup.dbbak');
  await (await downloading).saveAs(backupFile);
  await context.close();

  expect(damageIndexedDb(profileDir, new URL(baseURL!).origin)).toBeGreaterThan(0);

  // First start after the damage: Chromium cannot open the store (and resets it behind us).
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  const screenOf = page.getByTestId('recovery-screen');
  await expect(screenOf).toBeVisible();
  await expect(screenOf.getByRole('heading', { level: 1 })).toContainText(/程序未能启动|本机的履责记实数据无法读取/);
  await snap(page, testInfo, 'storage-03-damaged-first-start');
  await expectAccessible(page, '程序未能启动:本地数据已损坏');

  // Opening again finds an empty database: the app knows a profile was here and does not start afresh.
  await page.reload();
  await expect(page.getByRole('heading', { name: '本机的履责记实数据无法读取' })).toBeVisible();
  await expect(page.getByText(/财政局预算科 · 李四/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '欢迎使用履责记实' })).toHaveCount(0);
  await snap(page, testInfo, 'storage-04-lost');
  await expectAccessible(page, '本机的履责记实数据无法读取');

  // The way out: restore the backup file. It is verified before anything is replaced.
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份文件恢复……' }).click();
  await (await choosing).setFiles(backupFile);
  await page.getByLabel('备份口令(至少8个字符)').fill(BACKUP_PASSPHRASE);
  await snap(page, testInfo, 'storage-05-restore-from-file');
  await expectAccessible(page, '从备份文件恢复');
  await page.getByTestId('recovery-restore').getByRole('button', { name: /恢复/ }).last().click();
  await expect(page.getByRole('heading', { name: '李四,您好' })).toBeVisible({ timeout: 30_000 });
  await openPlan(page);
  await expect(task(page)).toHaveValue('牵头完成预算绩效评价');
  await context.close();

  // Starting over is the last way out, asked once (a second damage, no backup used this time).
  expect(damageIndexedDb(profileDir, new URL(baseURL!).origin)).toBeGreaterThan(0);
  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await expect(page.getByTestId('recovery-screen')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '本机的履责记实数据无法读取' })).toBeVisible();
  await page.getByRole('button', { name: '清除并重新开始' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '清除并重新开始' }).click();
  await expect(page.getByRole('heading', { name: '欢迎使用履责记实' })).toBeVisible();
  await context.close();
});
