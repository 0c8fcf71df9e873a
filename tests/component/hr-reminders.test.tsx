// @vitest-environment happy-dom
/**
 * The 督促名单 on screen stays short when everyone owes something (a new year's January at 5,000
 * people): the first 300 people are listed, the rest are counted and shown on request.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { buildTrackingRows } from '../../shared/domain';
import { openDatabase } from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { ReminderPanel } from '../../src-renderer/features/hr/tracking/ReminderPanel';
import { fakeHost } from './fake-host';

afterEach(cleanup);

describe('督促名单', () => {
  it('lists 300 people on screen, says how many more there are, and shows everyone on request', async () => {
    const people = Array.from({ length: 420 }, (_, i) => ({
      id: `P${i}`,
      name: `人员${i}`,
      unitId: i < 200 ? 'U1' : 'U2',
      supervisorId: null,
    }));
    const rows = buildTrackingRows({
      year: 2026,
      now: new Date(2026, 1, 10, 9), // 10 February: every plan overdue, January's record book missing
      units: [
        { id: 'U1', name: '办公室', path: '/U1' },
        { id: 'U2', name: '法规科', path: '/U2' },
      ],
      people,
      names: new Map(people.map((p) => [p.id, p.name])),
      plans: [],
      records: [],
      summaries: [],
      evaluations: [],
      registers: [],
      spotChecks: [],
    });
    const db = await openDatabase(`reminders-${Date.now()}`);
    render(
      <ServicesProvider services={{ db, host: fakeHost() }}>
        <ReminderPanel rows={rows} year={2026} now={new Date(2026, 1, 10, 9)} organisation="示例局" />
      </ServicesProvider>,
    );
    expect(screen.getAllByTestId(/^reminder-P/)).toHaveLength(300);
    expect(screen.getByText('另有120人未在此列出,导出的督促名单包含全部人员。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '全部显示' }));
    expect(screen.getAllByTestId(/^reminder-P/)).toHaveLength(420);
    expect(screen.queryByText(/另有\d+人未在此列出/)).toBeNull();
    db.close();
  });
});
