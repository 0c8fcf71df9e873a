// @vitest-environment happy-dom
/**
 * The official's 年度概览 follows the roster's dated periods (issue 21, finding 4): someone who joined
 * in December is not told that eleven months are 已逾期 — each of those months says why nothing is
 * owed. Real devices: HR signs a roster from its people table and it reaches the official's PC in a
 * real bundle. (Leaving is tested on yearOverview itself: a person who has left gets no more rosters.)
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { useSelectedYear } from '../../src-renderer/features/official/context';
import { createProfile } from '../../shared/store';
import { PEOPLE, distributeRoster, makeOrg, type Org, type PersonSpec } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

const host = fakeHost();
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
    ],
  });
  await distributeRoster(org, ['O6']);
  const staff = {
    positionCategory: 'comprehensive' as const,
    rankLevel: 'staff1',
    presetId: 'hubei' as const,
    roles: ['official' as const],
  };
  await createProfile(org.devices.O6!.db, { name: '周九', unitName: '办公室', ...staff }, { personId: 'O6' });
}, 120_000);

beforeAll(() => {
  // 20 December 2026: November has ended, December has not.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(2026, 11, 20, 10));
});
afterAll(() => {
  vi.useRealTimers();
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
  useSelectedYear.setState({ year: null });
});

async function openOverview(personId: string) {
  window.location.hash = '#/official';
  render(<App services={{ db: org.devices[personId]!.db, host }} />);
  await screen.findByText('接下来要做的事');
  return screen.findByTestId('cell-1月');
}

describe('年度概览 and the roster’s periods', () => {
  it('a December starter sees no month before December as 已逾期, and each says why', async () => {
    await openOverview('O6');
    for (let m = 1; m <= 11; m++) {
      const cell = screen.getByTestId(`cell-${m}月`);
      expect(cell).not.toHaveTextContent('已逾期');
      expect(cell).toHaveTextContent('入职前');
    }
    expect(screen.getByTestId('cell-12月')).toHaveTextContent('未到期');
    expect(screen.getByTestId('cell-第1季度')).toHaveTextContent('入职前');
    expect(screen.getByTestId('membership-note')).toHaveTextContent('2026年12月1日入职(调入),此前不需填报');
    const due = screen.getByTestId('due-next');
    expect(within(due).queryByText(/记实簿尚未提交/)).toBeNull();
    expect(within(due).queryByText(/季度个人工作小结尚未提交/)).toBeNull();
  });
});
