/**
 * What the local password lock asks of a password and how it answers wrong ones: lengths, idle
 * times, the lockout schedule, the strength hint. Pure: the settings form and the lock screen read
 * these without touching keys or the database.
 */
import { DutyBookError, ValidationError } from '../errors/errors';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;
/** Idle minutes offered once a password is set. No "never": a lock that never engages on its own is not worth a password. */
export const IDLE_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;

/** Five wrong passwords are free; the fifth starts a 30 s wait, each further one doubles it, up to 15 minutes. */
export const LOCKOUT = { freeAttempts: 5, firstWaitMs: 30_000, maxWaitMs: 15 * 60_000 } as const;

/** How long to wait after `failures` wrong passwords in a row (0 while attempts are still free). */
export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT.freeAttempts) return 0;
  const doublings = Math.min(failures - LOCKOUT.freeAttempts, 20);
  return Math.min(LOCKOUT.firstWaitMs * 2 ** doublings, LOCKOUT.maxWaitMs);
}

/** A rough strength hint for the settings form: 0 weak, 1 fair, 2 good. Length counts most. */
export function passwordStrength(password: string): 0 | 1 | 2 {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const distinct = new Set(password).size;
  if (password.length < MIN_PASSWORD_LENGTH || distinct < 4) return 0;
  if (password.length >= 12 && classes >= 2 && distinct >= 6) return 2;
  if (password.length >= 10 || classes >= 3) return 1;
  return 0;
}

/** The 'app-locked' error: `reason` says which ('lockout', 'wrong-password', 'locked', 'lock-missing'). */
export function lockedError(reason: string, message: string, details: Record<string, unknown> = {}): DutyBookError {
  return new DutyBookError('app-locked', message, { reason, ...details });
}

export function checkNewPassword(password: string, again?: string): void {
  const issues = [];
  if (password.length < MIN_PASSWORD_LENGTH) issues.push({ path: 'password', message: `密码至少${MIN_PASSWORD_LENGTH}个字符` });
  if (password.length > MAX_PASSWORD_LENGTH) issues.push({ path: 'password', message: `密码不能超过${MAX_PASSWORD_LENGTH}个字符` });
  if (again !== undefined && again !== password) issues.push({ path: 'again', message: '两次输入的密码不一致' });
  if (issues.length) throw new ValidationError(issues);
}

export function checkIdle(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 24 * 60) {
    throw new ValidationError([{ path: 'idleMinutes', message: '自动锁定时间应为1至1440分钟' }]);
  }
  return minutes;
}

/** A wait in the audit trail's words: seconds under a minute, else whole minutes rounded up. */
export function minutesText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}秒` : `${Math.ceil(s / 60)}分钟`;
}
