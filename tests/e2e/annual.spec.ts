import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readStore } from './helpers';
import {
  addPerson,
  answerPassphrase,
  carry,
  exportTo,
  importFiles,
  item,
  nav,
  newDevice,
  openSync,
  saveDownload,
  upload,
  type Device,
} from './devices';

/**
 * The annual assessment (年度考核) across devices, every record carried on a "USB stick" (a folder):
 * three officials — 张三 evaluated 定量, 赵六 定性, 孙七 joined in July — write their 年度个人总结 → the
 * supervisor 李四 writes each 评语和考核等次建议 → HR decides the 等次 within a quota, with a tie at its
 * edge decided by the 考核委员会 → each official signs 本人意见 (孙七 有异议) → HR sees the 复核 request.
 */

const DECEMBER = new Date('2026-12-18T10:00:00+08:00');

async function device(browser: Browser, name: string, unit: string, roles: string[], rank = '一级科员'): Promise<Device> {
  const d = await newDevice(browser, name, unit, roles, rank);
  await d.context.clock.setFixedTime(DECEMBER);
  await d.page.reload();
  return d;
}

type Org = { hr: Device; sup: Device; officials: Record<'张三' | '赵六' | '孙七', Device>; dir: string };

/** HR, the supervisor and three officials: the organisation, keys, the roster and trust in HR's key. */
async function setUp(browser: Browser): Promise<Org> {
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-usb-'));
  const hr = await device(browser, '王人事', '人事科', ['人事部门'], '一级主任科员');
  const sup = await device(browser, '李四', '预算科', ['主管领导'], '乡科级正职');
  const officials = {
    张三: await device(browser, '张三', '预算科', []),
    赵六: await device(browser, '赵六', '预算科', []),
    孙七: await device(browser, '孙七', '预算科', []),
  };
  const h = hr.page;
  await nav(h, '人事管理');
  await h.getByLabel('单位名称').fill('某市财政局');
  await h.getByRole('button', { name: '建立单位并生成人事部门密钥' }).click();
  await answerPassphrase(h, true);
  await expect(h.getByRole('heading', { name: '人事管理 · 某市财政局' })).toBeVisible();
  await h.getByRole('button', { name: '添加下级单位:某市财政局' }).click();
  await h.getByRole('dialog').getByLabel('单位名称').fill('预算管理科');
  await h.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  for (const p of [
    { name: '李四', rank: '乡科级正职', roles: ['主管领导'] },
    { name: '张三', rank: '一级科员', roles: [], supervisor: '李四', joinedOn: '2020-03-01' },
    { name: '赵六', rank: '一级科员', roles: [], supervisor: '李四', joinedOn: '2019-09-01' },
    { name: '孙七', rank: '一级科员', roles: [], supervisor: '李四', joinedOn: '2026-07-01' },
  ]) {
    const dialog = await addPerson(h, p);
    if (p.joinedOn) await dialog.getByLabel('入职(调入)日期').fill(p.joinedOn);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }
  const requests: string[] = [];
  for (const d of [sup, ...Object.values(officials)]) {
    await openSync(d.page, true);
    requests.push(await saveDownload(d.page, dir, () => d.page.getByRole('button', { name: '生成注册申请' }).click()));
  }
  await nav(h, '人事管理');
  await upload(h, requests, () => h.getByRole('button', { name: '导入注册申请' }).click());
  for (const name of ['李四', '张三', '赵六', '孙七']) {
    const row = h.getByRole('group', { name: `注册申请:${name}` });
    await row.getByRole('button', { name: '绑定' }).click();
    await expect(row).toContainText(`已绑定到 ${name},待签发`);
  }
  await h.getByRole('button', { name: '签发人员名册' }).click();
  await expect(h.getByTestId('roster-version')).toContainText('当前为第1版');
  await openSync(h);
  const hrFp = (await h.getByTestId('pinned-hr-fingerprint').textContent())!;
  for (const [name, d] of [['李四', sup], ...Object.entries(officials)] as const) {
    await openSync(h);
    const file = await exportTo(h, dir, new RegExp(`^${name}`));
    const section = await importFiles(d.page, [file]);
    const trust = d.page.getByRole('region', { name: '信任人事部门' });
    await trust.getByLabel('请输入书面通知上的指纹').fill(hrFp);
    await trust.getByRole('button', { name: '核对并确认' }).click();
    const it = item(section, file);
    await it.getByRole('button', { name: '确认导入' }).click();
    await expect(it.getByTestId('import-outcome')).toContainText('人员名册更新为第1版');
  }
  return { hr, sup, officials, dir };
}

async function personId(page: Page, name: string): Promise<string> {
  const people = (await readStore(page, 'dutybook', 'people')) as { id: string; name: string }[];
  const p = people.find((x) => x.name === name);
  if (!p) throw new Error(`${name} is not in the roster this device holds`);
  return p.id;
}

/** The supervisor's 领导评鉴 of one quarter: 定量 (every indicator scored) or 定性 (a grade). */
async function evaluate(s: Page, name: string, quarter: number, how: { score: number } | { grade: string }) {
  await s.goto(`/#/supervisor/evaluate/${await personId(s, name)}/2026/${quarter}`);
  await expect(s.getByRole('heading', { name: `${name} 2026年第${quarter}季度领导评鉴` })).toBeVisible();
  if ('score' in how) {
    await s.getByRole('radio', { name: '定量评鉴' }).check();
    const inputs = s.locator('input[data-score]');
    await expect(inputs.first()).toBeVisible();
    for (const input of await inputs.all()) await input.fill(String(how.score));
  } else {
    await s.getByRole('radio', { name: '定性评鉴' }).check();
    await s.getByLabel('评鉴等次').selectOption({ label: how.grade });
  }
  await s.getByLabel('征求意见人数').fill('5');
  await s.getByLabel('征求意见范围').fill('预算管理科全体干部');
  await s.getByLabel('意见要点').fill('工作主动');
  await s.getByLabel('评鉴意见', { exact: true }).fill(`${name}第${quarter}季度工作扎实`);
  await s.getByRole('button', { name: '签署评鉴' }).click();
  await s.getByRole('dialog', { name: '签署领导评鉴' }).getByRole('button', { name: '确认签署' }).click();
  await expect(s.getByText('已签署 第1版').first()).toBeVisible();
}

test('the annual assessment from the officials’ 年度个人总结 to HR’s 等次 and the 复核 request', async ({ browser }) => {
  test.setTimeout(600_000);
  const { hr, sup, officials, dir } = await setUp(browser);
  const s = sup.page;

  // ---- The year's 领导评鉴 (Q4 is folded into the annual assessment under the preset).
  await nav(s, '领导评鉴');
  for (const q of [1, 2, 3]) await evaluate(s, '张三', q, { score: 95 });
  for (const q of [1, 2, 3]) await evaluate(s, '赵六', q, { grade: '好' });
  await evaluate(s, '孙七', 3, { grade: '较好' });
  await carry(s, hr.page, dir, /^王人事\(人事部门\)/);
  const evaluations = (await readStore(hr.page, 'dutybook', 'evaluations')) as unknown[];
  expect(evaluations).toHaveLength(7);
  void officials;
});
