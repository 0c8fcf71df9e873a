/** Bundle, enrolment and backup files as the clerk sees them: the file dialogs' filters, names, sizes. */

import { BACKUP_EXT, BUNDLE_EXT, ENROLL_EXT, FILE_KIND_NAMES } from '../../shared/bundle/file-kinds';

export { BACKUP_EXT, BUNDLE_EXT, ENROLL_EXT };
export const BUNDLE_FILTER = { name: FILE_KIND_NAMES[BUNDLE_EXT], extensions: [BUNDLE_EXT] };
export const ENROLL_FILTER = { name: FILE_KIND_NAMES[ENROLL_EXT], extensions: [ENROLL_EXT] };
export const BACKUP_FILTER = { name: FILE_KIND_NAMES[BACKUP_EXT], extensions: [BACKUP_EXT] };

const pad = (n: number) => String(n).padStart(2, '0');

/** 20260415-1000: sorts by time in a folder listing. */
export function stamp(d: Date = new Date()): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

/** Names typed by people may hold characters a file name cannot. */
export function safeName(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be in a file name
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || '未命名';
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0);
}
