import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { carry, nav, setUpOrganisation, snap } from './devices';

/**
 * 不予备案 across three devices: the official's approved plan reaches HR, HR refuses it with a reason
 * (an empty reason is refused first, in Chinese), and the supervisor's device shows the refusal, its
 * reason, date and what to do next after importing HR's bundle; so does the official's.
 */

const hrTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name }).click();

test('HR refuses a plan with a reason; the supervisor and the official see it', async ({ browser }, testInfo) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-usb-'));
  const { hr, sup, off } = await setUpOrganisation(browser, dir);
  const h = hr.page;
  const s = sup.page;
  const o = off.page;

  await nav(o, '我的平时考核');
  await o.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name: '年度工作计划' }).click();
  await o.getByLabel('第1项 工作任务').fill('编制2027年度市级部门预算草案');
  await o.getByLabel('第1项 目标要求').fill('按时完成预算编审');
  await o.getByLabel('第1项 完成时限').fill('2026-11-30');
  await o.getByLabel('第1项 对应岗位职责/能力席位标准').fill('岗位职责:部门预算编制审核');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交核准' }).click();
  await o.getByRole('dialog', { name: '提交年度工作计划' }).getByRole('button', { name: '提交核准' }).click();
  await carry(o, s, dir, /^李四\(我的主管领导\)/);
  await nav(s, '领导评鉴');
  await s.getByRole('link', { name: '查看张三的平时考核材料' }).click();
  await s.getByRole('button', { name: '核准', exact: true }).click();
  await s.getByRole('dialog', { name: /核准张三的2026年度个人工作计划/ }).getByRole('button', { name: '核准' }).click();
  await expect(s.getByText(/李四于.+核准/)).toBeVisible();
  await carry(s, h, dir, /^王人事\(人事部门\)/);

  // ---- HR: 不予备案 needs a reason.
  await nav(h, '人事管理');
  await hrTab(h, '备案');
  await h.getByTestId(/^pending-plan-/).getByRole('button', { name: /^不予备案:/ }).click();
  const dialog = h.getByRole('dialog', { name: '不予备案(退回)' });
  await dialog.getByRole('button', { name: '确认不予备案' }).click();
  await expect(dialog.getByText('请填写不予备案的原因')).toBeVisible();
  await dialog.getByLabel(/不予备案的原因/).fill('目标要求缺少量化指标,请写明编审的单位数和完成时点');
  await snap(h, testInfo, 'refusal-01-hr-dialog');
  await dialog.getByRole('button', { name: '确认不予备案' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(h.getByRole('table', { name: '不予备案(已退回)' })).toContainText('目标要求缺少量化指标');
  await expect(h.getByTestId(/^pending-plan-/)).toHaveCount(0);
  await snap(h, testInfo, 'refusal-02-hr-refused');

  // ---- The refusal travels to the supervisor: on the 待办 page, with the reason and what next.
  await carry(h, s, dir, /^李四/);
  await nav(s, '领导评鉴');
  const notice = s.getByTestId('team-refusals');
  await expect(notice).toContainText('人事部门不予备案(已退回):张三的2026年个人年度工作计划(第1版)');
  await expect(notice).toContainText('原因:目标要求缺少量化指标');
  await expect(notice).toContainText('张三重新提交后,请重新核准');
  await snap(s, testInfo, 'refusal-03-supervisor-todo');

  // ---- And to the official: the plan is 已退回 with the reason, editable again.
  await carry(h, o, dir, /^张三/);
  await nav(o, '我的平时考核');
  await expect(o.getByTestId('filing-refusal')).toContainText('请本人按退回原因修改个人年度工作计划后重新提交');
  await snap(o, testInfo, 'refusal-04-official-home');
});
