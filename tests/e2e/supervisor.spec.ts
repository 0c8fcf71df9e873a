import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './helpers';
import { carry, nav, pick, setUpOrganisation, snap } from './devices';

/**
 * The supervisor's year in one journey across three devices, every decision carried on a "USB stick"
 * (a folder): the official submits a plan and two months → the supervisor approves the plan, returns
 * one month, evaluates the quarter, records a talk and signs the register → bundles to the official
 * and to HR → the official sees it all, fixes the month and signs their words → back to the supervisor.
 */

const tab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name }).click();

async function writeMonth(o: Page, month: number, content: string) {
  await tab(o, '记实簿');
  await o.getByRole('link', { name: `填写${month}月记实簿` }).click();
  await o.getByRole('button', { name: '添加工作事项' }).click();
  await o.getByLabel('第1项 工作内容').fill(content);
  await o.getByLabel('第1项 工作进度').fill('按计划推进');
  await pick(o, '第1项 完成情况', '已完成');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交记实簿' }).click();
  await o
    .getByRole('dialog', { name: `提交${month}月记实簿` })
    .getByRole('button', { name: '提交记实簿' })
    .click();
  await expect(o.getByTestId('locked-banner')).toBeVisible();
}

test('plan approved, a month returned and fixed, the quarter evaluated, a talk acknowledged, the register filed to HR', async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-usb-'));
  const { hr, sup, off } = await setUpOrganisation(browser, dir);
  const o = off.page;
  const s = sup.page;

  // ---- The official submits the plan and January and February.
  await nav(o, '我的平时考核');
  await tab(o, '年度工作计划');
  await o.getByLabel('第1项 工作任务').fill('编制2027年度市级部门预算草案');
  await o.getByLabel('第1项 目标要求').fill('按时完成42家一级预算单位预算编审');
  await o.getByLabel('第1项 完成时限').fill('2026-11-30');
  await o.getByLabel('第1项 对应岗位职责/能力席位标准').fill('岗位职责:部门预算编制审核');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交核准' }).click();
  await o.getByRole('dialog', { name: '提交年度工作计划' }).getByRole('button', { name: '提交核准' }).click();
  await expect(o.getByTestId('state-chip')).toHaveText('已提交核准');
  await writeMonth(o, 1, '审核42家单位2027年预算"一上"数据');
  await writeMonth(o, 2, '清理2025年以前暂付款');
  await carry(o, s, dir, /^李四\(我的主管领导\)/);

  // ---- The supervisor's overview: the plan awaits 核准.
  await nav(s, '领导评鉴');
  await expect(s.getByText('核准计划').first()).toBeVisible();
  await expect(s.getByRole('table', { name: '团队平时考核情况' })).toContainText('张三');
  await snap(s, testInfo, 'supervisor-01-overview');

  // ---- 核准 the plan.
  await s.getByRole('link', { name: '查看张三的平时考核材料' }).click();
  await expect(s.getByText('第1版', { exact: false }).first()).toBeVisible();
  await s.getByRole('button', { name: '核准', exact: true }).click();
  const approve = s.getByRole('dialog', { name: /核准张三的2026年度个人工作计划/ });
  await approve.getByLabel('核准意见(选填)').fill('同意,请按计划推进');
  await snap(s, testInfo, 'supervisor-02-approve-dialog');
  await approve.getByRole('button', { name: '核准' }).click();
  await expect(approve).toHaveCount(0);
  await expect(s.getByText('核准意见:同意,请按计划推进')).toBeVisible();

  // ---- 退回 February with a reason (an empty reason is refused first).
  await s.getByRole('tab', { name: '记实簿' }).click();
  await s
    .getByRole('button', { name: '查看2月记实簿' })
    .or(s.getByRole('link', { name: '查看2月记实簿' }))
    .click();
  await expect(s.getByText('清理2025年以前暂付款')).toBeVisible();
  await s.getByRole('button', { name: '退回', exact: true }).click();
  const ret = s.getByRole('dialog', { name: '退回张三的2月记实簿' });
  await ret.getByRole('button', { name: '退回' }).click();
  await expect(ret).toContainText('请填写退回原因');
  await ret.getByLabel('退回原因').fill('请补充暂付款清理的具体户数和金额');
  await snap(s, testInfo, 'supervisor-03-return-month');
  await ret.getByRole('button', { name: '退回' }).click();
  await expect(ret).toHaveCount(0);
  await expect(s.getByText('请补充暂付款清理的具体户数和金额')).toBeVisible();

  // ---- 领导评鉴 for the first quarter: a grade, 群众意见, 评鉴意见; the evidence beside it.
  await s.getByRole('tab', { name: '季度评鉴' }).click();
  await s.getByRole('link', { name: '进行领导评鉴' }).first().click();
  await expect(s.getByRole('heading', { name: '张三 2026年第1季度领导评鉴' })).toBeVisible();
  await expect(s.getByText('审核42家单位2027年预算"一上"数据')).toBeVisible();
  await s.getByRole('radio', { name: '定性评鉴' }).check();
  await s.getByLabel('评鉴等次').selectOption({ label: '好' });
  await s.getByLabel('征求意见人数').fill('6');
  await s.getByLabel('征求意见范围').fill('预算管理科全体干部');
  await s.getByLabel('意见要点').fill('工作主动,业务熟练');
  // Signing with the 评鉴意见 missing is refused; nothing typed is lost.
  await s.getByRole('button', { name: '签署评鉴' }).click();
  await expect(s.getByText('请填写评鉴意见').first()).toBeVisible();
  await expect(s.getByLabel('意见要点')).toHaveValue('工作主动,业务熟练');
  await s.getByLabel('评鉴意见', { exact: true }).fill('较好完成一季度预算编审任务,工作扎实');
  await snap(s, testInfo, 'supervisor-04-evaluation-form');
  await s.getByRole('button', { name: '签署评鉴' }).click();
  await s.getByRole('dialog', { name: '签署领导评鉴' }).getByRole('button', { name: '确认签署' }).click();
  await expect(s.getByText('已签署 第1版').first()).toBeVisible();
  await snap(s, testInfo, 'supervisor-05-evaluation-signed');

  // ---- 个人谈话.
  await s.getByRole('button', { name: '记录反馈' }).first().click();
  const fb = s.getByRole('dialog', { name: '评鉴结果反馈:张三 第1季度' });
  await fb.getByRole('radio', { name: '个人谈话' }).check();
  await fb.getByLabel('日期').fill('2026-04-14');
  await fb.getByLabel('地点').fill('预算管理科办公室');
  await fb.getByLabel('参加人员').fill('李四、张三');
  await fb.getByLabel('反馈内容').fill('肯定一季度预算编审工作');
  await fb.getByLabel('需要改进的方面').fill('加强政策学习,提高文稿质量');
  await snap(s, testInfo, 'supervisor-06-feedback');
  await fb.getByRole('button', { name: '保存反馈' }).click();
  await expect(fb).toHaveCount(0);
  await expect(s.getByText('个人谈话 · 2026-04-14').first()).toBeVisible();

  // ---- 平时考核备案登记表: 审核 and sign.
  await nav(s, '领导评鉴');
  await s.getByRole('link', { name: /第1季度备案登记表/ }).click();
  await expect(s.getByRole('heading', { name: '2026年第1季度平时考核备案登记表' })).toBeVisible();
  const register = s.getByRole('table', { name: '平时考核备案登记表' });
  await expect(register).toContainText('张三');
  await expect(register).toContainText('个人谈话');
  await s.getByLabel('审核意见').fill('经审核,评鉴结果客观公正');
  await s.getByRole('button', { name: '审核并签署' }).click();
  await s
    .getByRole('dialog', { name: '审核并签署备案登记表' })
    .getByRole('button', { name: '确认签署' })
    .click();
  await expect(s.getByText('已签署 第1版').first()).toBeVisible();
  await snap(s, testInfo, 'supervisor-07-register-signed');

  // ---- Supervisor → official, supervisor → HR.
  await carry(s, o, dir, /^张三/);
  await carry(s, hr.page, dir, /^王人事\(人事部门\)/);
  const registers = (await readStore(hr.page, 'dutybook', 'registers')) as {
    version: number;
    entries: { name: string }[];
  }[];
  expect(registers.map((r) => [r.version, r.entries.map((e) => e.name)])).toEqual([[1, ['张三']]]);
  const hrFacts = (await readStore(hr.page, 'dutybook', 'facts')) as { type: string }[];
  expect(new Set(hrFacts.map((f) => f.type))).toEqual(
    new Set([
      'plan.version',
      'record.version',
      'plan.approval',
      'record.return',
      'evaluation',
      'feedback',
      'register',
    ]),
  );

  // ---- The official sees the approval, the returned month, the result and the talk.
  await nav(o, '我的平时考核');
  await tab(o, '年度工作计划');
  await expect(o.getByTestId('state-chip')).toHaveText('已核准');
  await expect(o.getByText('同意,请按计划推进')).toBeVisible();
  await snap(o, testInfo, 'supervisor-08-official-plan-approved');
  await tab(o, '评鉴结果');
  await expect(o.getByText('较好完成一季度预算编审任务,工作扎实')).toBeVisible();
  await expect(o.getByText('肯定一季度预算编审工作')).toBeVisible();
  await o.getByLabel('签署意见').fill('同意评鉴意见,今后加强政策学习');
  await o.getByRole('button', { name: '签署', exact: true }).click();
  await o.getByRole('dialog', { name: '签署意见' }).getByRole('button', { name: '确认签署' }).click();
  await expect(o.getByText('将在下次同步时送达主管领导').first()).toBeVisible();
  await snap(o, testInfo, 'supervisor-09-official-results');
  // February: returned with the reason; fixed and submitted again.
  await tab(o, '记实簿');
  await o
    .getByRole('link', { name: '填写2月记实簿' })
    .or(o.getByRole('link', { name: '修改2月记实簿' }))
    .click();
  await expect(o.getByText('请补充暂付款清理的具体户数和金额')).toBeVisible();
  await snap(o, testInfo, 'supervisor-10-official-month-returned');
  await o.getByLabel('第1项 工作进度').fill('已清理暂付款37户,金额1.2亿元');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交记实簿' }).click();
  await o.getByRole('dialog', { name: '提交2月记实簿' }).getByRole('button', { name: '提交记实簿' }).click();
  await expect(o.getByTestId('locked-banner')).toBeVisible();

  // ---- Back to the supervisor: February version 2 and the official's words.
  await carry(o, s, dir, /^李四\(我的主管领导\)/);
  await nav(s, '领导评鉴');
  await s.getByRole('link', { name: '查看张三的平时考核材料' }).click();
  await s.getByRole('tab', { name: '记实簿' }).click();
  await s
    .getByRole('button', { name: '查看2月记实簿' })
    .or(s.getByRole('link', { name: '查看2月记实簿' }))
    .click();
  await expect(s.getByText('已清理暂付款37户,金额1.2亿元')).toBeVisible();
  await s.getByRole('tab', { name: '季度评鉴' }).click();
  await expect(s.getByText('本人签署意见:同意评鉴意见,今后加强政策学习')).toBeVisible();
  await snap(s, testInfo, 'supervisor-11-acknowledged');

  for (const d of [hr, sup, off]) await d.context.close();
});
