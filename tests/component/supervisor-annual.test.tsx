// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { QuarterGrade } from '../../shared/domain';
import {
  changeSupervisor,
  getAnnualComment,
  saveAnnualSummaryDraft,
  saveRoster,
  signEvaluation,
  submitAnnualSummary,
  type DutyBookDb,
} from '../../shared/store';
import { getAnnualCommentDraft } from '../../shared/store/annual-comment-drafts';
import { ServicesProvider } from '../../src-renderer/state/services';
import { useNotifications } from '../../src-renderer/state/notifications';
import { SupervisorWorkspace } from '../../src-renderer/features/supervisor/SupervisorWorkspace';
import { distributeRoster, makeOrg, ORG, receive, send, suite, type Org } from '../unit/sync/model/harness';
import { draftNextRoster, signRoster } from '../../shared/sync';
import { fakeHost } from './fake-host';

const host = fakeHost();
const open: DutyBookDb[] = [];
const SUMMARY =
  '本年度认真履行岗位职责，完成年度工作计划确定的各项任务，起草文稿三十余篇，组织业务培训两次，无差错。';

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

/** 王主任 (S1) graded 张三 (O1) in three quarters; 张三's 年度个人总结 reached S1, 李四's did not. */
async function setUp(): Promise<Org> {
  const org = await makeOrg();
  open.push(...Object.values(org.devices).map((d) => d.db));
  await distributeRoster(org);
  const o1 = org.devices.O1!;
  await saveAnnualSummaryDraft(o1.db, 'O1', 2026, SUMMARY);
  await submitAnnualSummary(o1.db, 'O1', 2026);
  await receive(org.devices.S1!, (await send(o1, org.devices.S1!)).bytes);
  const s1 = org.devices.S1!.db;
  await grade(s1, 'O1', 1, 'good');
  await grade(s1, 'O1', 2, 'fairlyGood');
  await grade(s1, 'O1', 3, 'good');
  return org;
}

function renderAt(db: DutyBookDb, at: string) {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path="supervisor/*" element={<SupervisorWorkspace />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const lastNotice = () => useNotifications.getState().current?.text ?? '';

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  useNotifications.setState({ current: null });
});

describe('主管领导评语和考核等次建议', () => {
  it('lists the team with what arrived, shows the summary beside the form, keeps a draft, refuses an empty form, signs and corrects', async () => {
    const org = await setUp();
    const s1 = org.devices.S1!.db;
    renderAt(s1, '/supervisor/annual?year=2026');

    const zhang = await screen.findByTestId('annual-team-O1', {}, { timeout: 8000 });
    expect(within(zhang).getByText('已收到')).toBeTruthy();
    expect(within(zhang).getByText('好 · 较好 · 好 · —')).toBeTruthy();
    expect(within(zhang).getByText('未填写')).toBeTruthy();
    expect(within(screen.getByTestId('annual-team-O2')).getByText('未收到')).toBeTruthy();

    fireEvent.click(within(zhang).getByRole('link', { name: '填写张三的评语和考核等次建议' }));
    const evidence = await screen.findByTestId('annual-evidence');
    expect(within(evidence).getByTestId('annual-summary-text').textContent).toBe(SUMMARY);
    expect(within(evidence).getByText('较好')).toBeTruthy();

    // Nothing typed: refused with the rule, no confirmation asked.
    fireEvent.click(screen.getByRole('button', { name: '签署评语和建议' }));
    const issues = await screen.findByTestId('issues');
    expect(within(issues).getByText('请填写评语')).toBeTruthy();
    expect(within(issues).getByText('请选择考核等次建议')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();

    // Typed text is kept as a draft in the database (autosave), not signed.
    fireEvent.change(screen.getByLabelText('评语'), {
      target: { value: '该同志政治立场坚定，工作认真负责。' },
    });
    await waitFor(
      async () => expect((await getAnnualCommentDraft(s1, 'O1', 2026))?.form.comment).toContain('认真负责'),
      {
        timeout: 5000,
      },
    );
    expect(await getAnnualComment(s1, 'O1', 2026)).toBeUndefined();

    fireEvent.click(screen.getByLabelText('称职'));
    fireEvent.click(screen.getByRole('button', { name: '签署评语和建议' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/“称职”的等次建议/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '签署' }));

    await screen.findByTestId('annual-comment-signed', {}, { timeout: 5000 });
    expect(screen.getByText('已签署 第1版')).toBeTruthy();
    const signed = await getAnnualComment(s1, 'O1', 2026);
    expect(signed).toMatchObject({ version: 1, suggestion: 'competent', supervisorName: '王主任' });
    expect(signed?.comment).toBe('该同志政治立场坚定，工作认真负责。');
    expect(await getAnnualCommentDraft(s1, 'O1', 2026)).toBeUndefined();
    expect(lastNotice()).toBe('已签署张三的评语和考核等次建议（第1版）');

    // A correction starts from the signed text and replaces it as 第2版.
    fireEvent.click(screen.getByRole('button', { name: '更正' }));
    await screen.findByText('更正第1版', {}, { timeout: 5000 });
    expect(screen.getByLabelText<HTMLTextAreaElement>('评语').value).toBe(
      '该同志政治立场坚定，工作认真负责。',
    );
    fireEvent.click(screen.getByLabelText('优秀'));
    fireEvent.click(screen.getByRole('button', { name: '签署评语和建议' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '签署' }));
    await screen.findByText('已签署 第2版', {}, { timeout: 5000 });
    expect(await getAnnualComment(s1, 'O1', 2026)).toMatchObject({ version: 2, suggestion: 'excellent' });
  }, 60_000);

  it('does not open the form for someone who is not a report', async () => {
    const org = await setUp();
    renderAt(org.devices.S1!.db, '/supervisor/annual/O4/2026');
    await screen.findByText(
      '人员名册中没有此人，或此人本年度不是您的下属，不能为其写评语。',
      {},
      { timeout: 8000 },
    );
    expect(screen.queryByLabelText('评语')).toBeNull();
  }, 60_000);

  it('lets a former 主管领导 (until June) write the year’s 评语 for the report who moved on, and lists them', async () => {
    const org = await setUp();
    // 张三 (O1) moves to 赵科长 (S2) on 1 July; 王主任 (S1) supervised the first half of the year.
    await changeSupervisor(org.hr.db, 'O1', 'S2', '2026-07-01');
    const draft = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey, now: new Date('2026-07-02T08:00:00Z') });
    await saveRoster(org.hr.db, await signRoster(await suite(), org.orgKey.seed, draft));
    await distributeRoster(org);
    const s1 = org.devices.S1!.db;
    renderAt(s1, '/supervisor/annual?year=2026');
    const list = await screen.findByRole('table', { name: '2026年下属年度考核评语情况' }, { timeout: 8000 });
    await within(list).findByText('张三', {}, { timeout: 8000 });
    cleanup();
    renderAt(s1, '/supervisor/annual/O1/2026');
    await screen.findByRole('heading', { name: '张三 2026年度考核评语和等次建议' }, { timeout: 8000 });
    expect(screen.queryByText('人员名册中没有此人，或此人本年度不是您的下属，不能为其写评语。')).toBeNull();
  }, 60_000);
});
