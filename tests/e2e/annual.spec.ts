import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { MARGIN_MM, PAGE_MM } from '../../shared/documents/layout';
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
  snap,
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
const run = promisify(execFile);

async function device(
  browser: Browser,
  name: string,
  unit: string,
  roles: string[],
  rank = '一级科员',
): Promise<Device> {
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
  await hrTab(h, '单位和人员');
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
    requests.push(
      await saveDownload(d.page, dir, () => d.page.getByRole('button', { name: '生成注册申请' }).click()),
    );
  }
  await nav(h, '人事管理');
  await hrTab(h, '单位和人员');
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

const officialTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name }).click();
const hrTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name, exact: true }).click();

test('the annual assessment from the officials’ 年度个人总结 to HR’s 等次 and the 复核 request', async ({
  browser,
}, testInfo) => {
  test.setTimeout(900_000);
  const { hr, sup, officials, dir } = await setUp(browser);
  const s = sup.page;
  const h = hr.page;

  // ---- The year's 领导评鉴 (Q4 is folded into the annual assessment under the preset).
  await nav(s, '领导评鉴');
  for (const q of [1, 2, 3]) await evaluate(s, '张三', q, { score: 95 });
  for (const q of [1, 2, 3]) await evaluate(s, '赵六', q, { grade: '好' });
  await evaluate(s, '孙七', 3, { grade: '较好' });

  // ---- Each official writes and submits the 年度个人总结; it reaches the supervisor.
  for (const [name, d] of Object.entries(officials)) {
    const o = d.page;
    await nav(o, '我的平时考核');
    await officialTab(o, '年度考核');
    await expect(o.getByRole('heading', { name: '2026年度个人总结' })).toBeVisible();
    await o
      .getByRole('textbox', { name: '个人总结', exact: true })
      .fill(`${name}2026年度个人总结:认真履行岗位职责,完成年度工作计划确定的各项任务,全年无差错。`);
    await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
    await o.getByRole('button', { name: '提交个人总结' }).click();
    await o
      .getByRole('dialog', { name: '提交2026年度个人总结' })
      .getByRole('button', { name: '提交个人总结' })
      .click();
    await expect(o.getByText('2026年度个人总结已提交').first()).toBeVisible();
    if (name === '张三') await snap(o, testInfo, 'annual-01-official-summary');
    await carry(o, s, dir, /^李四\(我的主管领导\)/);
  }

  // ---- The supervisor writes each 评语和考核等次建议 beside the 年度个人总结 and signs it.
  for (const [name, suggestion] of [
    ['张三', '优秀'],
    ['赵六', '优秀'],
    ['孙七', '称职'],
  ] as const) {
    await s.goto(`/#/supervisor/annual/${await personId(s, name)}/2026`);
    await expect(s.getByRole('heading', { name: `${name} 2026年度考核评语和等次建议` })).toBeVisible();
    await expect(s.getByText(`${name}2026年度个人总结:认真履行岗位职责`)).toBeVisible();
    await s
      .getByRole('textbox', { name: '评语', exact: true })
      .fill(`${name}同志政治立场坚定,工作勤勉,较好完成全年任务。`);
    await s.getByRole('radio', { name: suggestion, exact: true }).check();
    if (name === '张三') await snap(s, testInfo, 'annual-02-supervisor-comment');
    await s.getByRole('button', { name: '签署评语和建议' }).click();
    await s
      .getByRole('dialog', { name: '签署评语和考核等次建议' })
      .getByRole('button', { name: '签署', exact: true })
      .click();
    await expect(s.getByText('已签署 第1版').first()).toBeVisible();
  }
  await carry(s, h, dir, /^王人事\(人事部门\)/);
  const evaluations = await readStore(h, 'dutybook', 'evaluations');
  expect(evaluations).toHaveLength(7);
  expect(await readStore(h, 'dutybook', 'annualSummaries')).toHaveLength(3);
  expect(await readStore(h, 'dutybook', 'annualComments')).toHaveLength(3);

  // ---- HR: the linkage ranks 定量 and 定性 together; the group is too small to mark anyone 靠后;
  // one 优秀 place is saved for the unit, and 张三 and 赵六 (both 好 in every quarter) tie for it.
  await nav(h, '人事管理');
  await hrTab(h, '年度考核');
  await expect(h.getByText('参加排序人数不足').first()).toBeVisible();
  await h.getByLabel('预算管理科优秀名额').fill('1');
  await h.getByLabel('预算管理科优秀名额').press('Enter');
  await expect(h.getByText('已保存预算管理科2026年度优秀名额1个').first()).toBeVisible();
  // Until the 考核委员会 decides the tie, the 公示 names neither.
  await hrTab(h, '公示');
  await expect(h.getByText('张三、赵六并列于优秀名额或分值靠后的界线')).toBeVisible();
  await hrTab(h, '考核结果');
  const table = h.getByRole('table', { name: '预算管理科年度考核结果' });
  await expect(table).toContainText('张三');
  await expect(table).toContainText('孙七');
  await snap(h, testInfo, 'annual-03-hr-decisions');

  const decide = async (name: string) => {
    await h.getByRole('button', { name: `确定${name}的年度考核结果` }).click();
    const dialog = h.getByRole('dialog', { name: `确定${name}2026年度考核结果` });
    await expect(dialog).toBeVisible();
    return dialog;
  };
  // 张三: 优秀 at the tie is refused until the committee's opinion is recorded; nothing typed is lost.
  let dialog = await decide('张三');
  await dialog.getByRole('radio', { name: '优秀', exact: true }).check();
  await dialog.getByLabel('本人意见截止日期').fill('2026-12-31');
  await dialog.getByRole('button', { name: '签署结果' }).click();
  await expect(dialog.getByTestId('decision-refused')).toBeVisible();
  await expect(dialog.getByLabel('本人意见截止日期')).toHaveValue('2026-12-31');
  await dialog.getByLabel('并列情况说明').fill('与赵六并列第1名,经考核委员会研究确定');
  await dialog.getByLabel('机关负责人或考核委员会意见').fill('经考核委员会研究,确定为优秀等次');
  await snap(h, testInfo, 'annual-04-hr-decide-tie');
  await dialog.getByRole('button', { name: '签署结果' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(h.getByText('已签署张三的年度考核结果').first()).toBeVisible();
  // 赵六: a second 优秀 is beyond the quota: refused; 称职 is signed.
  dialog = await decide('赵六');
  await dialog.getByRole('radio', { name: '优秀', exact: true }).check();
  await dialog.getByLabel('并列情况说明').fill('与张三并列第1名');
  await dialog.getByLabel('机关负责人或考核委员会意见').fill('经考核委员会研究,确定为称职等次');
  await dialog.getByLabel('本人意见截止日期').fill('2026-12-31');
  await dialog.getByRole('button', { name: '签署结果' }).click();
  await expect(dialog.getByTestId('decision-refused')).toContainText('名额');
  await dialog.getByRole('radio', { name: '称职', exact: true }).check();
  await dialog.getByRole('button', { name: '签署结果' }).click();
  await expect(dialog).toHaveCount(0);
  // 孙七 (joined in July): 称职.
  dialog = await decide('孙七');
  await dialog.getByRole('radio', { name: '称职', exact: true }).check();
  await dialog.getByLabel('机关负责人或考核委员会意见').fill('同意主管领导意见,确定为称职等次');
  await dialog.getByLabel('本人意见截止日期').fill('2026-12-31');
  await dialog.getByRole('button', { name: '签署结果' }).click();
  await expect(dialog).toHaveCount(0);
  // The decided tie reaches the 公示: 张三 is listed, 赵六 (称职) is not, nothing waits.
  await hrTab(h, '公示');
  await expect(h.getByRole('cell', { name: '张三', exact: true })).toBeVisible();
  await expect(h.getByRole('cell', { name: '赵六', exact: true })).toHaveCount(0);
  await expect(h.getByText('待考核委员会研究确定后才会列入公示名单')).toHaveCount(0);
  const decisions = (await readStore(h, 'dutybook', 'annualDecisions')) as {
    outcome: { kind: string; grade?: string };
  }[];
  expect(decisions.map((d) => d.outcome.grade).sort()).toEqual(['competent', 'competent', 'excellent']);

  // ---- The result reaches each official, who signs 本人意见; 孙七 disagrees and asks for 复核.
  for (const [name, d] of Object.entries(officials)) {
    await carry(h, d.page, dir, new RegExp(`^${name}`));
    const o = d.page;
    await nav(o, '我的平时考核');
    await officialTab(o, '年度考核');
    await expect(o.getByTestId('annual-result')).toContainText(name === '张三' ? '优秀' : '称职');
    if (name === '赵六') continue;
    if (name === '孙七') {
      await o.getByRole('radio', { name: '有异议' }).check();
      await o.getByRole('button', { name: '签署本人意见' }).click();
      await expect(o.getByText('有异议时请写明异议的内容和理由').first()).toBeVisible();
      await o.getByLabel('异议的内容和理由').fill('下半年独立承担预算绩效评价工作,请求复核');
      await snap(o, testInfo, 'annual-05-official-opinion');
    } else {
      await o.getByRole('radio', { name: '同意' }).check();
    }
    await o.getByRole('button', { name: '签署本人意见' }).click();
    await o
      .getByRole('dialog', { name: '签署本人意见' })
      .getByRole('button', { name: '签署', exact: true })
      .click();
    await expect(o.getByText('已签署本人意见').first()).toBeVisible();
    await carry(o, h, dir, /^王人事\(人事部门\)/);
  }

  // ---- HR sees 孙七's 复核 request in the official's own words.
  await nav(h, '人事管理');
  await hrTab(h, '考核结果');
  await expect(h.getByText('下半年独立承担预算绩效评价工作,请求复核')).toBeVisible();
  await expect(h.getByText('待复核1件').first()).toBeVisible();
  await snap(h, testInfo, 'annual-06-hr-review-request');

  // ---- The 登记表 of each, from HR's 全部登记表: opened with LibreOffice, one A4 sheet (front: the
  // person and the 个人总结; back: the other boxes), every word inside the margins.
  const zip = await saveDownload(h, dir, () =>
    h.getByRole('button', { name: '全部登记表（压缩包）' }).click(),
  );
  const files = Object.entries(unzipSync(readFileSync(zip))).filter(([n]) => n.endsWith('.docx'));
  const out = join(dir, 'registers');
  mkdirSync(out, { recursive: true });
  const mine: Record<string, string> = {};
  for (const name of ['张三', '赵六', '孙七']) {
    const found = files.find(([n]) => n.includes(name));
    expect(found, `${name}的登记表`).toBeDefined();
    mine[name] = join(out, `${name}.docx`);
    writeFileSync(mine[name], found![1]);
  }
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'lo')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      ...Object.values(mine),
    ],
    {
      env: { ...process.env, FONTCONFIG_FILE: resolve('tests/fonts/fonts.conf') },
      timeout: 170_000,
    },
  );
  const PT = 72 / 25.4;
  for (const [name, words] of [
    ['张三', ['经考核委员会研究,确定为优秀等次', '与赵六并列第1名']],
    ['赵六', ['经考核委员会研究,确定为称职等次']],
    ['孙七', ['下半年独立承担预算绩效评价工作,请求复核']],
  ] as const) {
    const pdf = join(out, `${name}.pdf`);
    const info = (await run('pdfinfo', [pdf])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    expect(info).toMatch(/Pages:\s+2\b/);
    const pages = (await run('pdftotext', ['-layout', pdf, '-'])).stdout
      .split('\f')
      .map((p) => p.replace(/\s+/g, ''));
    expect(pages[0]).toContain('公务员年度考核登记表');
    expect(pages[0]).toContain(name);
    expect(pages[0]).toContain('认真履行岗位职责');
    expect(pages[1]).toContain('主管领导评语和考核等次建议');
    expect(pages[1]).toContain(`${name}同志政治立场坚定`);
    for (const w of words) expect(pages[1], w).toContain(w.replace(/\s+/g, ''));
    const bbox = (await run('pdftotext', ['-bbox', pdf, '-'])).stdout;
    const boxes = [
      ...bbox.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ];
    expect(boxes.length).toBeGreaterThan(40);
    const tol = 2 * PT;
    // The page number (“— 1 —”) sits in the bottom margin, as GB/T 9704 puts it; every other word is inside.
    for (const m of boxes.filter((b) => !/^[—\d]+$/.test(b[5] ?? ''))) {
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      expect(x0, m[5]).toBeGreaterThanOrEqual(MARGIN_MM.left * PT - tol);
      expect(y0, m[5]).toBeGreaterThanOrEqual(MARGIN_MM.top * PT - tol);
      // Full-width punctuation may hang into the right margin, as Word and WPS let it.
      expect(x1, m[5]).toBeLessThanOrEqual(
        (PAGE_MM.width - MARGIN_MM.right) * PT + tol + (/[。，、；：！？）”]$/.test(m[5] ?? '') ? 16 : 0),
      );
      expect(y1, m[5]).toBeLessThanOrEqual((PAGE_MM.height - MARGIN_MM.bottom) * PT + tol);
    }
  }
});
