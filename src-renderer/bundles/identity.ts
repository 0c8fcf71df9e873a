/**
 * This install's keys and public identity, made on first need: generate, store the private halves
 * with the host, record the public halves with setSelfIdentity. Every sync action goes through
 * `ensureIdentity`, so the passphrase is asked for only when keys are actually used.
 */
import type { LocalProfile } from '../../shared/domain';
import { toHex } from '../../shared/bundle/bytes';
import { detectSuite, type CryptoSuite } from '../../shared/bundle/crypto';
import { generateDeviceKeys, loadDeviceKeys, storeDeviceKeys, type DeviceKeys } from '../../shared/sync';
import type { SelfIdentityRow } from '../../shared/sync';
import { getSelfIdentity, setSelfIdentity } from '../../shared/store';
import type { Services } from '../state/services';
import { ensureUnlocked } from '../key-store/keyStore';

export type Identity = { suite: CryptoSuite; keys: DeviceKeys; identity: SelfIdentityRow };

/** Gives the event loop a turn, so a long sequence of steps keeps the window responsive. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const inflight = new WeakMap<object, Promise<Identity>>();

/** One at a time per database: two screens asking at once must not make two sets of keys. */
export function ensureIdentity(services: Services, profile: LocalProfile): Promise<Identity> {
  const running = inflight.get(services.db);
  if (running) return running;
  const next = makeIdentity(services, profile).finally(() => inflight.delete(services.db));
  inflight.set(services.db, next);
  return next;
}

async function makeIdentity({ db, host }: Services, profile: LocalProfile): Promise<Identity> {
  await ensureUnlocked(host);
  const suite = await detectSuite();
  let keys = await loadDeviceKeys(host, suite);
  if (!keys) {
    keys = await generateDeviceKeys(suite);
    await storeDeviceKeys(host, keys);
  }
  const signingPub = toHex(keys.signing.pub);
  const encryptionPub = toHex(keys.encryption.pub);
  let identity = await getSelfIdentity(db);
  if (!identity || identity.signingPub !== signingPub || identity.encryptionPub !== encryptionPub) {
    // A restored key backup names its own person; otherwise the keys are this profile's.
    const personId = identity?.personId ?? profile.personId;
    identity = (await setSelfIdentity(db, { personId, signingPub, encryptionPub })).identity;
  }
  return { suite, keys, identity };
}
