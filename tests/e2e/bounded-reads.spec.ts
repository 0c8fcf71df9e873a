/**
 * Finding 9 of issue 20 in Debian's Chromium: the 同步 page's import is handed a 1 GB file through the
 * real file chooser (a sparse file: no disk used). The browser host takes File.size and refuses it
 * before reading a byte, in words that say what to do; nothing appears to import. A key backup that is
 * really a Word file is refused from its first bytes.
 */
import { mkdtempSync, openSync, closeSync, ftruncateSync, writeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importFiles, newDevice, openSync as openSyncPage, snap } from './devices';

let dir: string;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutybook-e2e-bounds-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sparse(name: string, head: Uint8Array, size: number): string {
  const path = join(dir, name);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return path;
}

test('a 1 GB file picked as a bundle, and a Word file picked as a key backup, are refused unread', async ({ browser }, testInfo) => {
  const { context, page } = await newDevice(browser, '张三', '预算科', ['公务员']);
  await openSyncPage(page, true);

  const section = await importFiles(page, [sparse('学习资料.dutybook', new Uint8Array(16), 1024 ** 3)]);
  const alert = page.getByRole('alert').filter({ hasText: '文件过大,未读取' });
  await expect(alert).toContainText(
    '所选文件“学习资料.dutybook”有 1.0 GB,超过数据包的上限 256 MB,不是履责记实的数据包。请确认选对了 U 盘中的文件。',
  );
  await expect(section.getByTestId('import-item')).toHaveCount(0);
  await snap(page, testInfo, 'sync-import-too-large');
  await alert.getByRole('button', { name: /close|关闭/i }).click();

  const backup = page.getByRole('region', { name: '密钥备份' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), backup.getByRole('button', { name: '从备份恢复' }).click()]);
  await chooser.setFiles(sparse('张三.dutykey', Uint8Array.of(0x50, 0x4b, 3, 4), 20_000));
  const wrongKind = page.getByRole('alert').filter({ hasText: '所选文件不是履责记实的密钥备份' });
  await expect(wrongKind).toContainText('所选文件“张三.dutykey”开头的标识不是履责记实的密钥备份,所选文件均未读取。');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await context.close();
});
