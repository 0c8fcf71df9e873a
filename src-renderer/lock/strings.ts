/** Words of the local password lock (本机密码锁): the lock screen, the app bar button, the settings section. */
import { MIN_PASSWORD_LENGTH } from '../../shared/security/app-lock';

/** "0:27" or "14:05" — minutes and seconds left. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function waitText(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s}秒` : `${Math.ceil(s / 60)}分钟`;
}

export const lockText = {
  // ---- lock screen ----
  screenTitle: '履责记实已锁定',
  screenHelp: '为保护本机的考核记录和私钥,程序已锁定。请输入本机密码继续;未保存的填写内容都还在。',
  who: (unitName: string, name: string) => `${unitName} · ${name}`,
  password: '本机密码',
  unlock: '解锁',
  unlocking: '正在核对密码…',
  wrong: (remaining: number, nextWaitMs: number) =>
    remaining > 0
      ? `密码不正确。再输错 ${remaining} 次,需等待${waitText(nextWaitMs)}后才能再试。`
      : '密码不正确。',
  lockedOut: (failures: number) => `已连续输错 ${failures} 次密码,暂停输入。`,
  retryIn: (ms: number) => `请在 ${clockText(ms)} 后重试`,
  forgot: '忘记密码?',
  forgotTitle: '忘记本机密码',
  forgotHelp:
    '本机密码无法找回(程序只保存验证用的信息,不保存密码本身),也没有后门。可以清除本机密码后继续使用:',
  forgotPoints: [
    '考核记录仍在本机,不受影响;',
    '由本机密码加密的私钥会被删除(没有密码无法再解开),清除后需要到“同步 → 密钥备份”用密钥备份文件(.dutykey)和备份口令恢复密钥;',
    '由本机密码加密的未保存填写内容的临时副本(例如断电时留下的)也会被删除;',
    '没有密钥备份文件时,需要重新生成密钥并向人事部门重新注册;',
    '此操作会记入操作日志。',
  ],
  forgotConfirm: '我已了解,清除本机密码和本机私钥',
  forgotBack: '返回',
  forgotDone: '本机密码已清除。请到“同步 → 密钥备份”用密钥备份文件恢复密钥,并在“设置”中重新设置本机密码。',

  // ---- app bar ----
  lockNow: '锁定',
  lockNowHint: '立即锁定(Ctrl+L)',

  // ---- settings ----
  sectionTitle: '本机密码锁',
  sectionHelp:
    '多人共用一台电脑时,可为本机的履责记实设置密码:离开一段时间不操作会自动锁定,也可以随时点右上角“锁定”或按 Ctrl+L 锁定。锁定后屏幕上的内容全部遮住,需输入密码才能继续,未保存的填写内容不会丢失。本机的签名私钥和正在填写、尚未保存的内容的临时副本用此密码加密,锁定期间无法签名、导入或导出数据包。',
  sectionLimits:
    '注意:考核记录本身不用此密码加密,仍以普通方式保存在本机磁盘上;自动备份由本机的备份密钥加密,也不需要此密码就能恢复。多人共用电脑时,请各用自己的系统账户,并开启系统的磁盘加密。连续输错 5 次密码后需等待 30 秒,之后每再错一次等待时间加倍(最长 15 分钟)。',
  statusOff: '未设置本机密码。',
  statusOn: (minutes: number) => `已设置本机密码,${minutes} 分钟不操作自动锁定。`,
  newPassword: '新密码',
  again: '再次输入新密码',
  currentPassword: '当前密码',
  idle: '不操作多久后自动锁定',
  idleOption: (m: number) => (m === 60 ? '1 小时' : `${m} 分钟`),
  idleHelp: '设置密码后必须自动锁定;不需要时可以取消密码。',
  set: '设置密码',
  change: '修改密码',
  remove: '取消密码',
  save: '保存',
  cancel: '取消',
  working: '正在处理,约需 1 秒…',
  tooShort: `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`,
  mismatch: '两次输入的密码不一致',
  strength: ['强度:弱 — 请加长,或混用字母、数字和符号', '强度:一般 — 再长一些更安全', '强度:好'] as const,
  setDone: '本机密码已设置,私钥已用此密码加密。',
  changeDone: '本机密码已修改。',
  removeDone: '本机密码已取消,私钥已恢复为由系统密钥库保护。',
  idleSaved: (m: number) => `已改为 ${m} 分钟不操作自动锁定。`,
  removeHelp: '取消后不再自动锁定,私钥改回仅由系统密钥库(或浏览器密钥库口令)保护。',
} as const;
