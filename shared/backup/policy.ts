/**
 * The rolling policy of automatic backups, pure: how they are named, when the daily one is due,
 * and which to delete. Names carry the reason and the UTC time, so a listing needs no file opened:
 *
 *   dutybook-<reason>-<yyyymmdd>t<hhmmss>z-<4 random hex>.dbbak    e.g. dutybook-daily-20261124t083000z-3fa9.dbbak
 *
 * Kept: the 7 newest daily backups (a week), 10 before imports (an HR intake is one), 3 before
 * schema upgrades, 10 taken by hand (立即备份). Older ones go only after a new one was written.
 */
import { BACKUP_REASONS, type BackupReason } from './format';

export const RETENTION: Readonly<Record<BackupReason, number>> = {
  daily: 7,
  'pre-import': 10,
  'pre-upgrade': 3,
  manual: 10,
};

/** How often the open app checks whether the daily backup is due. */
export const DAILY_CHECK_MS = 60 * 60 * 1000;

const NAME_RE = /^dutybook-(daily|pre-import|pre-upgrade|manual)-(\d{4})(\d{2})(\d{2})t(\d{2})(\d{2})(\d{2})z-([0-9a-f]{4})\.dbbak$/;

export type BackupListing = { name: string; bytes: number; modifiedAt: string };
export type NamedBackup = BackupListing & { reason: BackupReason; at: Date };

export function backupFileName(reason: BackupReason, at: Date, random4: string): string {
  if (!/^[0-9a-f]{4}$/.test(random4)) throw new RangeError('four hex digits');
  const iso = at.toISOString(); // 2026-11-24T08:30:00.000Z
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}t${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}z`;
  return `dutybook-${reason}-${stamp}-${random4}.dbbak`;
}

/** The reason and time of an automatic backup's name; null for any other name. */
export function parseBackupFileName(name: string): { reason: BackupReason; at: Date } | null {
  const m = NAME_RE.exec(name);
  if (!m) return null;
  const [, reason, y, mo, d, h, mi, s] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (Number.isNaN(at.getTime()) || !(BACKUP_REASONS as readonly string[]).includes(reason!)) return null;
  return { reason: reason as BackupReason, at };
}

/** The listing's automatic backups, newest first (names that are not ours are left out). */
export function namedBackups(list: readonly BackupListing[]): NamedBackup[] {
  const out: NamedBackup[] = [];
  for (const b of list) {
    const p = parseBackupFileName(b.name);
    if (p) out.push({ ...b, ...p });
  }
  return out.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.name < b.name ? 1 : -1));
}

/** The calendar day of `d` on this computer's clock (a clerk's "today"). */
export function localDay(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** True when no daily backup was taken on `now`'s day (first start, or first hour-check, of a day). */
export function dailyBackupDue(list: readonly BackupListing[], now: Date): boolean {
  const today = localDay(now);
  return !namedBackups(list).some((b) => b.reason === 'daily' && localDay(b.at) === today);
}

/**
 * What to delete after `written` was written: per reason, everything past the newest RETENTION[reason]
 * (never `written` itself), oldest first.
 */
export function backupsToDelete(list: readonly BackupListing[], written: string): string[] {
  const out: string[] = [];
  const named = namedBackups(list);
  for (const reason of BACKUP_REASONS) {
    const mine = named.filter((b) => b.reason === reason && b.name !== written);
    // `written` counts towards the kept ones when it is of this reason.
    const keep = RETENTION[reason] - (named.some((b) => b.name === written && b.reason === reason) ? 1 : 0);
    out.push(...mine.slice(Math.max(0, keep)).map((b) => b.name).reverse());
  }
  return out;
}
