// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { unzipSync, strFromU8 } from 'fflate';
import { presets, type QuarterGrade } from '../../shared/domain';
import { saveAnnualQuota, saveConfig, signEvaluation, type DutyBookDb } from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { AnnualPage } from '../../src-renderer/features/hr/annual/AnnualPage';
import { PublicationPage } from '../../src-renderer/features/hr/publication/PublicationPage';
import { StatisticsPage } from '../../src-renderer/features/hr/statistics/StatisticsPage';
import { distributeRoster, makeOrg, receive, send, type Org } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

const open: DutyBookDb[] = [];

function sign(
  db: DutyBookDb,
  subject: string,
  quarter: 1 | 2 | 3 | 4,
  grade: QuarterGrade,
  correctionReason?: string,
) {
  return signEvaluation(db, {
    subject,
    year: 2026,
    quarter,
    method: 'grade',
    grade,
    bonuses: [],
    peerOpinion: { consulted: 5, scope: '本科室全体干部', gist: '工作认真负责' },
    publicFeedback: null,
    opinion: '按计划完成本季度工作。',
    evidence: { recordVersions: [] },
    ...(correctionReason ? { correctionReason } : {}),
  });
}

/**
 * HR uses the 全国通行做法 condition for 优秀 (好 in half the quarters, no 一般/较差). 王主任 (S1) signs:
 * 张三 (O1) 好 in all four quarters, the first corrected from 较好; 李四 (O2) 一般 in the third; 王五 (O3)
 * nothing for the fourth. Everything reaches HR in one bundle.
 */
async function setUp(): Promise<Org> {
  const org = await makeOrg();
  open.push(...Object.values(org.devices).map((d) => d.db));
  await saveConfig(
    org.hr.db,
    { ...presets.hubei.config, excellentRule: presets.national.config.excellentRule },
    'hubei',
  );
  await distributeRoster(org);
  const s1 = org.devices.S1!.db;
  await sign(s1, 'O1', 1, 'fairlyGood');
  await sign(s1, 'O1', 1, 'good', '等次录入有误');
  for (const q of [2, 3, 4] as const) await sign(s1, 'O1', q, 'good');
  for (const [q, g] of [
    [1, 'good'],
    [2, 'good'],
    [3, 'average'],
    [4, 'good'],
  ] as const)
    await sign(s1, 'O2', q, g);
  for (const [q, g] of [
    [1, 'good'],
    [2, 'fairlyGood'],
    [3, 'good'],
  ] as const)
    await sign(s1, 'O3', q, g);
  await receive(org.hr, (await send(org.devices.S1!, org.hr)).bytes);
  return org;
}

const saved: { name: string; data: Uint8Array }[] = [];
const host = fakeHost({
  saveFile: ({ suggestedName, data }) => {
    saved.push({ name: suggestedName, data });
    return Promise.resolve({ path: `/tmp/${suggestedName}`, bytes: data.byteLength });
  },
});

function renderAnnual(db: DutyBookDb, page: 'annual' | 'statistics' | 'publication' = 'annual') {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={[`/hr/${page}?year=2026`]}>
        <Routes>
          <Route path="/hr/annual" element={<AnnualPage />} />
          <Route path="/hr/statistics" element={<StatisticsPage />} />
          <Route path="/hr/publication" element={<PublicationPage />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  saved.splice(0);
});

describe('年度考核 page', () => {
  it('shows the year, explains every exclusion, refuses a quota past the head count, and exports the worksheet as .xlsx', async () => {
    const org = await setUp();
    renderAnnual(org.hr.db);

    const zhang = await screen.findByTestId('annual-row-O1', {}, { timeout: 5000 });
    // The corrected first quarter counts once, as its latest version.
    expect(within(zhang).getAllByLabelText('好')).toHaveLength(4);
    expect(within(zhang).getByText('第2版')).toBeTruthy();
    expect(within(zhang).getByText('在名额内')).toBeTruthy();
    // 排序 (everyone evaluated, 定性 and 定量 together) and the place among the candidates.
    expect(within(zhang).getByText('1')).toBeTruthy();
    expect(within(zhang).getByText('优秀人选第1名')).toBeTruthy();

    const li = screen.getByTestId('annual-row-O2');
    expect(within(li).getByText('不符合条件')).toBeTruthy();
    expect(
      within(li).getByText('李四2026年第3季度为“一般”,不符合优秀人选条件(需“好”达半数且无一般、较差)'),
    ).toBeTruthy();

    // Q4 is folded into the annual assessment (the default): 王五's missing fourth quarter is no reason.
    const wang = screen.getByTestId('annual-row-O3');
    expect(within(wang).getByText('随年度考核')).toBeTruthy();
    expect(within(wang).getByText('名额外')).toBeTruthy();
    expect(
      screen.getByText('第四季度平时考核与年度考核结合进行(年度考核时只需第一至三季度评鉴结果)'),
    ).toBeTruthy();
    // Three ranked, fewer than the five the 湖北 preset needs: no one is marked 靠后, and the page says so.
    expect(
      screen.getByText('办公室参加排序人数不足(3人,本单位考核办法规定至少5人),未认定分值靠后。'),
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('annual-row-S1')).getByText('王主任2026年尚无季度评鉴结果,无法认定优秀人选'),
    ).toBeTruthy();

    // 办公室: H, S1, O1, O2, O3 take part; the default 20 % gives 1 place.
    const quota = screen.getByLabelText('办公室优秀名额');
    expect((quota as HTMLInputElement).value).toBe('1');
    expect(
      screen.getByText('按5人的20%计算:向下取整1个、四舍五入1个、向上取整1个(考核办法:向下取整)'),
    ).toBeTruthy();
    fireEvent.change(quota, { target: { value: '9' } });
    fireEvent.click(within(quota.closest('form')!).getByRole('button', { name: '保存名额' }));
    await screen.findByText('办公室的优秀名额不能超过参加年度考核并确定等次的人数(5人),填写了9');
    expect((quota as HTMLInputElement).value).toBe('9');
    fireEvent.change(quota, { target: { value: '-1' } });
    fireEvent.click(within(quota.closest('form')!).getByRole('button', { name: '保存名额' }));
    await screen.findByText('办公室的优秀名额不能小于0,请改为0或正整数');
    fireEvent.change(quota, { target: { value: '1.5' } });
    fireEvent.click(within(quota.closest('form')!).getByRole('button', { name: '保存名额' }));
    await screen.findByText('办公室的优秀名额应为整数,填写了“1.5”,请改为0或正整数');
    expect((quota as HTMLInputElement).value).toBe('1.5');
    fireEvent.change(quota, { target: { value: '0' } });
    fireEvent.click(within(quota.closest('form')!).getByRole('button', { name: '保存名额' }));
    await waitFor(() => expect(within(screen.getByTestId('annual-row-O1')).getByText('名额外')).toBeTruthy());
    await screen.findByText('已保存;按5人的20%计算:向下取整1个、四舍五入1个、向上取整1个(考核办法:向下取整)');

    fireEvent.click(screen.getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^2026年度考核工作表-.+\.xlsx$/);
    const files = unzipSync(saved[0]!.data);
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('张三');
    expect(strings).toContain('李四2026年第3季度为“一般”');
    expect(strings).toContain('名额外');
  }, 30_000);

  it('统计分析 shows each chart with its title and the same figures in a table', async () => {
    const org = await setUp();
    renderAnnual(org.hr.db, 'statistics');
    const chart = await screen.findByRole('figure', { name: '2026年各季度等次分布(图)' }, { timeout: 5000 });
    expect(chart.querySelector('svg')).toBeTruthy();
    const trend = screen.getByRole('table', { name: '2026年各季度等次变化' });
    const rows = within(trend)
      .getAllByRole('row')
      .map((r) => r.textContent);
    // Q1: 张三 好 (corrected), 李四 好, 王五 好; Q3: 张三 好, 李四 一般, 王五 好.
    expect(rows[1]).toBe('第1季度33000—查看');
    expect(rows[3]).toBe('第3季度32010—查看');
    expect(screen.getByRole('figure', { name: '2026年领导评鉴签署率(图)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '2026年各季度等次变化 导出 Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/\.xlsx$/);
  }, 30_000);

  it('公示 lists the candidate within the quota, refuses to export without the contact, then saves the notice', async () => {
    const org = await setUp();
    renderAnnual(org.hr.db, 'publication');
    const list = await screen.findByRole('table', { name: '公示名单' }, { timeout: 5000 });
    expect(within(list).getByText('张三')).toBeTruthy();
    expect(within(list).queryByText('李四')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await screen.findByText('请填写联系人');
    expect(saved).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '郑红' } });
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '0716-8123456' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^关于2026年度考核优秀等次人选的公示-.+\.docx$/);
    const doc = strFromU8(unzipSync(saved[0]!.data)['word/document.xml']!);
    expect(doc).toContain('张三');
    expect(doc).toContain('郑红');
  }, 30_000);

  it('公示 uses the quota saved on the 年度考核 page, not a fixed 20 %', async () => {
    const org = await setUp();
    await saveAnnualQuota(org.hr.db, { year: 2026, unitId: '1', unitName: '办公室', headcount: 5, quota: 2 });
    renderAnnual(org.hr.db, 'publication');
    const list = await screen.findByRole('table', { name: '公示名单' }, { timeout: 5000 });
    // 张三 first, 王五 second (Q4 folded): two places saved, two listed.
    expect(within(list).getByText('张三')).toBeTruthy();
    expect(within(list).getByText('王五')).toBeTruthy();
    expect(screen.getByText(/办公室2个\(已保存\)/)).toBeTruthy();
  }, 30_000);

  it('HR marks long leave with a reason: refused without one, nothing typed lost; then shown as 不参加', async () => {
    const org = await setUp();
    renderAnnual(org.hr.db);
    const li = await screen.findByTestId('annual-row-O2', {}, { timeout: 5000 });
    fireEvent.click(within(li).getByRole('button', { name: '标记李四的年度考核参加情况' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('原因'), { target: { value: '病' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存标记' }));
    await within(dialog).findByText('请写明原因(如“病、事假累计超过考核年度半年”)');
    expect(within(dialog).getByLabelText<HTMLTextAreaElement>('原因').value).toBe('病');
    fireEvent.click(within(dialog).getByText('病、事假累计超过考核年度半年,不进行年度考核'));
    fireEvent.click(within(dialog).getByRole('button', { name: '保存标记' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(within(screen.getByTestId('annual-row-O2')).getByText('不参加年度考核')).toBeTruthy(),
    );
    expect(
      within(screen.getByTestId('annual-row-O2')).getByText(
        '李四:病、事假累计超过考核年度半年,不进行年度考核(人事部门标记)',
      ),
    ).toBeTruthy();
  }, 30_000);
});
