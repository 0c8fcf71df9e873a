import { describe, expect, it } from 'vitest';
import { conflictsFor, getPlan, listPlanVersions, readHoldings } from '../../../../shared/store';
import { recordKeys } from '../../../../shared/sync';
import { snapshot } from '../../store/helpers';
import { distributeRoster, makeOrg, preview, receive, send, writePlan, writeRecord, writeSummary } from './harness';

describe('exchange: official → supervisor → HR', () => {
  it('submitting writes a fact in the same transaction; the supervisor and HR see the plan read-only', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    await writePlan(O1!, ['起草年度工作要点', '组织业务培训']);
    expect(await O1!.db.facts.count()).toBe(1);

    const first = await receive(S1!, (await send(O1!, S1!)).bytes);
    expect(first.added.map((a) => a.type)).toEqual(['plan.version']);
    expect(first.added[0]!.label).toBe('张三 · 个人年度工作计划 · 2026');
    const plan = await getPlan(S1!.db, 'O1', 2026);
    expect(plan?.state).toBe('submitted');
    expect(plan?.items.map((i) => i.task)).toEqual(['起草年度工作要点', '组织业务培训']);
    expect(await listPlanVersions(S1!.db, 'O1', 2026)).toHaveLength(1);

    // Relay to HR: the official's fact travels with the official's attestation, unchanged.
    const relayed = await receive(H!, (await send(S1!, H!)).bytes);
    expect(relayed.added.map((a) => a.author)).toEqual(['O1']);
    expect((await getPlan(H!.db, 'O1', 2026))?.items).toHaveLength(2);
  });

  it('a record book and a summary with fractional attendance survive the trip byte for byte', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O2', 'S1']);
    const { O2, S1 } = org.devices;
    await writeRecord(O2!, 3, '整理档案');
    await writeSummary(O2!, 1, '第一季度完成了档案整理和制度修订等工作,达到预期目标。');
    await receive(S1!, (await send(O2!, S1!)).bytes);
    const mine = await O2!.db.recordVersions.toArray();
    const theirs = await S1!.db.recordVersions.toArray();
    expect(theirs).toEqual(mine);
    expect(theirs[0]!.attendance.personalLeave).toBe(0.5);
    expect(await S1!.db.summaries.count()).toBe(1);
    expect((await S1!.db.summaries.toArray())[0]!.state).toBe('submitted');
  });

  it('a new version supersedes the old one; two installs of one author give a visible conflict', async () => {
    const org = await makeOrg({ O1b: true });
    await distributeRoster(org, ['O1', 'O1b', 'S1']);
    const { O1, O1b, S1 } = org.devices;
    await writePlan(O1!, ['任务甲']);
    await writePlan(O1b!, ['任务乙']);
    await receive(S1!, (await send(O1!, S1!)).bytes);
    await receive(S1!, (await send(O1b!, S1!)).bytes);
    const key = recordKeys.plan('O1', 2026);
    const heads = await conflictsFor(S1!.db, key);
    expect(heads).toHaveLength(2);
    expect(new Set(heads.map((h) => h.device))).toEqual(new Set([O1!.deviceId, O1b!.deviceId]));
    // The shown one is the first head, and the working row shows it.
    const shownTask = JSON.parse(heads[0]!.body).items[0].task as string;
    expect((await getPlan(S1!.db, 'O1', 2026))?.items[0]?.task).toBe(shownTask);
    expect(await listPlanVersions(S1!.db, 'O1', 2026)).toHaveLength(2);
  });

  it('P3: importing the same bundle twice changes nothing; the same content in a new bundle adds no versions', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O3', 'S1']);
    const { O3, S1 } = org.devices;
    await writePlan(O3!, ['任务']);
    await writeRecord(O3!, 1, '一月工作');
    const { bytes } = await send(O3!, S1!);
    await receive(S1!, bytes);
    const before = await snapshot(S1!.db);
    const again = await preview(S1!, bytes);
    expect(again.status).toBe('already-imported');
    expect(await snapshot(S1!.db)).toEqual(before);

    // A full re-export is a new bundle with the same facts: only its log row and acks change.
    const repeat = await receive(S1!, (await send(O3!, S1!, { full: true })).bytes);
    expect(repeat.added).toEqual([]);
    expect(repeat.alreadyPresent).toBe(2);
    const after = await snapshot(S1!.db);
    for (const t of ['facts', 'attestations', 'plans', 'planVersions', 'monthlyRecords', 'recordVersions']) {
      expect(after[t]).toEqual(before[t]);
    }
    expect(after.bundles).toHaveLength((before.bundles?.length ?? 0) + 1);
  });

  it('P10: after an ack the next export holds only newer facts; a lost ack means over-send', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O4', 'S2']);
    const { O4, S2 } = org.devices;
    await writePlan(O4!, ['任务']);
    await writeRecord(O4!, 1, '一月');
    const b1 = await send(O4!, S2!);
    expect(b1.plan.facts).toHaveLength(2);
    await receive(S2!, b1.bytes);

    // The supervisor's reply is lost: the official does not know what arrived, so it sends again.
    await send(S2!, O4!);
    await writeRecord(O4!, 2, '二月');
    const b2 = await send(O4!, S2!);
    expect(b2.plan.facts).toHaveLength(3);

    // Now a reply arrives; its acks say what the supervisor holds from the official's install.
    await receive(S2!, b2.bytes);
    await receive(O4!, (await send(S2!, O4!)).bytes);
    await writeRecord(O4!, 3, '三月');
    const b3 = await send(O4!, S2!);
    expect(b3.plan.facts.map((f) => f.counter)).toEqual([4]);
    expect(b3.plan.roster).toBeUndefined();
    expect((await readHoldings(S2!.db))[O4!.deviceId]).toEqual([[1, 3]]);
  });
});
