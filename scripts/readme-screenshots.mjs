#!/usr/bin/env node
/**
 * The README's screenshots: each role's workspace home (人事管理, 领导评鉴, 我的平时考核) with the example
 * organisation (载入示例数据), at 1366×768, into docs/images/{hr,supervisor,official}.png.
 *
 *   npx vite build --config vite.web.config.ts
 *   npx vite preview --config vite.web.config.ts --port 4410 --strictPort --host 127.0.0.1 &
 *   node scripts/readme-screenshots.mjs        # BASE=http://127.0.0.1:4410, OUT=docs/images by default
 *
 * Runs in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium) on a fresh profile; the clock is
 * fixed at 2026-11-20 so that the example's year is the one shown. The supervisor's and the official's
 * screens are reached as the end-to-end tests reach them (tests/e2e/act-as.ts): the profile of HR's
 * device is turned into the example's busiest 主管领导, then into one of that supervisor's reports.
 */
/* global document -- the functions given to waitForFunction run in the page */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { runnerImport } from 'vite';

// The end-to-end tests' own helper (TypeScript, which Node 20 cannot load: through Vite's module runner).
const { module: helpers } = await runnerImport(
  fileURLToPath(new URL('../tests/e2e/act-as.ts', import.meta.url)),
  {
    configFile: false,
    logLevel: 'error',
  },
);

const BASE = process.env.BASE ?? 'http://127.0.0.1:4410';
const OUT = process.env.OUT ?? 'docs/images';
const PASS = 'kaohe-2026-pass';

async function settle(page) {
  // Loading spinners are indeterminate progress bars (no aria-valuenow); plan progress bars are determinate.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[role="progressbar"]')].every((e) => e.hasAttribute('aria-valuenow')),
    null,
    { timeout: 60_000 },
  );
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext({
  viewport: { width: 1366, height: 768 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
});
await context.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
const page = await context.newPage();
page.setDefaultTimeout(60_000);
await page.goto(BASE + '/');
await page.getByRole('button', { name: '载入示例数据' }).click();
await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
const unlock = page.getByRole('dialog', { name: '设置密钥库口令' });
await unlock.getByLabel('口令', { exact: true }).fill(PASS);
await unlock.getByLabel('再次输入口令').fill(PASS);
await unlock.getByRole('button', { name: '设置并解锁' }).click();
await page.getByRole('navigation', { name: '主导航' }).waitFor({ timeout: 240_000 });

const nav = (name) => page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }).click();
// 人事部门: the HR workspace's first tab.
await nav('人事管理');
await page.getByRole('heading', { name: /人事管理 · 示例市/ }).waitFor();
// The toast that says the example data has loaded would cover the units list.
const toastClose = page.getByRole('alert').getByRole('button');
if (await toastClose.count()) await toastClose.first().click();
await page
  .getByRole('alert')
  .waitFor({ state: 'detached' })
  .catch(() => {});
await settle(page);
await page.screenshot({ path: `${OUT}/hr.png` });
console.log('hr done');

// 主管领导: the supervisor with the largest team, 团队概览.
await helpers.actAs(page, { who: 'supervisor', roles: ['official', 'supervisor'], showName: true });
await page.goto(BASE + '/#/supervisor');
await page.reload();
await page.getByRole('heading', { name: '领导评鉴', level: 1 }).waitFor();
await settle(page);
await page.screenshot({ path: `${OUT}/supervisor.png` });
console.log('supervisor done');

// 公务员: one of that supervisor's reports, 年度概览.
await helpers.actAs(page, { who: 'report', roles: ['official'], showName: true });
await page.goto(BASE + '/#/');
await page.reload();
await nav('我的平时考核');
await page.getByRole('navigation', { name: '平时考核分项' }).waitFor();
await page.getByText('接下来要做的事').first().waitFor();
await settle(page);
await page.screenshot({ path: `${OUT}/official.png` });
console.log('official done');
await browser.close();
