import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download } from '@playwright/test';
import { addPerson, answerPassphrase, hrPeople, importFiles, item, nav, newDevice, openSync, saveDownload, snap } from './devices';

/**
 * 导出给所有人 and 注册申请 in bulk, in Chromium: three people hand in their requests on one stick
 * (a folder), HR binds them after one review, issues the roster and writes one bundle per person in
 * one action — through the browser's download fallback (the File System Access path is left to a later test).
 */
test('HR binds a folder of three enrollment requests after one review and distributes the roster to everyone', async ({ browser }, testInfo) => {
  test.setTimeout(900_000);
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-dist-'));
  const requests = join(dir, '注册申请');
  const out = join(dir, '导出');
  mkdirSync(requests);
  mkdirSync(out);

  const hr = await newDevice(browser, '王人事', '人事科', ['人事部门'], '一级主任科员');
  // No folder picker (as in Firefox): each bundle is a download — unless a step asks for the File
  // System Access API, which then writes into a folder of the origin's private file system.
  await hr.context.addInitScript(() => {
    const w = window as unknown as { showDirectoryPicker?: unknown };
    const picker =
      sessionStorage.getItem('test-picker') === 'opfs'
        ? async () => (await navigator.storage.getDirectory()).getDirectoryHandle('U盘', { create: true })
        : undefined;
    Object.defineProperty(w, 'showDirectoryPicker', { value: picker, configurable: true });
  });
  await hr.page.reload();
  await hr.page.setViewportSize({ width: 1366, height: 768 });
  const people = [
    { name: '李四', rank: '乡科级正职', roles: ['主管领导'] },
    { name: '张三', rank: '一级科员', roles: [], supervisor: '李四' },
    { name: '赵六', rank: '一级科员', roles: [], supervisor: '李四' },
  ];
  const devices = [];
  for (const p of people) devices.push(await newDevice(browser, p.name, '预算管理科', p.roles, p.rank));

  await nav(hr.page, '人事管理');
  await hr.page.getByLabel('单位名称').fill('某市财政局');
  await hr.page.getByRole('button', { name: '建立单位并生成人事部门密钥' }).click();
  await answerPassphrase(hr.page, true);
  await hrPeople(hr.page);
  await hr.page.getByRole('button', { name: '添加下级单位:某市财政局' }).click();
  await hr.page.getByRole('dialog').getByLabel('单位名称').fill('预算管理科');
  await hr.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  for (const p of people) {
    const dialog = await addPerson(hr.page, p);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
  }

  // ---- Each person makes a request; all three end up in one folder.
  for (const d of devices) {
    await openSync(d.page, true);
    await saveDownload(d.page, requests, () => d.page.getByRole('button', { name: '生成注册申请' }).click());
  }
  writeFileSync(join(requests, '说明.txt'), '各科室交来的注册申请');
  expect(readdirSync(requests).sort()).toEqual(['张三-注册申请.dutyenroll', '李四-注册申请.dutyenroll', '说明.txt', '赵六-注册申请.dutyenroll']);

  // ---- One review, one 全部绑定.
  await hrPeople(hr.page);
  // A folder input (webkitdirectory) raises no file-chooser event and headless Chromium cancels its
  // dialog at once: the dialog is not opened, and the folder is set on the input itself.
  await hr.page.evaluate(() => {
    const click = HTMLInputElement.prototype.click;
    HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
      if (!this.webkitdirectory) click.call(this);
    };
  });
  await hr.page.getByRole('button', { name: '从文件夹导入' }).click();
  await hr.page.locator('input[data-dutybook-host="open-files"]').setInputFiles(requests);
  await expect(hr.page.getByTestId('enroll-read-report')).toContainText('读取了3份文件:新申请3份');
  await expect(hr.page.getByTestId('enroll-review-summary')).toHaveText('可直接绑定3人。');
  for (const p of people) {
    const row = hr.page.getByRole('group', { name: `注册申请:${p.name}` });
    await expect(row.getByTestId('request-status')).toHaveText('已找到');
    await expect(row).toContainText('按姓名');
  }
  await hr.page.getByTestId('enroll-review').scrollIntoViewIfNeeded();
  await snap(hr.page, testInfo, 'dist-01-enrollment-review');
  await hr.page.getByRole('button', { name: '全部绑定(3人)' }).click();
  await expect(hr.page.getByTestId('enroll-bound-all')).toHaveText('已绑定3人,待签发人员名册');
  for (const p of people) await expect(hr.page.getByRole('group', { name: `注册申请:${p.name}` })).toContainText(`已绑定到 ${p.name},待签发`);

  // ---- Issue, then one action distributes to everyone.
  await hr.page.getByRole('button', { name: '签发人员名册' }).click();
  await expect(hr.page.getByTestId('roster-version')).toContainText('当前为第1版');
  const status = hr.page.getByTestId('roster-distribution');
  await expect(status).toHaveText(/已签发第1版,尚未分发给3人/);
  await status.scrollIntoViewIfNeeded();
  await snap(hr.page, testInfo, 'dist-02-issued-not-distributed');
  await status.getByRole('button', { name: '导出给所有人' }).click();
  const dialog = hr.page.getByRole('dialog', { name: '导出给所有人' });
  await expect(dialog.getByTestId('distribute-count')).toHaveText('将写入3个数据包');
  await snap(hr.page, testInfo, 'dist-03-dialog');
  const downloads: Download[] = [];
  hr.page.on('download', (d) => downloads.push(d));
  await dialog.getByRole('button', { name: '选择文件夹并导出' }).click();
  const report = dialog.getByTestId('distribute-report');
  await expect(report).toContainText('已写入3个数据包');
  await expect(report).toContainText('本浏览器不能选择文件夹');
  await expect(report).toContainText(/平均每个数据包 \d+ 毫秒/);
  await snap(hr.page, testInfo, 'dist-04-report');
  await expect.poll(() => downloads.length).toBe(3);
  for (const d of downloads) await d.saveAs(join(out, d.suggestedFilename()));
  expect(readdirSync(out).sort()).toEqual([
    '预算管理科-张三-人员名册第1版-20260415.dutybook',
    '预算管理科-李四-人员名册第1版-20260415.dutybook',
    '预算管理科-赵六-人员名册第1版-20260415.dutybook',
  ]);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(status).toHaveText(/第1版人员名册已分发给所有已登记密钥的人员/);

  // ---- 张三 imports his file on his own device: it verifies (HR's key confirmed from the notice).
  const hrFp = await (async () => {
    await openSync(hr.page);
    return (await hr.page.getByTestId('pinned-hr-fingerprint').textContent())!;
  })();
  const zhang = devices[1]!.page;
  const file = join(out, '预算管理科-张三-人员名册第1版-20260415.dutybook');
  const section = await importFiles(zhang, [file]);
  const trust = zhang.getByRole('region', { name: '信任人事部门' });
  await trust.getByLabel('请输入书面通知上的指纹').fill(hrFp);
  await trust.getByRole('button', { name: '核对并确认' }).click();
  const it = item(section, file);
  await it.getByRole('button', { name: '确认导入' }).click();
  await expect(it.getByTestId('import-outcome')).toContainText('人员名册更新为第1版');
});
