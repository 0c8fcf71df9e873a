/**
 * 接收数据包 in bulk over real bundles from the sync harness, mixed with files that are not bundles:
 * each file in its own transaction, every outcome said in Chinese, a bad file changing nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPersonYear } from '../../../../shared/store';
import {
  importBatch,
  reportCsv,
  reportText,
  yieldBehindFrames,
  type IntakeFile,
  type IntakeProgress,
} from '../../../../shared/sync/intake';
import { factOf, factOfRow } from '../../../../shared/sync';
import {
  attest,
  craft,
  distributeRoster,
  entriesOf,
  factEntry,
  makeDevice,
  makeOrg,
  receive,
  reinstall,
  send,
  suite,
  writePlan,
  writeRecord,
} from './harness';
import { snapshot } from '../../store/helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function setup() {
  const org = await makeOrg();
  await distributeRoster(org);
  const d = org.devices;
  await writePlan(d.O1!, ['编制部门预算']);
  await writeRecord(d.O1!, 1, '预算编制');
  await writePlan(d.O2!, ['政策研究']);
  await writeRecord(d.O4!, 2, '法规审核');
  return org;
}

describe('importBatch', () => {
  it('imports a folder of bundles file by file, skips what is not a bundle and refuses bad ones, each with its reason', async () => {
    const org = await setup();
    const { hr } = org;
    const d = org.devices;
    const o1 = (await send(d.O1!, hr)).bytes;
    const o2 = (await send(d.O2!, hr)).bytes;
    const o4 = (await send(d.O4!, hr)).bytes;
    // A bundle for someone else (张三 → 王主任) and one whose bytes were damaged on the stick.
    const forS1 = (await send(d.O1!, d.S1!)).bytes;
    const corrupt = new Uint8Array(o2);
    corrupt[corrupt.length - 40]! ^= 0xff;
    // A device nobody enrolled: its bundle is signed, but by a key the roster does not know.
    const stranger = await makeDevice('陌生人', 'X9');
    const foreign = await craft(stranger, hr, await entriesOf(d.O1!.db));

    const files: IntakeFile[] = [
      { name: '张三.dutybook', data: o1 },
      { name: '说明.docx', data: utf8('PK\u0003\u0004 word document') },
      { name: '照片/合影.jpg', data: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) },
      { name: '损坏.dutybook', data: corrupt },
      { name: '李四.dutybook', data: o2 },
      { name: '给王主任的.dutybook', data: forS1 },
      { name: '陌生人.dutybook', data: foreign },
      { name: '赵六.dutybook', data: o4 },
      { name: '张三-副本.dutybook', data: o1 },
      { name: '大文件.iso', data: new Uint8Array(0), skipped: 'too-large' },
      { name: '链接.dutybook', data: new Uint8Array(0), skipped: 'link' },
    ];
    const progress: IntakeProgress[] = [];
    let yields = 0;
    const report = await importBatch(hr.db, files, {
      suite: await suite(),
      keys: hr.keys,
      onProgress: (p) => progress.push(p),
      yieldToUi: () => {
        yields += 1;
        return Promise.resolve();
      },
    });

    const byName = Object.fromEntries(report.entries.map((e) => [e.name, e.outcome]));
    expect(byName['张三.dutybook']).toMatchObject({ kind: 'imported', from: '张三' });
    expect(byName['李四.dutybook']).toMatchObject({ kind: 'imported' });
    expect(byName['赵六.dutybook']).toMatchObject({ kind: 'imported' });
    expect(byName['说明.docx']).toEqual({ kind: 'skipped', reason: '不是数据包(Word 文档)' });
    expect(byName['照片/合影.jpg']).toEqual({ kind: 'skipped', reason: '不是数据包(图片)' });
    expect(byName['损坏.dutybook']).toMatchObject({ kind: 'refused' });
    expect(byName['给王主任的.dutybook']).toMatchObject({
      kind: 'refused',
      reason: '这是发给“王主任”的数据包,不是发给本机的',
    });
    expect(byName['陌生人.dutybook']).toMatchObject({ kind: 'refused' });
    expect((byName['陌生人.dutybook'] as { reason: string }).reason).toContain('密钥不在人员名册中');
    expect(byName['张三-副本.dutybook']).toEqual({ kind: 'already', from: '张三' });
    expect(byName['大文件.iso']).toEqual({ kind: 'skipped', reason: '文件超过数据包的上限 256 MB,不是数据包,未读取' });
    expect(byName['链接.dutybook']).toMatchObject({
      kind: 'refused',
      reason: '快捷方式或链接,出于安全考虑未读取',
    });
    for (const o of Object.values(byName)) {
      if (o.kind === 'refused' || o.kind === 'skipped') expect(o.reason).toMatch(/[\u4e00-\u9fff]/);
    }

    const facts = report.entries.reduce(
      (n, e) => n + (e.outcome.kind === 'imported' ? e.outcome.facts : 0),
      0,
    );
    expect(facts).toBeGreaterThan(0);
    expect(report.totals).toEqual({
      files: 11,
      imported: 3,
      facts,
      already: 1,
      skipped: 3,
      refused: 4,
      cancelled: 0,
    });
    // Progress before every file and once at the end; a turn for the window between files.
    expect(progress.map((p) => p.index)).toEqual([...files.keys(), files.length]);
    expect(progress.at(-1)).toMatchObject({ facts, imported: 3 });
    expect(yields).toBeGreaterThanOrEqual(files.length);

    // What went in is there; HR sees the plans and records.
    expect((await readPersonYear(hr.db, 'O1', 2026)).plan).toMatchObject({ state: 'submitted', version: 1 });
    expect((await readPersonYear(hr.db, 'O4', 2026)).records.map((r) => r.month)).toEqual([2]);

    // The report, as text and as CSV.
    const text = reportText(report);
    expect(text).toContain('说明.docx\t跳过:不是数据包(Word 文档)');
    expect(text).toContain('张三-副本.dutybook\t已导入过');
    expect(text).toContain('共 11 个文件:已导入 3 个');
    const csv = reportCsv(report);
    expect(csv.startsWith('\uFEFF文件名,结果,记录条数,发送方,说明\r\n')).toBe(true);
    expect(csv).toContain('说明.docx,跳过,,,不是数据包(Word 文档)\r\n');
  });

  it('a refused file writes nothing, and running the same folder again reports everything as already imported', async () => {
    const org = await setup();
    const { hr } = org;
    const d = org.devices;
    const forS1 = (await send(d.O1!, d.S1!)).bytes;
    const before = await snapshot(hr.db);
    const s = await suite();
    const refused = await importBatch(
      hr.db,
      [
        { name: 'a.dutybook', data: forS1 },
        { name: 'b.txt', data: utf8('hello') },
      ],
      {
        suite: s,
        keys: hr.keys,
        yieldToUi: () => Promise.resolve(),
      },
    );
    expect(refused.totals).toMatchObject({ refused: 1, skipped: 1, imported: 0 });
    expect(await snapshot(hr.db)).toEqual(before);

    const files = [
      { name: 'o1.dutybook', data: (await send(d.O1!, hr)).bytes },
      { name: 'o2.dutybook', data: (await send(d.O2!, hr)).bytes },
    ];
    const first = await importBatch(hr.db, files, {
      suite: s,
      keys: hr.keys,
      yieldToUi: () => Promise.resolve(),
    });
    expect(first.totals).toMatchObject({ imported: 2, already: 0 });
    const again = await importBatch(hr.db, files, {
      suite: s,
      keys: hr.keys,
      yieldToUi: () => Promise.resolve(),
    });
    expect(again.totals).toMatchObject({ imported: 0, already: 2, facts: 0 });
  });

  it('a file that needs the roster an earlier file of the folder brought goes in (the roster is read again)', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O5', 'S2']);
    const S2 = org.devices.S2!;
    // 钱七 reinstalls: roster v2 (new key) is on HR's device only; the supervisor still holds v1.
    const O5n = await reinstall(org, 'O5', '钱七', '法规科');
    await receive(O5n, (await send(org.hr, O5n)).bytes);
    await writeRecord(O5n, 1, '新电脑上的一月记录');
    // 钱七's own record, in a bundle that does not carry the roster.
    const own = (await O5n.db.facts.toArray()).map(factOfRow).filter((f) => f.device === O5n.deviceId);
    const fromNewKey = await craft(O5n, S2, [
      await attest(O5n, own.map((f) => f.id)),
      ...own.map((f) => factEntry(factOf(f))),
    ]);
    const withRoster = (await send(org.hr, S2)).bytes;
    const options = { suite: await suite(), keys: S2.keys, yieldToUi: () => Promise.resolve() };
    // Alone, under roster v1, the new key is unknown.
    const alone = await importBatch(S2.db, [{ name: '钱七.dutybook', data: fromNewKey }], options);
    expect(alone.entries[0]!.outcome.kind).toBe('refused');
    const report = await importBatch(
      S2.db,
      [
        { name: '人事科.dutybook', data: withRoster },
        { name: '钱七.dutybook', data: fromNewKey },
      ],
      options,
    );
    expect(report.entries[0]!.outcome).toMatchObject({ kind: 'imported', rosterVersion: 2 });
    expect(report.entries[1]!.outcome).toMatchObject({ kind: 'imported', facts: 1 });
    expect((await readPersonYear(S2.db, 'O5', 2026)).records.map((r) => r.month)).toEqual([1]);
  });

  it('stops between files when cancelled; the rest are reported as not processed', async () => {
    const org = await setup();
    const { hr } = org;
    const d = org.devices;
    const files = [
      { name: '1.dutybook', data: (await send(d.O1!, hr)).bytes },
      { name: '2.dutybook', data: (await send(d.O2!, hr)).bytes },
      { name: '3.dutybook', data: (await send(d.O4!, hr)).bytes },
    ];
    const abort = new AbortController();
    const report = await importBatch(hr.db, files, {
      suite: await suite(),
      keys: hr.keys,
      signal: abort.signal,
      yieldToUi: () => Promise.resolve(),
      onEntry: (_e, i) => {
        if (i === 0) abort.abort();
      },
    });
    expect(report.entries.map((e) => e.outcome.kind)).toEqual(['imported', 'cancelled', 'cancelled']);
    expect(report.totals.cancelled).toBe(2);
    expect(reportText(report)).toContain('2.dutybook\t未处理(已取消)');
  });
});

describe('yieldBehindFrames', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a zero timeout where the platform has no scheduler.postTask (Node): it resolves after tasks queued before it', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('task queued first'), 0);
    await yieldBehindFrames();
    order.push('yield');
    expect(order).toEqual(['task queued first', 'yield']);
  });

  it('is a background-priority task where the platform has one, so a frame that is due is drawn first', async () => {
    const calls: unknown[] = [];
    vi.stubGlobal('scheduler', {
      postTask: (callback: () => void, options: unknown) => {
        calls.push(options);
        callback();
        return Promise.resolve();
      },
    });
    await yieldBehindFrames();
    expect(calls).toEqual([{ priority: 'background' }]);
  });
});
