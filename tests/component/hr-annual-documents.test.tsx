// @vitest-environment happy-dom
/**
 * The 年度考核's papers, downloaded from the screens on real signed records: HR's 年度考核结果 page (a
 * person's 登记表 and 结果通知, every 登记表 in one .zip, the 统计表 and 花名册 in Word and Excel), the
 * 公示 page's five-working-day 公示期, and the official's own 登记表 on their device. Each file is read
 * back: a zip (PK), and the words inside the .docx's document.xml or the .xlsx's sheet.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { strFromU8, unzipSync } from 'fflate';
import { LOCAL_PROFILE_ID, presets, type QuarterGrade } from '../../shared/domain';
import { publicationPeriodProblem } from '../../shared/documents';
import {
  readAnnualReport,
  saveAnnualSummaryDraft,
  saveConfig,
  signAnnualComment,
  signAnnualDecision,
  signAnnualOpinion,
  signEvaluation,
  submitAnnualSummary,
  type DutyBookDb,
} from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { useNotifications } from '../../src-renderer/state/notifications';
import { AnnualDecisionsPage } from '../../src-renderer/features/hr/annual-decisions/AnnualDecisionsPage';
import { PublicationPage } from '../../src-renderer/features/hr/publication/PublicationPage';
import { OfficialContext, type OfficialContextValue } from '../../src-renderer/features/official/context';
import { AnnualPage as OfficialAnnualPage } from '../../src-renderer/features/official/annual/AnnualPage';
import {
  distributeRoster,
  makeOrg,
  PEOPLE,
  receive,
  send,
  type Device,
  type Org,
} from '../unit/sync/model/harness';
import { docxParts, part, textOf } from '../unit/documents/docx-xml';
import { fakeHost } from './fake-host';

const saved: { name: string; data: Uint8Array }[] = [];
const host = fakeHost({
  saveFile: ({ suggestedName, data }) => {
    saved.push({ name: suggestedName, data: new Uint8Array(data) });
    return Promise.resolve({ path: `/saved/${suggestedName}`, bytes: data.byteLength });
  },
});
const open: DutyBookDb[] = [];

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  saved.splice(0);
  localStorage.clear();
  useNotifications.setState({ current: null });
});

const exchange = async (from: Device, to: Device) => receive(to, (await send(from, to)).bytes);
const at = (d: string) => new Date(`${d}T09:00:00.000Z`);

function grade(db: DutyBookDb, subject: string, quarter: 1 | 2 | 3 | 4, g: QuarterGrade) {
  return signEvaluation(db, {
    subject,
    year: 2026,
    quarter,
    method: 'grade',
    grade: g,
    bonuses: [],
    peerOpinion: { consulted: 5, scope: '本科室全体干部', gist: '工作认真负责' },
    publicFeedback: null,
    opinion: '按计划完成本季度工作。',
    evidence: { recordVersions: [] },
  });
}

const SUMMARY = '本年度牵头完成部门预算编制，起草文稿三十余篇，全年无差错。';

/**
 * 办公室 of the harness with 张三's own details on the roster. 张三 submits the 个人总结; 王主任 grades
 * 张三 好 three quarters and 李四 once 一般, and comments on both; HR decides 张三 优秀 and 李四 称职;
 * 李四 agrees. 王五 stays undecided. Everything reaches HR (and 张三's device).
 */
async function setUp(): Promise<Org> {
  const people = PEOPLE.map((p) =>
    p.id === 'O1'
      ? {
          ...p,
          gender: 'male' as const,
          birthMonth: '1988-05',
          politicalStatus: '中共党员',
          rankSince: '2019-07-01',
          duties: '预算管理',
        }
      : p,
  );
  const org = await makeOrg({ people });
  open.push(...Object.values(org.devices).map((d) => d.db));
  await saveConfig(org.hr.db, presets.national.config, 'national');
  await distributeRoster(org);
  const [o1, o2, s1] = [org.devices.O1!, org.devices.O2!, org.devices.S1!];
  await saveAnnualSummaryDraft(o1.db, 'O1', 2026, SUMMARY);
  await submitAnnualSummary(o1.db, 'O1', 2026);
  await exchange(o1, s1);
  await exchange(o1, org.hr);
  for (const q of [1, 2, 3] as const) {
    await grade(s1.db, 'O1', q, 'good');
    await grade(s1.db, 'O2', q, q === 2 ? 'average' : 'good');
  }
  await signAnnualComment(s1.db, {
    personId: 'O1',
    year: 2026,
    comment: '工作成效突出，堪当重任。',
    suggestion: 'excellent',
  });
  await signAnnualComment(s1.db, {
    personId: 'O2',
    year: 2026,
    comment: '完成本职工作。',
    suggestion: 'competent',
  });
  await exchange(s1, org.hr);
  const report = (await readAnnualReport(org.hr.db, 2026))!;
  const rowOf = (id: string) => {
    const unit = report.linkage.units.find((u) => u.rows.some((r) => r.personId === id))!;
    const r = unit.rows.find((x) => x.personId === id)!;
    return {
      row: {
        name: r.name,
        eligible: r.eligible,
        reasons: r.reasons,
        participation: r.participation,
        standing: r.standing,
      },
      context: { excellentGivenInGroup: 0, quota: unit.quota },
    };
  };
  await signAnnualDecision(
    org.hr.db,
    {
      personId: 'O1',
      year: 2026,
      outcome: { kind: 'graded', grade: 'excellent' },
      committeeOpinion: '经考核委员会研究，确定为优秀等次。',
      opinionDueOn: '2027-01-15',
    },
    rowOf('O1'),
    at('2026-12-28'),
  );
  await signAnnualDecision(
    org.hr.db,
    {
      personId: 'O2',
      year: 2026,
      outcome: { kind: 'graded', grade: 'competent' },
      committeeOpinion: '',
      opinionDueOn: '2027-01-15',
    },
    rowOf('O2'),
    at('2026-12-28'),
  );
  await exchange(org.hr, o2);
  await signAnnualOpinion(o2.db, 2026, { agree: true, text: '' }, at('2026-12-29'));
  await exchange(o2, org.hr);
  await exchange(org.hr, o1);
  return org;
}

function renderHr(db: DutyBookDb, page: 'annual-decisions' | 'publication') {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={[`/hr/${page}?year=2026`]}>
        <Routes>
          <Route path="/hr/annual-decisions" element={<AnnualDecisionsPage />} />
          <Route path="/hr/publication" element={<PublicationPage />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b; // "PK"
const docText = (b: Uint8Array) => textOf(part(docxParts(b), 'word/document.xml'));
/** Every sheet's and the shared strings' text of an .xlsx. */
const xlsxText = (b: Uint8Array) =>
  Object.entries(unzipSync(b))
    .filter(([n]) => n.startsWith('xl/'))
    .map(([, d]) => strFromU8(d))
    .join('\n');

async function download(button: string, count: number) {
  const before = saved.length;
  // The previous export is written to the 操作日志 before the buttons are enabled again.
  await waitFor(() => expect(screen.getByRole('button', { name: button })).toBeEnabled(), { timeout: 15_000 });
  fireEvent.click(screen.getByRole('button', { name: button }));
  await waitFor(() => expect(saved).toHaveLength(before + 1), { timeout: 15_000 });
  expect(saved).toHaveLength(count);
  const file = saved[saved.length - 1]!;
  expect(isZip(file.data)).toBe(true);
  return file;
}

describe('年度考核文书', () => {
  it('HR downloads a person\u2019s 登记表 and 结果通知, all 登记表 as one .zip, and the 统计表 and 花名册 in Word and Excel', async () => {
    const org = await setUp();
    renderHr(org.hr.db, 'annual-decisions');
    const panel = await screen.findByRole<HTMLElement>(
      'region',
      { name: '年度考核文书' },
      { timeout: 10_000 },
    );
    expect(within(panel).getByText('还有6人尚未确定结果，暂不列入花名册和统计表。')).toBeTruthy();

    // One person: 张三.
    fireEvent.change(within(panel).getByRole('combobox', { name: '人员' }), { target: { value: '张三' } });
    fireEvent.click(await screen.findByRole('option', { name: '张三（办公室）' }));
    const register = await download('登记表（Word）', 1);
    expect(register.name).toBe('2026年度公务员年度考核登记表-张三.docx');
    const reg = docText(register.data);
    for (const words of [
      '公务员年度考核登记表',
      '张三',
      '男',
      '1988.05',
      '中共党员',
      '2019.07',
      '预算管理',
      SUMMARY,
      '工作成效突出，堪当重任。',
      '经考核委员会研究，确定为优秀等次。',
    ])
      expect(reg).toContain(words);

    const notice = await download('结果通知（Word）', 2);
    expect(notice.name).toMatch(/^2026年度考核结果通知-张三\.docx$/);
    const n = docText(notice.data);
    expect(n).toContain('张三');
    expect(n).toContain('优秀');
    expect(n).toContain('2027年1月15日');

    // 王五 is not decided: no notice yet, and the page says why.
    const who = within(panel).getByRole('combobox', { name: '人员' });
    fireEvent.change(who, { target: { value: '' } });
    fireEvent.change(who, { target: { value: '王五' } });
    fireEvent.click(await screen.findByRole('option', { name: '王五（办公室）' }));
    expect(await within(panel).findByText('王五的考核结果尚未确定，确定后才能导出结果通知。')).toBeTruthy();
    expect(within(panel).getByRole<HTMLButtonElement>('button', { name: '结果通知（Word）' }).disabled).toBe(
      true,
    );

    // Every 登记表, one per person taking part, in one .zip.
    const all = await download('全部登记表（压缩包）', 3);
    expect(all.name).toBe('2026年度公务员年度考核登记表.zip');
    const files = unzipSync(all.data);
    const names = Object.keys(files);
    expect(names).toHaveLength(8);
    expect(names).toContain('2026年度公务员年度考核登记表-张三.docx');
    expect(names).toContain('2026年度公务员年度考核登记表-王五.docx');
    expect(docText(files['2026年度公务员年度考核登记表-张三.docx']!)).toContain(SUMMARY);
    // 李四 agreed: the 本人意见 box says so.
    expect(docText(files['2026年度公务员年度考核登记表-李四.docx']!)).toContain('同意');

    const statsX = await download('统计表（Excel）', 4);
    expect(statsX.name).toMatch(/统计表.*\.xlsx$/);
    expect(xlsxText(statsX.data)).toContain('办公室');
    const statsW = await download('统计表（Word）', 5);
    expect(statsW.name).toMatch(/统计表.*\.docx$/);
    expect(docText(statsW.data)).toContain('全机关合计');
    const rosterX = await download('花名册（Excel）', 6);
    expect(rosterX.name).toMatch(/花名册.*\.xlsx$/);
    const rx = xlsxText(rosterX.data);
    expect(rx).toContain('张三');
    expect(rx).toContain('李四');
    expect(rx).not.toContain('王五');
    const rosterW = await download('花名册（Word）', 7);
    expect(rosterW.name).toMatch(/花名册.*\.docx$/);
    const rw = docText(rosterW.data);
    expect(rw).toContain('中共党员');
    expect(rw).toContain('称职');
  }, 120_000);

  it('公示 refuses a 公示期 under five working days in the field, keeping what was typed', async () => {
    const org = await setUp();
    renderHr(org.hr.db, 'publication');
    await screen.findByRole('table', { name: '公示名单' }, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '郑红' } });
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '0716-8123456' } });
    fireEvent.change(screen.getByLabelText('公示开始日期'), { target: { value: '2026-12-28' } });
    fireEvent.change(screen.getByLabelText('公示截止日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    const problem = publicationPeriodProblem({ from: '2026-12-28', to: '2026-12-31' })!;
    expect(problem).toContain('只有4个工作日');
    expect(await screen.findByText(problem)).toBeTruthy();
    expect(saved).toHaveLength(0);
    expect(screen.getByLabelText<HTMLInputElement>('联系人').value).toBe('郑红');
    expect(screen.getByLabelText<HTMLInputElement>('公示截止日期').value).toBe('2026-12-31');
    fireEvent.change(screen.getByLabelText('公示截止日期'), { target: { value: '2027-01-04' } });
    fireEvent.click(screen.getByRole('button', { name: '导出 Word' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
    expect(docText(saved[0]!.data)).toContain('郑红');
  }, 120_000);

  it('the official downloads their own 登记表 once the 个人总结 is submitted, with their roster details', async () => {
    const org = await setUp();
    const o1 = org.devices.O1!;
    const value: OfficialContextValue = {
      profile: {
        id: LOCAL_PROFILE_ID,
        personId: 'O1',
        name: '张三',
        unitName: '办公室',
        positionCategory: 'comprehensive',
        rankLevel: 'staff1',
        roles: ['official'],
        presetId: 'hubei',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
      personId: 'O1',
      year: 2026,
      setYear: () => undefined,
      recordMode: 'monthly',
      calendars: [],
      today: at('2026-12-30'),
    };
    render(
      <ServicesProvider services={{ db: o1.db, host }}>
        <MemoryRouter initialEntries={['/official/annual']}>
          <OfficialContext.Provider value={value}>
            <OfficialAnnualPage />
          </OfficialContext.Provider>
        </MemoryRouter>
      </ServicesProvider>,
    );
    await screen.findByRole('button', { name: '下载登记表（Word）' }, { timeout: 10_000 });
    const file = await download('下载登记表（Word）', 1);
    expect(file.name).toBe('2026年度公务员年度考核登记表-张三.docx');
    const text = docText(file.data);
    for (const words of [
      '张三',
      '男',
      '1988.05',
      '中共党员',
      '预算管理',
      SUMMARY,
      '经考核委员会研究，确定为优秀等次。',
    ])
      expect(text).toContain(words);
  }, 120_000);
});
