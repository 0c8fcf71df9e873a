/**
 * Chinese words for bundle errors: what happened and what to do. `describeError` (errors/messages.zh.ts)
 * calls this for every BundleError, so screens never word these themselves. Every message also says
 * that nothing was imported, because import is all-or-nothing.
 */
import type { BundleError, BundleErrorKind } from './bundle-errors';

const NOTHING_APPLIED = '本次没有导入任何内容,本机数据未被改动。';

const byKind: Record<BundleErrorKind, { title: string; detail: string }> = {
  'not-a-bundle': {
    title: '所选文件不是履责记实数据包',
    detail: '请确认选择的是扩展名为 .dutybook 的数据包文件,而不是其他文件。',
  },
  'unsupported-version': {
    title: '此数据包由较新版本的履责记实生成',
    detail: '当前程序版本较旧,无法读取。请升级软件到最新版本后再导入。',
  },
  truncated: {
    title: '数据包不完整',
    detail: '文件可能没有完整复制到U盘(例如复制未完成就拔出了U盘)。请从发送方重新复制完整的文件,或请对方重新导出。',
  },
  corrupt: {
    title: '数据包已损坏',
    detail: '文件内容在复制或保存过程中发生了变化。请请发送方重新导出并复制后再导入。',
  },
  tampered: {
    title: '数据包可能被改动过',
    detail: '文件的说明信息与发送方签名的内容不一致。为安全起见不予导入。请与发送方核实,并请对方重新导出。',
  },
  'wrong-recipient': {
    title: '此文件不是发给您的',
    detail: '数据包的收件人与本机的密钥不符,不能导入。请将文件交给收件人,或请发送方重新导出给您。',
  },
  'bad-signature': {
    title: '数据包的签名无效',
    detail: '无法确认数据包确实出自发送方。请请对方重新导出;如反复出现,请联系人事部门核对密钥。',
  },
  'too-large': {
    title: '数据包过大',
    detail: '数据包超过了允许的大小或条目数量。请发送方分批导出后再导入。',
  },
  malformed: {
    title: '数据包格式有误',
    detail: '文件结构不符合数据包规范,可能由有缺陷的程序生成。请请发送方重新导出;如反复出现,请将“详细信息”提供给技术人员。',
  },
};

export function describeBundleError(e: BundleError): { title: string; detail: string } {
  const base = byKind[e.kind];
  const name = e.details.intendedRecipient;
  if (e.kind === 'wrong-recipient' && typeof name === 'string' && name !== '') {
    const fp = typeof e.details.intendedFingerprint === 'string' ? `(密钥指纹 ${e.details.intendedFingerprint})` : '';
    return {
      title: `此文件是发给 ${name} 的`,
      detail: `数据包的收件人是 ${name}${fp},不是本机的密钥,不能导入。请将文件交给 ${name},或请发送方重新导出给您。${NOTHING_APPLIED}`,
    };
  }
  return { title: base.title, detail: `${base.detail}${NOTHING_APPLIED}` };
}
