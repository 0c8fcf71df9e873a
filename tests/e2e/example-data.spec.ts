import { expect, test } from '@playwright/test';
import { snap } from './helpers';
import { nav, PASSPHRASE } from './devices';

test('a new user loads the example organisation and sees a living app', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  const unlock = page.getByRole('dialog', { name: '设置密钥库口令' });
  await unlock.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await unlock.getByLabel('再次输入口令').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: '设置并解锁' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /导入|生成|签发|打包/ })
      .first(),
  ).toBeVisible();
  await snap(page, testInfo, 'example-01-loading');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 120_000 });
  await nav(page, '人事管理');
  await expect(page.getByRole('heading', { name: /人事管理 · 示例市/ })).toBeVisible();
  await snap(page, testInfo, 'example-02-hr');
  await page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name: '年度考核' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await snap(page, testInfo, 'example-03-annual');
  await page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name: '统计分析' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await snap(page, testInfo, 'example-04-statistics');
});
