import { mkdirSync } from 'node:fs';
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { readStore, SCREENSHOT_DIR } from './helpers';

/** The window as seen (the lock screen is fixed to it), or one element (a settings section). */
async function shot(target: Page | Locator, testInfo: TestInfo, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const PASSWORD = '共用电脑 Pass-2026';

async function createProfile(page: Page) {
  await page.goto('/');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('所在单位(部门)').fill('办公室');
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  await expect(page.getByRole('heading', { name: '张三,您好' })).toBeVisible();
}

test('本机密码锁: set a password, idle-lock, five wrong passwords lock out, unlock, the draft is still there', async ({ page }, testInfo) => {
  // Eight real scrypt runs (N = 2^17): about a second each on an idle 2-core PC, several under load.
  test.setTimeout(180_000);
  await page.clock.install();
  await createProfile(page);

  // 设置 → 本机密码锁
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  const section = page.getByTestId('app-lock-settings');
  await expect(section.getByTestId('app-lock-status')).toHaveText('未设置本机密码。');
  await section.getByLabel('新密码', { exact: true }).fill(PASSWORD);
  await expect(section.getByTestId('password-strength')).toHaveText('强度:好');
  await section.getByLabel('再次输入新密码').fill(PASSWORD);
  await section.scrollIntoViewIfNeeded();
  await shot(section, testInfo, 'lock-01-settings-set');
  const started = Date.now();
  await section.getByRole('button', { name: '设置密码' }).click();
  await expect(section.getByTestId('app-lock-status')).toHaveText('已设置本机密码,10 分钟不操作自动锁定。', { timeout: 20_000 });
  testInfo.annotations.push({ type: 'set-password-ms', description: String(Date.now() - started) });
  await shot(section, testInfo, 'lock-02-settings-on');

  // The verifier is in the database, the password is not.
  const meta = (await readStore(page, 'dutybook', 'meta')) as { key: string; value: unknown }[];
  const record = meta.find((r) => r.key === 'appLock')?.value as { kdf: { name: string; N: number; r: number; p: number } };
  expect(record.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
  expect(JSON.stringify(meta)).not.toContain('Pass-2026');

  // A half-typed change, never saved.
  const title = page.getByLabel('职务(选填)');
  await title.fill('办公室副主任(草稿');

  // Ten minutes without touching anything: the app locks itself and hides everything.
  await page.clock.fastForward('10:05');
  const lock = page.getByRole('dialog', { name: '履责记实已锁定' });
  await expect(lock).toBeVisible();
  await expect(lock.getByTestId('lock-profile')).toHaveText('办公室 · 张三');
  await expect(page.getByTestId('app-content')).toBeHidden();
  await expect(page.getByLabel('职务(选填)')).toBeHidden();
  await shot(page, testInfo, 'lock-03-screen');

  // 忘记密码? explains what can and cannot be done, and goes back without doing anything.
  await lock.getByRole('button', { name: '忘记密码?' }).click();
  await expect(page.getByRole('dialog', { name: '忘记本机密码' })).toContainText('密钥备份文件');
  await shot(page, testInfo, 'lock-05-forgot');
  await page.getByRole('button', { name: '返回' }).click();

  // Five wrong passwords: a 30-second pause, counted down.
  for (let i = 1; i <= 5; i++) {
    await lock.getByLabel('本机密码', { exact: true }).fill(`错误的密码-${i}`);
    await lock.getByRole('button', { name: '解锁' }).click();
    await expect(lock.getByRole('status')).toContainText(i < 5 ? `再输错 ${5 - i} 次` : '已连续输错 5 次密码');
  }
  await expect(lock.getByTestId('lockout-countdown')).toHaveText(/请在 0:(30|29|28) 后重试/);
  await expect(lock.getByLabel('本机密码', { exact: true })).toBeDisabled();
  await shot(page, testInfo, 'lock-04-lockout');

  // A reload does not reset the lockout.
  await page.reload();
  await expect(page.getByTestId('lockout-countdown')).toBeVisible();
  await expect(page.getByTestId('app-content')).toHaveCount(0);
  await page.clock.fastForward('00:31');
  await expect(page.getByTestId('lockout-countdown')).toHaveCount(0);

  // The right password: the app is back.
  await page.getByLabel('本机密码', { exact: true }).fill(PASSWORD);
  const unlockStarted = Date.now();
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByTestId('profile-badge')).toHaveText('办公室 · 张三');
  testInfo.annotations.push({ type: 'unlock-ms', description: String(Date.now() - unlockStarted) });

  // Locking by hand keeps what was typed: lock (Ctrl+L) with a draft, unlock, the text is there.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '设置' }).click();
  await page.getByLabel('职务(选填)').fill('办公室副主任(草稿');
  await page.keyboard.press('Control+l');
  await expect(lock).toBeVisible();
  await expect(page.getByLabel('职务(选填)')).toBeHidden();
  await lock.getByLabel('本机密码', { exact: true }).fill(PASSWORD);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByLabel('职务(选填)')).toHaveValue('办公室副主任(草稿');
  await expect(page.getByLabel('职务(选填)')).toBeFocused();

  // Locking over an open dialog (the key store's, with its focus trap): the lock screen takes the
  // keyboard, and the dialog with its half-typed passphrase is there again after unlocking.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '同步' }).click();
  const vault = page.getByRole('dialog', { name: '设置密钥库口令' });
  await vault.getByLabel('口令', { exact: true }).fill('vault-pass');
  await page.keyboard.press('Control+l');
  await expect(lock).toBeVisible();
  await expect(vault).toBeHidden();
  await expect(lock.getByLabel('本机密码', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(lock).toHaveCount(0);
  await expect(vault.getByLabel('口令', { exact: true })).toHaveValue('vault-pass');

  // The audit trail holds the setting and the lockout.
  const audit = (await readStore(page, 'dutybook', 'audit')) as { action: string; summary: string }[];
  expect(audit.filter((a) => a.action === 'lock').map((a) => a.summary)).toEqual([
    '设置本机密码',
    '本机密码连续输错5次,暂停输入30秒',
  ]);
});
