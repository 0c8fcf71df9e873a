// @vitest-environment happy-dom
/**
 * The official's 年度考核 tab on real signed records: 张三 (O1) writes and submits the 年度个人总结 on
 * their device; HR signs the 年度考核结果 on its own device, it reaches O1 through a real bundle, and O1
 * signs 本人意见 — which reaches HR as a 复核 request when it is 有异议.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { OfficialContext, type OfficialContextValue } from '../../src-renderer/features/official/context';
import { AnnualPage } from '../../src-renderer/features/official/annual/AnnualPage';
import { annualDraftKeys } from '../../src-renderer/features/official/annual/strings';
import { useNotifications } from '../../src-renderer/state/notifications';
import { LOCAL_PROFILE_ID } from '../../shared/domain';
import {
  getAnnualSummary,
  listReviewRequests,
  signAnnualComment,
  signAnnualDecision,
} from '../../shared/store';
import { distributeRoster, makeOrg, PEOPLE, receive, send, writePlan, type Device } from '../unit/sync/model/harness';
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

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

async function setup() {
  const org = await makeOrg({ people: PEOPLE.filter((p) => ['H', 'S1', 'O1'].includes(p.id)) });
  open.push(...Object.values(org.devices));
  await distributeRoster(org);
  return { H: org.devices.H!, S1: org.devices.S1!, O1: org.devices.O1! };
}

function renderPage(O1: Device, today: string) {
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
    today: at(today),
  };
  return render(
    <ServicesProvider services={{ db: O1.db, host }}>
      <MemoryRouter initialEntries={['/official/annual']}>
        <OfficialContext.Provider value={value}>
          <AnnualPage />
        </OfficialContext.Provider>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const TEXT = '本年度认真履行岗位职责,起草文稿三十余篇,牵头完成预算编制,全年无差错。';

async function decide(H: Device, O1: Device, opinionDueOn = '2027-01-10') {
  await signAnnualDecision(
    H.db,
    { personId: 'O1', year: 2026, outcome: { kind: 'graded', grade: 'competent' }, committeeOpinion: '同意主管领导意见', opinionDueOn },
    {
      row: { name: '张三', eligible: true, reasons: [], participation: { kind: 'graded' }, standing: 'within' },
      context: { excellentGivenInGroup: 0, quota: 1 },
    },
    at('2026-12-28'),
  );
  await exchange(H, O1);
}

describe('年度考核 on the official’s device', () => {
  it('pre-fills the 年度个人总结 from the plan, refuses a too-short one with the words kept, submits, reopens', async () => {
    const { O1 } = await setup();
    await writePlan(O1, ['起草年度工作要点', '完成预算编制']);
    renderPage(O1, '2026-12-15');
    const box = await screen.findByRole('textbox', { name: '个人总结' });
    expect((box as HTMLTextAreaElement).value).toContain('2026年度个人工作计划共2项:“起草年度工作要点”,“完成预算编制”。');
    expect((box as HTMLTextAreaElement).value).toContain('一、思想政治表现');

    fireEvent.change(box, { target: { value: '太短了' } });
    fireEvent.click(screen.getByRole('button', { name: '提交个人总结' }));
    expect(await screen.findAllByText('年度个人总结内容过短,请至少填写20个字')).not.toHaveLength(0);
    // Refused: the words stay, on screen and stored, and nothing was submitted.
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: '个人总结' }).value).toBe('太短了');
    await waitFor(async () => expect((await getAnnualSummary(O1.db, 'O1', 2026))?.text).toBe('太短了'));
    expect((await O1.db.facts.toArray()).filter((f) => f.type === 'annual.summary')).toEqual([]);

    fireEvent.change(screen.getByRole('textbox', { name: '个人总结' }), { target: { value: TEXT } });
    fireEvent.click(screen.getByRole('button', { name: '提交个人总结' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '提交个人总结' }));
    await waitFor(async () => expect(await getAnnualSummary(O1.db, 'O1', 2026)).toMatchObject({ state: 'submitted', version: 1, text: TEXT }));
    // Submitted today (the store's clock, not the page's).
    expect(await screen.findByText(/^第1版已于\d{4}年\d{1,2}月\d{1,2}日提交。$/)).toBeInTheDocument();
    expect(screen.getByText(/^已提交第1版\(\d{4}年\d{1,2}月\d{1,2}日\)$/)).toBeInTheDocument();

    fireEvent.click(await screen.findByRole('button', { name: '修改并重新提交' }));
    await waitFor(async () => expect((await getAnnualSummary(O1.db, 'O1', 2026))?.state).toBe('editing'));
    expect(await screen.findByText(/提交前主管领导和人事部门看到的仍是第1版/)).toBeInTheDocument();
  });

  it('shows the comment and the result; 有异议 needs words, then reaches HR as a 复核 request', async () => {
    const { H, S1, O1 } = await setup();
    await signAnnualComment(S1.db, { personId: 'O1', year: 2026, comment: '工作扎实,完成任务好。', suggestion: 'excellent' }, at('2026-12-20'));
    await exchange(S1, O1);
    await decide(H, O1);
    renderPage(O1, '2027-01-05');

    const result = await screen.findByTestId('annual-result');
    expect(within(result).getByText('称职')).toBeInTheDocument();
    expect(within(result).getByText('同意主管领导意见')).toBeInTheDocument();
    expect(within(result).getByText('请阅看考核结果后签署本人意见。签署期限:2027年1月10日(含当日)。')).toBeInTheDocument();
    expect(screen.getByText('工作扎实,完成任务好。')).toBeInTheDocument();
    expect(screen.getByText('王主任已于2026年12月20日签署')).toBeInTheDocument();

    fireEvent.click(within(result).getByRole('radio', { name: '有异议' }));
    fireEvent.click(within(result).getByRole('button', { name: '签署本人意见' }));
    expect(await within(result).findByText('有异议时请写明异议的内容和理由')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();

    const words = '本人全年四个季度评鉴均为“好”,申请复核。';
    fireEvent.change(within(result).getByRole('textbox', { name: '异议的内容和理由' }), { target: { value: words } });
    expect(localStorage.getItem(annualDraftKeys.opinion('O1', 2026))).toContain(words);
    fireEvent.click(within(result).getByRole('button', { name: '签署本人意见' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('人事部门将收到您的复核申请');
    fireEvent.click(within(dialog).getByRole('button', { name: '签署' }));
    const shown = await screen.findByTestId('opinion-shown');
    expect(shown).toHaveTextContent('有异议(复核申请)');
    expect(shown).toHaveTextContent(words);
    expect(localStorage.getItem(annualDraftKeys.opinion('O1', 2026))).toBeNull();
    expect(screen.getByText('已签署:有异议(申请复核)')).toBeInTheDocument();

    await exchange(O1, H);
    const requests = await listReviewRequests(H.db, 2026);
    expect(requests.map((r) => r.opinion?.text)).toEqual([words]);
  });

  it('after the deadline the form is closed with the rule in words', async () => {
    const { H, O1 } = await setup();
    await decide(H, O1, '2027-01-10');
    renderPage(O1, '2027-01-11');
    expect(await screen.findByTestId('opinion-late')).toHaveTextContent(
      '签署期限(2027年1月10日)已过,不能再签署本人意见。如有异议,请直接与人事部门联系。',
    );
    expect(screen.queryByRole('button', { name: '签署本人意见' })).toBeNull();
    expect(screen.getByText('未签署(期限2027年1月10日已过)')).toBeInTheDocument();
  });
});
