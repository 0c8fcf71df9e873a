// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { presets, type QuarterGrade } from '../../shared/domain';
import {
  getAnnualDecision,
  listAnnualDecisions,
  saveConfig,
  signAnnualComment,
  signAnnualOpinion,
  signEvaluation,
  type DutyBookDb,
} from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { useNotifications } from '../../src-renderer/state/notifications';
import { AnnualDecisionsPage } from '../../src-renderer/features/hr/annual-decisions/AnnualDecisionsPage';
import {
  PEOPLE,
  distributeRoster,
  makeOrg,
  receive,
  send,
  type Device,
  type Org,
  type PersonSpec,
} from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

const host = fakeHost();
const open: DutyBookDb[] = [];

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

const exchange = async (from: Device, to: Device) => receive(to, (await send(from, to)).bytes);

/**
 * 办公室 (H, S1, O1, O2, O3: a quota of 1 at 20 %), the national 优秀 rule. 王主任 (S1) grades 张三 (O1)
 * and 王五 (O3) 好 in the three quarters the annual assessment needs — tied at the quota's edge — and
 * 李四 (O2) 一般 once; suggests 优秀 for 张三 and 称职 for 李四. Everything reaches HR.
 */
async function setUp(): Promise<Org> {
  const org = await makeOrg();
  open.push(...Object.values(org.devices).map((d) => d.db));
  await saveConfig(org.hr.db, presets.national.config, 'national');
  await distributeRoster(org);
  const s1 = org.devices.S1!.db;
  for (const q of [1, 2, 3] as const) {
    await grade(s1, 'O1', q, 'good');
    await grade(s1, 'O3', q, 'good');
    await grade(s1, 'O2', q, q === 2 ? 'average' : 'good');
  }
  await signAnnualComment(s1, {
    personId: 'O1',
    year: 2026,
    comment: '工作成效突出。',
    suggestion: 'excellent',
  });
  await signAnnualComment(s1, {
    personId: 'O2',
    year: 2026,
    comment: '完成本职工作。',
    suggestion: 'competent',
  });
  await exchange(org.devices.S1!, org.hr);
  return org;
}

function renderDesk(db: DutyBookDb) {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={['/hr/annual-decisions?year=2026']}>
        <Routes>
          <Route path="/hr/annual-decisions" element={<AnnualDecisionsPage />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const row = (id: string) => screen.getByTestId(`decision-row-${id}`);
const dialog = () => screen.getByRole('dialog');
async function openFor(id: string, name: string) {
  fireEvent.click(within(row(id)).getByRole('button', { name: `确定${name}的年度考核结果` }));
  return screen.findByRole('dialog');
}
const signIn = (d: HTMLElement) => fireEvent.click(within(d).getByRole('button', { name: '签署结果' }));
const refusal = async () => (await screen.findByTestId('decision-refused')).textContent ?? '';

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  useNotifications.setState({ current: null });
});

describe('年度考核结果 (HR)', () => {
  it('decides within the rules: refuses 优秀 the rules exclude, a tie without the committee, 优秀 past the quota and a 不定等次 without reason — keeping what was typed', async () => {
    const org = await setUp();
    const hr = org.hr.db;
    renderDesk(hr);

    const zhang = await screen.findByTestId('decision-row-O1', {}, { timeout: 8000 });
    expect(within(zhang).getByText('并列,待研究确定')).toBeTruthy();
    expect(within(zhang).getByText('优秀')).toBeTruthy();
    expect(within(zhang).getByText('王主任建议')).toBeTruthy();
    expect(within(zhang).getByText('未确定')).toBeTruthy();
    expect(within(row('O3')).getByText('未收到')).toBeTruthy();

    // 李四: 一般 in the second quarter excludes 优秀; the refusal quotes the reason, the form stays.
    let d = await openFor('O2', '李四');
    fireEvent.click(within(d).getByLabelText('优秀'));
    fireEvent.change(within(d).getByLabelText('机关负责人或考核委员会意见'), { target: { value: '经研究' } });
    signIn(d);
    expect(await refusal()).toMatch(/“李四”不能评为优秀:李四2026年第2季度为“一般”/);
    expect(within(dialog()).getByLabelText<HTMLInputElement>('优秀').checked).toBe(true);
    expect(within(dialog()).getByLabelText<HTMLTextAreaElement>('机关负责人或考核委员会意见').value).toBe(
      '经研究',
    );
    expect(await listAnnualDecisions(hr, 2026)).toHaveLength(0);
    fireEvent.click(within(dialog()).getByLabelText('称职'));
    signIn(dialog());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    // The decision (with its 本人意见 deadline) replaces 未确定 in the row.
    await waitFor(() => expect(within(row('O2')).getByText(/^待签署（/)).toBeTruthy(), { timeout: 5000 });
    expect(within(row('O2')).getByText('第1版')).toBeTruthy();
    expect(within(row('O2')).queryByText('未确定')).toBeNull();
    expect(useNotifications.getState().current?.text).toBe('已签署李四的年度考核结果：称职（第1版）');

    // 张三: tied at the edge of the one place; 优秀 needs the committee's opinion.
    d = await openFor('O1', '张三');
    expect(within(d).getByLabelText<HTMLInputElement>('并列情况说明').value).toBe(
      '王五、张三并列第1名,剩余名额1个,请研究确定',
    );
    fireEvent.click(within(d).getByLabelText('优秀'));
    signIn(d);
    expect(await refusal()).toContain(
      '“张三”与他人并列于优秀名额的边缘,评为优秀须填写机关负责人或考核委员会意见',
    );
    fireEvent.change(within(dialog()).getByLabelText('机关负责人或考核委员会意见'), {
      target: { value: '经考核委员会研究，确定张三为优秀。' },
    });
    signIn(dialog());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect(await getAnnualDecision(hr, 'O1', 2026)).toMatchObject({
      outcome: { kind: 'graded', grade: 'excellent' },
      committeeOpinion: '经考核委员会研究，确定张三为优秀。',
    });
    await screen.findByText('优秀名额1个，已确定优秀1人');

    // 王五: the one place is taken; then 不定等次 must say why.
    d = await openFor('O3', '王五');
    fireEvent.click(within(d).getByLabelText('优秀'));
    fireEvent.change(within(d).getByLabelText('机关负责人或考核委员会意见'), { target: { value: '同意' } });
    signIn(d);
    expect(await refusal()).toContain('本单位优秀名额为1名,已确定优秀1名,不能再评“王五”为优秀');
    fireEvent.click(within(dialog()).getByLabelText('不定等次'));
    signIn(dialog());
    expect(await refusal()).toContain('“王五”不定等次,请写明原因');
    // Closing and reopening keeps what was typed.
    fireEvent.click(within(dialog()).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    d = await openFor('O3', '王五');
    expect(within(d).getByLabelText<HTMLInputElement>('不定等次').checked).toBe(true);
    expect(within(d).getByLabelText<HTMLTextAreaElement>('机关负责人或考核委员会意见').value).toBe('同意');
    fireEvent.change(within(d).getByLabelText('理由'), { target: { value: '病假超过规定期限' } });
    signIn(d);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect(await getAnnualDecision(hr, 'O3', 2026)).toMatchObject({
      outcome: { kind: 'ungraded', reason: '病假超过规定期限' },
    });

    // Searching narrows the list; 只看待处理 leaves those not yet decided.
    fireEvent.change(screen.getByLabelText('查找'), { target: { value: '李四' } });
    await waitFor(() => expect(screen.queryByTestId('decision-row-O1')).toBeNull());
    expect(row('O2')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('查找'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('只看待处理'));
    await waitFor(() => expect(screen.queryByTestId('decision-row-O2')).toBeNull());
    expect(row('S1')).toBeTruthy();
  }, 90_000);

  it('shows 有异议 as a 复核 request in the official\u2019s words, and a correction answers it', async () => {
    const org = await setUp();
    const hr = org.hr.db;
    renderDesk(hr);
    await screen.findByTestId('decision-row-O2', {}, { timeout: 8000 });
    const d = await openFor('O2', '李四');
    fireEvent.click(within(d).getByLabelText('称职'));
    signIn(d);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect(within(screen.getByTestId('review-requests')).getByText('暂无复核申请。')).toBeTruthy();

    const o2 = org.devices.O2!;
    await exchange(org.hr, o2);
    await signAnnualOpinion(o2.db, 2026, { agree: false, text: '第二季度的“一般”与实际不符，请求复核。' });
    await exchange(o2, org.hr);

    const request = await screen.findByTestId('review-O2', {}, { timeout: 8000 });
    expect(within(request).getByText('第二季度的“一般”与实际不符，请求复核。')).toBeTruthy();
    expect(within(request).getByText('待复核')).toBeTruthy();
    expect(within(row('O2')).getByText('有异议')).toBeTruthy();

    fireEvent.click(within(request).getByRole('button', { name: '复核后更正' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getByLabelText<HTMLInputElement>('称职').checked).toBe(true);
    fireEvent.change(within(again).getByLabelText('机关负责人或考核委员会意见'), {
      target: { value: '经复核，第二季度评鉴有据，维持称职。' },
    });
    signIn(again);
    await waitFor(
      () => expect(within(screen.getByTestId('review-O2')).getByText('已复核（现为第2版）')).toBeTruthy(),
      {
        timeout: 5000,
      },
    );
    expect(await getAnnualDecision(hr, 'O2', 2026)).toMatchObject({ version: 2 });
  }, 90_000);

  it('starts those who do not take part, or take part without a 等次, from the rules’ reason, and refuses a 等次 for them', async () => {
    // An HR clerk without the 公务员 role and a new 公务员 on probation, beside the harness's people.
    const people = [
      ...PEOPLE,
      { id: 'C', name: '人事干事', unitId: '1', roles: ['hr'], supervisorId: null },
      {
        id: 'N',
        name: '新录用',
        unitId: '1',
        roles: ['official'],
        supervisorId: 'S1',
        joinedOn: '2026-07-15',
        probationEnd: '2027-07-14',
      },
    ] as PersonSpec[];
    const org = await makeOrg({ people });
    open.push(...Object.values(org.devices).map((d) => d.db));
    const hr = org.hr.db;
    renderDesk(hr);
    await screen.findByTestId('decision-row-C', {}, { timeout: 8000 });
    expect(within(row('C')).getByText('不参加年度考核')).toBeTruthy();

    let d = await openFor('C', '人事干事');
    expect(within(d).getByLabelText<HTMLInputElement>('不参加考核').checked).toBe(true);
    expect(within(d).getByLabelText<HTMLInputElement>('理由').value).not.toBe('');
    fireEvent.click(within(d).getByLabelText('称职'));
    signIn(d);
    expect(await refusal()).toMatch(/^不能签署.*“人事干事”本年度不参加年度考核.*不能确定等次/);
    expect(await listAnnualDecisions(hr, 2026)).toHaveLength(0);
    fireEvent.click(within(dialog()).getByLabelText('不参加考核'));
    expect(within(dialog()).getByLabelText<HTMLInputElement>('理由').value).not.toBe('');
    signIn(dialog());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect((await getAnnualDecision(hr, 'C', 2026))?.outcome.kind).toBe('notParticipating');

    d = await openFor('N', '新录用');
    expect(within(d).getByLabelText<HTMLInputElement>('不定等次').checked).toBe(true);
    expect(within(d).getByLabelText<HTMLInputElement>('理由').value).toContain('试用期');
    signIn(d);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 });
    expect((await getAnnualDecision(hr, 'N', 2026))?.outcome).toMatchObject({ kind: 'ungraded' });
  }, 90_000);
});
