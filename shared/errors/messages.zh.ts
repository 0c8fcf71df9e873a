/**
 * The one place where errors become words a clerk understands. Every screen, the command line and
 * the error boundary call `describeError`; the technical detail goes to the log, not the message.
 */
import { DutyBookError, ValidationError } from './errors';
import { BundleError } from '../sync/errors';
import { describeBundleError } from '../sync/errors.zh';

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
  'file-too-large': { title: '文件过大', detail: '所选文件超过允许的大小。请确认选择的是正确的文件。' },
  'file-unreadable': { title: '无法读取文件', detail: '文件可能已损坏或不是 DutyBook 的文件。请确认后重新选择。' },
  internal: { title: '程序内部错误', detail: '操作未完成,数据未被更改。请重试;如果问题反复出现,请将“详细信息”提供给技术人员。' },
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
  if (e instanceof BundleError) return { ...describeBundleError(e), fields: [], technical };
  if (e instanceof DutyBookError) {
    const base = byCode[e.code] ?? byCode.internal!;
    if (e.code === 'key-store-locked' && e.details.reason === 'wrong-passphrase') {
      return { title: '口令不正确', detail: '请重新输入密钥库口令。口令区分大小写。', fields: [], technical };
    }
    if (e.code === 'storage-unavailable' && e.details.reason === 'newer-version') {
      return {
        title: '本地数据由较新版本的履责记实写入',
        detail: '当前程序版本较旧,不能打开这些数据(数据未被改动)。请安装最新版本的履责记实后再打开。',
        fields: [],
        technical,
      };
    }
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
