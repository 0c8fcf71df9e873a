import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Download, type Page } from '@playwright/test';
import { presetConfig } from '../../shared/domain/presets';
import { putRow, readStore, settleAnimations, snap as snapPage } from './helpers';

/** "Today" for every test: mid-April 2026, so January to March are due and the first quarter has ended. */
const TODAY = new Date('2026-04-15T10:00:00+08:00');

/**
 * A full-page screenshot of a scrolled window draws the fixed app bar over the middle of the page;
 * scroll to the top first so the picture shows the page as it is laid out.
 */
async function snap(page: Page, testInfo: Parameters<typeof snapPage>[1], name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let dialogs fade in and tab indicators slide home, so the picture is not caught mid-transition.
  await settleAnimations(page);
  return snapPage(page, testInfo, name);
}

async function fixClock(context: BrowserContext) {
  await context.clock.setFixedTime(TODAY);
}

/** A new official goes through the first-run wizard (role 公务员, the default preset). */
async function setUpOfficial(page: Page, name = '张三') {
  await page.goto('/');
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('所在单位(部门)').fill('财政局预算科');
  await page.getByLabel('职位类别').click();
  await page.getByRole('option', { name: '综合管理类' }).click();
  await page.getByLabel('职级').click();
  await page.getByRole('option', { name: '一级科员' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('checkbox', { name: '公务员' })).toBeChecked();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '完成,开始使用' }).click();
  await expect(page.getByRole('heading', { name: `${name},您好` })).toBeVisible();
}

async function pick(page: Page, combobox: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: combobox }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Waits until the autosave status says the database holds what was typed. */
async function saved(page: Page) {
  // A save is one IndexedDB transaction; on a CI machine busy with other browser contexts it has been
  // seen to take over 10 s, so this waits longer than the default for the condition.
  await expect(page.getByTestId('save-status').first()).toContainText('已自动保存', { timeout: 30_000 });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name });

test('an official plans the year, keeps two months, summarises the quarter and exports the documents', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await fixClock(context);
  await setUpOfficial(page);

  // ---- The workspace opens on the year overview, which says what is due.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的平时考核' }).click();
  await expect(page.getByRole('heading', { name: '我的平时考核', level: 1 })).toBeVisible();
  const due = page.getByTestId('due-next');
  await expect(due).toContainText('2026年个人年度工作计划尚未提交核准');
  await expect(due).toContainText('1月记实簿尚未提交');
  await expect(due).toContainText('第1季度个人工作小结尚未提交');
  await snap(page, testInfo, 'official-01-overview-empty');

  // ---- 个人年度工作计划: a first attempt with a missing 目标要求 and a day that does not exist.
  await tab(page, '年度工作计划').click();
  await expect(page.getByRole('heading', { name: '2026年度个人工作计划' })).toBeVisible();
  await page.getByLabel('第1项 工作任务').fill('编制2027年度市级部门预算草案');
  await page.getByLabel('第1项 完成时限').fill('2026-02-30');
  await page.getByLabel('第1项 对应岗位职责/能力席位标准').fill('岗位职责:部门预算编制审核');
  await page.getByRole('button', { name: '提交核准' }).click();
  const issues = page.getByTestId('issues');
  await expect(issues).toContainText('第1项目标要求未填写');
  await expect(issues).toContainText('第1项完成时限不是有效日期:2026年2月没有30日');
  await expect(page.getByLabel('第1项 目标要求')).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost.
  await expect(page.getByLabel('第1项 工作任务')).toHaveValue('编制2027年度市级部门预算草案');
  await expect(page.getByLabel('第1项 完成时限')).toHaveValue('2026-02-30');
  await snap(page, testInfo, 'official-02-plan-validation');

  await page.getByLabel('第1项 目标要求').fill('按时完成42家一级预算单位预算编审,数据准确');
  await page.getByLabel('第1项 完成时限').fill('2026-11-30');
  await page.getByRole('button', { name: '添加计划事项' }).click();
  await page.getByLabel('第2项 工作任务').fill('预算执行月度分析');
  await page.getByLabel('第2项 目标要求').fill('每月形成执行分析报告报科长');
  await page.getByLabel('第2项 完成时限').fill('2026-12-31');
  await page.getByLabel('第2项 对应岗位职责/能力席位标准').fill('岗位职责:预算执行监控');
  await saved(page);
  await snap(page, testInfo, 'official-03-plan-editing');

  await page.getByRole('button', { name: '提交核准' }).click();
  const dialog = page.getByRole('dialog', { name: '提交年度工作计划' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '提交核准' }).click();
  await expect(page.getByTestId('state-chip')).toHaveText('已提交核准');
  await expect(page.getByTestId('locked-banner')).toContainText('计划已提交核准,不能修改。如需修改,请主管领导退回后修改。');
  await expect(page.getByLabel('第1项 工作任务')).toBeDisabled();
  await expect(page.getByRole('button', { name: '添加计划事项' })).toHaveCount(0);
  await expect(page.getByText('第1版')).toBeVisible();
  await snap(page, testInfo, 'official-04-plan-locked');
  // The submitted version stays readable.
  await page.getByRole('button', { name: '查看第1版' }).click();
  const version = page.getByRole('dialog', { name: '第1版(只读)' });
  await expect(version.getByRole('cell', { name: '预算执行月度分析' })).toBeVisible();
  await snap(page, testInfo, 'official-04b-plan-version');
  await version.getByRole('button', { name: '关闭' }).click();
  await expect(version).toHaveCount(0);

  // ---- January's record book: work items linked to the plan, attendance, an error entry.
  await tab(page, '记实簿').click();
  await expect(page.getByRole('heading', { name: '2026年平时考核记实簿' })).toBeVisible();
  await snap(page, testInfo, 'official-05-record-list');
  await page.getByRole('link', { name: '填写1月记实簿' }).click();
  await expect(page.getByRole('heading', { name: '2026年1月平时考核记实簿' })).toBeVisible();

  await page.getByRole('button', { name: '添加工作事项' }).click();
  await page.getByLabel('第1项 工作内容').fill('审核42家单位2027年预算"一上"数据');
  await page.getByLabel('第1项 工作进度').fill('完成全部单位初审,形成审核意见');
  await pick(page, '第1项 完成情况', '已完成');
  await pick(page, '第1项 对应计划事项', /^1\. 编制2027年度/);
  await page.getByRole('button', { name: '添加工作事项' }).click();
  await page.getByLabel('第2项 工作内容').fill('1月预算执行分析');
  await page.getByLabel('第2项 工作进度').fill('完成数据汇总,报告初稿待修改');
  await pick(page, '第2项 对应计划事项', /^2\. 预算执行月度分析/);
  await page.getByLabel('第2项 完成比例(%)').fill('30');

  // Attendance: January 2026 has 21 working days. A day of sick leave without taking it off 实出勤
  // does not add up; the page says so while typing.
  await expect(page.getByLabel('应出勤(天)')).toHaveValue('21');
  await page.getByLabel('病假(天)').fill('1');
  await expect(page.getByTestId('attendance-warning')).toContainText('应出勤21天,实出勤与各类请假、旷工合计22天,相差1天');
  await snap(page, testInfo, 'official-06-record-attendance-warning');
  await page.getByRole('button', { name: '提交记实簿' }).click();
  await expect(page.getByTestId('issues')).toContainText('出勤天数合计不符');
  await expect(page.getByLabel('病假(天)')).toHaveValue('1');
  await page.getByLabel('实出勤(天)').fill('20');
  await expect(page.getByTestId('attendance-warning')).toHaveCount(0);
  await expect(page.getByTestId('attendance-ok')).toContainText('应出勤21天,各项合计相符');

  await page.getByRole('button', { name: '添加差错登记' }).click();
  await page.getByLabel('差错第1条 日期').fill('2026-01-15');
  await page.getByLabel('差错第1条 事项').fill('预算审核意见书中一处金额笔误');
  await page.getByLabel('差错第1条 原因').fill('录入后未复核');
  await page.getByLabel('差错第1条 纠正情况').fill('当日发现并更正,已重新印发');
  await pick(page, '差错第1条 程度', '轻微');
  await saved(page);
  await snap(page, testInfo, 'official-07-record-error-entry');

  await page.getByRole('button', { name: '提交记实簿' }).click();
  await page.getByRole('dialog', { name: '提交1月记实簿' }).getByRole('button', { name: '提交记实簿' }).click();
  await expect(page.getByTestId('locked-banner')).toContainText('已提交的记实簿不能修改。如需更正,请主管领导退回后修改。');
  // An attempt to edit the submitted record book finds every field closed.
  await expect(page.getByLabel('第1项 工作内容')).toBeDisabled();
  await expect(page.getByLabel('病假(天)')).toBeDisabled();
  await expect(page.getByRole('button', { name: '添加工作事项' })).toHaveCount(0);
  await snap(page, testInfo, 'official-08-record-submitted');
  // Printed, the record book is the page: no navigation, no tabs, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: '平时考核分项' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByLabel('第1项 工作内容')).toBeVisible();
  await snap(page, testInfo, 'official-08b-record-print');
  await page.emulateMedia({ media: 'screen' });

  // ---- February: the unfinished work comes over from January, then its progress is updated.
  await page.getByRole('link', { name: '下一月' }).click();
  await expect(page.getByRole('heading', { name: '2026年2月平时考核记实簿' })).toBeVisible();
  await page.getByRole('button', { name: '从上月带入未完成事项' }).click();
  await expect(page.getByLabel('第1项 工作内容')).toHaveValue('1月预算执行分析');
  await expect(page.getByLabel('第2项 工作内容')).toHaveCount(0);
  await page.getByLabel('第1项 工作内容').fill('2月预算执行分析');
  await page.getByLabel('第1项 工作进度').fill('报告已报科长');
  await page.getByLabel('第1项 完成比例(%)').fill('60');
  await expect(page.getByLabel('应出勤(天)')).toHaveValue('16');
  await saved(page);
  await page.getByRole('button', { name: '提交记实簿' }).click();
  await page.getByRole('dialog', { name: '提交2月记实簿' }).getByRole('button', { name: '提交记实簿' }).click();
  await expect(page.getByTestId('locked-banner')).toBeVisible();

  // ---- The first quarter's summary, pre-filled from the submitted record books.
  await tab(page, '季度小结').click();
  await expect(page.getByRole('heading', { name: '2026年季度个人工作小结' })).toBeVisible();
  await snap(page, testInfo, 'official-09a-summary-list');
  await page.getByRole('link', { name: '填写第1季度小结' }).click();
  await expect(page.getByRole('heading', { name: '2026年第1季度个人工作小结' })).toBeVisible();
  const highlights = page.getByTestId('highlights');
  await expect(highlights).toContainText('审核42家单位2027年预算"一上"数据');
  await expect(highlights).toContainText('预算执行月度分析 — 60%');
  await expect(highlights).toContainText('3月记实簿尚未提交');
  await expect(highlights).toContainText('预算审核意见书中一处金额笔误');
  const text = page.getByRole('textbox', { name: '个人工作小结' });
  await expect(text).toHaveValue(/本季度共完成工作1项/);
  await text.press('Control+End');
  await text.pressSequentially('\n本季度按计划推进预算编审和执行分析工作,差错已及时纠正。');
  await saved(page);
  await snap(page, testInfo, 'official-09b-summary');
  await page.getByRole('button', { name: '提交小结' }).click();
  await page.getByRole('dialog', { name: '提交第1季度个人工作小结' }).getByRole('button', { name: '提交小结' }).click();
  await expect(page.getByTestId('locked-banner')).toContainText('已提交的个人工作小结不能修改');
  await expect(text).toBeDisabled();

  // ---- Search across my own records.
  await tab(page, '搜索').click();
  await page.getByLabel('搜索内容').fill('执行分析');
  await expect(page.getByText(/找到\d+条/)).toBeVisible();
  await expect(page.getByRole('link', { name: '2026年2月记实簿' }).first()).toBeVisible();
  await expect(page.locator('mark').first()).toHaveText('执行分析');
  await snap(page, testInfo, 'official-10-search');

  // ---- Word documents, one by one and the year as one .zip.
  await tab(page, '导出').click();
  await expect(page.getByRole('heading', { name: '2026年度文书导出' })).toBeVisible();
  await snap(page, testInfo, 'official-11-export');
  const files = [
    ['导出Word:个人年度工作计划', '2026年个人年度工作计划-张三.docx'],
    ['导出Word:1月平时考核记实簿', '2026年01月平时考核记实簿-张三.docx'],
    ['导出Word:第1季度个人工作小结', '2026年第1季度个人工作小结-张三.docx'],
  ] as const;
  for (const [button, name] of files) {
    const file = await download(page, () => page.getByRole('button', { name: button }).click());
    expect(file.name).toBe(name);
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }
  const zip = await download(page, () => page.getByRole('button', { name: '年度批量导出(.zip)' }).click());
  expect(zip.name).toBe('2026年平时考核文书-张三.zip');
  expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  // The archive names every document of the year (plan, two record books, one summary).
  for (const name of ['个人年度工作计划', '01月平时考核记实簿', '02月平时考核记实簿', '第1季度个人工作小结']) {
    expect(zip.bytes.includes(Buffer.from(name, 'utf8'))).toBe(true);
  }

  // ---- The overview now shows both months submitted and March overdue.
  await tab(page, '年度概览').click();
  await expect(page.getByTestId('cell-1月')).toContainText('已提交');
  await expect(page.getByTestId('cell-2月')).toContainText('已提交');
  await expect(page.getByTestId('cell-3月')).toContainText('未填写');
  await expect(page.getByTestId('cell-3月')).toContainText('已逾期');
  await expect(page.getByTestId('cell-第1季度')).toContainText('已提交');
  await expect(page.getByTestId('due-next')).toContainText('3月记实簿尚未提交');
  await expect(page.getByTestId('due-next')).not.toContainText('1月记实簿尚未提交');
  await snap(page, testInfo, 'official-12-overview');

  // What is stored, read straight from IndexedDB.
  const records = (await readStore(page, 'dutybook', 'monthlyRecords')) as { month: number; state: string; attendance: { present: number; sickLeave: number } }[];
  expect(records.map((r) => [r.month, r.state]).sort()).toEqual([
    [1, 'submitted'],
    [2, 'submitted'],
  ]);
  expect(records.find((r) => r.month === 1)?.attendance).toMatchObject({ present: 20, sickLeave: 1 });
  const versions = await readStore(page, 'dutybook', 'planVersions');
  expect(versions).toHaveLength(1);
});

test('text typed into a record book survives the window being killed before the autosave ran', async ({ page, context }) => {
  await fixClock(context);
  await setUpOfficial(page, '李四');
  await page.goto('/#/official/record/2026-03');
  await page.getByRole('button', { name: '添加工作事项' }).click();
  // Type and close at once: the 600 ms autosave has not run yet.
  await page.getByLabel('第1项 工作内容').fill('起草三季度预算调整方案');
  // The text is in the draft mirror at once, before any database save.
  const mirrored = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('dutybook.draft.record.') && k.endsWith('.2026-03'))
      .map((k) => localStorage.getItem(k) ?? ''),
  );
  expect(mirrored.join('')).toContain('起草三季度预算调整方案');
  await page.close();

  const again = await context.newPage();
  await again.goto('/#/official/record/2026-03');
  await expect(again.getByLabel('第1项 工作内容')).toHaveValue('起草三季度预算调整方案');
  // And it reaches the database now. (On a busy machine the first window's autosave may already have
  // run before it closed, in which case there is nothing left to save and the status stays quiet; what
  // matters either way is that the text ends up stored.)
  await expect
    .poll(async () => {
      const rows = (await readStore(again, 'dutybook', 'monthlyRecords')) as { workItems: { content: string }[] }[];
      return rows[0]?.workItems[0]?.content ?? '';
    })
    .toBe('起草三季度预算调整方案');
});

test('a deleted work item comes back at the same place with 撤销', async ({ page, context }, testInfo) => {
  await fixClock(context);
  await setUpOfficial(page, '王五');
  await page.goto('/#/official/record/2026-03');
  for (const [n, content] of [
    [1, '第一件事'],
    [2, '第二件事'],
    [3, '第三件事'],
  ] as const) {
    await page.getByRole('button', { name: '添加工作事项' }).click();
    await page.getByLabel(`第${n}项 工作内容`).fill(content);
  }
  await page.getByRole('button', { name: '删除第2项工作' }).click();
  await expect(page.getByLabel('第2项 工作内容')).toHaveValue('第三件事');
  await expect(page.getByText('已删除第2项工作')).toBeVisible();
  await snap(page, testInfo, 'official-13-undo-snackbar');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByLabel('第1项 工作内容')).toHaveValue('第一件事');
  await expect(page.getByLabel('第2项 工作内容')).toHaveValue('第二件事');
  await expect(page.getByLabel('第3项 工作内容')).toHaveValue('第三件事');

  // Ctrl+Z does the same while the message shows (outside a text field).
  await page.getByRole('button', { name: '删除第1项工作' }).click();
  await expect(page.getByLabel('第1项 工作内容')).toHaveValue('第二件事');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('第1项 工作内容')).toHaveValue('第一件事');
  await saved(page);
  const rows = (await readStore(page, 'dutybook', 'monthlyRecords')) as { workItems: { content: string }[] }[];
  expect(rows[0]?.workItems.map((w) => w.content)).toEqual(['第一件事', '第二件事', '第三件事']);
});

test('a diary keeper writes entries and rolls them up into the month, confirming the items', async ({ page, context }, testInfo) => {
  await fixClock(context);
  await setUpOfficial(page, '赵六');
  // The unit's configuration says 日记 (it would arrive with HR's configuration bundle).
  const config = { ...presetConfig('hubei'), recordMode: 'daily' as const };
  await putRow(page, 'dutybook', 'settings', { key: 'config', value: { basedOn: 'hubei', config, savedAt: TODAY.toISOString() }, updatedAt: TODAY.toISOString() });
  await page.goto('/#/official');
  await tab(page, '日记/周记').click();
  await expect(page.getByRole('heading', { name: '2026年4月日记' })).toBeVisible();

  await page.getByLabel('新记录 日期').fill('2026-04-02');
  await page.getByLabel('新记录 工作内容').fill('起草一季度预算执行分析');
  await page.getByRole('button', { name: '添加记录' }).click();
  await expect(page.getByLabel('4月2日 工作内容')).toHaveValue('起草一季度预算执行分析');
  // A date that does not exist is refused in Chinese; what was typed stays.
  await page.getByLabel('新记录 日期').fill('2026-04-31');
  await page.getByLabel('新记录 工作内容').fill('修改一季度预算执行分析');
  await page.getByRole('button', { name: '添加记录' }).click();
  await expect(page.getByText('记实日期不是有效日期', { exact: true })).toBeVisible();
  await expect(page.getByLabel('新记录 工作内容')).toHaveValue('修改一季度预算执行分析');
  await page.getByLabel('新记录 日期').fill('2026-04-09');
  await pick(page, '新记录 完成情况', '已完成');
  await page.getByRole('button', { name: '添加记录' }).click();
  await expect(page.getByLabel('4月9日 工作内容')).toHaveValue('修改一季度预算执行分析');
  await snap(page, testInfo, 'official-14-journal');

  await page.getByRole('button', { name: '汇总到本月记实簿' }).click();
  const dialog = page.getByRole('dialog', { name: '汇总到4月记实簿' });
  await expect(dialog.getByRole('list', { name: '汇总预览' }).getByRole('listitem')).toHaveCount(2);
  await snap(page, testInfo, 'official-15-journal-rollup');
  await dialog.getByRole('button', { name: '确认汇总' }).click();
  await page.getByRole('link', { name: '打开本月记实簿' }).click();
  await expect(page.getByLabel('第1项 工作内容')).toHaveValue('起草一季度预算执行分析');
  await expect(page.getByLabel('第2项 工作内容')).toHaveValue('修改一季度预算执行分析');
  await expect(page.getByText('由日记/周记汇总').first()).toBeVisible();
});
