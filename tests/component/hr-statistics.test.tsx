// @vitest-environment happy-dom
/**
 * 统计分析 as a person reads it (issue 22, deliverable 9): 科室 in the unit tree's order (as 单位和人员
 * shows them), a period not yet due said as 未到期 rather than 0 %, every chart with its figures as a
 * table beside it. Real devices, a real signed roster and real evaluations carried in a bundle.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { putUnit, signEvaluation } from '../../shared/store';
import { ServicesProvider } from '../../src-renderer/state/services';
import { StatisticsPage } from '../../src-renderer/features/hr/statistics/StatisticsPage';
import { distributeRoster, makeOrg, receive, send, type Org } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

let org: Org;

beforeAll(async () => {
  org = await makeOrg();
  // 法规科 is put first in the tree (排序号 -1), 办公室 after it: the ids sort the other way.
  await putUnit(org.hr.db, { id: '10', name: '法规科', parentId: null, sortOrder: -1 });
  await distributeRoster(org);
  const s1 = org.devices.S1!.db;
  for (const [subject, quarter] of [
    ['O1', 1],
    ['O2', 1],
    ['O1', 4],
  ] as const)
    await signEvaluation(s1, {
      subject,
      year: 2026,
      quarter,
      method: 'grade',
      grade: 'good',
      bonuses: [],
      peerOpinion: { consulted: 5, scope: '本科室全体干部', gist: '工作认真负责' },
      publicFeedback: null,
      opinion: '按计划完成本季度工作。',
      evidence: { recordVersions: [] },
    });
  await receive(org.hr, (await send(org.devices.S1!, org.hr)).bytes);
}, 120_000);

afterEach(cleanup);
afterAll(() => Object.values(org.devices).forEach((d) => d.db.close()));

/** 20 November 2026: the fourth quarter's 领导评鉴 is due on 20 January 2027. */
const NOW = new Date(2026, 10, 20, 10);

function renderStatistics() {
  return render(
    <ServicesProvider services={{ db: org.hr.db, host: fakeHost() }}>
      <MemoryRouter initialEntries={['/hr/statistics?year=2026']}>
        <Routes>
          <Route path="/hr/statistics" element={<StatisticsPage now={NOW} />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const firstCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('统计分析 as a person reads it', () => {
  it('lists 科室 in the unit tree’s order, not by their ids', async () => {
    renderStatistics();
    const units = await screen.findByRole(
      'table',
      { name: '2026年工作计划和领导评鉴完成情况(按单位)' },
      { timeout: 10_000 },
    );
    expect(firstCells(units)).toEqual(['法规科', '办公室', '合计']);
    const distribution = screen.getByRole('table', { name: '2026年平时考核等次分布(按单位和季度)' });
    expect(firstCells(distribution)[0]).toBe('法规科');
  });

  it('says 未到期 for the quarter whose 领导评鉴 is not yet due, not 0 %', async () => {
    renderStatistics();
    const table = await screen.findByRole(
      'table',
      { name: '2026年领导评鉴签署情况(按季度)' },
      { timeout: 10_000 },
    );
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows[3]).toBe('第3季度080%查看');
    expect(rows[4]).toMatch(/^第4季度18未到期\(已12.5%\)查看$/);
    // Each row opens the list behind it: who is 缺报, or — not yet due — who has not sent it yet.
    expect(within(table).getByRole('link', { name: '2026年第3季度缺报名单' })).toHaveAttribute(
      'href',
      '/hr/tracking?period=2026-Q3&status=missing',
    );
    expect(within(table).getByRole('link', { name: '2026年第4季度未到期名单' })).toHaveAttribute(
      'href',
      '/hr/tracking?period=2026-Q4&status=notdue',
    );
    const units = screen.getByRole('table', { name: '2026年工作计划和领导评鉴完成情况(按单位)' });
    expect(within(units).getByRole('link', { name: '法规科2026年缺报名单' })).toHaveAttribute(
      'href',
      '/hr/tracking?unit=10&sub=1&period=2026&status=missing',
    );
    // The chart beside it is a figure named for what it shows.
    expect(screen.getByRole('figure', { name: '2026年领导评鉴签署率(图)' })).toBeTruthy();
  });
});
