import { expect, test, type Locator, type Page } from '@playwright/test';
import { actAsSupervisor } from './act-as';
import { PASSPHRASE, TODAY } from './devices';
import { snap } from './helpers';

/**
 * The main flows with the keyboard alone — Tab / Shift+Tab / Enter / Space / arrows / Escape, no mouse
 * after the page loads: first-run setup, a plan submitted, a month's record book submitted; HR's tabs
 * and a dialog; the supervisor returning a month with a reason. Focus must be visible on every
 * control reached, and return to the opener when a dialog closes.
 */

test.use({ trace: 'off', actionTimeout: 20_000 });

// No short limit of its own: callers have made sure the target is on the page, and on a busy machine the
// answer alone can take seconds (a 2 s limit failed here while other jobs held the cores).
const isFocused = (target: Locator) =>
  target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab (or Shift+Tab) until `target` holds the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  await expect(target).toBeVisible();
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) {
      await expectFocusRing(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** The focused control shows a focus indicator: an outline, a box-shadow, or a text field's thick focused border. */
async function expectFocusRing(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing focused';
    const field = el.closest('.MuiInputBase-root');
    if (field) {
      const border = field.querySelector('fieldset');
      const width = border ? parseFloat(getComputedStyle(border).borderTopWidth) : 0;
      return field.classList.contains('Mui-focused') && width >= 2 ? 'ok' : `text field without focus border: ${el.outerHTML.slice(0, 120)}`;
    }
    const box = el.closest('.MuiButtonBase-root') ?? el;
    const cs = getComputedStyle(box);
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) return 'ok';
    if (cs.boxShadow !== 'none') return 'ok';
    const own = getComputedStyle(el);
    if (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) >= 1) return 'ok';
    return `no focus indicator on ${el.outerHTML.slice(0, 160)}`;
  });
  expect(ring).toBe('ok');
}

/** In an open listbox, arrows down to the option named `name` and picks it with Enter. */
async function chooseOption(page: Page, name: string) {
  await expect(page.getByRole('listbox')).toBeVisible();
  for (let i = 0; i < 40; i++) {
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === name) {
      await page.keyboard.press('Enter');
      await expect(page.getByRole('listbox')).toHaveCount(0);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`option ${name} not reached`);
}

/** Focuses the selected tab of a tab list, arrows to `name` and follows it with Enter. */
async function openTab(page: Page, tablist: Locator, name: string) {
  const selected = tablist.getByRole('tab', { selected: true });
  // The tab list is before or after the focus: Tab forward first, else Shift+Tab.
  await tabTo(page, selected, { max: 40 }).catch(() => tabTo(page, selected, { back: true }));
  const target = tablist.getByRole('tab', { name, exact: true });
  for (let i = 0; i < 12 && !(await isFocused(target)); i++) await page.keyboard.press('ArrowRight');
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(tablist.getByRole('tab', { name, exact: true, selected: true })).toBeVisible();
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

async function navTo(page: Page, name: string) {
  await tabTo(page, page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name }), { back: true });
  await page.keyboard.press('Enter');
}

test('an official sets up, submits a plan and a month, by keyboard alone', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  await context.clock.setFixedTime(TODAY);
  const page = await context.newPage();
  await page.goto('/');

  // ---- First run: the name field has the focus.
  await expect(page.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('张三');
  await typeInto(page, page.getByLabel('所在单位(部门)'), '财政局预算科');
  await tabTo(page, page.getByRole('combobox', { name: '职位类别' }));
  await page.keyboard.press('Enter');
  await chooseOption(page, '综合管理类');
  await tabTo(page, page.getByRole('combobox', { name: '职级' }));
  await page.keyboard.press('ArrowDown');
  await chooseOption(page, '一级科员');
  await tabTo(page, page.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('checkbox', { name: '公务员' }), { back: true });
  await expect(page.getByRole('checkbox', { name: '公务员' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: '下一步' }));
  await page.keyboard.press('Enter');
  // The presets are one radio group: arrows choose.
  const presets = page.getByRole('radiogroup', { name: '考核办法预设' });
  await tabTo(page, presets.getByRole('radio', { checked: true }), { back: true });
  const before = await presets.getByRole('radio', { checked: true }).getAttribute('value');
  await page.keyboard.press('ArrowDown');
  await expect(presets.getByRole('radio', { checked: true })).not.toHaveAttribute('value', before!);
  await page.keyboard.press('ArrowUp');
  await expect(presets.getByRole('radio', { checked: true })).toHaveAttribute('value', before!);
  await tabTo(page, page.getByRole('button', { name: '完成,开始使用' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '张三,您好' })).toBeVisible();

  // ---- The skip link is the first stop and moves the focus to the main content.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await snap(page, testInfo, 'keyboard-01-skip-link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // ---- The plan: one item, submitted.
  await navTo(page, '我的平时考核');
  await expect(page.getByRole('heading', { name: '我的平时考核', level: 1 })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: '平时考核分项' });
  await openTab(page, tabs, '年度工作计划');
  await expect(page.getByRole('heading', { name: '2026年度个人工作计划' })).toBeVisible();
  await typeInto(page, page.getByLabel('第1项 工作任务'), '编制2027年度市级部门预算草案');
  await typeInto(page, page.getByLabel('第1项 目标要求'), '按时完成42家一级预算单位预算编审');
  await typeInto(page, page.getByLabel('第1项 完成时限'), '2026-11-30');
  await typeInto(page, page.getByLabel('第1项 对应岗位职责/能力席位标准'), '岗位职责:部门预算编制审核');
  await expect(page.getByTestId('save-status').first()).toContainText('已自动保存');
  await snap(page, testInfo, 'keyboard-02-plan-field-focus');
  await tabTo(page, page.getByRole('button', { name: '提交核准' }));
  await page.keyboard.press('Enter');
  const submitPlan = page.getByRole('dialog', { name: '提交年度工作计划' });
  await expect(submitPlan).toBeVisible();
  // Escape cancels and gives the focus back to the button that opened the dialog.
  await page.keyboard.press('Escape');
  await expect(submitPlan).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交核准' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(submitPlan).toBeVisible();
  await tabTo(page, submitPlan.getByRole('button', { name: '提交核准' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('state-chip')).toHaveText('已提交核准');

  // ---- January's record book: one work item, submitted.
  await openTab(page, tabs, '记实簿');
  await tabTo(page, page.getByRole('link', { name: '填写1月记实簿' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: '添加工作事项' }));
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('第1项 工作内容'), '审核42家单位2027年预算"一上"数据');
  await typeInto(page, page.getByLabel('第1项 工作进度'), '按计划推进');
  await tabTo(page, page.getByRole('combobox', { name: '第1项 完成情况' }));
  await page.keyboard.press('Enter');
  await chooseOption(page, '已完成');
  await expect(page.getByTestId('save-status').first()).toContainText('已自动保存');
  await tabTo(page, page.getByRole('button', { name: '提交记实簿' }));
  await page.keyboard.press('Enter');
  const submitMonth = page.getByRole('dialog', { name: '提交1月记实簿' });
  await tabTo(page, submitMonth.getByRole('button', { name: '提交记实簿' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('locked-banner')).toBeVisible();
  await context.close();
});

test('HR and a supervisor work by keyboard alone in the example organisation', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  await context.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
  const page = await context.newPage();
  await page.goto('/');

  // ---- The example organisation, loaded by keyboard (its dialogs included).
  await tabTo(page, page.getByRole('button', { name: '载入示例数据' }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: '载入示例数据' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('button', { name: '载入示例数据' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, confirm.getByRole('button', { name: '载入' }));
  await page.keyboard.press('Enter');
  const keyStore = page.getByRole('dialog', { name: '设置密钥库口令' });
  await typeInto(page, keyStore.getByLabel('口令', { exact: true }), PASSPHRASE);
  await typeInto(page, keyStore.getByLabel('再次输入口令'), PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 180_000 });

  // ---- HR: through the tabs, a dialog opened and closed with Escape.
  await navTo(page, '人事管理');
  await expect(page.getByRole('heading', { name: /人事管理 · 示例市/ })).toBeVisible();
  const hrTabs = page.getByRole('navigation', { name: '人事管理分项' });
  for (const name of ['考核办法', '督促检查', '年度考核', '单位和人员']) {
    if (name === '单位和人员') {
      await tabTo(page, hrTabs.getByRole('tab', { selected: true }), { back: true });
      await page.keyboard.press('Home');
      // Home is the first tab, 待办; 单位和人员 is the next one.
      for (let i = 0; i < 8 && !(await isFocused(hrTabs.getByRole('tab', { name }))); i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
    } else {
      await openTab(page, hrTabs, name);
    }
    await expect(hrTabs.getByRole('tab', { name, selected: true })).toBeVisible();
  }
  const addPerson = page.getByRole('button', { name: '添加人员' });
  // Past every rendered row of the people table (three buttons a row).
  await tabTo(page, addPerson, { max: 160 });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  // The focus stays inside the dialog.
  for (let i = 0; i < 25; i++) await page.keyboard.press('Tab');
  expect(await isFocused(dialog)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(addPerson).toBeFocused();
  await expectFocusRing(page);
  await snap(page, testInfo, 'keyboard-03-hr-focus-returned');

  // ---- The supervisor: from the team overview to a person's month, returned with a reason.
  await actAsSupervisor(page);
  await expect(page.getByRole('heading', { name: '领导评鉴', level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: /^查看.+的平时考核材料$/ }).first());
  await page.keyboard.press('Enter');
  const personTabs = page.getByRole('tablist', { name: '下属平时考核材料' });
  await tabTo(page, personTabs.getByRole('tab', { selected: true }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(personTabs.getByRole('tab', { name: '记实簿', selected: true })).toBeVisible();
  // The latest month received that is still 已提交.
  const submitted = page.getByRole('row').filter({ hasText: '已提交' }).last();
  const open = submitted.getByRole('button');
  const month = (await open.textContent())!.match(/(\d+)月/)![1];
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('record-detail');
  await tabTo(page, detail.getByRole('button', { name: '退回', exact: true }));
  await page.keyboard.press('Enter');
  const returning = page.getByRole('dialog', { name: new RegExp(`^退回.+的${month}月记实簿$`) });
  await typeInto(page, returning.getByLabel('退回原因'), '请补充工作进度的具体数据');
  await snap(page, testInfo, 'keyboard-04-supervisor-return');
  await tabTo(page, returning.getByRole('button', { name: '退回', exact: true }));
  await page.keyboard.press('Enter');
  await expect(returning).toHaveCount(0);
  await expect(detail).toContainText('已退回');
  await context.close();
});
