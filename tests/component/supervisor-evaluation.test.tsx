// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { signEvaluation, type DutyBookDb } from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { EvaluationPage } from '../../src-renderer/features/supervisor/evaluation/EvaluationPage';
import { RegisterPage } from '../../src-renderer/features/supervisor/register/RegisterPage';
import {
  distributeRoster,
  makeOrg,
  receive,
  send,
  writeRecord,
  writeSummary,
  type Org,
} from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

const LEAVES = [
  '政治品质',
  '职业道德',
  '工作作风',
  '廉洁自律',
  '出勤',
  '工作数量',
  '工作质量',
  '工作效率',
  '工作成效',
  '业务能力',
];

const open: DutyBookDb[] = [];

/** HR, 王主任 (S1) with 张三 (O1), 李四 (O2), 王五 (O3); 张三's January and February and Q1 summary reach S1. */
async function setUp(): Promise<Org> {
  const org = await makeOrg();
  open.push(...Object.values(org.devices).map((d) => d.db));
  await distributeRoster(org);
  const o1 = org.devices.O1!;
  await writeRecord(o1, 1, '编制年度部门预算', 40);
  await writeRecord(o1, 2, '审核预算绩效目标', 60);
  await writeSummary(o1, 1, '第一季度完成了年度部门预算编制和绩效目标审核,按时报送各项报表。', 90);
  await receive(org.devices.S1!, (await send(o1, org.devices.S1!)).bytes);
  return org;
}

const saved: { name: string; bytes: number }[] = [];
const host = fakeHost({
  saveFile: ({ suggestedName, data }) => {
    saved.push({ name: suggestedName, bytes: data.byteLength });
    return Promise.resolve({ path: `/tmp/${suggestedName}`, bytes: data.byteLength });
  },
});

function renderAt(db: DutyBookDb, path: string) {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/supervisor/evaluate/:personId/:year/:quarter" element={<EvaluationPage />} />
          <Route path="/supervisor/register/:year/:quarter" element={<RegisterPage />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

/** A complete 定性 evaluation, signed through the store (for the tests that start after signing). */
function signGrade(db: DutyBookDb, subject: string) {
  return signEvaluation(db, {
    subject,
    year: 2026,
    quarter: 1,
    method: 'grade',
    grade: 'fairlyGood',
    bonuses: [],
    peerOpinion: { consulted: 6, scope: '本科室全体干部', gist: '工作认真负责' },
    publicFeedback: null,
    opinion: '按计划完成本季度工作。',
    evidence: { recordVersions: [] },
  });
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const button = (name: string) => screen.getByRole('button', { name });
/** The message shown beside a field (its MUI helper text). */
const besideField = (label: string | RegExp) => {
  const input = screen.getByLabelText(label);
  const id = input.getAttribute('aria-describedby');
  return (id ? document.getElementById(id)?.textContent : null) ?? '';
};

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  saved.splice(0);
});

describe('领导评鉴 page', () => {
  it('explains rule problems beside their fields, refuses to sign while they stand, signs 第1版 and corrects it only with a reason', async () => {
    const org = await setUp();
    const s1 = org.devices.S1!.db;
    renderAt(s1, '/supervisor/evaluate/O1/2026/1');

    // The evidence: what arrived and, plainly, what did not.
    const evidence = await screen.findByTestId('evidence');
    expect(within(evidence).getByText('评鉴依据')).toBeTruthy();
    expect(within(evidence).getByText(/编制年度部门预算/)).toBeTruthy();
    expect(within(evidence).getByText('3月记实簿尚未送达。')).toBeTruthy();
    expect(within(evidence).getByText(/第一季度完成了年度部门预算编制/)).toBeTruthy();
    expect(within(evidence).getByText('年度工作计划尚未送达。')).toBeTruthy();

    // The hubei preset lets the supervisor choose: 定量.
    fireEvent.click(screen.getByLabelText('定量评鉴'));
    const politics = await screen.findByLabelText('政治品质');
    change(politics, '120');
    await waitFor(() => expect(besideField('政治品质')).toBe('“政治品质”得分应在0至100之间'));
    for (const name of LEAVES.slice(1)) change(screen.getByLabelText(name), '85');

    fireEvent.click(button('签署评鉴'));
    const issues = await screen.findByTestId('issues');
    expect(within(issues).getByText('“政治品质”得分应在0至100之间')).toBeTruthy();
    expect(within(issues).getByText('请填写评鉴意见')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('政治品质').value).toBe('120');
    expect(screen.getByLabelText<HTMLInputElement>('工作成效').value).toBe('85');

    change(screen.getByLabelText('政治品质'), '85');
    await waitFor(() => expect(screen.queryByText('“政治品质”得分应在0至100之间')).toBeNull());
    expect(within(screen.getByTestId('live-result')).getByText(/分值:85分 · 对应等次:较好/)).toBeTruthy();

    // A bonus past its factor's limit is explained; within it, it counts.
    fireEvent.click(button('添加加分要素'));
    change(screen.getByLabelText('第1项加分 加分要素'), 'commendation');
    expect(besideField('第1项加分 加分要素')).toBe('最多加3分');
    change(screen.getByLabelText('第1项加分 加分(分)'), '5');
    await waitFor(() =>
      expect(besideField('第1项加分 加分(分)')).toBe('“受到上级表彰奖励”最多加3分,填写了5分'),
    );
    change(screen.getByLabelText('第1项加分 加分(分)'), '2');
    change(screen.getByLabelText('第1项加分 加分理由'), '获市级财政系统表彰');
    expect(await screen.findByText(/分值:87分 · 对应等次:较好/)).toBeTruthy();

    // A grade that contradicts the band is explained.
    change(screen.getByLabelText('评鉴等次(选填)'), 'good');
    await waitFor(() =>
      expect(besideField('评鉴等次(选填)')).toBe('得分87分对应“较好”,与所选等次“好”不一致'),
    );
    change(screen.getByLabelText('评鉴等次(选填)'), 'fairlyGood');
    await waitFor(() => expect(screen.queryByText(/与所选等次“好”不一致/)).toBeNull());

    change(screen.getByLabelText('征求意见人数'), '8');
    change(screen.getByLabelText('征求意见范围'), '本科室全体干部');
    change(screen.getByLabelText('意见要点'), '业务熟练,工作主动');
    change(screen.getByLabelText('评鉴意见'), '按计划完成预算编制,工作质量较高。');

    fireEvent.click(button('签署评鉴'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('sign-result').textContent).toContain('87分,“较好”');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认签署' }));

    expect(await screen.findByText('已签署 第1版')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const signed = screen.getByTestId('signed-evaluation');
    expect(within(signed).getByText('王主任')).toBeTruthy();
    expect(within(signed).getByText('87分,较好')).toBeTruthy();
    const [v1] = await s1.evaluations.toArray();
    expect(v1).toMatchObject({ version: 1, resultScore: 87, resultGrade: 'fairlyGood' });
    expect(v1!.evidence.recordVersions.map((r) => r.month)).toEqual([1, 2]);
    expect(v1!.evidence.summaryVersion).toBe(1);
    expect(await s1.evaluationDrafts.count()).toBe(0);

    fireEvent.click(button('导出Word'));
    await waitFor(() =>
      expect(saved.map((f) => f.name)).toEqual(['2026年第1季度平时考核领导评鉴表-张三.docx']),
    );
    expect(saved[0]!.bytes).toBeGreaterThan(1000);

    // 更正: a new draft from the signed version; without a reason it is refused, typed values kept.
    fireEvent.click(button('更正'));
    const reason = await screen.findByLabelText('更正原因');
    change(screen.getByLabelText('工作质量'), '95');
    fireEvent.click(button('签署评鉴'));
    await waitFor(() => expect(besideField('更正原因')).toBe('请填写更正原因'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('工作质量').value).toBe('95');

    change(reason, '“工作质量”得分录入有误');
    fireEvent.click(button('签署评鉴'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认签署' }));
    expect(await screen.findByText('已签署 第2版')).toBeTruthy();
    const history = screen.getByTestId('evaluation-versions');
    expect(within(history).getByText('更正第1版,更正原因:“工作质量”得分录入有误')).toBeTruthy();
    expect(within(history).getByText('首次签署')).toBeTruthy();
    expect((await s1.evaluations.toArray()).map((e) => e.version).sort()).toEqual([1, 2]);
  }, 60_000);

  it('restores the typed draft when the page is opened again', async () => {
    const org = await setUp();
    const s1 = org.devices.S1!.db;
    const first = renderAt(s1, '/supervisor/evaluate/O2/2026/1');
    fireEvent.click(await screen.findByLabelText('定性评鉴'));
    change(screen.getByLabelText('评鉴意见'), '工作扎实,尚需加强学习。');
    await waitFor(async () => expect(await s1.evaluationDrafts.count()).toBe(1), { timeout: 3000 });
    first.unmount();
    localStorage.clear();

    renderAt(s1, '/supervisor/evaluate/O2/2026/1');
    expect((await screen.findByLabelText<HTMLTextAreaElement>('评鉴意见')).value).toBe(
      '工作扎实,尚需加强学习。',
    );
    expect(screen.getByLabelText<HTMLInputElement>('定性评鉴').checked).toBe(true);
    // 李四's evidence has not arrived at all.
    expect(screen.getByText('1月记实簿尚未送达。')).toBeTruthy();
    expect(screen.getByText('季度个人工作小结尚未送达。')).toBeTruthy();
  }, 60_000);
});

describe('评鉴结果反馈', () => {
  it('refuses feedback with missing fields, keeping what was typed, and lists complete feedback', async () => {
    const org = await setUp();
    const s1 = org.devices.S1!.db;
    await signGrade(s1, 'O1');
    renderAt(s1, '/supervisor/evaluate/O1/2026/1');
    expect(await screen.findByText('本季度尚未记录评鉴结果反馈。')).toBeTruthy();

    fireEvent.click(button('记录反馈'));
    const dialog = await screen.findByRole('dialog');
    change(within(dialog).getByLabelText(/^地点/), '主任办公室');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存反馈' }));
    expect(await within(dialog).findByText('请选择反馈方式')).toBeTruthy();
    expect(within(dialog).getByText('请填写参加人员')).toBeTruthy();
    expect(within(dialog).getByText('请填写反馈内容')).toBeTruthy();
    expect(within(dialog).getByText('请填写需要改进的方面')).toBeTruthy();
    expect(within(dialog).getByLabelText<HTMLInputElement>(/^地点/).value).toBe('主任办公室');
    expect(await s1.feedback.count()).toBe(0);

    fireEvent.click(within(dialog).getByLabelText('个人谈话'));
    change(within(dialog).getByLabelText(/^日期/), '2026-04-10');
    change(within(dialog).getByLabelText(/^参加人员/), '王主任、张三');
    change(within(dialog).getByLabelText(/^反馈内容/), '通报第一季度评鉴结果为较好。');
    change(within(dialog).getByLabelText(/^需要改进的方面/), '加强报表复核。');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存反馈' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const list = screen.getByTestId('feedback-list');
    expect(await within(list).findByText('个人谈话 · 2026-04-10 · 主任办公室')).toBeTruthy();
    expect(within(list).getByText(/本人签署意见尚未送达/)).toBeTruthy();
    expect(await s1.feedback.count()).toBe(1);
  }, 60_000);
});

describe('平时考核备案登记表', () => {
  it('refuses while someone is missing an evaluation, signs when all three are evaluated, and needs a reason for a new version', async () => {
    const org = await setUp();
    const s1 = org.devices.S1!.db;
    await signGrade(s1, 'O1');
    await signGrade(s1, 'O2');
    renderAt(s1, '/supervisor/register/2026/1');

    const missing = await screen.findByTestId('register-missing');
    const link = within(missing).getByRole('link', { name: '评鉴王五' });
    expect(link.getAttribute('href')).toBe('/supervisor/evaluate/O3/2026/1');
    expect(screen.getByRole('table', { name: '平时考核备案登记表' })).toBeTruthy();
    expect(screen.getByText('张三')).toBeTruthy();

    change(screen.getByLabelText(/^审核意见/), '经审核,本季度评鉴结果属实。');
    fireEvent.click(button('审核并签署'));
    expect(await screen.findByText('王五尚未完成第1季度领导评鉴,请先评鉴再签署')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>(/^审核意见/).value).toBe('经审核,本季度评鉴结果属实。');

    await signGrade(s1, 'O3');
    await waitFor(() => expect(screen.queryByTestId('register-missing')).toBeNull());
    fireEvent.click(button('审核并签署'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认签署' }));
    const signed = await screen.findByTestId('signed-register');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(signed).getAllByRole('row')).toHaveLength(4);
    expect(within(signed).getByText(/审核意见:经审核,本季度评鉴结果属实。/)).toBeTruthy();
    expect(await s1.registers.count()).toBe(1);
    fireEvent.click(button('导出第1版Word'));
    await waitFor(() =>
      expect(saved.map((f) => f.name)).toEqual(['2026年第1季度平时考核备案登记表-办公室.docx']),
    );

    fireEvent.click(button('签署新版本'));
    change(screen.getByLabelText(/^审核意见/), '重新审核。');
    fireEvent.click(button('审核并签署'));
    await waitFor(() =>
      expect(besideField(/^更正原因/)).toBe('第1版登记表已签署,请填写更正原因,作为第2版签署'),
    );
    change(screen.getByLabelText(/^更正原因/), '李四的评鉴已更正');
    fireEvent.click(button('审核并签署'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认签署' }));
    expect(await screen.findByText(/更正第1版,更正原因:李四的评鉴已更正/)).toBeTruthy();
    expect(await s1.registers.count()).toBe(2);
  }, 60_000);
});
