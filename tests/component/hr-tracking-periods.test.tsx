// @vitest-environment happy-dom
/**
 * HR's 督促检查 and 统计分析 say why a month is not owed (issue 21, finding 4): a December starter's
 * earlier months read 入职前 with the reason in their title, the row notes the start, an HR clerk
 * without the 公务员 role is not listed, a transfer has a row in each unit, and 统计分析 names who is
 * counted for part of the year. Real devices and a real signed roster.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { TrackingPage } from '../../src-renderer/features/hr/tracking/TrackingPage';
import { StatisticsPage } from '../../src-renderer/features/hr/statistics/StatisticsPage';
import { markPersonLeft, movePerson } from '../../shared/store';
import { PEOPLE, issueRoster, makeOrg, type Org, type PersonSpec } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

let org: Org;

beforeAll(async () => {
  org = await makeOrg({
    people: [
      ...PEOPLE,
      {
        id: 'O6',
        name: '周九',
        unitId: '1',
        roles: ['official'],
        supervisorId: 'S1',
        joinedOn: '2026-12-01',
      } as PersonSpec,
      { id: 'H2', name: '吴十', unitId: '1', roles: ['hr'], supervisorId: null },
    ],
  });
  await markPersonLeft(org.hr.db, 'O5', '2026-09-15');
  await movePerson(org.hr.db, 'O3', '10', '2026-07-01');
  await issueRoster(org.hr, org.orgKey, Object.values(org.devices));
}, 120_000);

afterEach(cleanup);

const NOW = new Date(2027, 0, 20, 9);

describe('督促检查 and 统计分析 over the roster’s periods', () => {
  it('the grid says why a month is not owed, and lists each unit of a transfer', async () => {
    render(
      <ServicesProvider services={{ db: org.hr.db, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr/tracking']}>
          <TrackingPage now={NOW} />
        </MemoryRouter>
      </ServicesProvider>,
    );
    await screen.findByTestId('tracking-grid');
    // The page opens on the year of `now` (2027): choose 2026.
    fireEvent.mouseDown(screen.getByLabelText('年度'));
    fireEvent.click(await screen.findByRole('option', { name: '2026年' }));
    await waitFor(() => expect(screen.getByTestId('cell-O6-m1')).toHaveTextContent('入职前'));
    expect(screen.getByTestId('cell-O6-m1')).toHaveAttribute(
      'title',
      '1月记实簿:2026年12月1日入职(调入),此前不需填报',
    );
    expect(screen.getByTestId('cell-O6-m12')).toHaveTextContent('缺报');
    expect(screen.getByTestId('notes-O6')).toHaveTextContent('2026年12月1日入职(调入)');
    expect(screen.getByTestId('cell-O5-m10')).toHaveTextContent('离职后');
    expect(screen.queryByTestId('row-H2')).toBeNull();
    expect(screen.getByTestId('cell-O3@1-m7')).toHaveTextContent('调出后');
    expect(screen.getByTestId('cell-O3@10-m6')).toHaveTextContent('调入前');
    expect(screen.getByTestId('cell-O3@10-plan')).toHaveTextContent('不需报送');
    expect(screen.getByTestId('tracking-who')).toHaveTextContent('入职(调入)前、离职(调出)后和未担任公务员角色期间');
    // Not owed, so not in the 督促名单.
    expect(within(screen.getByTestId('reminder-list')).queryByText(/周九.*1月记实簿/)).toBeNull();
    expect(within(screen.getByTestId('reminder-O6')).getByText(/12月记实簿\(缺报\)/)).toBeInTheDocument();
  });

  it('统计分析 counts each month’s 公务员 and names who counts for part of the year', async () => {
    render(
      <ServicesProvider services={{ db: org.hr.db, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr/statistics?year=2026']}>
          <Routes>
            <Route path="/hr/statistics" element={<StatisticsPage />} />
          </Routes>
        </MemoryRouter>
      </ServicesProvider>,
    );
    expect(await screen.findByTestId('stats-who')).toHaveTextContent('2026年度担任公务员(被考核人)角色的9人');
    const partial = screen.getByTestId('stats-partial');
    expect(partial).toHaveTextContent('周九(办公室):2026年12月1日入职(调入),此前不需填报');
    expect(partial).toHaveTextContent('钱七(法规科):自2026年9月15日起离职(调出),此后不需填报');
    expect(partial).toHaveTextContent('王五(法规科):2026年7月1日由办公室调入法规科');
    expect(partial).not.toHaveTextContent('吴十');
    const records = screen
      .getAllByTestId('statistics-table')
      .find((t) => within(t).queryByText('应提交') !== null)!;
    const row = (month: string) => within(records).getByText(month).closest('tr')!;
    // January: 8 (not 周九, not 吴十); November 7 (钱七 gone); December 8 (周九 came).
    expect(
      within(row('1月'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1月', '0', '8', '0%', '查看']);
    expect(within(row('11月')).getAllByRole('cell')[2]).toHaveTextContent('7');
    expect(within(row('12月')).getAllByRole('cell')[2]).toHaveTextContent('8');
  });
});
