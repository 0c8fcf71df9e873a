import { describe, expect, it } from 'vitest';
import { DutyBookError } from '../../../shared/errors/errors';
import type { ProfileInput } from '../../../shared/domain';
import { adoptPersonId, createProfile, getPlan, getProfile, savePlanDraft } from '../../../shared/store';
import { openTestDb, snapshot } from './helpers';

const input: ProfileInput = {
  name: '张三',
  unitName: '预算科',
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  presetId: 'hubei',
};
const item = { id: 'i1', task: '编制部门预算', target: '按时报送', deadline: '2026-06-30', duty: '预算编制' };

describe('adoptPersonId (recovering keys on a new PC)', () => {
  it('moves the profile and the records typed so far to the backed-up person id', async () => {
    const db = await openTestDb();
    await createProfile(db, input, { personId: 'NEW-INSTALL' });
    await savePlanDraft(db, 'NEW-INSTALL', 2026, [item]);
    const p = await adoptPersonId(db, 'P-ZHANGSAN');
    expect(p.personId).toBe('P-ZHANGSAN');
    expect((await getProfile(db))?.personId).toBe('P-ZHANGSAN');
    expect((await getPlan(db, 'P-ZHANGSAN', 2026))?.items).toEqual([item]);
    expect(await getPlan(db, 'NEW-INSTALL', 2026)).toBeUndefined();
    db.close();
  });

  it('refuses, changing nothing, once this install has signed records under another id', async () => {
    const db = await openTestDb();
    await createProfile(db, input, { personId: 'NEW-INSTALL' });
    await db.facts.put({ id: 'f1', author: 'NEW-INSTALL' } as never);
    const before = await snapshot(db);
    const err = await adoptPersonId(db, 'P-ZHANGSAN').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DutyBookError);
    expect((err as DutyBookError).details.reason).toContain('不能再恢复为备份中的身份');
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
