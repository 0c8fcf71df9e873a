/**
 * The audit trail (shared/store/audit.ts): a real flow across devices appends the expected actions
 * in order with an intact chain; every kind of tampering is found at the right entry; a refused or
 * failed import appends nothing; HR's CSV has a header and one line per entry.
 */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_GENESIS,
  acknowledgeFeedback,
  appendAudit,
  auditHash,
  auditTables,
  decidePlan,
  exportAudit,
  fileRecord,
  listRecentAudit,
  recordFeedback,
  returnRecordBook,
  saveConfigVersion,
  savePlanDraft,
  setSelfIdentity,
  signEvaluation,
  signRegister,
  submitPlan,
  verifyAudit,
  type AuditEntry,
  type DutyBookDb,
  type EvaluationFormInput,
} from '../../../shared/store';
import { presetConfig } from '../../../shared/domain';
import { canonicalJson } from '../../../shared/bundle/canonical-json';
import { applyImport, factOf, factOfRow, type Fact } from '../../../shared/sync';
import {
  craft,
  entriesOf,
  factEntry,
  makeOrg,
  preview,
  receive,
  send,
  writePlan,
  writeRecord,
  type Device,
} from '../sync/model/harness';
import { freshName, openTestDb, snapshot } from './helpers';

async function exchange(from: Device, to: Device) {
  return receive(to, (await send(from, to)).bytes);
}

const grade = (subject: string): EvaluationFormInput => ({
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
});

const log = async (db: DutyBookDb) => db.audit.orderBy('seq').toArray();
const actions = async (db: DutyBookDb) => (await log(db)).map((e) => e.action);

/** A database with `n` plain entries (seq 1…n). */
async function logOf(n: number): Promise<DutyBookDb> {
  const db = await openTestDb(freshName('audit'));
  await db.transaction('rw', auditTables(db), () =>
    appendAudit(
      db,
      Array.from({ length: n }, (_, i) => ({
        at: `2026-01-0${(i % 9) + 1}T08:00:00.000Z`,
        actor: 'H',
        action: 'submit' as const,
        subject: 'O1',
        ref: `record/O1/2026-0${(i % 9) + 1}`,
        summary: `提交 张三 2026年${i + 1}月记实簿 第1版`,
      })),
    ),
  );
  return db;
}

/** An entry whose hash is recomputed (what a forger who knows the algorithm writes). */
const rehashed = (e: Omit<AuditEntry, 'hash'>): AuditEntry => ({ ...e, hash: auditHash(e) });

async function firstProblem(db: DutyBookDb) {
  const v = await verifyAudit(db);
  expect(v.ok).toBe(false);
  if (v.ok) throw new Error('expected problems');
  return v.problems[0]!;
}

describe('audit trail: a real flow', () => {
  it('submissions, decisions, signatures, imports, exports, filing and a configuration change are chained in order', async () => {
    const org = await makeOrg();
    const { hr } = org;
    const { O1, O2, O3, S1 } = org.devices;
    for (const d of [O1!, O2!, O3!, S1!]) await exchange(hr, d);
    expect(await actions(hr.db)).toEqual(['export', 'export', 'export', 'export']);
    expect(await actions(O1!.db)).toEqual(['import']);

    await writePlan(O1!, ['编制部门预算']);
    await writeRecord(O1!, 1, '预算编制');
    await exchange(O1!, S1!);
    await decidePlan(S1!.db, { personId: 'O1', year: 2026, version: 1, decision: 'return', reasons: [{ itemId: null, reason: '目标不具体' }] });
    await returnRecordBook(S1!.db, { personId: 'O1', year: 2026, month: 1, version: 1, reason: '出勤有误' });
    await exchange(S1!, O1!);
    await writePlan(O1!, ['编制部门预算,按季度报送'], 3);
    await exchange(O1!, S1!);
    await decidePlan(S1!.db, { personId: 'O1', year: 2026, version: 2, decision: 'approve', opinion: '同意' });
    for (const id of ['O1', 'O2', 'O3']) await signEvaluation(S1!.db, grade(id));
    const talk = await recordFeedback(S1!.db, {
      personId: 'O1',
      year: 2026,
      quarter: 1,
      kind: 'talk',
      date: '2026-04-08',
      place: '302会议室',
      participants: '王主任、张三',
      content: '肯定一季度工作',
      improvements: '加强学习',
    });
    await signRegister(S1!.db, { year: 2026, quarter: 1, opinion: '经审核,评鉴结果属实' });
    await exchange(S1!, O1!);
    await acknowledgeFeedback(O1!.db, talk.id, '同意');
    await exchange(S1!, hr);
    await fileRecord(hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 2 });
    await fileRecord(hr.db, { what: 'register', personId: 'S1', year: 2026, quarter: 1, version: 1 });
    await saveConfigVersion(hr.db, { ...presetConfig('hubei'), goodCapPercent: 30 }, 'hubei', { by: '人事科' });

    const official = await log(O1!.db);
    expect(official.map((e) => [e.action, e.summary])).toEqual([
      ['import', expect.stringMatching(/^导入 来自 \S+ 的数据包:新增\d+条记录,人员名册第1版$/)],
      ['submit', '提交 张三 2026年度个人工作计划 第1版'],
      ['submit', '提交 张三 2026年1月记实簿 第1版'],
      ['export', expect.stringMatching(/^导出 发给 王主任 的数据包:2条记录/)],
      ['import', expect.stringMatching(/^导入 来自 \S+ 的数据包:新增2条记录/)],
      ['submit', '提交 张三 2026年度个人工作计划 第2版'],
      ['export', expect.stringMatching(/^导出 发给 王主任 的数据包:1条记录/)],
      ['import', expect.stringMatching(/^导入 来自 \S+ 的数据包/)],
      ['sign', '签署 张三 对评鉴结果反馈的签署意见'],
    ]);
    expect(official.every((e) => e.actor === 'O1')).toBe(true);

    const supervisor = await log(S1!.db);
    expect(supervisor.map((e) => e.action)).toEqual([
      'import',
      'import',
      'return',
      'return',
      'export',
      'import',
      'approve',
      'evaluate',
      'evaluate',
      'evaluate',
      'sign',
      'sign',
      'export',
      'export',
    ]);
    expect(supervisor.slice(2, 4).map((e) => e.summary)).toEqual([
      '退回 张三 2026年度个人工作计划 第1版',
      '退回 张三 2026年1月记实簿 第1版',
    ]);
    expect(supervisor[6]).toMatchObject({ actor: 'S1', subject: 'O1', ref: 'plan-decision/O1/2026', summary: '核准 张三 2026年度个人工作计划 第2版' });
    expect(supervisor[7]!.summary).toBe('领导评鉴 张三 2026年第1季度(较好) 第1版');
    expect(supervisor[11]!.summary).toBe('签署 王主任 2026年第1季度平时考核备案登记表 第1版');

    const hrLog = await log(hr.db);
    expect(hrLog.map((e) => e.action)).toEqual(['export', 'export', 'export', 'export', 'import', 'file', 'file', 'config']);
    expect(hrLog[4]!).toMatchObject({ subject: 'S1', summary: expect.stringMatching(/^导入 来自 王主任 的数据包:新增\d+条记录$/) });
    expect(hrLog.slice(5).map((e) => e.summary)).toEqual([
      '备案 张三 2026年度个人工作计划 第2版',
      '备案 王主任 2026年第1季度平时考核备案登记表 第1版',
      expect.stringMatching(/^保存考核办法 第2版:/),
    ]);
    expect(hrLog[7]!.ref).toBe('config/2');

    for (const d of [hr, O1!, S1!]) {
      const entries = await log(d.db);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      expect(entries[0]!.prevHash).toBe(AUDIT_GENESIS);
      entries.forEach((e, i) => {
        expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
        if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash);
      });
      expect(await verifyAudit(d.db)).toEqual({ ok: true, count: entries.length });
    }
    expect((await listRecentAudit(hr.db, 3)).map((e) => e.seq)).toEqual([8, 7, 6]);

    // Importing the same bundle again is a no-op: no entry either.
    const again = await send(S1!, hr, { full: true });
    const plan = await preview(hr, again.bytes);
    await applyImport(hr.db, plan);
    const count = await hr.db.audit.count();
    await applyImport(hr.db, plan);
    expect(await hr.db.audit.count()).toBe(count);
  });

  it('a submission before the install has keys is audited too (its fact is back-filled later, unaudited)', async () => {
    const db = await openTestDb(freshName('audit-nokeys'));
    await savePlanDraft(db, 'P1', 2026, [{ id: 'i0', task: '任务', target: '完成', deadline: '2026-12-31', duty: '职责' }]);
    await submitPlan(db, 'P1', 2026);
    expect((await log(db)).map((e) => [e.action, e.actor, e.summary])).toEqual([['submit', '', '提交 P1 2026年度个人工作计划 第1版']]);
    await setSelfIdentity(db, { personId: 'P1', signingPub: 'ab'.repeat(32), encryptionPub: 'cd'.repeat(32) });
    expect(await db.facts.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
  });
});

describe('audit trail: a refused or failed import appends nothing', () => {
  it('a forged bundle is refused and a failure mid-import rolls back: the database is unchanged', async () => {
    const org = await makeOrg();
    const { hr } = org;
    const { O1, S1 } = org.devices;
    for (const d of [O1!, S1!]) await exchange(hr, d);
    await writePlan(O1!, ['编制部门预算']);
    await exchange(O1!, S1!);

    const [planFact] = (await S1!.db.facts.toArray()).map(factOfRow).filter((f) => f.type === 'plan.version');
    const body = JSON.parse(planFact!.body) as { items: { task: string }[] };
    body.items[0]!.task = '改过的任务';
    const forged: Fact = { ...factOf(planFact!), body: canonicalJson(body) };
    const entries = [...(await entriesOf(S1!.db, (f) => f.id === planFact!.id)).slice(0, 1), factEntry(forged)];
    const before = await snapshot(hr.db);
    const refused = await preview(hr, await craft(S1!, hr, entries));
    expect(refused.status).toBe('rejected');
    await expect(applyImport(hr.db, refused)).rejects.toThrow();
    expect(await snapshot(hr.db)).toEqual(before);

    const good = await preview(hr, (await send(S1!, hr)).bytes);
    await expect(applyImport(hr.db, good, { failAfterWrites: 3 })).rejects.toThrow(/injected failure/);
    expect(await snapshot(hr.db)).toEqual(before);
    await applyImport(hr.db, good);
    expect((await log(hr.db)).map((e) => e.action)).toEqual(['export', 'export', 'import']);
    expect((await verifyAudit(hr.db)).ok).toBe(true);
  });
});

describe('audit trail: tampering is found where it happened', () => {
  it('an intact log verifies', async () => {
    const db = await logOf(6);
    expect(await verifyAudit(db)).toEqual({ ok: true, count: 6 });
  });

  it('an edited summary: that entry', async () => {
    const db = await logOf(6);
    await db.audit.update(3, { summary: '提交 张三 2026年3月记实簿 第9版' });
    const p = await firstProblem(db);
    expect(p).toMatchObject({ seq: 3, kind: 'edited' });
    expect(p.message).toContain('第3条');
    const v = await verifyAudit(db);
    expect(!v.ok && v.problems).toHaveLength(1);
  });

  it('an edited entry whose hash was recomputed: that entry (the next one no longer links to it)', async () => {
    const db = await logOf(6);
    const e = (await db.audit.get(3))!;
    await db.audit.put(rehashed({ ...e, summary: '伪造' }));
    expect(await firstProblem(db)).toMatchObject({ seq: 3, kind: 'edited' });
  });

  it('a deleted entry: a gap at its seq', async () => {
    const db = await logOf(6);
    await db.audit.delete(4);
    const p = await firstProblem(db);
    expect(p).toMatchObject({ seq: 4, kind: 'gap' });
    expect(p.message).toBe('第4条缺失(已被删除)');
  });

  it('deleted entries at the end: found through the head kept in meta', async () => {
    const db = await logOf(6);
    await db.audit.bulkDelete([5, 6]);
    expect(await firstProblem(db)).toMatchObject({ seq: 5, kind: 'gap', message: '日志末尾的第5条至第6条缺失(已被删除)' });
  });

  it('a deleted entry with the later ones renumbered: a gap where it was', async () => {
    const db = await logOf(6);
    const rows = await log(db);
    await db.audit.clear();
    await db.audit.bulkAdd(rows.filter((e) => e.seq !== 3).map((e) => (e.seq > 3 ? { ...e, seq: e.seq - 1 } : e)));
    expect(await firstProblem(db)).toMatchObject({ seq: 3, kind: 'gap' });
  });

  it('two entries swapped: out of order at the first of them', async () => {
    const db = await logOf(6);
    const a = (await db.audit.get(2))!;
    const b = (await db.audit.get(5))!;
    await db.audit.bulkPut([{ ...b, seq: 2 }, { ...a, seq: 5 }]);
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems.map((p) => [p.seq, p.kind])).toEqual([
      [2, 'out-of-order'],
      [5, 'out-of-order'],
    ]);
    expect(v.problems[0]!.message).toBe('第2条原是第5条,顺序被调换');
  });

  it('two neighbours swapped: out of order', async () => {
    const db = await logOf(6);
    const a = (await db.audit.get(3))!;
    const b = (await db.audit.get(4))!;
    await db.audit.bulkPut([{ ...b, seq: 3 }, { ...a, seq: 4 }]);
    expect(await firstProblem(db)).toMatchObject({ seq: 3, kind: 'out-of-order' });
  });

  it('a forged entry inserted (later ones renumbered): the inserted one', async () => {
    const db = await logOf(6);
    const rows = await log(db);
    const forged = rehashed({
      seq: 3,
      at: '2026-01-02T09:00:00.000Z',
      actor: 'H',
      action: 'file',
      subject: 'O2',
      ref: 'filing/O2/plan-2026',
      summary: '备案 李四 2026年度个人工作计划 第1版',
      prevHash: rows[1]!.hash,
    });
    await db.audit.clear();
    await db.audit.bulkAdd([...rows.slice(0, 2), forged, ...rows.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))]);
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems[0]).toMatchObject({ seq: 3, kind: 'broken-link' });
    expect(v.problems[0]!.message).toContain('第3条是后来插入的');
  });

  it('a forged entry appended at the end: found through the head', async () => {
    const db = await logOf(4);
    const last = (await db.audit.get(4))!;
    await db.audit.add(rehashed({ ...last, seq: 5, summary: '伪造', prevHash: last.hash }));
    expect(await firstProblem(db)).toMatchObject({ seq: 5, kind: 'broken-link' });
  });

  it('a changed prevHash: that entry (edited when the hash was left, broken link when recomputed)', async () => {
    const db = await logOf(6);
    await db.audit.update(4, { prevHash: 'f'.repeat(64) });
    expect(await firstProblem(db)).toMatchObject({ seq: 4, kind: 'edited' });

    const db2 = await logOf(6);
    const e = (await db2.audit.get(4))!;
    await db2.audit.put(rehashed({ ...e, prevHash: 'f'.repeat(64) }));
    expect(await firstProblem(db2)).toMatchObject({ seq: 4, kind: 'broken-link' });
  });
});

describe('audit trail: CSV for HR', () => {
  it('has a byte-order mark, a Chinese header and one line per entry', async () => {
    const db = await logOf(5);
    await db.people.put({
      id: 'O1',
      name: '张三',
      unitId: 'u',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official'],
      supervisorId: null,
      active: true,
    });
    const csv = await exportAudit(db);
    // What a clerk reads first (local time, names, words), the hash chain last.
    expect(csv.startsWith('\uFEFF序号,时间,操作人,操作,对象,内容,关联,前一条哈希,哈希\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    const local = new Date('2026-01-01T08:00:00.000Z');
    const p = (n: number) => String(n).padStart(2, '0');
    const time = `${local.getFullYear()}-${p(local.getMonth() + 1)}-${p(local.getDate())} ${p(local.getHours())}:${p(local.getMinutes())}:00`;
    expect(lines[1]).toBe(`1,${time},H,提交,张三,提交 张三 2026年1月记实簿 第1版,record/O1/2026-01,${'0'.repeat(64)},${lines[1]!.slice(-64)}`);
    expect(lines[1]).not.toMatch(/Z,|\(O1\)/);
  });

  it('quotes as text a cell Excel or WPS would read as a formula: = + - @, tab, CR and their full-width forms', async () => {
    const db = await logOf(5);
    const person = {
      unitId: 'u',
      positionCategory: 'comprehensive' as const,
      rankLevel: 'staff1',
      roles: ['official' as const],
      supervisorId: null,
      active: true,
    };
    // Names that no form lets in any more (text.ts cleans them), as an older database may hold them.
    await db.people.put({ ...person, id: 'O1', name: '＝HYPERLINK("http://x","张三")' });
    await db.people.put({ ...person, id: 'H', name: '\t=1+1' });
    const lines = (await exportAudit(db)).slice(1).trimEnd().split('\r\n');
    const cells = lines[1]!.match(/^1,[^,]+,("[^"]*(?:""[^"]*)*"|[^,]*),[^,]+,("[^"]*(?:""[^"]*)*"|[^,]*),/);
    expect(cells?.[1]).toBe(`'\t=1+1`);
    expect(cells?.[2]).toBe(`"'＝HYPERLINK(""http://x"",""张三"")"`);
  });
});
