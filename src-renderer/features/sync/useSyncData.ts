import { useLiveQuery } from 'dexie-react-hooks';
import { getCurrentRoster, getPinnedHr, getSelfIdentity, type DutyBookDb } from '../../../shared/store';
import type { PinnedHrRow, SelfIdentityRow, SignedRoster } from '../../../shared/sync';

export type SyncData = {
  identity: SelfIdentityRow | undefined;
  roster: SignedRoster | undefined;
  pinned: PinnedHrRow | undefined;
};

/** What the sync screens show, live: undefined while loading. */
export function useSyncData(db: DutyBookDb): SyncData | undefined {
  return useLiveQuery(
    async () => ({
      identity: await getSelfIdentity(db),
      roster: await getCurrentRoster(db),
      pinned: await getPinnedHr(db),
    }),
    [db],
  );
}
