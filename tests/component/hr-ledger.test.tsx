// @vitest-environment happy-dom
/**
 * 台账: the material HR holds as one list — one row per record with the version in force, periods
 * in words, every row counted (no "再显示100条"), filters by 姓名, 单位 (with its sub-units),
 * 材料类别 and 期间, and every row opening its material. The data arrives in real bundles.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { MaterialsPage } from '../../src-renderer/features/hr/MaterialsPage';
import {
  filterReceived,
  periodOptions,
  receivedRows,
  unitWithin,
} from '../../src-renderer/features/hr/materials/received-rows';
import { returnRecordBook, signEvaluation, signRegister, type EvaluationFormInput } from '../../shared/store';
import { readMaterialYear } from '../../shared/store/material-repo';
import {
  makeOrg,
  receive,
  send,
  writePlan,
  writeRecord,
  writeSummary,
  type Device,
  type Org,
} from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

afterEach(cleanup);

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

const grade = (subject: string, quarter: 1 | 2 | 3 | 4): EvaluationFormInput => ({
  subject,
  year: 2026,
  quarter,
  method: 'grade',
  grade: 'fairlyGood',
  bonuses: [],
  peerOpinion: { consulted: 5, scope: '科室', gist: '认真' },
  publicFeedback: null,
  opinion: '完成任务',
  evidence: { recordVersions: [] },
});

/**
 * Five officials × 12 months, their plans and four summaries, S1's and S2's evaluations and registers
 * for two quarters: more than 100 record versions; 张三's January returned once and resubmitted.
 */
let org: Org;
beforeAll(async () => {
  org = await makeOrg();
  const d = org.devices;
  for (const id of Object.keys(d)) if (id !== 'H') await exchange(org.hr, d[id]!);
  const officials = ['O1', 'O2', 'O3', 'O4', 'O5'].map((id) => d[id]!);
  for (const o of officials) {
    await writePlan(o, ['年度重点工作']);
    for (let m = 1; m <= 12; m++) await writeRecord(o, m, `${m}月工作`, 20 + m);
    for (const q of [1, 2, 3, 4] as const)
      await writeSummary(o, q, '本季度按计划完成了各项工作任务,成效明显,继续努力。');
    await exchange(o, o.personId === 'O4' || o.personId === 'O5' ? d.S2! : d.S1!);
  }
  await returnRecordBook(d.S1!.db, { personId: 'O1', year: 2026, month: 1, version: 1, reason: '请补充' });
  await exchange(d.S1!, d.O1!);
  await writeRecord(d.O1!, 1, '1月工作(补充)', 50);
  await exchange(d.O1!, d.S1!);
  for (const q of [1, 2] as const) {
    for (const p of ['O1', 'O2', 'O3']) await signEvaluation(d.S1!.db, grade(p, q));
    for (const p of ['O4', 'O5']) await signEvaluation(d.S2!.db, grade(p, q));
    await signRegister(d.S1!.db, { year: 2026, quarter: q, opinion: '属实' });
    await signRegister(d.S2!.db, { year: 2026, quarter: q, opinion: '属实' });
  }
  for (const id of ['O1', 'O2', 'O3', 'O4', 'O5', 'S1', 'S2']) await exchange(d[id]!, org.hr);
}, 240_000);

function showPage(at = '/hr/materials') {
  return render(
    <ServicesProvider services={{ db: org.hr.db, host: fakeHost() }}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path="/hr/materials/*" element={<MaterialsPage />} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

describe('台账 (today’s findings, reproduced)', () => {
  it('counts every record at once, with no "再显示100条" page and no "2026-Q1"', async () => {
    showPage('/hr/materials?period=2026');
    const count = await screen.findByTestId('list-count', {}, { timeout: 20_000 });
    // 5 plans, 60 record books, 20 summaries, 10 evaluations, 4 registers.
    await waitFor(() => expect(count).toHaveTextContent('共 99 份'));
    expect(count).not.toHaveTextContent('显示');
    expect(screen.queryByRole('button', { name: /再显示/ })).toBeNull();
    // Dates ("2026-01-02 08:00") are fine; an address period ("2026-Q1", "2026-01") is not.
    expect(document.body.textContent).not.toMatch(/\d{4}-Q\d|\d{4}-\d{2}(?![-\d])/);
  });
});

describe('台账 rows and filters', () => {
  it('lists 张三’s January once, as 第2版, and filters by 姓名, 单位 with sub-units, 类别 and 期间', async () => {
    const data = await readMaterialYear(org.hr.db, 2026);
    const rows = receivedRows(2026, data.statuses, data.people, data.units);
    const january = rows.filter((r) => r.name === '张三' && r.kind === 'record' && r.period === '2026-01');
    expect(january).toHaveLength(1);
    expect(january[0]).toMatchObject({ versionText: '第2版', periodText: '2026年1月', state: '已提交' });
    expect(rows.every((r) => !/Q\d/.test(r.periodText))).toBe(true);

    const all = { q: '', unitOk: null, kind: null, period: null };
    expect(filterReceived(rows, { ...all, q: '张' }).every((r) => r.name === '张三')).toBe(true);
    expect(filterReceived(rows, { ...all, q: 'O4' }).every((r) => r.name === '赵六')).toBe(true);
    // 法规科 ('10') is not within 办公室 ('1'), though its id begins the same.
    const office = filterReceived(rows, { ...all, unitOk: unitWithin(data.units, '1', true) });
    expect(new Set(office.map((r) => r.unitName))).toEqual(new Set(['办公室']));
    const q2 = filterReceived(rows, { ...all, period: '2026-Q2' });
    expect(new Set(q2.map((r) => r.periodText))).toEqual(
      new Set(['2026年4月', '2026年5月', '2026年6月', '2026年第2季度']),
    );
    const registers = filterReceived(rows, { ...all, kind: 'register' });
    expect(registers.map((r) => `${r.name} ${r.periodText} ${r.versionText} ${r.state}`).sort()).toEqual([
      '王主任 2026年第1季度 第1版 已签署,待备案',
      '王主任 2026年第2季度 第1版 已签署,待备案',
      '赵科长 2026年第1季度 第1版 已签署,待备案',
      '赵科长 2026年第2季度 第1版 已签署,待备案',
    ]);
    expect(
      periodOptions(2026)
        .map((o) => o.label)
        .slice(0, 3),
    ).toEqual(['2026年全年', '2026年第1季度', '2026年1月']);
  });
});
