/**
 * Roles come from the roster once a device is enrolled (issue 20, finding 6), in the browser preview:
 * the example organisation's roster is signed by its HR key on this device, and the device then acts
 * as people that roster lists (act-as.ts), each with a local tick that disagrees with the roster.
 * Screenshots at 1366×768 of 设置 before and after enrollment and of HR's route explaining itself.
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { actAs } from './act-as';
import { answerPassphrase, nav } from './devices';
import { settleAnimations, SCREENSHOT_DIR } from './helpers';

const VIEWPORT = { width: 1366, height: 768 };

/** What is on screen at 1366×768 (not the whole page): what a person sees first. */
async function shot(page: Page, testInfo: TestInfo, name: string) {
  await settleAnimations(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  await context.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
  return { context, page: await context.newPage() };
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: '主导航' });
const rolesGroup = (page: Page) => page.getByRole('group', { name: '在平时考核中承担的角色(可多选)' });

/** Removes a secret from the browser preview's key store, as a PC without it would be. */
async function dropSecret(page: Page, name: string) {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dutybook-keys');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('secrets', 'readwrite');
          tx.objectStore('secrets').delete(name);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    name,
  );
}

test('before enrollment the tick applies, and 设置 says the roster will replace it', async ({ browser }, testInfo) => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByLabel('姓名').fill('李明');
  await page.getByLabel('所在单位(部门)').fill('预算科');
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员', exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('checkbox', { name: '人事部门' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  // No roster yet: the tick gives HR's workspace, where the organisation and its key are made.
  await expect(mainNav(page).getByRole('link', { name: '人事管理' })).toBeVisible();
  await nav(page, '设置');
  const hr = rolesGroup(page).getByRole('checkbox', { name: '人事部门' });
  await expect(hr).toBeChecked();
  await expect(hr).toBeEnabled();
  await expect(page.getByText(/收到名册后,角色以名册为准,此处的勾选不再起作用/)).toBeVisible();
  await rolesGroup(page).scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'roles-01-settings-before-roster');
  await context.close();
});

test('on an enrolled device the roster decides: a tick opens nothing, HR needs its key', async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  await answerPassphrase(page, true);
  await expect(mainNav(page)).toBeVisible({ timeout: 240_000 });

  // ---- HR's own device: the roster gives 人事部门 and the organisation key is here.
  await page.reload();
  await nav(page, '人事管理');
  // The preview's key store locks on every reload: unlocked first, then the key is found.
  await expect(page.getByRole('heading', { name: '请先解锁密钥库' })).toBeVisible();
  await shot(page, testInfo, 'roles-02-hr-key-store-locked');
  await page.getByRole('button', { name: '解锁密钥库' }).click();
  await answerPassphrase(page, false);
  await expect(page.getByRole('navigation', { name: '人事管理分项' })).toBeVisible();

  // ---- The same person on a PC without the organisation key.
  await dropSecret(page, 'dutybook-hr-org-seed');
  await page.reload();
  await nav(page, '人事管理');
  await page.getByRole('button', { name: '解锁密钥库' }).click();
  await answerPassphrase(page, false);
  await expect(page.getByRole('heading', { name: '本机没有人事部门密钥' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '人事管理分项' })).toHaveCount(0);
  await shot(page, testInfo, 'roles-03-hr-without-key');

  // ---- An official the roster lists as 公务员 only, who has ticked 人事部门 in the profile.
  await actAs(page, { who: 'report', roles: ['official', 'hr'], showName: true });
  await page.goto('/#/');
  await page.reload();
  await expect(mainNav(page).getByRole('link', { name: '我的平时考核' })).toBeVisible();
  await expect(mainNav(page).getByRole('link', { name: '人事管理' })).toHaveCount(0);
  // Typing the address opens nothing either.
  await page.goto('/#/hr');
  await expect(page.getByRole('heading', { name: '人员名册中您不具有“人事部门”角色' })).toBeVisible();
  await expect(page.getByText(/您在名册中的角色是:公务员。/)).toBeVisible();
  await expect(page.getByRole('navigation', { name: '人事管理分项' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /签发|编辑|删除/ })).toHaveCount(0);
  await shot(page, testInfo, 'roles-04-hr-route-official');
  await nav(page, '设置');
  const hr = rolesGroup(page).getByRole('checkbox', { name: '人事部门' });
  await expect(hr).toBeDisabled();
  await expect(hr).not.toBeChecked();
  await expect(page.getByText(/^角色由人事部门在人员名册中确定\(第\d+版名册\)。如需调整,请联系人事部门重新签发名册。$/)).toBeVisible();
  await rolesGroup(page).scrollIntoViewIfNeeded();
  await shot(page, testInfo, 'roles-05-settings-enrolled');

  // ---- A supervisor the roster lists, with the local tick off.
  await actAs(page, { who: 'supervisor', roles: ['official'], showName: true });
  await page.goto('/#/');
  await page.reload();
  await expect(mainNav(page).getByRole('link', { name: '领导评鉴' })).toBeVisible();
  await nav(page, '领导评鉴');
  await expect(page.getByRole('heading', { name: '领导评鉴', level: 1 })).toBeVisible();
  await context.close();
});
