import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { presetConfig } from '../../shared/domain/presets';
import { actAsSupervisor } from './act-as';
import { answerPassphrase, nav, PASSPHRASE, TODAY } from './devices';
import { putRow, settleAnimations, snap } from './helpers';

/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) on every screen and the main dialogs, with
 * real data from the example organisation. Any violation of impact serious or critical fails the
 * test, listing the rule, the screen and the offending nodes; the screens visited and the rules
 * checked are printed for docs/reliability.md.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

type Finding = { screen: string; rule: string; impact: string; help: string; nodes: string[] };

const TOTAL = { screens: new Set<string>(), rules: new Set<string>() };

class Audit {
  screens: string[] = [];
  rules = new Set<string>();
  checks = 0;
  findings: Finding[] = [];

  async check(page: Page, screen: string) {
    await settle(page);
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    this.screens.push(screen);
    for (const r of [...result.passes, ...result.violations, ...result.incomplete]) this.rules.add(r.id);
    this.checks += result.passes.length + result.violations.length + result.incomplete.length;
    for (const v of result.violations) {
      if (!BLOCKING.has(v.impact ?? '')) continue;
      this.findings.push({
        screen,
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`),
      });
    }
  }

  report(title: string) {
    for (const sc of this.screens) TOTAL.screens.add(sc);
    for (const r of this.rules) TOTAL.rules.add(r);
    console.log(`[a11y] so far in this run: ${TOTAL.screens.size} screens and dialogs, ${TOTAL.rules.size} distinct axe rules applied`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/a11y-${title.replace(/\W+/g, '-')}.json`, JSON.stringify(this, null, 1));
    console.log(`[a11y] ${title}: ${this.screens.length} screens, ${this.rules.size} distinct rules, ${this.checks} rule checks`);
    console.log(`[a11y] screens: ${this.screens.join(' | ')}`);
    const lines = this.findings.map(
      (f) => `• [${f.impact}] ${f.rule} on “${f.screen}”: ${f.help}\n    ${f.nodes.join('\n    ')}`,
    );
    expect(this.findings, `serious/critical axe violations:\n${lines.join('\n')}`).toEqual([]);
  }
}

/** Waits until transitions are over (a half-faded dialog would report false contrast failures). */
async function settle(page: Page) {
  await settleAnimations(page);
  await page.waitForTimeout(150);
}

/** Opens a dialog with `opener`, checks it, and closes it with Escape. */
async function dialogCheck(audit: Audit, page: Page, screen: string, opener: Locator, name?: string | RegExp) {
  await opener.click();
  const dialog = name ? page.getByRole('dialog', { name }) : page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await audit.check(page, screen);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.MuiDialog-root')).toHaveCount(0);
}

// axe's injected script makes traces large and slow; a failure lists everything needed.
test.use({ trace: 'off', actionTimeout: 20_000 });

test('first-run wizard, an empty official workspace, sync and settings', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const audit = new Audit();
  const context = await browser.newContext();
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByLabel('姓名')).toBeVisible();
  await audit.check(page, '首次使用 · 第1步 个人信息');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('请填写姓名').first()).toBeVisible();
  await audit.check(page, '首次使用 · 第1步 校验错误');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('所在单位(部门)').fill('预算科');
  await page.getByLabel('职位类别').click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await audit.check(page, '首次使用 · 职位类别下拉');
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员', exact: true }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('checkbox', { name: '主管领导' })).toBeVisible();
  await audit.check(page, '首次使用 · 第2步 角色');
  await page.getByRole('checkbox', { name: '主管领导' }).check();
  await page.getByRole('checkbox', { name: '人事部门' }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('button', { name: '完成,开始使用' })).toBeVisible();
  await audit.check(page, '首次使用 · 第3步 考核办法');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await snap(page, testInfo, 'a11y-01-preset-radio-focus');
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await dialogCheck(audit, page, '首次使用 · 载入示例数据确认', page.getByRole('button', { name: '载入示例数据' }), '载入示例数据');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  await expect(page.getByRole('heading', { name: '张三,您好' })).toBeVisible();
  await audit.check(page, '首页(新用户)');

  await nav(page, '我的平时考核');
  const tabs = page.getByRole('navigation', { name: '平时考核分项' });
  await expect(tabs).toBeVisible();
  await audit.check(page, '我的平时考核 · 年度概览(空)');
  for (const name of ['年度工作计划', '记实簿', '季度小结', '评鉴结果', '搜索', '导出']) {
    await tabs.getByRole('tab', { name }).click();
    await expect(tabs.getByRole('tab', { name, selected: true })).toBeVisible();
    await audit.check(page, `我的平时考核 · ${name}(空)`);
  }
  // 日记: shown when the unit's configuration chooses a daily record (set here as HR's roster would).
  await putRow(page, 'dutybook', 'settings', { key: 'config', value: { basedOn: 'hubei', config: { ...presetConfig('hubei'), recordMode: 'daily' as const }, savedAt: TODAY.toISOString() }, updatedAt: TODAY.toISOString() });
  await page.reload();
  await tabs.getByRole('tab', { name: '日记' }).click();
  await page.getByRole('button', { name: '添加记录' }).first().click();
  await expect(page.getByRole('main').getByRole('textbox').first()).toBeVisible();
  await audit.check(page, '我的平时考核 · 日记');
  await nav(page, '领导评鉴');
  await expect(page.getByRole('heading', { name: '领导评鉴', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await audit.check(page, '领导评鉴(尚无名册)');
  await nav(page, '人事管理');
  await expect(page.getByLabel('单位名称')).toBeVisible();
  await audit.check(page, '人事管理 · 建立单位');
  await nav(page, '同步');
  const keyStore = page.getByRole('dialog', { name: '设置密钥库口令' });
  await expect(keyStore).toBeVisible();
  await audit.check(page, '同步 · 设置密钥库口令');
  await keyStore.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await keyStore.getByLabel('再次输入口令').fill('different');
  await keyStore.getByRole('button', { name: '设置并解锁' }).click();
  await audit.check(page, '同步 · 口令不一致');
  await keyStore.getByLabel('再次输入口令').fill(PASSPHRASE);
  await keyStore.getByRole('button', { name: '设置并解锁' }).click();
  await expect(keyStore).toHaveCount(0);
  await expect(page.getByTestId('my-fingerprint')).toBeVisible();
  await audit.check(page, '同步(未信任人事部门)');
  await dialogCheck(audit, page, '同步 · 导出密钥备份', page.getByRole('button', { name: '导出密钥备份' }), '导出密钥备份');
  await nav(page, '设置');
  await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
  await audit.check(page, '设置');
  // 本机密码锁: set, lock (Ctrl+L), the lock screen and its 忘记密码 dialog, unlock.
  const lockSection = page.getByTestId('app-lock-settings');
  await lockSection.getByLabel('新密码', { exact: true }).fill('Pass-2026-lock');
  await lockSection.getByLabel('再次输入新密码').fill('Pass-2026-lock');
  await lockSection.getByRole('button', { name: '设置密码' }).click();
  await expect(lockSection.getByTestId('app-lock-status')).toContainText('已设置本机密码', { timeout: 30_000 });
  await audit.check(page, '设置 · 本机密码锁已设置');
  await page.keyboard.press('Control+l');
  const lock = page.getByRole('dialog', { name: '履责记实已锁定' });
  await expect(lock).toBeVisible();
  await audit.check(page, '锁定屏幕');
  await lock.getByRole('button', { name: '忘记密码?' }).click();
  await expect(page.getByRole('dialog', { name: '忘记本机密码' })).toBeVisible();
  await audit.check(page, '锁定屏幕 · 忘记本机密码');
  await page.getByRole('button', { name: '返回' }).click();
  await lock.getByLabel('本机密码', { exact: true }).fill('Pass-2026-lock');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toHaveCount(0, { timeout: 30_000 });
  await context.close();
  audit.report('new user');
});

test.describe('the example organisation', () => {
  // One load of the example data serves every test (a failed test reloads it in a fresh worker).
  let context: BrowserContext;
  let page: Page;
  const audit = new Audit();

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(200_000);
    context = await browser.newContext({ acceptDownloads: true });
    await context.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
    page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: '载入示例数据' }).click();
    await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
    await answerPassphrase(page, true);
    await expect(page.getByRole('status').filter({ hasText: /导入|生成|签发|打包/ }).first()).toBeVisible();
    await audit.check(page, '载入示例数据 · 进度');
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 180_000 });
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test.afterEach(() => {
    audit.report('example organisation');
    audit.findings = [];
  });

  test('home and the HR workspace', async () => {
    test.setTimeout(480_000); // twelve tabs, each checked by axe; the DataGrid pages are the slowest to check
    await audit.check(page, '首页(示例单位人事部门)');
    await nav(page, '人事管理');
    const hrTabs = page.getByRole('navigation', { name: '人事管理分项' });
    await expect(page.getByRole('heading', { name: /人事管理 · 示例市/ })).toBeVisible();
    await audit.check(page, '人事管理 · 待办');
    await hrTabs.getByRole('tab', { name: '单位和人员' }).click();
    await expect(hrTabs.getByRole('tab', { name: '单位和人员', selected: true })).toBeVisible();
    await audit.check(page, '人事管理 · 单位和人员');
    await dialogCheck(audit, page, '人事管理 · 添加人员', page.getByRole('button', { name: '添加人员' }), '添加人员');
    await dialogCheck(audit, page, '人事管理 · 添加下级单位', page.getByRole('button', { name: /^添加下级单位/ }).first());
    for (const name of ['台账', '考核办法', '接收数据包', '督促检查', '备案', '年度考核', '考核结果', '统计分析', '公示', '操作日志']) {
      await hrTabs.getByRole('tab', { name }).click();
      await expect(hrTabs.getByRole('tab', { name, selected: true })).toBeVisible();
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
      await audit.check(page, `人事管理 · ${name}`);
      if (name === '督促检查') await snap(page, test.info(), 'a11y-02-tracking-grid');
      if (name === '考核办法') {
        await dialogCheck(audit, page, '人事管理 · 考核办法 · 与预设比较', page.getByRole('button', { name: /比较/ }).first());
      }
      if (name === '考核结果') {
        await dialogCheck(audit, page, '人事管理 · 考核结果 · 确定等次', page.getByRole('button', { name: /^确定.+的年度考核结果$/ }).first());
      }
      if (name === '备案') {
        const fileAll = page.getByRole('button', { name: /全部备案/ });
        if (await fileAll.isEnabled()) await dialogCheck(audit, page, '人事管理 · 备案确认', fileAll);
      }
    }
    // Still on 操作日志, the last tab.
    const verify = page.getByRole('button', { name: '核验日志' });
    await verify.scrollIntoViewIfNeeded();
    await verify.click();
    await audit.check(page, '人事管理 · 核验日志');
    // The printable notice of HR's key fingerprint (reached from the roster panel).
    await page.goto('/#/hr/notice');
    await expect(page.getByTestId('notice-org')).toBeVisible();
    await audit.check(page, '人事管理 · 人事部门密钥指纹通知');
  });

  test("the HR person's own workspace (an official of the example organisation)", async () => {
    test.setTimeout(240_000);
    await nav(page, '我的平时考核');
    const tabs = page.getByRole('navigation', { name: '平时考核分项' });
    await expect(tabs).toBeVisible();
    await audit.check(page, '我的平时考核 · 年度概览');
    for (const name of ['年度工作计划', '记实簿', '日记', '周记', '季度小结', '评鉴结果', '搜索', '导出']) {
      const tab = tabs.getByRole('tab', { name });
      if ((await tab.count()) === 0) continue;
      await tab.click();
      await expect(tabs.getByRole('tab', { name, selected: true })).toBeVisible();
      await audit.check(page, `我的平时考核 · ${name}`);
      if (name === '年度工作计划') {
        await dialogCheck(audit, page, '我的平时考核 · 计划的已提交版本', page.getByRole('button', { name: /^查看第\d+版/ }).first());
      }
      if (name === '记实簿') {
        await page.getByRole('main').getByRole('link', { name: /月/ }).first().click();
        await expect(page.getByRole('heading', { name: /月/ }).first()).toBeVisible();
        await audit.check(page, '我的平时考核 · 月度记实');
        await tabs.getByRole('tab', { name }).click();
      }
      if (name === '季度小结') {
        await page.getByRole('main').getByRole('link', { name: /季度/ }).first().click();
        await audit.check(page, '我的平时考核 · 季度小结(一季)');
        await tabs.getByRole('tab', { name }).click();
      }
      if (name === '搜索') {
        await page.getByRole('searchbox').first().fill('预算');
        await page.keyboard.press('Enter');
        await audit.check(page, '我的平时考核 · 搜索结果');
      }
    }
  });

  test('sync and settings', async () => {
    await nav(page, '同步');
    await expect(page.getByRole('heading', { name: '同步', level: 1 })).toBeVisible();
    await audit.check(page, '同步(人事部门)');
    await dialogCheck(audit, page, '同步 · 导出密钥备份(人事部门)', page.getByRole('button', { name: '导出密钥备份' }), '导出密钥备份');
    await nav(page, '设置');
    await expect(page.getByRole('heading', { name: '设置', level: 1 })).toBeVisible();
    await audit.check(page, '设置(示例单位)');
  });

  test("the supervisor's workspace (this device acting as the HR person's 主管领导)", async () => {
    test.setTimeout(240_000);
    await actAsSupervisor(page);
    await expect(page.getByRole('heading', { name: '领导评鉴', level: 1 })).toBeVisible();
    await audit.check(page, '领导评鉴 · 团队概览');
    const overview = page.url();
    await page.getByRole('link', { name: /^查看.+的平时考核材料$/ }).first().click();
    const personTabs = page.getByRole('tablist', { name: '下属平时考核材料' });
    await expect(personTabs).toBeVisible();
    await audit.check(page, '领导评鉴 · 个人 · 年度工作计划');
    const approve = page.getByRole('main').getByRole('button', { name: '核准', exact: true });
    if (await approve.isVisible()) {
      await dialogCheck(audit, page, '领导评鉴 · 核准计划', approve);
      await dialogCheck(audit, page, '领导评鉴 · 退回计划', page.getByRole('main').getByRole('button', { name: '退回', exact: true }));
    }
    await personTabs.getByRole('tab', { name: '记实簿' }).click();
    await audit.check(page, '领导评鉴 · 个人 · 记实簿');
    await page.getByRole('main').getByRole('button', { name: /^查看.*月/ }).last().click();
    await expect(page.getByTestId('record-detail')).toBeVisible();
    await audit.check(page, '领导评鉴 · 个人 · 月度记实簿');
    const returnMonth = page.getByTestId('record-detail').getByRole('button', { name: '退回', exact: true });
    if (await returnMonth.isVisible()) await dialogCheck(audit, page, '领导评鉴 · 退回记实簿', returnMonth);
    await personTabs.getByRole('tab', { name: '季度评鉴' }).click();
    await audit.check(page, '领导评鉴 · 个人 · 季度评鉴');
    await dialogCheck(audit, page, '领导评鉴 · 评鉴结果反馈', page.getByRole('button', { name: '记录反馈' }).first());
    await page.getByRole('link', { name: '查看评鉴' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await audit.check(page, '领导评鉴 · 已签署的评鉴');
    await page.goBack();
    await page.getByRole('link', { name: '进行领导评鉴', exact: true }).first().click();
    await expect(page.getByRole('main').getByRole('textbox').first()).toBeVisible();
    await audit.check(page, '领导评鉴 · 评鉴表(填写)');
    await page.goto(overview);
    await page.getByRole('link', { name: /^第\d季度备案登记表$/ }).first().click();
    await expect(page.getByRole('main').getByRole('table').first()).toBeVisible();
    await audit.check(page, '领导评鉴 · 备案登记表');
    await page.goto(overview);
    await page.getByRole('link', { name: '年度考核评语' }).click();
    await expect(page.getByRole('table', { name: /下属年度考核评语情况$/ })).toBeVisible();
    await audit.check(page, '领导评鉴 · 年度考核评语');
    await page.getByRole('link', { name: /^填写.+的评语和考核等次建议$/ }).first().click();
    await expect(page.getByRole('textbox', { name: '评语' })).toBeVisible();
    await audit.check(page, '领导评鉴 · 评语和考核等次建议(填写)');
  });
});
