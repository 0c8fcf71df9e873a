/**
 * Storage faults injected into real transactions (fake-indexeddb through Dexie's own stack): a
 * DBCore middleware makes the Nth write of a transaction fail the way IndexedDB fails when the disk
 * or the origin's quota is full (QuotaExceededError), or as a store gone bad under the app
 * (UnknownError). Whatever the write that fails — the first, one in the middle, the last — the
 * operation is refused whole with the Chinese words for it, and the database is exactly as it was;
 * with the space back, the same operation succeeds. The real-browser counterpart (Chromium's own
 * quota and damaged LevelDB files) is tests/e2e/storage-faults.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { describeError } from '../../../shared/errors/messages.zh';
import { toStorageError, type DutyBookDb } from '../../../shared/store';
import { StorageError } from '../../../shared/errors/errors';
import { savePlanDraft, submitPlan } from '../../../shared/store/plan-repo';
import { createBackup, restoreBackup } from '../../../shared/backup';
import { randomBytes } from '../../../shared/bundle/crypto';
import { snapshot } from './helpers';
import { distributeRoster, makeOrg, receive, send, writePlan, writeRecord, writeSummary } from '../sync/model/harness';

type Fault = { arm: (afterWrites: number, name?: string) => void; disarm: () => void; writes: () => number };

/** Installs a middleware that fails the (n+1)th write request once armed; counts writes either way. */
async function injectFaults(db: DutyBookDb): Promise<Fault> {
  let armedAt: number | null = null;
  let errorName = 'QuotaExceededError';
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'storage-fault-injector',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            writes++;
            if (armedAt !== null && writes > armedAt) {
              // What IndexedDB raises; Dexie sees it as a failed request and aborts the transaction.
              return Promise.reject(new DOMException(`injected ${errorName} on write ${writes}`, errorName));
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
  db.use(middleware);
  // Middlewares take effect when the database opens.
  db.close();
  await db.open();
  return {
    arm: (n, name = 'QuotaExceededError') => {
      writes = 0;
      armedAt = n;
      errorName = name;
    },
    disarm: () => {
      armedAt = null;
      writes = 0;
    },
    writes: () => writes,
  };
}

async function failureOf(op: () => Promise<unknown>): Promise<StorageError> {
  try {
    await op();
  } catch (e) {
    const mapped = toStorageError(e);
    expect(mapped, String(e)).toBeInstanceOf(StorageError);
    return mapped as StorageError;
  }
  throw new Error('the operation did not fail');
}

/**
 * Fails `op` at each write in turn (1st, 2nd, … up to the last it makes), each time checking the
 * refusal and that nothing changed; returns how many fault points were tried.
 */
async function everyWriteFails(db: DutyBookDb, fault: Fault, op: () => Promise<unknown>, name = 'QuotaExceededError') {
  let tried = 0;
  for (let n = 0; ; n++) {
    const before = await snapshot(db);
    fault.arm(n, name);
    let failed: StorageError | null = null;
    try {
      await op();
    } catch (e) {
      const mapped = toStorageError(e);
      expect(mapped, String(e)).toBeInstanceOf(StorageError);
      failed = mapped as StorageError;
    }
    fault.disarm();
    if (!failed) return { tried, succeededAfter: n };
    tried++;
    expect(await snapshot(db), `fault at write ${n + 1}`).toEqual(before);
    if (name === 'QuotaExceededError') {
      expect(failed.code).toBe('storage-quota');
      expect(describeError(failed).title).toBe('磁盘空间不足,未能保存');
    }
    if (n > 500) throw new Error('the operation never finished');
  }
}

describe('a full disk at any write of an operation: refused whole, nothing half-written', () => {
  it('an import (a quarter from one official: plan, record books, summary) — then, with space back, the same file goes in', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const o1 = org.devices.O1!;
    await writePlan(o1, ['编制部门预算', '清理项目库']);
    for (const m of [1, 2, 3]) await writeRecord(o1, m, `${m}月工作`);
    await writeSummary(o1, 1, '第一季度完成了部门预算编制和项目库清理,按期报送了全部材料,下季度继续跟进执行。');
    const { bytes } = await send(o1, org.hr);
    const fault = await injectFaults(org.hr.db);
    const { tried, succeededAfter } = await everyWriteFails(org.hr.db, fault, () => receive(org.hr, bytes));
    // Every write the import makes was a fault point once, and the last attempt went through.
    expect(tried).toBeGreaterThanOrEqual(5);
    console.info(`[storage-faults] import: ${tried} fault points, each refused whole`);
    expect(succeededAfter).toBe(tried);
    expect(await org.hr.db.recordVersions.count()).toBe(3);
    expect(await org.hr.db.summaryVersions.count()).toBe(1);
  });

  it('a submission (提交核准: the plan version, its signed fact, the status row, the audit entry)', async () => {
    const org = await makeOrg();
    const o1 = org.devices.O1!;
    await savePlanDraft(o1.db, 'O1', 2026, [
      { id: 'i1', task: '编制部门预算', target: '按期完成', deadline: '2026-12-31', duty: '岗位职责' },
    ]);
    const fault = await injectFaults(o1.db);
    const { tried } = await everyWriteFails(o1.db, fault, () => submitPlan(o1.db, 'O1', 2026));
    expect(tried).toBeGreaterThanOrEqual(3);
    console.info(`[storage-faults] submission: ${tried} fault points, each refused whole`);
    expect((await o1.db.planVersions.toArray()).map((v) => v.version)).toEqual([1]);
  });

  it('a restore from a backup (every table replaced in one transaction)', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    await writePlan(org.devices.O1!, ['编制部门预算']);
    await receive(org.hr, (await send(org.devices.O1!, org.hr)).bytes);
    const key = randomBytes(32);
    const backup = await createBackup(org.hr.db, { reason: 'manual', key });
    await org.hr.db.people.clear();
    const fault = await injectFaults(org.hr.db);
    // A restore writes table by table: fail at the first write, in the middle, and the last.
    fault.arm(0);
    await failureOf(() => restoreBackup(org.hr.db, backup, { key }));
    fault.disarm();
    expect(await org.hr.db.people.count()).toBe(0);
    // How many writes a whole restore makes, to fail the first, one in the middle and the last.
    await restoreBackup(org.hr.db, backup, { key });
    const total = fault.writes();
    expect(total).toBeGreaterThan(3);
    await org.hr.db.people.clear();
    const cleared = await snapshot(org.hr.db);
    for (const n of [0, Math.floor(total / 2), total - 1]) {
      fault.arm(n);
      const e = await failureOf(() => restoreBackup(org.hr.db, backup, { key }));
      fault.disarm();
      expect(e.code).toBe('storage-quota');
      expect(await snapshot(org.hr.db), `fault at write ${n + 1} of ${total}`).toEqual(cleared);
    }
  });
});

describe('a store gone bad under the app (UnknownError on a write)', () => {
  it('an import is refused as storage-unavailable and nothing is half-written', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    await writePlan(org.devices.O2!, ['起草文件']);
    const { bytes } = await send(org.devices.O2!, org.hr);
    const fault = await injectFaults(org.hr.db);
    const before = await snapshot(org.hr.db);
    fault.arm(2, 'UnknownError');
    const e = await failureOf(() => receive(org.hr, bytes));
    fault.disarm();
    expect(e.code).toBe('storage-unavailable');
    expect(await snapshot(org.hr.db)).toEqual(before);
    await receive(org.hr, bytes);
    expect(await org.hr.db.planVersions.count()).toBe(1);
  });
});
