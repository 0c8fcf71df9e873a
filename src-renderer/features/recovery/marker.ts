/**
 * A note, kept outside the database, that this device holds a DutyBook profile.
 *
 * Chromium (and so Electron) deletes an IndexedDB store it finds damaged and hands out an empty one
 * on the next start: without this note the app would greet a clerk whose records just vanished with
 * the first-run wizard, as if nothing had been there. localStorage lives in a LevelDB of its own, so
 * the note survives the database's reset, and an empty database with a note means "lost", not "new".
 */
import type { LocalProfile } from '../../../shared/domain';

export type DeviceMarker = {
  name: string;
  unitName: string;
  /** When this device first showed the profile, and when last (ISO). */
  firstSeenAt: string;
  lastSeenAt: string;
};

const keyOf = (dbName: string) => `dutybook.device-marker.${dbName}`;

export function readMarker(dbName: string): DeviceMarker | null {
  try {
    const raw = localStorage.getItem(keyOf(dbName));
    if (!raw) return null;
    const m = JSON.parse(raw) as Partial<DeviceMarker>;
    return typeof m.name === 'string' && typeof m.lastSeenAt === 'string'
      ? { name: m.name, unitName: String(m.unitName ?? ''), firstSeenAt: String(m.firstSeenAt ?? m.lastSeenAt), lastSeenAt: m.lastSeenAt }
      : null;
  } catch {
    return null;
  }
}

/** Written whenever the profile is shown; at most once a minute for the same profile. */
export function writeMarker(dbName: string, profile: Pick<LocalProfile, 'name' | 'unitName'>, now = new Date()): void {
  const old = readMarker(dbName);
  if (old && old.name === profile.name && old.unitName === profile.unitName && now.getTime() - Date.parse(old.lastSeenAt) < 60_000) return;
  const marker: DeviceMarker = {
    name: profile.name,
    unitName: profile.unitName,
    firstSeenAt: old?.firstSeenAt ?? now.toISOString(),
    lastSeenAt: now.toISOString(),
  };
  try {
    localStorage.setItem(keyOf(dbName), JSON.stringify(marker));
  } catch (e) {
    // A full localStorage must not stop the app; the note only sharpens a message after a loss.
    console.warn('[dutybook] device marker not written', e);
  }
}

/** The user chose to start again without the lost records: the next start is a first start. */
export function clearMarker(dbName: string): void {
  try {
    localStorage.removeItem(keyOf(dbName));
  } catch {
    // nothing to do
  }
}
