// @vitest-environment happy-dom
/**
 * HR's home with the example organisation (60 people, a roster issued, a year of history): the start
 * page's next step no longer asks HR to 先建立单位和人员名册 (issue 22's finding), and HR's 待办
 * lists what waits for 备案, what is missing or late by unit, and the roster not yet distributed —
 * each a link to the page that does it, filtered. An organisation with nothing waiting says so in words.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { App } from '../../src-renderer/app/App';
import { ServicesProvider } from '../../src-renderer/state/services';
import { HrTodo } from '../../src-renderer/features/hr/home/HrTodo';
import { seedDatabase } from '../../shared/seed';
import { createProfile, openDatabase, putPerson, putUnit, readHrTodo, saveRoster, type DutyBookDb } from '../../shared/store';
import { presetConfig } from '../../shared/domain';
import { draftNextRoster } from '../../shared/sync';
import { fakeHost } from './fake-host';

const TODAY = new Date('2026-11-20T04:00:00Z');
let db: DutyBookDb;

beforeAll(async () => {
  db = await openDatabase(`hr-home-${Math.random().toString(36).slice(2, 8)}`);
  await seedDatabase(db, { seed: 'hr-home', people: 60, years: 1, today: TODAY });
}, 180_000);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('HR’s home with a roster of 60 people issued', () => {
  it('the start page’s next step is what waits for 备案, not 先建立单位和人员名册', async () => {
    window.location.hash = '#/';
    render(<App services={{ db, host: fakeHost() }} />);
    const card = (await screen.findByRole('heading', { name: '人事部门' })).closest('.MuiCard-root') as HTMLElement;
    const todo = await readHrTodo(db);
    const plans = todo.filing.reduce((n, f) => n + f.plans, 0);
    expect(plans).toBeGreaterThan(0);
    await waitFor(() => expect(card).toHaveTextContent(`下一步:${plans}份计划`));
    expect(card).not.toHaveTextContent('先建立单位和人员名册');
  });

  it('待办 lists 备案, the units’ missing and late, the roster to distribute — each a filtered link', async () => {
    render(
      <ServicesProvider services={{ db, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr']}>
          <HrTodo now={TODAY} />
        </MemoryRouter>
      </ServicesProvider>,
    );
    const todo = await readHrTodo(db, TODAY);
    const f = todo.filing[0]!;
    const filing = await screen.findByRole('link', { name: `2026年:${f.plans}份计划、${f.registers}份备案登记表待备案` });
    expect(filing).toHaveAttribute('href', '/hr/filing?period=2026&status=pending');
    // The third quarter, by unit: every unit with something late or missing, in the tree's order.
    const quarter = screen.getByRole('heading', { name: '2026年第3季度小结、领导评鉴和备案登记表的缺报和逾期' }).parentElement!;
    const links = within(quarter).getAllByRole('link');
    const withQuarter = todo.lateness.filter((u) => u.quarterMissing + u.quarterLate > 0);
    expect(links).toHaveLength(withQuarter.length);
    const u = withQuarter[0]!;
    expect(links[0]).toHaveTextContent(new RegExp(`^${u.unitName}:`));
    expect(links[0]).toHaveAttribute(
      'href',
      `/hr/tracking?unit=${u.unitId}&sub=0&period=2026-Q3&status=${u.quarterMissing > 0 ? 'missing' : 'late'}`,
    );
    // Nobody has been sent the roster in the example (HR's device only received bundles).
    expect(screen.getByRole('link', { name: /^第1版名册尚未发放给\d+人/ })).toHaveAttribute('href', '/hr/people');
    // Words only: no ids, no period keys on screen.
    const text = screen.getByRole('region', { name: '待办' }).textContent ?? '';
    expect(text).not.toMatch(/2026-Q|01[0-9A-Z]{20}/);
  });

  it('says 暂无待办 when nothing waits, and 先建立 before a roster', async () => {
    // Only HR on the roster (no 公务员 owes anything, nobody else to send it to), issued with the 考核办法.
    const quiet = await openDatabase(`hr-home-quiet-${Math.random().toString(36).slice(2, 8)}`);
    const me = await createProfile(quiet, {
      name: '人事干部',
      unitName: '某厅',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['hr'],
      presetId: 'hubei',
    });
    await putUnit(quiet, { id: 'org', name: '某厅', parentId: null });
    await putPerson(quiet, { id: me.personId, name: '人事干部', unitId: 'org', positionCategory: 'comprehensive', rankLevel: 'staff1', roles: ['hr'] });
    const roster = await draftNextRoster(quiet, { orgId: 'org', hrKey: '00', config: presetConfig('hubei') });
    await saveRoster(quiet, { roster, signature: '' });
    render(
      <ServicesProvider services={{ db: quiet, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr']}>
          <HrTodo now={TODAY} />
        </MemoryRouter>
      </ServicesProvider>,
    );
    expect(await screen.findByTestId('hr-todo-empty')).toHaveTextContent('暂无待办');
    cleanup();
    const fresh = await openDatabase(`hr-home-empty-${Math.random().toString(36).slice(2, 8)}`);
    render(
      <ServicesProvider services={{ db: fresh, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr']}>
          <HrTodo />
        </MemoryRouter>
      </ServicesProvider>,
    );
    expect(await screen.findByRole('link', { name: /先建立单位和人员名册/ })).toHaveAttribute('href', '/hr/people');
  });
});
