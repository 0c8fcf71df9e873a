import { describeError } from '../../../shared/errors/messages.zh';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../../../shared/errors/errors';
import {
  CURRENT_SCHEMA_VERSION,
  DutyBookDb,
  SCHEMA_HISTORY,
  checkSchemaHistory,
  getDeviceId,
  openDatabase,
  type SchemaStep,
} from '../../../shared/store';
import { fakeDeps, freshName, openTestDb } from './helpers';

describe('DutyBookDb', () => {
  it('creates every table of the current schema with its indexes', async () => {
    const db = await openTestDb();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.name, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(schema).toEqual({
      profile: ['id'],
      settings: ['key'],
      orgUnits: ['id', 'parentId', 'path'],
      people: ['id', 'unitId', 'supervisorId', '*roles'],
      meta: ['key'],
      plans: ['id', '&[personId+year]'],
      planVersions: ['id', 'planId', '[personId+year]'],
      monthlyRecords: ['id', '&[personId+year+month]', '[personId+year]'],
      recordVersions: ['id', 'recordId', '[personId+year+month]'],
      journalEntries: ['id', '[personId+date]'],
      summaries: ['id', '&[personId+year+quarter]'],
      summaryVersions: ['id', 'summaryId'],
      facts: ['id', 'recordKey', 'subject', 'author', '[device+counter]'],
      attestations: ['id', 'author'],
      peerHoldings: ['peer'],
      bundles: ['id', '[peer+direction]'],
      trust: ['id'],
      rosters: ['version'],
      evaluations: ['id', '[subject+year+quarter]', '[evaluator+year+quarter]'],
      evaluationDrafts: ['id', '[evaluator+year+quarter]'],
      feedback: ['id', '[personId+year+quarter]'],
      registers: ['id', '[supervisorId+year+quarter]'],
      filings: ['id', '[personId+year]', '[what+year]'],
      filingRefusals: ['id', '[personId+year]', '[what+year]'],
      spotChecks: ['id', '[personId+year]', 'year'],
      personYears: ['id', 'year'],
      statusDigests: ['id', 'year'],
      audit: ['seq'],
      annualSummaries: ['id', '&[personId+year]', 'year'],
      annualComments: ['id', '&[personId+year]', '[supervisorId+year]', 'year'],
      annualDecisions: ['id', '&[personId+year]', 'year'],
    });
    // One working plan, record book and summary per person and period; one of each annual record per person and year.
    const unique = db.tables.flatMap((t) =>
      t.schema.indexes.filter((i) => i.unique).map((i) => `${t.name}.${i.name}`),
    );
    expect(unique.sort()).toEqual([
      'annualComments.[personId+year]',
      'annualDecisions.[personId+year]',
      'annualSummaries.[personId+year]',
      'monthlyRecords.[personId+year+month]',
      'plans.[personId+year]',
      'summaries.[personId+year+quarter]',
    ]);
    db.close();
  });

  it('gives a new database a device id and keeps it across close and reopen', async () => {
    const name = freshName();
    const first = await openTestDb(name);
    const id = await getDeviceId(first);
    expect(id).toMatch(/^[0-9A-Z]{26}$/);
    first.close();
    const again = await openTestDb(name);
    expect(await getDeviceId(again)).toBe(id);
    again.close();
  });

  it('keeps two databases with different names apart', async () => {
    const a = await openTestDb(freshName('a'));
    const b = await openTestDb(freshName('b'));
    await a.settings.put({ key: 'activePresetId', value: 'national', updatedAt: '2026-11-23T00:00:00.000Z' });
    expect(await b.settings.count()).toBe(0);
    expect(await getDeviceId(a)).not.toBe(await getDeviceId(b));
    a.close();
    b.close();
  });

  it('refuses a database written by a newer schema instead of opening it with an older one', async () => {
    const name = freshName('newer');
    const future = new Dexie(name, fakeDeps);
    future.version(CURRENT_SCHEMA_VERSION + 1).stores({ profile: 'id', extra: 'id' });
    await future.open();
    future.close();
    const err = await openDatabase(name, fakeDeps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('storage-unavailable');
    expect((err as StorageError).message).toContain('newer than this application');
    // The clerk is told to upgrade, not that another window holds the database.
    expect(describeError(err).title).toBe('本地数据由较新版本的履责记实写入');
  });
});

describe('schema history', () => {
  it('is dated, starts at version 1 and only grows', () => {
    expect(SCHEMA_HISTORY[0]).toMatchObject({ version: 1, date: '2026-11-23' });
    expect(() => checkSchemaHistory(SCHEMA_HISTORY)).not.toThrow();
    expect(() => checkSchemaHistory([...SCHEMA_HISTORY, { ...SCHEMA_HISTORY[0]! }])).toThrow(
      /versions must increase/,
    );
    expect(() => checkSchemaHistory([])).toThrow();
  });

  it('upgrades rows written under an older version when a later step is appended', async () => {
    const name = freshName('upgrade');
    const v1 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY });
    await v1.people.bulkPut([
      {
        id: 'p1',
        name: '张三',
        unitId: 'u1',
        positionCategory: 'comprehensive',
        rankLevel: 'staff1',
        roles: ['official'],
        supervisorId: null,
        active: true,
      },
      {
        id: 'p2',
        name: '李四',
        unitId: 'u1',
        positionCategory: 'comprehensive',
        rankLevel: 'staff1',
        roles: ['official', 'supervisor'],
        supervisorId: null,
        active: true,
      },
    ]);
    const deviceId = await getDeviceId(v1);
    v1.close();

    // A step as a later issue would write it: a new index, and a backfill of the rows already there.
    const v2: SchemaStep = {
      version: CURRENT_SCHEMA_VERSION + 1,
      date: '2026-12-01',
      note: 'test: people by name, with a sort key',
      stores: { people: 'id, unitId, supervisorId, *roles, name, sortKey' },
      upgrade: (tx) =>
        tx
          .table('people')
          .toCollection()
          .modify((p: { name: string; sortKey?: string }) => {
            p.sortKey = `k:${p.name}`;
          }),
    };
    const upgraded = new DutyBookDb(name, { ...fakeDeps, schemaHistory: [...SCHEMA_HISTORY, v2] });
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION + 1);
    const byName = await upgraded.people.where('name').equals('李四').toArray();
    expect(byName.map((p) => p.id)).toEqual(['p2']);
    expect(await upgraded.table('people').where('sortKey').equals('k:张三').count()).toBe(1);
    expect(await upgraded.people.where('roles').equals('supervisor').count()).toBe(1);
    expect(await getDeviceId(upgraded)).toBe(deviceId);
    upgraded.close();

    // And the old code is now refused, rather than opening the upgraded data.
    await expect(openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY })).rejects.toBeInstanceOf(
      StorageError,
    );
  });
});

describe('schema v2 (what an official writes)', () => {
  it('upgrades a v1 database: the roster and device id stay, the new tables start empty and indexed', async () => {
    const name = freshName('v1-to-v2');
    const v1 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.slice(0, 1) });
    expect(v1.verno).toBe(1);
    await v1.people.put({
      id: 'p1',
      name: '张三',
      unitId: 'u1',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official'],
      supervisorId: null,
      active: true,
    });
    await v1.settings.put({ key: 'activePresetId', value: 'hubei', updatedAt: '2026-11-23T00:00:00.000Z' });
    const deviceId = await getDeviceId(v1);
    v1.close();

    const v2 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.slice(0, 2) });
    expect(v2.verno).toBe(2);
    expect((await v2.people.get('p1'))?.name).toBe('张三');
    expect((await v2.settings.get('activePresetId'))?.value).toBe('hubei');
    expect(await getDeviceId(v2)).toBe(deviceId);
    for (const t of [
      'plans',
      'planVersions',
      'monthlyRecords',
      'recordVersions',
      'journalEntries',
      'summaries',
      'summaryVersions',
    ]) {
      expect(await v2.table(t).count()).toBe(0);
    }
    await v2.plans.put({
      id: 'PL1',
      personId: 'p1',
      year: 2026,
      state: 'draft',
      items: [],
      version: 0,
      returnReasons: [],
      updatedAt: '2026-11-23T00:00:00.000Z',
    });
    expect(await v2.plans.where('[personId+year]').equals(['p1', 2026]).count()).toBe(1);
    // A second plan for the same person and year is refused by the unique index.
    await expect(v2.plans.add({ ...(await v2.plans.get('PL1'))!, id: 'PL2' })).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    v2.close();
  });
});
