import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { MARGIN_MM, PAGE_MM } from '../../shared/documents/layout';
import { snap } from './helpers';
import { nav, PASSPHRASE, saveDownload } from './devices';

/**
 * 统计分析 a person reads (issue 22, deliverable 9), over the example organisation on 20 November
 * 2026: the fourth quarter and November's and December's 记实簿 are not yet due and say 未到期; a bar
 * opens the 督促检查 list behind it; the Word report carries the charts as pictures, which
 * LibreOffice shows on the page, inside the margins.
 */
const run = promisify(execFile);

/** A binary PPM (pdftoppm -ppm): width, height and RGB bytes. */
function readPpm(path: string) {
  const buf = readFileSync(path);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), data: buf.subarray(header[0].length) };
}

test('统计分析: values on the bars, 未到期, a row opens its list, the Word report with its charts', async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  await page.clock.setFixedTime(new Date('2026-11-20T10:00:00+08:00'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await page.getByRole('dialog', { name: '载入示例数据' }).getByRole('button', { name: '载入' }).click();
  const unlock = page.getByRole('dialog', { name: '设置密钥库口令' });
  await unlock.getByLabel('口令', { exact: true }).fill(PASSPHRASE);
  await unlock.getByLabel('再次输入口令').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: '设置并解锁' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible({ timeout: 240_000 });
  await nav(page, '人事管理');
  await page.getByRole('navigation', { name: '人事管理分项' }).getByRole('tab', { name: '统计分析' }).click();

  const evaluations = page.getByRole('figure', { name: '2026年领导评鉴签署率(图)' });
  await expect(evaluations).toBeVisible({ timeout: 150_000 });
  // The fourth quarter: a hatched bar that says 未到期, and the same in the table.
  await expect(evaluations.locator('svg text').filter({ hasText: /^未到期/ })).toBeVisible();
  const table = page.getByRole('table', { name: '2026年领导评鉴签署情况(按季度)' });
  await expect(table.getByRole('row').nth(4)).toContainText('未到期');
  await expect(table.getByRole('row').nth(3)).not.toContainText('未到期');
  // Values on the bars: every due quarter's share is written on it.
  await expect(evaluations.locator('svg text.MuiBarChart-label').filter({ hasText: '%' })).toHaveCount(3);
  const records = page.getByRole('figure', { name: '2026年记实簿提交率(图)' });
  await expect(records.locator('svg text.MuiBarChart-label').filter({ hasText: /^未到期/ })).toHaveCount(2);
  // Large enough to read at 1366 px: the chart takes most of the width.
  const box = (await evaluations.boundingBox())!;
  expect(box.width).toBeGreaterThan(900);
  await snap(page, testInfo, 'statistics-1366');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await snap(page, testInfo, 'statistics-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(1366);

  // The Word report: every chart a picture above its table; LibreOffice shows them on the page.
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-stats-'));
  const docx = await saveDownload(page, dir, () =>
    page.getByRole('button', { name: '全部导出(Word)' }).click(),
  );
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'lo')}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { env: { ...process.env, FONTCONFIG_FILE: resolve('tests/fonts/fonts.conf') }, timeout: 170_000 },
  );
  const pdf = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.pdf'))!,
  );
  const images = (await run('pdfimages', ['-list', pdf])).stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]) }))
    .filter((i) => i.type === 'image'); // an alpha channel is listed again as an 'smask'
  expect(images.map((i) => i.width)).toEqual([1200, 1200, 1200, 1200]);
  const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/\s+/g, '');
  for (const caption of ['图：2026年各季度等次分布', '图：2026年领导评鉴签署率', '图：2026年记实簿提交率'])
    expect(text).toContain(caption);
  // The first chart's page, drawn: the 好 green of the bars is there, and all of it inside the margins.
  const first = images[0]!.page;
  const prefix = join(dir, 'page');
  await run('pdftoppm', ['-r', '50', '-f', String(first), '-l', String(first), pdf, prefix]);
  const ppm = readPpm(
    join(
      dir,
      readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!,
    ),
  );
  const pxPerMm = ppm.width / PAGE_MM.width;
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < ppm.height; y++)
    for (let x = 0; x < ppm.width; x++) {
      const o = (y * ppm.width + x) * 3;
      const [r, g, b] = [ppm.data[o]!, ppm.data[o + 1]!, ppm.data[o + 2]!];
      // #81c784 (好), give or take the scaling's blur.
      if (Math.abs(r - 0x81) < 16 && Math.abs(g - 0xc7) < 16 && Math.abs(b - 0x84) < 16) {
        const inMargins =
          x >= MARGIN_MM.left * pxPerMm - 2 &&
          x <= (PAGE_MM.width - MARGIN_MM.right) * pxPerMm + 2 &&
          y >= MARGIN_MM.top * pxPerMm - 2 &&
          y <= (PAGE_MM.height - MARGIN_MM.bottom) * pxPerMm + 2;
        if (inMargins) inside++;
        else outside++;
      }
    }
  expect(inside).toBeGreaterThan(200);
  expect(outside).toBe(0);
  await run('pdftoppm', [
    '-r',
    '60',
    '-f',
    String(first),
    '-l',
    String(first),
    '-png',
    pdf,
    resolve('test-results/screenshots/statistics-word-page'),
  ]);

  // The table row under the chart opens the same list (a click on a bar is not yet proven here).
  await page.getByRole('link', { name: '2026年第4季度未到期名单' }).first().click();
  await expect(page).toHaveURL(/#\/hr\/tracking\?period=2026-Q4&status=notdue$/);
});
