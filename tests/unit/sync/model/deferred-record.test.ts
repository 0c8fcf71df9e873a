import { describe, expect, it } from 'vitest';
import { listBundles } from '../../../../shared/store';
import { createBundle } from '../../../../shared/sync';
import { distributeRoster, makeOrg, suite, writePlan } from './harness';

describe('an export whose file was never saved', () => {
  it('is not logged as sent until commit(), and the next export still carries everything', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1 } = org.devices;
    await writePlan(O1!, ['起草年度工作要点']);
    const before = (await listBundles(O1!.db)).length;

    const opts = { suite: await suite(), keys: O1!.keys, peer: { personId: S1!.personId, signingPub: S1!.signingPub } };
    // The clerk cancels the save dialog: nothing is logged.
    const cancelled = await createBundle(O1!.db, { ...opts, deferRecord: true });
    expect((await listBundles(O1!.db)).length).toBe(before);

    // The next attempt is saved: it holds the same record, and commit() logs it once.
    const saved = await createBundle(O1!.db, { ...opts, deferRecord: true });
    expect(saved.plan.facts.map((f) => f.id)).toEqual(cancelled.plan.facts.map((f) => f.id));
    await saved.commit();
    expect((await listBundles(O1!.db)).length).toBe(before + 1);
  });
});
