import { expect, test } from '@playwright/test';
import { readStore, snap } from './helpers';

test('a new user creates a profile with the first-run wizard, and it survives a reload', async ({ page }, testInfo) => {
  await page.goto('/');

  // The wizard speaks Chinese and validates each step before moving on.
  await expect(page.getByRole('heading', { name: '欢迎使用履责记实' })).toBeVisible();
  await snap(page, testInfo, '01-wizard-identity');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写姓名')).toBeVisible();
  await snap(page, testInfo, '02-wizard-validation');

  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('所在单位(部门)').fill('办公室');
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员' }).click();
  await page.getByRole('button', { name: '下一步' }).click();

  // Roles: 公务员 is preselected; a supervisor also evaluates.
  await expect(page.getByRole('checkbox', { name: '公务员' })).toBeChecked();
  await page.getByRole('checkbox', { name: '主管领导' }).check();
  await snap(page, testInfo, '03-wizard-roles');
  await page.getByRole('button', { name: '下一步' }).click();

  await page.getByRole('radio', { name: /全国通行做法/ }).click();
  await snap(page, testInfo, '04-wizard-preset');
  await page.getByRole('button', { name: '完成,开始使用' }).click();

  // The home screen shows the workspaces for the roles held, and no others.
  await expect(page.getByRole('heading', { name: '张三,您好' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '我的平时考核' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '领导评鉴' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '人事管理' })).toHaveCount(0);
  await snap(page, testInfo, '05-home');

  await page.reload();
  await expect(page.getByRole('heading', { name: '张三,您好' })).toBeVisible();
  await expect(page.getByTestId('profile-badge')).toHaveText('办公室 · 张三');

  // Read the profile back from real IndexedDB, not through the app's code.
  const rows = (await readStore(page, 'dutybook', 'profile')) as Record<string, unknown>[];
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    name: '张三',
    unitName: '办公室',
    positionCategory: 'comprehensive',
    roles: ['official', 'supervisor'],
    presetId: 'national',
  });

  await nav.getByRole('link', { name: '我的平时考核' }).click();
  await expect(page.getByRole('heading', { name: '我的平时考核' })).toBeVisible();
  await snap(page, testInfo, '06-official-empty');

  await nav.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
  await snap(page, testInfo, '07-settings');
});

test('a half-filled wizard is still there after the page is closed and reopened', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('姓名').fill('李四');
  await page.getByLabel('所在单位(部门)').fill('政策法规科');
  // Hide the page (as closing a window does) so the draft is flushed at once, then reload.
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.reload();
  await expect(page.getByLabel('姓名')).toHaveValue('李四');
  await expect(page.getByLabel('所在单位(部门)')).toHaveValue('政策法规科');
});
