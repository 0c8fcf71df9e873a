import { expect, test } from '@playwright/test';
import { snap } from './helpers';
import { hrPeople, PASSPHRASE } from './devices';

test.use({ viewport: { width: 1366, height: 768 } });

/** The 人员 list of the example organisation at 1366×768: found, filtered, chosen for a batch action. */
test('HR finds people in the list, without sideways scrolling, and opens a batch action', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  const unlock = page.getByRole('dialog', { name: '设置密钥库口令' });
  await unlock.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await unlock.getByLabel('再次输入口令').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: '设置并解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 180_000 });
  await hrPeople(page);
  const grid = page.getByRole('grid', { name: '人员名册' });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  await grid.scrollIntoViewIfNeeded();
  const count = page.getByTestId('list-count');
  await expect(count).toHaveText(/^共 [\d,]+ 人/);
  const sideways = () =>
    page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  expect(await sideways()).toBeLessThanOrEqual(0);
  await snap(page, testInfo, 'people-list-01');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.screenshot({ path: `${testInfo.outputDir}/people-list-02-viewport.png` });
  await snap(page, testInfo, 'people-list-02');

  await page.getByRole('searchbox', { name: '姓名或人员编号' }).fill('张');
  await expect(count).toHaveText(/显示 [\d,]+ 人/);
  await expect(page).toHaveURL(/q=%E5%BC%A0/);
  const first = grid.getByRole('row').nth(1);
  await first.getByRole('checkbox').check();
  await expect(count).toContainText('已选 1 人');
  await page.getByRole('button', { name: '更换主管领导' }).click();
  const dialog = page.getByRole('dialog', { name: /更换主管领导/ });
  await expect(dialog).toBeVisible();
  await snap(page, testInfo, 'people-list-03-batch');
  expect(await sideways()).toBeLessThanOrEqual(0);
});
