import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readStore } from './helpers';
import { carry, exportTo, nav, openSync, saveDownload, setUpOrganisation, snap, upload } from './devices';

/**
 * HR's year across three devices: a custom indicator template travels in the next roster; the
 * supervisor's bundle arrives through 接收数据包 (with junk beside it); HR files the plan, the
 * completeness grid changes, the receipt reaches the official as 已备案; the annual worksheet exports.
 */

const hrTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name }).click();

test('rules in the roster, a folder of bundles, filing with receipts, the grid and the annual worksheet', async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-usb-'));
  const { hr, sup, off } = await setUpOrganisation(browser, dir);
  const h = hr.page;
  const s = sup.page;
  const o = off.page;

  // ---- A custom indicator template: 工作数量 split in two, weights fixed after a refusal.
  await nav(h, '人事管理');
  await hrTab(h, '考核办法');
  await expect(h.getByText('分级分类量化考核指标体系').first()).toBeVisible();
  await h.getByRole('button', { name: '添加下级:指标2.1' }).click();
  await h.getByLabel('指标2.1.1 名称').fill('办理公文数量');
  await h.getByRole('button', { name: '添加同级:指标2.1.1' }).click();
  await h.getByLabel('指标2.1.2 名称').fill('会议筹备次数');
  await h.getByLabel('指标2.1.2 权重').fill('30');
  await expect(h.getByTestId('rules-issues')).toContainText('“工作数量”下各项指标权重之和应为100,当前为130');
  await snap(h, testInfo, 'hr-01-rules-weights-wrong');
  await h.getByLabel('指标2.1.1 权重').fill('70');
  await expect(h.getByText('没有发现问题,可以保存。')).toBeVisible();
  await h.getByRole('button', { name: '保存为新版本' }).click();
  await expect(h.getByTestId('rules-version').first()).toContainText('第2版');
  await snap(h, testInfo, 'hr-02-rules-saved');

  // ---- The next roster carries it to both devices.
  await hrTab(h, '单位和人员');
  await h.getByRole('button', { name: '签发人员名册' }).click();
  await expect(h.getByTestId('roster-version')).toContainText('当前为第2版');
  for (const [page, who] of [
    [o, /^张三/],
    [s, /^李四/],
  ] as const) {
    await carry(h, page, dir, who);
  }
  const rosters = (await readStore(s, 'dutybook', 'rosters')) as {
    version: number;
    signed: { roster: { config: string } };
  }[];
  const latest = rosters.sort((a, b) => b.version - a.version)[0]!;
  expect(latest.version).toBe(2);
  expect(latest.signed.roster.config).toContain('会议筹备次数');

  // ---- The official submits a plan; the supervisor approves it.
  await nav(o, '我的平时考核');
  await o
    .getByRole('navigation', { name: '平时考核分项' })
    .getByRole('tab', { name: '年度工作计划' })
    .click();
  await o.getByLabel('第1项 工作任务').fill('编制2027年度市级部门预算草案');
  await o.getByLabel('第1项 目标要求').fill('按时完成42家一级预算单位预算编审');
  await o.getByLabel('第1项 完成时限').fill('2026-11-30');
  await o.getByLabel('第1项 对应岗位职责/能力席位标准').fill('岗位职责:部门预算编制审核');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交核准' }).click();
  await o.getByRole('dialog', { name: '提交年度工作计划' }).getByRole('button', { name: '提交核准' }).click();
  await carry(o, s, dir, /^李四\(我的主管领导\)/);
  await nav(s, '领导评鉴');
  await s.getByRole('link', { name: '查看张三的平时考核材料' }).click();
  await s.getByRole('button', { name: '核准', exact: true }).click();
  await s
    .getByRole('dialog', { name: /核准张三的2026年度个人工作计划/ })
    .getByRole('button', { name: '核准' })
    .click();
  await expect(s.getByText(/李四于.+核准/)).toBeVisible();

  // ---- HR's grid before: the plan has not arrived.
  await nav(h, '人事管理');
  await hrTab(h, '督促检查');
  const grid = h.getByRole('table', { name: '报送情况' });
  await expect(grid.getByRole('row', { name: /张三/ })).toContainText('未报送');

  // ---- The supervisor's bundle arrives through 接收数据包, beside a Word file and a damaged copy.
  await openSync(s);
  const fromSup = await exportTo(s, dir, /^王人事\(人事部门\)/);
  const junk = join(dir, '会议通知.docx');
  writeFileSync(junk, 'PK\u0003\u0004 not really a Word file');
  const bytes = readFileSync(fromSup);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
  const damaged = join(dir, '损坏的副本.dutybook');
  writeFileSync(damaged, bytes);
  await nav(h, '人事管理');
  await hrTab(h, '接收数据包');
  // Picked files are checked from their first bytes before any is read: a Word file among them
  // refuses the selection, naming it, and nothing is read or imported.
  await upload(h, [junk, damaged, fromSup], () => h.getByRole('button', { name: '选择文件…' }).click());
  await expect(h.getByText(/所选文件“会议通知\.docx”开头的标识不是履责记实的数据包/)).toBeVisible();
  await expect(h.getByRole('table', { name: '接收报告' })).toHaveCount(0);
  await upload(h, [damaged, fromSup], () => h.getByRole('button', { name: '选择文件…' }).click());
  const report = h.getByRole('table', { name: '接收报告' });
  await expect(report.getByRole('row', { name: /损坏的副本/ })).toContainText('拒绝');
  await expect(
    report.getByRole('row', { name: new RegExp(fromSup.split('/').pop()!.replace(/[.()]/g, '\\$&')) }),
  ).toContainText('已导入');
  await snap(h, testInfo, 'hr-03-intake-report');

  // ---- The grid changes: 已核准; then 备案 and it is 已备案.
  await hrTab(h, '督促检查');
  await expect(grid.getByRole('row', { name: /张三/ })).toContainText('已核准');
  await snap(h, testInfo, 'hr-04-tracking-approved');
  await hrTab(h, '备案');
  await h
    .getByTestId(/^pending-plan-/)
    .getByRole('button', { name: /^备案:/ })
    .click();
  await h
    .getByRole('dialog', { name: /确认备案/ })
    .getByRole('button', { name: '确认备案' })
    .click();
  await expect(h.getByRole('table', { name: '已备案' })).toContainText('张三');
  await snap(h, testInfo, 'hr-05-filed');
  await hrTab(h, '督促检查');
  await expect(grid.getByRole('row', { name: /张三/ })).toContainText('已备案');
  await snap(h, testInfo, 'hr-06-tracking-filed');

  // ---- The receipt travels to the official: 已备案.
  await carry(h, o, dir, /^张三/);
  await nav(o, '我的平时考核');
  await o
    .getByRole('navigation', { name: '平时考核分项' })
    .getByRole('tab', { name: '年度工作计划' })
    .click();
  await expect(o.getByTestId('state-chip')).toContainText('已备案');
  await snap(o, testInfo, 'hr-07-official-filed');

  // ---- The annual worksheet, exported to Excel.
  await nav(h, '人事管理');
  await hrTab(h, '年度考核');
  await expect(h.getByRole('table').filter({ hasText: '张三' }).first()).toContainText('不符合条件');
  const xlsx = await saveDownload(h, dir, () => h.getByRole('button', { name: '导出 Excel' }).click());
  expect(xlsx).toMatch(/\.xlsx$/);
  expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  await snap(h, testInfo, 'hr-08-annual');

  for (const d of [hr, sup, off]) await d.context.close();
});
