// @vitest-environment happy-dom
/**
 * The official's 评鉴结果 tab on real signed records: the supervisor S1 signs a 领导评鉴 and records a
 * 个人谈话 for 张三 (O1) on S1's own device, and they reach O1's device through a real bundle.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { OfficialContext, type OfficialContextValue } from '../../src-renderer/features/official/context';
import { ResultsPage } from '../../src-renderer/features/official/results/ResultsPage';
import { ackDraftKey } from '../../src-renderer/features/official/results/strings';
import { useNotifications } from '../../src-renderer/state/notifications';
import {
  LOCAL_PROFILE_ID,
  leafIndicators,
  presetConfig,
  templateFor,
  type FeedbackRow,
} from '../../shared/domain';
import { recordFeedback, signEvaluation, type EvaluationFormInput } from '../../shared/store';
import { distributeRoster, makeOrg, PEOPLE, receive, send, type Device } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';


const host = fakeHost();
const at = (d: string) => new Date(`${d}T09:00:00.000Z`);
const open: Device[] = [];

afterEach(() => {
  cleanup();
  open.splice(0).forEach((d) => d.db.close());
  localStorage.clear();
  useNotifications.setState({ current: null });
});

function gradeInput(over: Partial<EvaluationFormInput> = {}): EvaluationFormInput {
  return {
    subject: 'O1',
    year: 2026,
    quarter: 1,
    method: 'grade',
    grade: 'fairlyGood',
    bonuses: [],
    peerOpinion: { consulted: 6, scope: '本科室同事', gist: '工作主动,配合好' },
    publicFeedback: { source: '来访群众', gist: '办事耐心' },
    opinion: '较好完成了一季度预算编制任务',
    evidence: { recordVersions: [] },
    ...over,
  };
}

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

/** HR, 王主任 (S1) and his report 张三 (O1): S1 evaluates Q1 and holds a 个人谈话; O1 receives both. */
async function setup(): Promise<{ S1: Device; O1: Device; feedback: FeedbackRow }> {
  const org = await makeOrg({ people: PEOPLE.filter((p) => ['H', 'S1', 'O1'].includes(p.id)) });
  open.push(...Object.values(org.devices));
  await distributeRoster(org);
  const S1 = org.devices.S1!;
  const O1 = org.devices.O1!;
  await signEvaluation(S1.db, gradeInput(), at('2026-04-05'));
  const feedback = await recordFeedback(
    S1.db,
    {
      personId: 'O1',
      year: 2026,
      quarter: 1,
      kind: 'talk',
      date: '2026-04-08',
      place: '三楼小会议室',
      participants: '王主任、张三',
      content: '肯定了预算编制工作的进度',
      improvements: '加强调研,材料要更精炼',
    },
    at('2026-04-08'),
  );
  await exchange(S1, O1);
  return { S1, O1, feedback };
}

function renderPage(O1: Device) {
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
    today: at('2026-05-01'),
  };
  return render(
    <ServicesProvider services={{ db: O1.db, host }}>
      <MemoryRouter initialEntries={['/official/results']}>
        <OfficialContext.Provider value={value}>
          <ResultsPage />
        </OfficialContext.Provider>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

describe('评鉴结果 on the official’s device', () => {
  it('shows the signed evaluation of the quarter, and says which quarters have none yet', async () => {
    const { O1 } = await setup();
    renderPage(O1);
    const q1 = await screen.findByTestId('quarter-1');
    await waitFor(() => expect(within(q1).getByTestId('eval-result')).toHaveTextContent('等次“较好”'));
    expect(within(q1).getByTestId('eval-opinion')).toHaveTextContent('较好完成了一季度预算编制任务');
    expect(within(q1).getByText('定性评鉴')).toBeInTheDocument();
    expect(within(q1).getByTestId('eval-peer')).toHaveTextContent('征求意见6人;征求意见范围:本科室同事');
    expect(within(q1).getByTestId('eval-peer')).toHaveTextContent('工作主动,配合好');
    expect(within(q1).getByTestId('eval-public')).toHaveTextContent('来访群众');
    const current = within(q1).getByTestId('eval-current');
    expect(within(current).getByText('王主任')).toBeInTheDocument();
    expect(within(current).getByText('2026-04-05')).toBeInTheDocument();
    expect(within(q1).getByTestId('eval-version')).toHaveTextContent('第1版');
    expect(within(q1).queryByTestId('eval-history')).toBeNull();
    // The feedback, as recorded by the supervisor.
    const card = within(q1).getByRole('article', { name: '个人谈话 · 2026-04-08' });
    expect(card).toHaveTextContent('三楼小会议室');
    expect(card).toHaveTextContent('王主任、张三');
    expect(card).toHaveTextContent('加强调研,材料要更精炼');

    const q2 = screen.getByTestId('quarter-2');
    expect(within(q2).getByText('尚未收到第2季度领导评鉴结果')).toBeInTheDocument();
    expect(within(q2).getByRole('link', { name: '前往同步' })).toHaveAttribute('href', '/sync');
    expect(within(screen.getByTestId('results-summary')).getAllByText('尚未收到')).toHaveLength(3);
  });

  it('refuses an empty 签署意见 in Chinese and stores nothing', async () => {
    const { O1, feedback } = await setup();
    renderPage(O1);
    const card = await screen.findByRole('article', { name: '个人谈话 · 2026-04-08' });
    fireEvent.change(within(card).getByLabelText('签署意见'), { target: { value: '   ' } });
    fireEvent.click(within(card).getByRole('button', { name: '签署' }));
    expect(await within(card).findByText('请填写签署意见')).toBeInTheDocument();
    expect(within(card).getByLabelText('签署意见')).toHaveAttribute('aria-invalid', 'true');
    expect(useNotifications.getState().current).toMatchObject({ kind: 'error', text: '填写的内容有误' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await O1.db.feedback.get(feedback.id))?.ack).toBeUndefined();
  });

  it('signs the 签署意见 after a confirm step, stores it, shows it, and lets it be replaced', async () => {
    const { O1, feedback } = await setup();
    renderPage(O1);
    const card = await screen.findByRole('article', { name: '个人谈话 · 2026-04-08' });
    fireEvent.change(within(card).getByLabelText('签署意见'), { target: { value: '已知悉,将按要求改进。' } });
    fireEvent.click(within(card).getByRole('button', { name: '签署' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('已知悉,将按要求改进。');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认签署' }));

    await waitFor(async () =>
      expect((await O1.db.feedback.get(feedback.id))?.ack?.text).toBe('已知悉,将按要求改进。'),
    );
    const shown = await within(card).findByTestId('ack-shown');
    expect(shown).toHaveTextContent('已知悉,将按要求改进。');
    expect(shown).toHaveTextContent('将在下次同步时送达主管领导');
    expect(within(card).queryByLabelText('签署意见')).toBeNull();
    expect(localStorage.getItem(ackDraftKey('O1', feedback.id))).toBeNull();
    // The ack is a signed record, ready to travel back to the supervisor.
    expect(await O1.db.facts.filter((f) => f.type === 'feedback.ack').count()).toBe(1);

    // 修改签署意见: starts from the signed text; the new one replaces it.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(within(card).getByRole('button', { name: '修改签署意见' }));
    const box = within(card).getByLabelText('签署意见');
    expect(box).toHaveValue('已知悉,将按要求改进。');
    fireEvent.change(box, { target: { value: '已知悉。下季度前完成专题调研。' } });
    fireEvent.click(within(card).getByRole('button', { name: '签署' }));
    const again = await screen.findByRole('dialog');
    expect(again).toHaveTextContent('此前已签署的意见将被替换');
    fireEvent.click(within(again).getByRole('button', { name: '确认签署' }));
    await waitFor(async () =>
      expect((await O1.db.feedback.get(feedback.id))?.ack?.text).toBe('已知悉。下季度前完成专题调研。'),
    );
    await waitFor(() =>
      expect(within(card).getByTestId('ack-shown')).toHaveTextContent('已知悉。下季度前完成专题调研。'),
    );
    expect(await O1.db.facts.filter((f) => f.type === 'feedback.ack').count()).toBe(2);
  });

  it('keeps a half-written 签署意见 across a reload until it is signed', async () => {
    const { O1, feedback } = await setup();
    const first = renderPage(O1);
    const card = await screen.findByRole('article', { name: '个人谈话 · 2026-04-08' });
    fireEvent.change(within(card).getByLabelText('签署意见'), { target: { value: '已知悉,正在' } });
    first.unmount();

    renderPage(O1);
    const again = await screen.findByRole('article', { name: '个人谈话 · 2026-04-08' });
    expect(within(again).getByLabelText('签署意见')).toHaveValue('已知悉,正在');
    expect(within(again).getByTestId('ack-restored')).toBeInTheDocument();
    expect((await O1.db.feedback.get(feedback.id))?.ack).toBeUndefined();
  });

  it('shows a corrected evaluation as 第2版 with the reason, and every version in the history', async () => {
    const { S1, O1 } = await setup();
    await signEvaluation(
      S1.db,
      gradeInput({ grade: 'good', opinion: '超额完成预算编制任务', correctionReason: '漏计了专项审计工作' }),
      at('2026-04-20'),
    );
    await exchange(S1, O1);
    renderPage(O1);
    const q1 = await screen.findByTestId('quarter-1');
    await waitFor(() => expect(within(q1).getByTestId('eval-version')).toHaveTextContent('第2版'));
    expect(within(q1).getByTestId('eval-result')).toHaveTextContent('等次“好”');
    expect(within(q1).getByTestId('eval-opinion')).toHaveTextContent('超额完成预算编制任务');
    expect(within(q1).getByTestId('eval-correction')).toHaveTextContent('更正原因:漏计了专项审计工作');
    const history = within(q1).getByTestId('eval-history');
    expect(history).toHaveTextContent('第2版 · 2026-04-20 · 王主任签署(现行)');
    expect(history).toHaveTextContent('更正第1版,原因:漏计了专项审计工作');
    expect(history).toHaveTextContent('第1版 · 2026-04-05 · 王主任签署');
    expect(history).toHaveTextContent('较好完成了一季度预算编制任务');
    expect(within(screen.getByTestId('results-summary')).getByText(/第2版,已更正/)).toBeInTheDocument();
  });

  it('shows a 定量 result with its score, each indicator and the 加分 with reasons', async () => {
    const { S1, O1 } = await setup();
    const template = templateFor(presetConfig('hubei').indicatorTemplates, 'comprehensive', 'staff1')!;
    const leaves = leafIndicators(template.indicators);
    await signEvaluation(
      S1.db,
      gradeInput({
        quarter: 2,
        method: 'score',
        grade: undefined,
        leafScores: Object.fromEntries(leaves.map(({ node }) => [node.id, 85])),
        bonuses: [{ factorId: 'commendation', points: 2, reason: '获市级先进个人' }],
        publicFeedback: null,
      }),
      at('2026-07-06'),
    );
    await exchange(S1, O1);
    renderPage(O1);
    const q2 = await screen.findByTestId('quarter-2');
    await waitFor(() => expect(within(q2).getByTestId('eval-result')).toHaveTextContent('87分 · 等次“较好”'));
    expect(within(q2).getByText('定量评鉴')).toBeInTheDocument();
    expect(within(q2).getByTestId('eval-bonuses')).toHaveTextContent(
      '受到上级表彰奖励 加2分;加分理由:获市级先进个人',
    );
    const scores = within(q2).getByRole('table', { name: '各项指标得分' });
    expect(within(scores).getAllByRole('row')).toHaveLength(leaves.length + 1);
    expect(scores).toHaveTextContent(leaves[0]!.trail.join(' / '));
    expect(within(q2).getByTestId('eval-public')).toHaveTextContent('本季度无服务对象和社会反映');
    // No feedback yet for the quarter: said so.
    expect(within(q2).getByText('尚未收到本季度的评鉴结果反馈(会议点评或个人谈话)。')).toBeInTheDocument();
  });

  it('says in Chinese why a 签署意见 cannot be signed on a device without keys, and keeps the text', async () => {
    const { O1, feedback } = await setup();
    await O1.db.trust.delete('self');
    renderPage(O1);
    const card = await screen.findByRole('article', { name: '个人谈话 · 2026-04-08' });
    fireEvent.change(within(card).getByLabelText('签署意见'), { target: { value: '已知悉。' } });
    fireEvent.click(within(card).getByRole('button', { name: '签署' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认签署' }));
    expect(await within(card).findByText(/本机尚未生成密钥/)).toBeInTheDocument();
    expect(useNotifications.getState().current).toMatchObject({ kind: 'error', text: '没有权限进行此操作' });
    expect(within(card).getByLabelText('签署意见')).toHaveValue('已知悉。');
    expect(localStorage.getItem(ackDraftKey('O1', feedback.id))).toContain('已知悉。');
    expect((await O1.db.feedback.get(feedback.id))?.ack).toBeUndefined();
  });
});
