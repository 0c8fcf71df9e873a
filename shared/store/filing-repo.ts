/**
 * 备案 and 抽查 on HR's device. Filing an approved plan or a signed register appends a signed 备案回执
 * (a 'filing.receipt' fact) and shows it at once through the same materialisers an import runs: the
 * plan turns 已备案 here, and on the supervisor's and the official's devices after the next exchange.
 * Refusing to file (不予备案, `refuseFiling`) signs a 'filing.refusal' naming the version and the reason:
 * the plan turns 已退回 for the official to correct and resubmit; a register goes back to its 主管领导
 * to correct and sign again. The corrected version is then filed as any other (domain/filing-refusal.ts).
 * Spot checks are HR's working notes and never leave this device.
 */
import { DutyBookError, ValidationError } from '../errors/errors';
import {
  formatChineseDate,
  filingReceiptSchema,
  filingRefusalSchema,
  refusalOf,
  jsonSnapshot,
  newId,
  parseOrThrow,
  spotCheckSchema,
  type FilingReceipt,
  type FilingRefusal,
  type SpotCheck,
} from '../domain';
import { recordKeys } from '../ledger/facts';
import { hrCovers, findPerson } from '../ledger/roster';
import type { DutyBookDb } from './db';
import {
  actingContext,
  forbidden,
  inTransaction,
  signAndShow,
  versionFactId,
  type ActingContext,
} from './acting';
import { wrapStorageErrors } from './storage-errors';

export type FilingInput =
  | { what: 'plan'; personId: string; year: number; version: number }
  | { what: 'register'; personId: string; year: number; quarter: 1 | 2 | 3 | 4; version: number };

function requireCovered(ctx: ActingContext, personId: string): string {
  if (!ctx.person.roles.includes('hr')) throw forbidden('只有人事部门可以备案。');
  const subject = findPerson(ctx.roster, personId);
  if (!subject) throw forbidden('人员名册中没有此人,不能备案。');
  if (!hrCovers(ctx.roster, ctx.person, subject))
    throw forbidden(`“${subject.name}”不在您负责备案的单位范围内。`);
  return subject.name;
}

/** Files one approved plan version or one signed register version; refused (in Chinese) otherwise. */
export async function fileRecord(
  db: DutyBookDb,
  input: FilingInput,
  now: Date = new Date(),
): Promise<FilingReceipt> {
  const at = now.toISOString();
  return inTransaction(db, 'file record', async () => {
    const ctx = await actingContext(db);
    const name = requireCovered(ctx, input.personId);
    const done = (
      await db.filings.where('[personId+year]').equals([input.personId, input.year]).toArray()
    ).find(
      (r) =>
        r.what === input.what &&
        (input.what === 'plan' || r.quarter === input.quarter) &&
        r.version === input.version,
    );
    if (done)
      throw new DutyBookError('conflict', 'already filed', {
        reason: `已于${formatChineseDate(new Date(done.filedAt))}备案,无需重复备案。`,
      });
    const refused = await refusalOfVersion(db, input);
    if (refused)
      throw new DutyBookError('conflict', 'version refused', {
        reason: `这一版已于${formatChineseDate(new Date(refused.refusedAt))}不予备案(退回),请等修改后重新报送的新版本再备案。`,
      });
    let parents: string[];
    if (input.what === 'plan') {
      const plan = await db.plans.where('[personId+year]').equals([input.personId, input.year]).first();
      if (!plan || plan.version < 1) throw forbidden(`尚未收到${name}的${input.year}年度个人工作计划。`);
      if (plan.version !== input.version) {
        throw new DutyBookError('conflict', 'plan version changed', {
          reason: `${name}的计划已有第${plan.version}版,请刷新后再备案。`,
        });
      }
      if (plan.state !== 'approved') {
        throw new DutyBookError('conflict', `plan is ${plan.state}`, {
          reason: plan.state === 'filed' ? '该计划已备案。' : `${name}的计划尚未经主管领导核准,不能备案。`,
        });
      }
      parents = await versionFactId(db, recordKeys.plan(input.personId, input.year), 'plan.version');
    } else {
      const versions = await db.registers
        .where('[supervisorId+year+quarter]')
        .equals([input.personId, input.year, input.quarter])
        .toArray();
      if (!versions.some((r) => r.version === input.version)) {
        throw forbidden(`尚未收到${name}第${input.quarter}季度备案登记表第${input.version}版。`);
      }
      parents = await versionFactId(
        db,
        recordKeys.register(input.personId, input.year, input.quarter),
        'register',
      );
    }
    const receipt = parseOrThrow(filingReceiptSchema, {
      id: newId(now.getTime()),
      personId: input.personId,
      what: input.what,
      year: input.year,
      ...(input.what === 'register' ? { quarter: input.quarter } : {}),
      version: input.version,
      filedAt: at,
      clerk: ctx.person.name,
    });
    await signAndShow(ctx, {
      type: 'filing.receipt',
      subject: input.personId,
      recordKey: recordKeys.filing(input.personId, input.what, input.year, receipt.quarter),
      body: jsonSnapshot(receipt),
      createdAt: at,
      parents,
    });
    return receipt;
  });
}

/** The latest refusal of exactly this version, if HR refused it. */
async function refusalOfVersion(db: DutyBookDb, input: FilingInput): Promise<FilingRefusal | undefined> {
  const rows = await db.filingRefusals.where('[personId+year]').equals([input.personId, input.year]).toArray();
  return refusalOf(rows, input.what, input.version, input.what === 'register' ? input.quarter : undefined);
}

/**
 * 不予备案: refuses to file one version of an approved plan or a signed register, with the reason
 * (required), and signs the refusal that travels back. Refused (in Chinese, nothing written) when
 * the version is already filed or already refused, not yet approved, not received or superseded.
 */
export async function refuseFiling(
  db: DutyBookDb,
  input: FilingInput & { reason: string },
  now: Date = new Date(),
): Promise<FilingRefusal> {
  const at = now.toISOString();
  if (input.reason.trim() === '') throw new ValidationError([{ path: 'reason', message: '请填写不予备案的原因' }]);
  return inTransaction(db, 'refuse filing', async () => {
    const ctx = await actingContext(db);
    if (!ctx.person.roles.includes('hr')) throw forbidden('只有人事部门可以不予备案。');
    const name = requireCovered(ctx, input.personId);
    const quarter = input.what === 'register' ? input.quarter : undefined;
    const filed = (
      await db.filings.where('[personId+year]').equals([input.personId, input.year]).toArray()
    ).find((r) => r.what === input.what && r.quarter === quarter && r.version === input.version);
    if (filed)
      throw new DutyBookError('conflict', 'already filed', {
        reason: `这一版已于${formatChineseDate(new Date(filed.filedAt))}备案,不能再不予备案。`,
      });
    const refused = await refusalOfVersion(db, input);
    if (refused)
      throw new DutyBookError('conflict', 'already refused', {
        reason: `这一版已于${formatChineseDate(new Date(refused.refusedAt))}不予备案(退回),无需重复退回。`,
      });
    let parents: string[];
    if (input.what === 'plan') {
      const plan = await db.plans.where('[personId+year]').equals([input.personId, input.year]).first();
      if (!plan || plan.version < 1) throw forbidden(`尚未收到${name}的${input.year}年度个人工作计划。`);
      if (plan.version !== input.version) {
        throw new DutyBookError('conflict', 'plan version changed', {
          reason: `${name}的计划已有第${plan.version}版,请刷新后再处理。`,
        });
      }
      if (plan.state !== 'approved') {
        throw new DutyBookError('conflict', `plan is ${plan.state}`, {
          reason:
            plan.state === 'filed'
              ? '该计划已备案,不能再不予备案。'
              : `${name}的计划尚未经主管领导核准,还不到备案环节;需要修改的请由主管领导退回。`,
        });
      }
      parents = await versionFactId(db, recordKeys.plan(input.personId, input.year), 'plan.version');
    } else {
      const versions = await db.registers
        .where('[supervisorId+year+quarter]')
        .equals([input.personId, input.year, input.quarter])
        .toArray();
      if (!versions.some((r) => r.version === input.version)) {
        throw forbidden(`尚未收到${name}第${input.quarter}季度备案登记表第${input.version}版。`);
      }
      const newest = Math.max(...versions.map((r) => r.version));
      if (newest > input.version) {
        throw new DutyBookError('conflict', 'register superseded', {
          reason: `${name}第${input.quarter}季度备案登记表已有第${newest}版(更正),请审核新版本。`,
        });
      }
      parents = await versionFactId(
        db,
        recordKeys.register(input.personId, input.year, input.quarter),
        'register',
      );
    }
    const refusal = parseOrThrow(filingRefusalSchema, {
      id: newId(now.getTime()),
      personId: input.personId,
      what: input.what,
      year: input.year,
      ...(quarter !== undefined ? { quarter } : {}),
      version: input.version,
      reason: input.reason.trim(),
      refusedAt: at,
      clerk: ctx.person.name,
    });
    await signAndShow(ctx, {
      type: 'filing.refusal',
      subject: input.personId,
      recordKey: recordKeys.filingRefusal(input.personId, input.what, input.year, quarter),
      body: jsonSnapshot(refusal),
      createdAt: at,
      parents,
    });
    return refusal;
  });
}

/** The refusals this device holds for a person's year (a plan's, or a supervisor's registers), oldest first. */
export async function listRefusals(db: DutyBookDb, personId: string, year: number): Promise<FilingRefusal[]> {
  const rows = await wrapStorageErrors('list refusals', () =>
    db.filingRefusals.where('[personId+year]').equals([personId, year]).toArray(),
  );
  return rows.sort((a, b) => a.refusedAt.localeCompare(b.refusedAt));
}

/** Every refusal of one kind for the year (HR's 备案 list). */
export async function listRefusalsOfYear(
  db: DutyBookDb,
  what: 'plan' | 'register',
  year: number,
): Promise<FilingRefusal[]> {
  return wrapStorageErrors('list refusals', () =>
    db.filingRefusals.where('[what+year]').equals([what, year]).toArray(),
  );
}

/** The receipts this device holds for a person's year (a plan's, or a supervisor's registers). */
export async function listFilings(db: DutyBookDb, personId: string, year: number): Promise<FilingReceipt[]> {
  const rows = await wrapStorageErrors('list filings', () =>
    db.filings.where('[personId+year]').equals([personId, year]).toArray(),
  );
  return rows.sort((a, b) => (a.quarter ?? 0) - (b.quarter ?? 0) || a.version - b.version);
}

/** Every receipt of one kind for the year (HR's filing screen; the supervisor's register page). */
export async function listFilingsOfYear(
  db: DutyBookDb,
  what: 'plan' | 'register',
  year: number,
): Promise<FilingReceipt[]> {
  return wrapStorageErrors('list filings', () =>
    db.filings.where('[what+year]').equals([what, year]).toArray(),
  );
}

// ---- 抽查 ----

export type SpotCheckInput = Omit<SpotCheck, 'id' | 'checkedAt' | 'updatedAt'> & { id?: string };

/** Records or updates a spot check (HR's own note, never sent). */
export async function saveSpotCheck(
  db: DutyBookDb,
  input: SpotCheckInput,
  now: Date = new Date(),
): Promise<SpotCheck> {
  const at = now.toISOString();
  return inTransaction(db, 'save spot check', async () => {
    const ctx = await actingContext(db);
    requireCovered(ctx, input.personId);
    const before = input.id ? await db.spotChecks.get(input.id) : undefined;
    if (input.state !== 'closed' && input.findings.trim() === '') {
      throw new ValidationError([
        { path: 'findings', message: '请填写检查发现的问题;没有问题的请选择“无问题”' },
      ]);
    }
    if (input.state === 'corrected' && input.corrections.trim() === '') {
      throw new ValidationError([{ path: 'corrections', message: '请填写整改情况' }]);
    }
    const row = parseOrThrow(spotCheckSchema, {
      ...input,
      id: before?.id ?? input.id ?? newId(now.getTime()),
      checkedAt: before?.checkedAt ?? at,
      updatedAt: at,
    });
    await db.spotChecks.put(row);
    return row;
  });
}

export async function listSpotChecks(db: DutyBookDb, year: number): Promise<SpotCheck[]> {
  const rows = await wrapStorageErrors('list spot checks', () =>
    db.spotChecks.where('year').equals(year).toArray(),
  );
  return rows.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
}

export async function deleteSpotCheck(db: DutyBookDb, id: string): Promise<SpotCheck | undefined> {
  return wrapStorageErrors('delete spot check', () =>
    db.transaction('rw', db.spotChecks, async () => {
      const row = await db.spotChecks.get(id);
      await db.spotChecks.delete(id);
      return row;
    }),
  );
}

/** Restores a deleted spot check (the undo of `deleteSpotCheck`). */
export async function restoreSpotCheck(db: DutyBookDb, row: SpotCheck): Promise<void> {
  await wrapStorageErrors('restore spot check', () => db.spotChecks.put(row));
}

/**
 * The refusals still waiting for a corrected version, for these people's year (the supervisor's own
 * registers and their reports' plans; the official's own plan): a plan's while the plan is still the
 * refused version, a register's while no later version has been signed. Newest first.
 */
export async function listOpenRefusals(
  db: DutyBookDb,
  personIds: readonly string[],
  year: number,
): Promise<FilingRefusal[]> {
  return wrapStorageErrors('list refusals', async () => {
    const keys = personIds.map((id) => [id, year]);
    const [refusals, plans, registers] = await Promise.all([
      db.filingRefusals.where('[personId+year]').anyOf(keys).toArray(),
      db.plans.where('[personId+year]').anyOf(keys).toArray(),
      personIds.length === 0
        ? Promise.resolve([])
        : db.registers
            .where('[supervisorId+year+quarter]')
            .inAnyRange(personIds.map((id) => [[id, year, -Infinity], [id, year, Infinity]]))
            .toArray(),
    ]);
    const open = refusals.filter((r) => {
      if (r.what === 'plan') {
        const plan = plans.find((p) => p.personId === r.personId);
        return plan?.version === r.version && plan.filingRefusal?.refusedAt === r.refusedAt;
      }
      const newer = registers.some(
        (g) => g.supervisorId === r.personId && g.quarter === r.quarter && g.version > r.version,
      );
      return !newer;
    });
    return open.sort((a, b) => b.refusedAt.localeCompare(a.refusedAt));
  });
}
