import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { clearStore, readStore } from './helpers';
import {
  hrPeople,
  addPerson,
  answerPassphrase,
  count,
  exportTo,
  importFiles,
  item,
  nav,
  newDevice,
  openSync,
  pick,
  saveDownload,
  snap,
  upload,
} from './devices';

/**
 * Three devices that never share a network — HR's PC, the supervisor's laptop and the official's PC,
 * each a browser context with its own storage — and real files carried between them: every bundle
 * is downloaded to a folder and uploaded through the file chooser, as a USB stick would carry it.
 */

test('HR, a supervisor and an official exchange real bundle files: enroll, trust, submit, relay', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-usb-'));

  // ---- Three devices, three first-run profiles.
  const hr = await newDevice(browser, '王人事', '人事科', ['人事部门'], '一级主任科员');
  const sup = await newDevice(browser, '李四', '预算科', ['主管领导'], '乡科级正职');
  const off = await newDevice(browser, '张三', '预算科', []);

  // ---- HR sets up the organisation: name, HR key, units as a tree, two people.
  await nav(hr.page, '人事管理');
  await expect(hr.page.getByRole('heading', { name: '建立单位' })).toBeVisible();
  await snap(hr.page, testInfo, 'sync-01-hr-setup');
  await hr.page.getByLabel('单位名称').fill('某市财政局');
  await hr.page.getByRole('button', { name: '建立单位并生成人事部门密钥' }).click();
  await answerPassphrase(hr.page, true);
  await expect(hr.page.getByRole('heading', { name: '人事管理 · 某市财政局' })).toBeVisible();
  await hrPeople(hr.page);
  await hr.page.getByRole('button', { name: '添加下级单位:某市财政局' }).click();
  await hr.page.getByRole('dialog').getByLabel('单位名称').fill('预算科');
  await hr.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await hr.page.getByRole('button', { name: '重命名:预算科' }).click();
  await hr.page.getByRole('dialog', { name: '重命名单位' }).getByLabel('单位名称').fill('预算管理科');
  await hr.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await hr.page.getByRole('button', { name: '添加下级单位:预算管理科' }).click();
  await hr.page.getByRole('dialog').getByLabel('单位名称').fill('综合组');
  await hr.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  const units = hr.page.getByRole('list', { name: '单位' });
  await expect(units.getByRole('listitem')).toHaveText([/某市财政局/, /预算管理科/, /综合组/]);

  let dialog = await addPerson(hr.page, { name: '李四', rank: '乡科级正职', roles: ['主管领导'] });
  await snap(hr.page, testInfo, 'sync-02-hr-person-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  dialog = await addPerson(hr.page, { name: '张三', rank: '一级科员', roles: [], supervisor: '李四' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toHaveCount(0);
  const people = hr.page.getByRole('grid', { name: '人员名册' });
  // The data rows (the header is a row too).
  await expect(people.locator('.MuiDataGrid-row')).toHaveCount(3);
  const zhang = people.locator('.MuiDataGrid-row').filter({ hasText: '张三' });
  await expect(zhang).toContainText('李四');
  await expect(zhang).toContainText('未登记');
  await snap(hr.page, testInfo, 'sync-03-hr-org');

  // ---- The official's and the supervisor's devices make their keys and enrollment requests.
  const offFp = await openSync(off.page, true);
  await expect(off.page.getByTestId('enrollment-status')).toContainText('尚未登记');
  const offRequest = await saveDownload(off.page, dir, () => off.page.getByRole('button', { name: '生成注册申请' }).click());
  expect(offRequest).toMatch(/张三-注册申请\.dutyenroll$/);
  await expect(off.page.getByTestId('enrollment-saved')).toContainText('已写入 下载/张三-注册申请.dutyenroll');
  await snap(off.page, testInfo, 'sync-04-official-sync-first-visit');
  const supFp = await openSync(sup.page, true);
  const supRequest = await saveDownload(sup.page, dir, () => sup.page.getByRole('button', { name: '生成注册申请' }).click());

  // ---- HR imports both requests at once, compares fingerprints, binds, issues the roster.
  await upload(hr.page, [offRequest, supRequest], () => hr.page.getByRole('button', { name: '导入注册申请' }).click());
  const offRow = hr.page.getByRole('group', { name: '注册申请:张三' });
  const supRow = hr.page.getByRole('group', { name: '注册申请:李四' });
  await expect(offRow.getByTestId('request-fingerprint')).toHaveText(offFp);
  await expect(supRow.getByTestId('request-fingerprint')).toHaveText(supFp);
  await snap(hr.page, testInfo, 'sync-05-hr-requests');
  await supRow.getByRole('button', { name: '绑定' }).click();
  await expect(supRow).toContainText('已绑定到 李四,待签发');
  await offRow.getByRole('button', { name: '绑定' }).click();
  await expect(offRow).toContainText('已绑定到 张三,待签发');
  await expect(people.getByRole('row', { name: /张三/ })).toContainText('待签发');
  await hr.page.getByRole('button', { name: '签发人员名册' }).click();
  await expect(hr.page.getByTestId('roster-version')).toContainText('当前为第1版');
  await expect(people.getByRole('row', { name: /张三/ })).toContainText('已登记');
  await snap(hr.page, testInfo, 'sync-06-hr-roster-issued');

  // ---- The printable notice: the fingerprint every device must type.
  await hr.page.getByRole('link', { name: '打印人事部门密钥指纹通知' }).click();
  await expect(hr.page.getByRole('heading', { name: '人事部门密钥指纹通知' })).toBeVisible();
  await expect(hr.page.getByText('请照本通知输入指纹,程序核对一致后才会信任人事部门密钥。')).toBeVisible();
  await expect(hr.page.getByTestId('notice-date')).toHaveText('2026年4月15日');
  const hrFp = (await hr.page.getByTestId('hr-fingerprint').textContent())!;
  expect(hrFp).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  await snap(hr.page, testInfo, 'sync-07-hr-notice');
  await hr.page.emulateMedia({ media: 'print' });
  await expect(hr.page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(hr.page.getByRole('button', { name: '打印' })).toBeHidden();
  await snap(hr.page, testInfo, 'sync-08-hr-notice-print');
  await hr.page.emulateMedia({ media: 'screen' });

  // ---- HR sends the roster to each of them.
  await openSync(hr.page);
  await expect(hr.page.getByTestId('pinned-hr-fingerprint')).toHaveText(hrFp);
  const rosterForOff = await exportTo(hr.page, dir, /^张三/);
  const rosterForSup = await exportTo(hr.page, dir, /^李四/);
  await snap(hr.page, testInfo, 'sync-09-hr-exported');

  // ---- Each device opens its roster bundle; the HR key is trusted only after typing the notice's fingerprint.
  for (const [device, file, name] of [
    [off, rosterForOff, '张三'],
    [sup, rosterForSup, '李四'],
  ] as const) {
    const page = device.page;
    const section = await importFiles(page, [file]);
    const it = item(section, file);
    await expect(it.getByTestId('import-hint')).toHaveText(`来自 王人事 发给 ${name}`);
    await expect(it.getByTestId('import-rejected')).toContainText('需要先确认人事部门的密钥');
    const trust = page.getByRole('region', { name: '信任人事部门' });
    // The incoming fingerprint is nowhere on the page until the person has typed the notice's: it
    // cannot be copied off the screen.
    await expect(trust.getByLabel('请输入书面通知上的指纹')).toBeVisible();
    await expect(trust.getByTestId('seen-hr-fingerprint')).toHaveCount(0);
    expect((await page.content()).replace(/[\s-]/g, '')).not.toContain(hrFp.replaceAll('-', ''));
    if (device === off) {
      await snap(page, testInfo, 'sync-10-official-trust-before-typing');
      // A fingerprint that does not match: both are shown, and the person is told to stop and call HR; nothing is pinned.
      await trust.getByLabel('请输入书面通知上的指纹').fill('0000-0000-0000-0000');
      await trust.getByRole('button', { name: '核对并确认' }).click();
      const mismatch = trust.getByTestId('pin-mismatch');
      await expect(mismatch).toContainText('指纹不一致:请勿确认,请立即联系人事部门');
      await expect(mismatch.getByTestId('typed-hr-fingerprint')).toHaveText('0000-0000-0000-0000');
      await expect(mismatch.getByTestId('seen-hr-fingerprint')).toHaveText(hrFp);
      expect((await readStore(page, 'dutybook', 'trust')).filter((r) => (r as { id: string }).id === 'hr')).toHaveLength(0);
      await snap(page, testInfo, 'sync-10-official-trust-mismatch');
      await trust.getByRole('button', { name: '重新输入' }).click();
      await expect(trust.getByTestId('seen-hr-fingerprint')).toHaveCount(0);
    }
    // Typed from the notice as people type: lower case, without the dashes.
    await trust.getByLabel('请输入书面通知上的指纹').fill(hrFp.replaceAll('-', '').toLowerCase());
    await trust.getByRole('button', { name: '核对并确认' }).click();
    await expect(trust.getByTestId('pinned-hr-fingerprint')).toHaveText(hrFp);
    await expect(it.getByTestId('import-preview')).toContainText('人员名册:第1版(首次收到)');
    if (device === off) await snap(page, testInfo, 'sync-11-official-roster-preview');
    await it.getByRole('button', { name: '确认导入' }).click();
    await expect(it.getByTestId('import-outcome')).toContainText('人员名册更新为第1版');
    await expect(page.getByTestId('enrollment-status')).toContainText('已登记在人员名册(第1版)中');
  }
  await snap(off.page, testInfo, 'sync-12-official-roster-imported');

  // ---- The official writes and submits a plan and January's record book (as in official.spec.ts).
  const o = off.page;
  await nav(o, '我的平时考核');
  await o.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name: '年度工作计划' }).click();
  await o.getByLabel('第1项 工作任务').fill('编制2027年度市级部门预算草案');
  await o.getByLabel('第1项 目标要求').fill('按时完成42家一级预算单位预算编审');
  await o.getByLabel('第1项 完成时限').fill('2026-11-30');
  await o.getByLabel('第1项 对应岗位职责/能力席位标准').fill('岗位职责:部门预算编制审核');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交核准' }).click();
  await o.getByRole('dialog', { name: '提交年度工作计划' }).getByRole('button', { name: '提交核准' }).click();
  await expect(o.getByTestId('state-chip')).toHaveText('已提交核准');
  await o.getByRole('navigation', { name: '平时考核分项' }).getByRole('tab', { name: '记实簿' }).click();
  await o.getByRole('link', { name: '填写1月记实簿' }).click();
  await o.getByRole('button', { name: '添加工作事项' }).click();
  await o.getByLabel('第1项 工作内容').fill('审核42家单位2027年预算"一上"数据');
  await o.getByLabel('第1项 工作进度').fill('完成全部单位初审');
  await pick(o, '第1项 完成情况', '已完成');
  await expect(o.getByTestId('save-status').first()).toContainText('已自动保存');
  await o.getByRole('button', { name: '提交记实簿' }).click();
  await o.getByRole('dialog', { name: '提交1月记实簿' }).getByRole('button', { name: '提交记实簿' }).click();
  await expect(o.getByTestId('locked-banner')).toBeVisible();

  // ---- Official → supervisor.
  await openSync(o);
  const offToSup = await exportTo(o, dir, /^李四\(我的主管领导\)/);
  await expect(o.getByTestId('export-result')).toContainText('(2 条记录');
  await snap(o, testInfo, 'sync-13-official-export');

  const supImport = await importFiles(sup.page, [offToSup]);
  const supItem = item(supImport, offToSup);
  await expect(supItem.getByTestId('import-hint')).toHaveText('来自 张三 发给 李四');
  const preview = supItem.getByTestId('import-preview');
  await expect(preview).toContainText('新增 2 条');
  await expect(preview).toContainText('张三 · 个人年度工作计划 · 2026');
  await expect(preview).toContainText('张三 · 平时考核记实簿 · 2026-01');
  await snap(sup.page, testInfo, 'sync-14-supervisor-preview');
  await supItem.getByRole('button', { name: '确认导入' }).click();
  await expect(supItem.getByTestId('import-outcome')).toContainText('已导入:新增 2 条记录');

  // ---- Supervisor → HR (a relay: the supervisor signs the bundle, never the records).
  const supToHr = await exportTo(sup.page, dir, /^王人事\(人事部门\)/);
  await snap(sup.page, testInfo, 'sync-15-supervisor-history');

  // ---- Bad input on HR's device first, counting rows before and after.
  const before = { facts: await count(hr.page, 'facts'), bundles: await count(hr.page, 'bundles') };
  // A bundle for the official, opened by HR.
  let hrImport = await importFiles(hr.page, [rosterForOff]);
  await expect(item(hrImport, rosterForOff).getByTestId('import-outcome')).toContainText('此文件是发给 张三 的');
  await snap(hr.page, testInfo, 'sync-16-hr-wrong-recipient');
  // A corrupted copy: one byte in the middle flipped on the way.
  const bytes = readFileSync(supToHr);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x20;
  const corrupted = join(dir, '损坏的副本.dutybook');
  writeFileSync(corrupted, bytes);
  hrImport = await importFiles(hr.page, [corrupted]);
  const bad = item(hrImport, corrupted).getByTestId('import-outcome');
  await expect(bad).toContainText('数据包已损坏');
  await expect(bad).toContainText('本次没有导入任何内容');
  await snap(hr.page, testInfo, 'sync-17-hr-corrupted');
  expect({ facts: await count(hr.page, 'facts'), bundles: await count(hr.page, 'bundles') }).toEqual(before);

  // ---- The real bundle: HR gets the official's records, authored by the official.
  hrImport = await importFiles(hr.page, [supToHr]);
  const good = item(hrImport, supToHr);
  await expect(good.getByTestId('import-hint')).toHaveText('来自 李四 发给 王人事');
  await expect(good.getByTestId('import-preview')).toContainText('张三 · 平时考核记实簿 · 2026-01');
  await good.getByRole('button', { name: '确认导入' }).click();
  await expect(good.getByTestId('import-outcome')).toContainText('已导入:新增 2 条记录');
  await snap(hr.page, testInfo, 'sync-18-hr-imported');
  const afterImport = await count(hr.page, 'facts');
  expect(afterImport).toBe(before.facts + 2);

  // The same file again: already imported, nothing new.
  hrImport = await importFiles(hr.page, [supToHr]);
  await expect(item(hrImport, supToHr).getByTestId('import-outcome')).toHaveText('此数据包已导入过,没有新内容');
  expect(await count(hr.page, 'facts')).toBe(afterImport);
  await snap(hr.page, testInfo, 'sync-19-hr-already-imported');

  // History per peer.
  const history = hr.page.getByRole('region', { name: '往来记录' });
  await expect(history).toContainText('张三:发出 1 个,收到 0 个');
  await expect(history).toContainText('李四:发出 1 个,收到 1 个');

  // In HR's workspace, and straight from IndexedDB: author is the official, not the relaying supervisor.
  await nav(hr.page, '人事管理');
  await hr.page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name: '台账' }).click();
  const received = hr.page.getByRole('grid', { name: '平时考核材料台账' });
  const rows = received.locator('.MuiDataGrid-row');
  await expect(rows).toHaveCount(2);
  // One row per record, its period in words and its version.
  await expect(rows.filter({ hasText: '个人年度工作计划' })).toContainText(/张三.*2026年.*第1版/);
  await expect(rows.filter({ hasText: '平时考核记实簿' })).toContainText(/张三.*2026年1月.*第1版/);
  await snap(hr.page, testInfo, 'sync-20-hr-received');
  const offSelf = (await readStore(o, 'dutybook', 'trust')).find((r) => (r as { id: string }).id === 'self') as {
    personId: string;
    signingPub: string;
  };
  const supSelf = (await readStore(sup.page, 'dutybook', 'trust')).find((r) => (r as { id: string }).id === 'self') as {
    personId: string;
  };
  const facts = (await readStore(hr.page, 'dutybook', 'facts')) as { type: string; author: string; authorKey: string; subject: string }[];
  const theirs = facts.filter((f) => f.subject === offSelf.personId);
  expect(theirs.map((f) => f.type).sort()).toEqual(['plan.version', 'record.version']);
  for (const f of theirs) {
    expect(f.author).toBe(offSelf.personId);
    expect(f.authorKey).toBe(offSelf.signingPub);
    expect(f.author).not.toBe(supSelf.personId);
  }

  // ---- An export never sends what the peer would refuse: with the official's attestation gone from the
  // supervisor's device, the records stay and are listed by name (the clerk sees which, not only why).
  await clearStore(sup.page, 'dutybook', 'attestations');
  await exportTo(sup.page, dir, /^王人事\(人事部门\)/);
  const withheld = sup.page.getByRole('region', { name: '导出' }).getByTestId('export-result');
  await expect(withheld).toContainText('另有2条记录对方暂时无法接收,未导出');
  await expect(withheld.getByRole('listitem')).toHaveText([
    '张三 · 个人年度工作计划 · 2026:缺少作者的签名,无法转发',
    '张三 · 平时考核记实簿 · 2026-01:缺少作者的签名,无法转发',
  ]);
  await snap(sup.page, testInfo, 'sync-21-supervisor-withheld');

  for (const d of [hr, sup, off]) await d.context.close();
});
