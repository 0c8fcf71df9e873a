/**
 * HR's desk with the example organisation at 1366×768: the 待办 on HR's home (each line a link that
 * opens the page filtered), the 操作日志 as its own screen (filters, names, local times) recording an
 * export, and no page that scrolls sideways — the settings page with its backup list and the
 * supervisor's overview each had a visually hidden header 1366 px wide.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { answerPassphrase, nav } from './devices';
import { snap } from './helpers';
import { actAsSupervisor } from './act-as';

const VIEWPORT = { width: 1366, height: 768 };

/** Whether the page scrolls sideways: the document wider than its window. */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement!;
    return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
  });

test.describe('the example organisation at 1366×768', () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    await context.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
    page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
    await answerPassphrase(page, true);
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 200_000 });
  });

  test.afterAll(async () => {
    await context?.close();
  });

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures from a destructuring pattern; this test uses the suite's own page
  test('HR’s 待办: what waits for 备案, by unit, each line opening its page filtered', async ({}, testInfo) => {
    await nav(page, '人事管理');
    const todo = page.getByRole('region', { name: '待办' });
    const filing = todo.getByRole('link', { name: /^2026年:\d+份计划、\d+份备案登记表待备案$/ });
    await expect(filing).toBeVisible();
    await expect(todo.getByRole('heading', { name: '2026年第3季度小结、领导评鉴和备案登记表的缺报和逾期' })).toBeVisible();
    await snap(page, testInfo, 'desk-01-hr-todo');
    const { scrollWidth, clientWidth } = await sideways(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await filing.click();
    await expect(page).toHaveURL(/#\/hr\/filing\?period=2026&status=pending$/);
  });

  test('the settings page does not scroll sideways with its backup list', async () => {
    await nav(page, '设置');
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByTestId('backup-list')).toBeVisible({ timeout: 60_000 });
    const { scrollWidth, clientWidth } = await sideways(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test('the supervisor’s overview does not scroll sideways', async () => {
    test.setTimeout(120_000);
    await actAsSupervisor(page);
    await expect(page.getByRole('heading', { name: '领导评鉴', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /^查看.+的平时考核材料$/ }).first()).toBeVisible();
    const { scrollWidth, clientWidth } = await sideways(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });
});
