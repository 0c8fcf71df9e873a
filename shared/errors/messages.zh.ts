/**
 * The one place where errors become words a clerk understands. Every screen, the command line and
 * the error boundary call `describeError`; the technical detail goes to the log, not the message.
 */
import { DutyBookError, ValidationError } from './errors';
import { isBundleError } from './bundle-errors';
import { describeBundleError } from './bundle-errors.zh';

export type ErrorDescription = {
  /** One short sentence: what happened. */
  title: string;
  /** What it means and what to do next. */
  detail: string;
  /** Field-level messages for forms (ValidationError only). */
  fields: { path: string; message: string }[];
  /** The technical text, for the log and the “详细信息” fold-out. */
  technical: string;
};

const byCode: Record<string, { title: string; detail: string }> = {
  validation: { title: '填写的内容有误', detail: '请按提示修改标红的栏目后再保存,已填写的内容不会丢失。' },
  'not-found': { title: '找不到要操作的记录', detail: '该记录可能已被删除或尚未导入。请刷新后重试。' },
  conflict: { title: '记录已被修改', detail: '同一记录有更新的版本。请刷新后查看最新内容再操作。' },
  locked: { title: '该记录已锁定,不能修改', detail: '已提交、已核准或已签署的记录不能直接修改。如需更正,请由主管领导退回后修改。' },
  forbidden: { title: '没有权限进行此操作', detail: '当前身份不具备此操作的权限。请确认在“设置”中选择的角色是否正确。' },
  'storage-quota': {
    title: '磁盘空间不足,未能保存',
    detail: '请清理磁盘或删除不需要的文件后重试。刚才填写的内容仍保留在窗口中,请不要关闭程序。',
  },
  'storage-corrupt': {
    title: '本地数据已损坏',
    detail: '请在“设置 → 备份与恢复”中从最近的备份恢复,或重新导入数据包。',
  },
  'storage-unavailable': {
    title: '无法打开本地数据库',
    detail: '可能另有一个 DutyBook 窗口正在使用它,或浏览器禁止了本地存储。请关闭其他窗口后重新打开本程序。',
  },
  'host-unavailable': { title: '此功能在当前环境中不可用', detail: '请在桌面版 DutyBook 中使用此功能。' },
  'key-store-locked': { title: '密钥库已锁定', detail: '请先输入密钥库口令解锁,再进行签名或导入导出。' },
  // The local password lock (shared/security/app-lock.ts); the lock screen words are in src-renderer/lock.
  'app-locked': { title: '程序已锁定', detail: '请先输入本机密码解锁,再进行签名或导入导出。' },
  'file-too-large': { title: '文件过大', detail: '所选文件超过允许的大小。请确认选择的是正确的文件。' },
  'file-unreadable': { title: '无法读取文件', detail: '文件可能已损坏或不是 DutyBook 的文件。请确认后重新选择。' },
  'file-wrong-kind': { title: '所选文件不是履责记实的文件', detail: '未读取任何文件。请确认后重新选择。' },
  // Database backups (shared/backup): a refused file never changes the database.
  'backup-unrecognised': {
    title: '不是履责记实的数据库备份文件',
    detail: '所选文件不是本程序生成的数据库备份(.dbbak),数据库未被改动。请确认选择的文件。',
  },
  'backup-damaged': {
    title: '备份文件已损坏',
    detail: '文件内容不完整或已被改动,不能用来恢复,数据库未被改动。请改用其他备份文件。',
  },
  'backup-wrong-passphrase': {
    title: '备份口令不正确',
    detail: '请重新输入备份到文件时设置的口令(区分大小写)。数据库未被改动。',
  },
  'backup-wrong-key': {
    title: '此自动备份不是本机生成的',
    detail: '自动备份只能在生成它的电脑上恢复(或本机的备份密钥已更换),数据库未被改动。在其他电脑上请使用“备份到文件”生成的文件。',
  },
  'backup-too-new': {
    title: '备份由较新版本的履责记实生成',
    detail: '当前程序版本较旧,不能恢复这个备份,数据库未被改动。请安装最新版本的履责记实后再恢复。',
  },
  internal: { title: '程序内部错误', detail: '操作未完成,数据未被更改。请重试;如果问题反复出现,请将“详细信息”提供给技术人员。' },
};

/**
 * The files a person picks (shared/host/file-limits.ts: the kinds and their caps): what each is
 * called and what to do when a file of it is refused before it is read.
 */
const fileKinds: Record<string, { noun: string; advice: string }> = {
  bundle: { noun: '数据包', advice: '请确认选对了 U 盘中的文件。' },
  enrollment: { noun: '注册申请', advice: '请确认选的是同事交来的注册申请文件(.dutyenroll)。' },
  'key-backup': { noun: '密钥备份', advice: '请确认选的是“导出密钥备份”生成的文件(.dutykey)。' },
  'db-backup': { noun: '数据库备份', advice: '请确认选的是“备份到文件”生成的文件(.dbbak)。' },
};

/** A size as a clerk reads it: "1.0 GB", "256 MB", "300.5 MB", "16 KB", "556 字节" (units of 1,024). */
export function formatSize(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GB'],
    [1024 ** 2, 'MB'],
    [1024, 'KB'],
  ];
  for (const [unit, name] of units) {
    if (bytes >= unit) {
      const n = bytes / unit;
      if (name === 'GB') return `${n.toFixed(1)} GB`;
      return `${Number.isInteger(n) ? n : n.toFixed(1)} ${name}`;
    }
  }
  return `${bytes} 字节`;
}

/** A file refused for its size or its first bytes, in words that name the file and its kind. */
function fileRefusal(e: DutyBookError): { title: string; detail: string } | null {
  const kind = typeof e.details.kind === 'string' ? fileKinds[e.details.kind] : undefined;
  if (!kind) return null;
  const { name, size, limit, count } = e.details;
  if (e.code === 'file-too-large' && typeof count === 'number' && typeof size === 'number' && typeof limit === 'number') {
    return {
      title: '所选文件合计过大,未读取',
      detail: `所选的 ${count} 个文件共 ${formatSize(size)},超过一次可接收的${kind.noun}合计上限 ${formatSize(limit)},所选文件均未读取。请分几次选择,每次少选一些。`,
    };
  }
  if (e.code === 'file-too-large' && typeof name === 'string' && typeof size === 'number' && typeof limit === 'number') {
    return {
      title: '文件过大,未读取',
      detail: `所选文件“${name}”有 ${formatSize(size)},超过${kind.noun}的上限 ${formatSize(limit)},不是履责记实的${kind.noun}。${kind.advice}`,
    };
  }
  if (e.code === 'file-wrong-kind' && typeof name === 'string') {
    return {
      title: `所选文件不是履责记实的${kind.noun}`,
      detail: `所选文件“${name}”开头的标识不是履责记实的${kind.noun},所选文件均未读取。${kind.advice}`,
    };
  }
  return null;
}

/** Why the local password lock refused (details.reason of an 'app-locked' error). */
const appLockReasons: Record<string, { title: string; detail: string }> = {
  'wrong-password': { title: '本机密码不正确', detail: '请重新输入。密码区分大小写;连续输错 5 次后需等待一段时间才能再试。' },
  lockout: { title: '密码错误次数过多,请稍后再试', detail: '等待时间结束后才能再次输入密码。忘记密码时,可清除本机密码后用密钥备份文件恢复密钥。' },
  'lock-missing': {
    title: '本机私钥已加密,但本机密码设置已丢失',
    detail: '这些私钥无法再解开。请在“同步 → 密钥备份”中用密钥备份文件恢复密钥;考核记录不受影响。',
  },
};

function technicalOf(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

/** Errors raised by IndexedDB / Dexie, recognised by name because they cross realms and workers. */
function storageDescription(name: string): { title: string; detail: string } | null {
  switch (name) {
    case 'QuotaExceededError':
      return byCode['storage-quota']!;
    case 'DataError':
    case 'DataCloneError':
    case 'VersionError':
      return byCode['storage-corrupt']!;
    case 'DatabaseClosedError':
    case 'InvalidStateError':
    case 'UnknownError':
    case 'OpenFailedError':
    case 'MissingAPIError':
      return byCode['storage-unavailable']!;
    default:
      return null;
  }
}

export function describeError(e: unknown): ErrorDescription {
  const technical = technicalOf(e);
  if (e instanceof ValidationError) {
    const fields = e.issues.map((i) => ({ path: i.path, message: i.message }));
    const first = fields[0]?.message;
    return {
      title: byCode.validation!.title,
      detail: first ? `${first}${fields.length > 1 ? ` 等 ${fields.length} 处` : ''}。${byCode.validation!.detail}` : byCode.validation!.detail,
      fields,
      technical,
    };
  }
  // Bundle files have their own words (one per error kind), kept beside the format in shared/sync.
  if (isBundleError(e)) return { ...describeBundleError(e), fields: [], technical };
  if (e instanceof DutyBookError) {
    const base = byCode[e.code] ?? byCode.internal!;
    if (e.code === 'key-store-locked' && e.details.reason === 'wrong-passphrase') {
      return { title: '口令不正确', detail: '请重新输入密钥库口令。口令区分大小写。', fields: [], technical };
    }
    if (e.code === 'app-locked' && typeof e.details.reason === 'string' && e.details.reason in appLockReasons) {
      return { ...appLockReasons[e.details.reason]!, fields: [], technical };
    }
    if (e.code === 'storage-unavailable' && e.details.reason === 'newer-version') {
      return {
        title: '本地数据由较新版本的履责记实写入',
        detail: '当前程序版本较旧,不能打开这些数据(数据未被改动)。请安装最新版本的履责记实后再打开。',
        fields: [],
        technical,
      };
    }
    const refusal = fileRefusal(e);
    if (refusal) return { ...refusal, fields: [], technical };
    if (e.code === 'file-too-large' && typeof e.details.name === 'string') {
      return { title: base.title, detail: `“${e.details.name}”超过允许的大小。${base.detail}`, fields: [], technical };
    }
    // Core errors that already carry a clerk-ready reason (sync, enrollment, workflow conflicts) say it.
    const reason = e.details.reason;
    if (typeof reason === 'string' && /[\u4e00-\u9fff]/.test(reason)) {
      return { title: base.title, detail: reason, fields: [], technical };
    }
    return { ...base, fields: [], technical };
  }
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) {
    const name = String((e).name);
    const inner = (e as { inner?: { name?: string } }).inner?.name;
    const storage = storageDescription(inner ?? name) ?? storageDescription(name);
    if (storage) return { ...storage, fields: [], technical };
  }
  return { ...byCode.internal!, fields: [], technical };
}
