// Issue 20, finding 8, as a clerk sees it: the readable hint of a bundle whose names carry a bidi
// override (U+202E) and zero-width characters, laid out by Chromium's real bidi algorithm. The words
// must stand left to right as written: 来自, the sender, 发给, the recipient.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeBundle } from '../../shared/bundle/container';
import { detectSuite } from '../../shared/bundle/crypto';
import { generateDeviceKeys } from '../../shared/ledger/identity';
import { importFiles, item, newDevice, openSync, snap } from './devices';

test('a U+202E in a name does not turn the hint around', async ({ browser }, testInfo) => {
  const suite = await detectSuite();
  const [sender, recipient] = [await generateDeviceKeys(suite), await generateDeviceKeys(suite)];
  const bytes = await writeBundle({
    suite,
    sender: { signingKey: sender.signing.seed, signingPub: sender.signing.pub, name: '预算科\u202E王人事' },
    recipient: { encryptionPub: recipient.encryption.pub, name: '李\u200B四' },
    entries: [],
    acks: null,
    sequence: 1,
  });
  const dir = mkdtempSync(join(tmpdir(), 'dutybook-hint-'));
  const file = join(dir, '给李四.dutybook');
  writeFileSync(file, bytes);

  const { page } = await newDevice(browser, '张三', '预算科', ['主管领导']);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openSync(page, true);
  const section = await importFiles(page, [file]);
  const hint = item(section, file).getByTestId('import-hint');
  await expect(hint).toHaveText('来自 预算科王人事 发给 李四');
  // Where each word is drawn: x grows left to right in the order written.
  const xs = await hint.evaluate((el) => {
    const at = (word: string) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(word);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + word.length);
        return range.getBoundingClientRect().left;
      }
      return NaN;
    };
    return ['来自', '预算科', '王人事', '发给', '李四'].map(at);
  });
  expect(xs.every((x) => Number.isFinite(x))).toBe(true);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  await expect(item(section, file).getByTestId('import-outcome')).toContainText('此文件是发给 李四 的');
  await snap(page, testInfo, 'hint-bidi');
});
