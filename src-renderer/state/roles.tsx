/**
 * The roles the window works with, for every screen: the navigation, the home page's workspaces, the
 * route guards and the settings page read them here, never from the profile directly. Before this
 * device is enrolled they are the profile's tick; once the roster lists this device's person they
 * are the roster's (shared/ledger/effective-roles.ts), and HR's workspace also needs the HR
 * organisation key in this device's key store, which is checked here when the roster gives the role.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalProfile, Role } from '../../shared/domain';
import {
  effectiveRoles,
  workspaceAccess,
  type HrKeyHolding,
  type RoleSource,
  type WorkspaceAccess,
} from '../../shared/ledger/effective-roles';
import { getCurrentRoster, getSelfIdentity } from '../../shared/store';
import { useServices } from './services';
import { useNotifications } from './notifications';

export type RolesValue = {
  source: RoleSource;
  /** Whether the key store holds the roster's HR key; 'checking' until known (only asked when the roster gives the HR role). */
  hrKey: HrKeyHolding;
  access: (role: Role) => WorkspaceAccess;
  /** Asks the key store again (after it was unlocked, or a key backup restored). */
  recheckHrKey: () => void;
};

const RolesContext = createContext<RolesValue | null>(null);

export function useRoles(): RolesValue {
  const v = useContext(RolesContext);
  if (!v) throw new Error('RolesProvider is missing');
  return v;
}

/** Renders `loading` until the identity and roster have been read, so no workspace shows and then vanishes. */
export function RolesProvider({ profile, loading, children }: { profile: LocalProfile; loading: ReactNode; children: ReactNode }) {
  const { db, host } = useServices();
  const reportError = useNotifications((s) => s.reportError);
  const enrolment = useLiveQuery(
    async () => ({ self: await getSelfIdentity(db), roster: (await getCurrentRoster(db))?.roster }),
    [db],
  );
  const source = useMemo(
    () => (enrolment ? effectiveRoles(profile, enrolment.roster, enrolment.self) : null),
    [profile, enrolment],
  );

  // The HR key is looked for only where the roster gives the HR role: the answer is kept with the
  // key and identity it was for, so a new roster or a restored key backup asks again.
  const hrKeyWanted = source?.from === 'roster' && source.roles.includes('hr') ? source.hrKey : null;
  const identityStamp = enrolment?.self ? `${enrolment.self.signingPub}@${enrolment.self.createdAt}` : '';
  const [attempt, setAttempt] = useState(0);
  const [holding, setHolding] = useState<{ hrKey: string; state: Exclude<HrKeyHolding, 'checking'> } | null>(null);
  useEffect(() => {
    if (hrKeyWanted === null) return;
    let live = true;
    void (async () => {
      try {
        const { hrKeyHolding } = await import('../key-store/hr-key');
        const state = await hrKeyHolding(host, hrKeyWanted);
        if (live) setHolding({ hrKey: hrKeyWanted, state });
      } catch (e) {
        if (!live) return;
        reportError(e);
        setHolding({ hrKey: hrKeyWanted, state: 'missing' });
      }
    })();
    return () => {
      live = false;
    };
  }, [host, hrKeyWanted, identityStamp, attempt, reportError]);

  const recheckHrKey = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo<RolesValue | null>(() => {
    if (!source) return null;
    const hrKey: HrKeyHolding = holding && holding.hrKey === hrKeyWanted ? holding.state : 'checking';
    return { source, hrKey, access: (role) => workspaceAccess(source, role, hrKey), recheckHrKey };
  }, [source, holding, hrKeyWanted, recheckHrKey]);

  if (!value) return <>{loading}</>;
  return <RolesContext.Provider value={value}>{children}</RolesContext.Provider>;
}
