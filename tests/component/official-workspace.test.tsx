// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { AttendanceEditor, attendanceWarnings } from '../../src-renderer/features/official/record/AttendanceEditor';
import { useSelectedYear } from '../../src-renderer/features/official/context';
import { newId } from '../../shared/domain/ids';
import {
  createProfile,
  openDatabase,
  returnPlan,
  returnRecord,
  savePlanDraft,
  saveRecordDraft,
  newMonthlyRecord,
  submitPlan,
  submitRecord,
  type DutyBookDb,
} from '../../shared/store';
import { fakeHost } from './fake-host';

const host = fakeHost();

let n = 0;
const open: DutyBookDb[] = [];
async function officialDb(): Promise<{ db: DutyBookDb; personId: string }> {
  const db = await openDatabase(`official-component-${++n}`);
  open.push(db);
  const profile = await createProfile(db, {
    name: '王五',
    unitName: '综合科',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    presetId: 'hubei',
  });
  return { db, personId: profile.personId };
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  window.location.hash = '';
  useSelectedYear.setState({ year: null });
});

const attendance = { due: 21, present: 21, personalLeave: 0, sickLeave: 0, annualLeave: 0, businessTrip: 0, absent: 0 };

describe('the attendance check while typing', () => {
  it('names 应出勤, the sum and the difference when the days do not add up', () => {
    expect(attendanceWarnings({ ...attendance, sickLeave: 1 })).toEqual(['应出勤21天,实出勤与各类请假、旷工合计22天,相差1天']);
    expect(attendanceWarnings({ ...attendance, present: 19.5, annualLeave: 1 })).toEqual([
      '应出勤21天,实出勤与各类请假、旷工合计20.5天,相差0.5天',
    ]);
  });

  it('counts 公差 inside 实出勤, not in the sum', () => {
    expect(attendanceWarnings({ ...attendance, businessTrip: 3 })).toEqual([]);
    expect(attendanceWarnings({ ...attendance, present: 2, personalLeave: 19, businessTrip: 3 })).toEqual([
      '公差3天多于实出勤2天,公差天数应计入实出勤',
    ]);
  });

  it('shows the warning beside the fields and clears it once the days add up', () => {
    const { rerender } = render(<AttendanceEditor value={{ ...attendance, sickLeave: 1 }} editable errors={{}} onChange={() => undefined} />);
    expect(screen.getByTestId('attendance-warning')).toHaveTextContent('相差1天');
    rerender(<AttendanceEditor value={{ ...attendance, present: 20, sickLeave: 1 }} editable errors={{}} onChange={() => undefined} />);
    expect(screen.queryByTestId('attendance-warning')).toBeNull();
    expect(screen.getByTestId('attendance-ok')).toHaveTextContent('应出勤21天,各项合计相符');
  });
});

describe('the official workspace', () => {
  it('opens on the year overview with the tabs of a monthly record mode (no 日记/周记)', async () => {
    const { db } = await officialDb();
    window.location.hash = '#/official';
    render(<App services={{ db, host }} />);
    expect(await screen.findByText('接下来要做的事')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '年度工作计划' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: '日记/周记' })).toBeNull();
  });

  it('shows a returned plan’s reasons at the top and at the item, and lets it be edited again', async () => {
    const { db, personId } = await officialDb();
    const year = new Date().getFullYear();
    const item = { id: newId(), task: '编制预算', target: '按时完成', deadline: `${year}-06-30`, duty: '岗位职责' };
    await savePlanDraft(db, personId, year, [item]);
    await submitPlan(db, personId, year);
    await returnPlan(db, personId, year, [
      { itemId: item.id, reason: '目标要求应量化' },
      { itemId: null, reason: '请补充调研任务' },
    ]);
    window.location.hash = '#/official/plan';
    render(<App services={{ db, host }} />);
    const banner = await screen.findByTestId('returned-banner');
    expect(banner).toHaveTextContent('第1项:目标要求应量化');
    expect(banner).toHaveTextContent('整体意见:请补充调研任务');
    expect(screen.getByLabelText('第1项 目标要求')).toBeEnabled();
    expect(screen.getByTestId('state-chip')).toHaveTextContent('已退回');
  });

  it('shows a submitted record book read-only with the reason why, and a returned one with the supervisor’s reason', async () => {
    const { db, personId } = await officialDb();
    const r = newMonthlyRecord(personId, 2026, 1);
    await saveRecordDraft(db, { ...r, workItems: [{ id: newId(), content: '审核预算', progress: '', status: 'completed', percent: 100 }] });
    await submitRecord(db, personId, 2026, 1);
    window.location.hash = '#/official/record/2026-01';
    render(<App services={{ db, host }} />);
    expect(await screen.findByTestId('locked-banner')).toHaveTextContent('已提交的记实簿不能修改。如需更正,请主管领导退回后修改。');
    expect(screen.getByLabelText('第1项 工作内容')).toBeDisabled();

    await returnRecord(db, personId, 2026, 1, '工作进度未填写');
    expect(await screen.findByTestId('returned-banner')).toHaveTextContent('工作进度未填写');
    await waitFor(() => expect(screen.getByLabelText('第1项 工作内容')).toBeEnabled());
  });

  it('follows the year picked from a month’s page to the same month of that year', async () => {
    const { db } = await officialDb();
    const thisYear = new Date().getFullYear();
    window.location.hash = `#/official/record/${thisYear}-03`;
    render(<App services={{ db, host }} />);
    expect(await screen.findByRole('heading', { name: `${thisYear}年3月平时考核记实簿` })).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年度' }));
    fireEvent.click(await screen.findByRole('option', { name: `${thisYear - 1}年` }));
    expect(await screen.findByRole('heading', { name: `${thisYear - 1}年3月平时考核记实簿` })).toBeInTheDocument();
    expect(window.location.hash).toBe(`#/official/record/${thisYear - 1}-03`);
  });

  it('marks the attendance sum and keeps what was typed when a record book is submitted with bad input', async () => {
    const { db } = await officialDb();
    window.location.hash = '#/official/record/2026-01';
    render(<App services={{ db, host }} />);
    const sick = await screen.findByLabelText('病假(天)');
    fireEvent.change(sick, { target: { value: '1' } });
    expect(screen.getByTestId('attendance-warning')).toHaveTextContent('应出勤21天,实出勤与各类请假、旷工合计22天,相差1天');
    fireEvent.click(screen.getByRole('button', { name: '添加差错登记' }));
    fireEvent.change(screen.getByLabelText('差错第1条 日期'), { target: { value: '2026-02-30' } });
    fireEvent.click(screen.getByRole('button', { name: '提交记实簿' }));
    const issues = await screen.findByTestId('issues');
    expect(issues).toHaveTextContent('本月工作内容至少应填写一项');
    expect(issues).toHaveTextContent('出勤天数合计不符');
    expect(issues).toHaveTextContent('第1条差错登记日期不是有效日期');
    expect(issues).toHaveTextContent('第1条差错登记事项未填写');
    expect(screen.getByLabelText('差错第1条 日期')).toHaveValue('2026-02-30');
    expect(screen.getByLabelText('病假(天)')).toHaveValue(1);
  });
});
