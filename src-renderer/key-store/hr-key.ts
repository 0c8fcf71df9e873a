/**
 * Whether this device holds the HR organisation key that signs the roster: HR's workspace signs
 * rosters, rules and filings with it, so on an enrolled device it opens only where the key is.
 * Loaded on demand (state/roles.tsx), so a device without the HR role never parses the crypto here.
 */
import type { HostApi } from '../../shared/host/contract';
import { toHex } from '../../shared/bundle/bytes';
import { detectSuite } from '../../shared/bundle/crypto';
import { DutyBookError } from '../../shared/errors/errors';
import { loadOrgKey } from '../../shared/ledger/identity';

/**
 * 'held' when the key store has the private half of `hrKey` (hex); 'missing' when it has none or
 * another (a key from before a rotation, another organisation's); 'locked' when it cannot be read
 * now (the browser preview's passphrase, the local password lock).
 */
export async function hrKeyHolding(host: HostApi, hrKey: string): Promise<'held' | 'missing' | 'locked'> {
  const status = await host.keyStoreStatus();
  // A store never set up holds no key at all.
  if (!status.unlocked) return status.initialised ? 'locked' : 'missing';
  try {
    const key = await loadOrgKey(host, await detectSuite());
    return key && toHex(key.pub) === hrKey.toLowerCase() ? 'held' : 'missing';
  } catch (e) {
    if (e instanceof DutyBookError && (e.code === 'key-store-locked' || e.code === 'app-locked')) return 'locked';
    throw e;
  }
}
