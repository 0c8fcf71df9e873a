// @vitest-environment happy-dom
/**
 * HR opens any material read-only beside the page: a month's 记实簿 with every version and the return
 * reason, the plan with its 核准, the 领导评鉴's versions with the correction reason, the feedback and
 * the official's 签署意见, the register and its 备案回执 — labelled in words, never ids or "2026-Q2".
 * The data arrives the way it does in the field: signed on the officials' and supervisor's devices,
 * carried to HR in real bundles.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import {
  MaterialDrawer,
  decodeMaterialRef,
  encodeMaterialRef,
  materialHref,
  materialLabel,
  useOpenMaterial,
  type MaterialRef,
} from '../../src-renderer/records/materials';
import {
  acknowledgeFeedback,
  decidePlan,
  fileRecord,
  recordFeedback,
  returnRecordBook,
  signEvaluation,
  signRegister,
  type EvaluationFormInput,
} from '../../shared/store';
import { makeOrg, receive, send, writePlan, writeRecord, type Device } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

afterEach(cleanup);

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

const grade = (subject: string, extra: Partial<EvaluationFormInput> = {}): EvaluationFormInput => ({
  subject,
  year: 2026,
  quarter: 1,
  method: 'grade',
  grade: 'fairlyGood',
  bonuses: [],
  peerOpinion: { consulted: 5, scope: '科室', gist: '认真' },
  publicFeedback: null,
  opinion: '完成任务',
  evidence: { recordVersions: [] },
  ...extra,
});

/** O1 (张三): a plan approved and filed; January returned once and resubmitted; a corrected evaluation. */
async function organisation() {
  const org = await makeOrg();
  const d = org.devices;
  for (const id of Object.keys(d)) if (id !== 'H') await exchange(org.hr, d[id]!);
  const { S1, O1, O2, O3 } = { S1: d.S1!, O1: d.O1!, O2: d.O2!, O3: d.O3! };
  await writePlan(O1, ['编制部门预算', '政策研究']);
  await writeRecord(O1, 1, '一月预算初稿', 20);
  await exchange(O1, S1);
  await decidePlan(S1.db, {
    personId: 'O1',
    year: 2026,
    version: 1,
    decision: 'approve',
    opinion: '同意,按期推进',
  });
  await returnRecordBook(S1.db, {
    personId: 'O1',
    year: 2026,
    month: 1,
    version: 1,
    reason: '出勤天数与考勤表不符',
  });
  await exchange(S1, O1);
  await writeRecord(O1, 1, '一月预算定稿', 25);
  await exchange(O1, S1);
  for (const p of ['O1', 'O2', 'O3']) await signEvaluation(S1.db, grade(p));
  await signEvaluation(S1.db, grade('O1', { grade: 'good', correctionReason: '补充了三月的重点工作' }));
  const fb = await recordFeedback(S1.db, {
    personId: 'O1',
    year: 2026,
    quarter: 1,
    kind: 'talk',
    date: '2026-04-08',
    place: '办公室',
    participants: '王主任、张三',
    content: '一季度工作扎实',
    improvements: '加强统筹',
  });
  await exchange(S1, O1);
  await acknowledgeFeedback(O1.db, fb.id, '认真改进');
  await exchange(O1, S1);
  await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '情况属实' });
  await exchange(S1, org.hr);
  await exchange(O1, org.hr);
  await fileRecord(org.hr.db, { what: 'register', personId: 'S1', year: 2026, quarter: 1, version: 1 });
  await fileRecord(org.hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 });
  void O2;
  void O3;
  return org;
}

function Where() {
  const { search } = useLocation();
  return <output data-testid="search">{search}</output>;
}

function Opener({ refs }: { refs: MaterialRef[] }) {
  const open = useOpenMaterial();
  return (
    <>
      {refs.map((r) => (
        <button key={encodeMaterialRef(r)} type="button" onClick={() => open(r)}>
          {`打开${materialLabel(r)}`}
        </button>
      ))}
    </>
  );
}

function show(db: Device['db'], refs: MaterialRef[], at = '/hr/materials?q=张三') {
  return render(
    <ServicesProvider services={{ db, host: fakeHost() }}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route
            path="*"
            element={
              <>
                <Opener refs={refs} />
                <Where />
                <MaterialDrawer />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const record: MaterialRef = { kind: 'record', personId: 'O1', year: 2026, month: 1 };
const register: MaterialRef = { kind: 'register', personId: 'S1', year: 2026, quarter: 1 };
const evaluation: MaterialRef = { kind: 'evaluation', personId: 'O1', year: 2026, quarter: 1 };
const plan: MaterialRef = { kind: 'plan', personId: 'O1', year: 2026 };
const feedback: MaterialRef = { kind: 'feedback', personId: 'O1', year: 2026, quarter: 1 };

describe('materialLabel and the address', () => {
  it('says each material in words, with its version and whether it corrects one', () => {
    expect(materialLabel({ ...evaluation, quarter: 2 }, 2)).toBe('2026年第2季度领导评鉴 · 第2版(更正)');
    expect(materialLabel(record, 2)).toBe('2026年1月平时考核记实簿 · 第2版');
    expect(materialLabel(plan)).toBe('2026年度个人工作计划');
    expect(materialLabel(register, 1)).toBe('2026年第1季度平时考核备案登记表 · 第1版');
    expect(materialLabel({ kind: 'summary', personId: 'O1', year: 2026, quarter: 3 })).toBe(
      '2026年第3季度个人工作小结',
    );
    for (const r of [record, register, evaluation, plan, feedback]) {
      expect(materialLabel(r)).not.toMatch(/Q\d|O1|S1|\d{4}-\d/);
      expect(decodeMaterialRef(encodeMaterialRef(r))).toEqual(r);
    }
  });

  it('keeps the page’s own search params and refuses addresses that name no material', () => {
    expect(materialHref(record, '?q=张三&period=2026-01')).toBe(
      `?q=${encodeURIComponent('张三')}&period=2026-01&m=${encodeURIComponent('record/O1/2026-01')}`,
    );
    expect(decodeMaterialRef('record/O1/2026-13')).toBeUndefined();
    expect(decodeMaterialRef('nonsense/O1/2026')).toBeUndefined();
    expect(decodeMaterialRef('register/~/2026-Q1/x:1')).toBeUndefined();
    expect(decodeMaterialRef(null)).toBeUndefined();
  });
});

describe('MaterialDrawer', () => {
  it('opens a month’s 记实簿 with both versions and the return reason; Esc closes it back to the list', async () => {
    const org = await organisation();
    show(org.hr.db, [record]);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年1月平时考核记实簿' }));
    const drawer = await screen.findByRole('complementary', { name: '2026年1月平时考核记实簿' });
    expect(screen.getByTestId('search').textContent).toContain('q=');
    const view = await within(drawer).findByTestId('material-view');
    expect(view).toHaveTextContent('张三 · 办公室');
    // The newest version first: the text as resubmitted, and no return on it.
    await waitFor(() => expect(view).toHaveTextContent('一月预算定稿'));
    expect(within(view).getByTestId('material-version')).toHaveTextContent('第2版');
    expect(within(view).queryByTestId('record-return')).toBeNull();
    // Version 1: what was returned, and why.
    fireEvent.click(within(view).getByRole('button', { name: '第1版' }));
    expect(view).toHaveTextContent('一月预算初稿');
    expect(within(view).getByTestId('record-return')).toHaveTextContent('退回原因:出勤天数与考勤表不符');
    expect(view.textContent).not.toMatch(/2026-Q|O1\b/);
    act(() => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    await waitFor(() => expect(screen.queryByTestId('material-view')).toBeNull());
    // Back to the list as it was (this page opened it, so closing is Back).
    expect(screen.getByTestId('search').textContent).toBe('?q=张三');
  });

  it('shows the quarter’s register with its rows, the supervisor’s opinion and the 备案回执', async () => {
    const org = await organisation();
    show(org.hr.db, [register]);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年第1季度平时考核备案登记表' }));
    const view = await screen.findByTestId('material-view');
    await waitFor(() => expect(view).toHaveTextContent('情况属实'));
    expect(view).toHaveTextContent('王主任 · 办公室');
    const table = within(view).getByRole('table', { name: '2026年第1季度平时考核备案登记表 · 第1版' });
    expect(within(table).getAllByRole('row')).toHaveLength(4); // a header and 张三, 李四, 王五
    expect(table).toHaveTextContent('张三');
    expect(table).toHaveTextContent('好'); // 张三's corrected grade
    expect(view).toHaveTextContent(/第1版已备案\(2026-\d\d-\d\d \d\d:\d\d,经办人:人事科\)/);
  });

  it('shows each evaluation version with the correction reason', async () => {
    const org = await organisation();
    show(org.hr.db, [evaluation]);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年第1季度领导评鉴' }));
    const view = await screen.findByTestId('material-view');
    await waitFor(() =>
      expect(within(view).getByTestId('material-version')).toHaveTextContent(
        '2026年第1季度领导评鉴 · 第2版(更正)',
      ),
    );
    expect(view).toHaveTextContent('更正第1版,更正原因:补充了三月的重点工作');
    expect(view).toHaveTextContent('王主任');
    fireEvent.click(within(view).getByRole('button', { name: '第1版' }));
    expect(within(view).getByTestId('material-version')).toHaveTextContent('2026年第1季度领导评鉴 · 第1版');
    expect(view).toHaveTextContent('首次签署');
    expect(view).toHaveTextContent('较好');
  });

  it('shows the plan with its 核准 and 备案, and the feedback with the official’s 签署意见', async () => {
    const org = await organisation();
    show(org.hr.db, [plan, feedback]);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年度个人工作计划' }));
    let view = await screen.findByTestId('material-view');
    await waitFor(() => expect(view).toHaveTextContent('编制部门预算'));
    expect(view).toHaveTextContent('政策研究');
    expect(within(view).getByTestId('plan-decision')).toHaveTextContent(
      /王主任于.*核准。核准意见:同意,按期推进/,
    );
    expect(view).toHaveTextContent(/第1版已备案/);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年第1季度评鉴结果反馈' }));
    await waitFor(() => expect(screen.getByTestId('material-view')).toHaveAttribute('data-kind', 'feedback'));
    view = screen.getByTestId('material-view');
    await waitFor(() => expect(view).toHaveTextContent('一季度工作扎实'));
    expect(view).toHaveTextContent('个人谈话');
    expect(view).toHaveTextContent('认真改进');
  });

  it('says what is missing, in words, when the material has not arrived', async () => {
    const org = await organisation();
    show(org.hr.db, [{ kind: 'record', personId: 'O4', year: 2026, month: 3 }]);
    fireEvent.click(screen.getByRole('button', { name: '打开2026年3月平时考核记实簿' }));
    const none = await screen.findByTestId('material-none');
    expect(none).toHaveTextContent('尚未收到2026年3月平时考核记实簿。');
    expect(screen.getByTestId('material-view')).toHaveTextContent('赵六 · 法规科');
  });
});
