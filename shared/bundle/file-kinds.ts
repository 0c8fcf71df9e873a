/**
 * The files DutyBook writes for people to carry, and their extensions: one source of truth for the
 * app, the command line and the documentation. Extensions stay within 10 letters or digits, which is
 * what the host's file filters accept (shared/host/contract.ts).
 */
export const BUNDLE_EXT = 'dutybook';
export const ENROLL_EXT = 'dutyenroll';
export const BACKUP_EXT = 'dutykey';

/** What a clerk calls each file (shown in dialogs and the command line). */
export const FILE_KIND_NAMES = {
  [BUNDLE_EXT]: '履责记实数据包',
  [ENROLL_EXT]: '履责记实注册申请',
  [BACKUP_EXT]: '履责记实密钥备份',
} as const;
