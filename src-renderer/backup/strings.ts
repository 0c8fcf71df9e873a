/** The words of 备份与恢复 (kept here, not in i18n/zh.ts). */
import { RETENTION } from '../../shared/backup/policy';
import type { BackupReason } from '../../shared/backup';

export const REASON_WORDS: Record<BackupReason, string> = {
  daily: '每日',
  'pre-import': '导入前',
  'pre-upgrade': '升级前',
  manual: '手动',
};

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export const backupStrings = {
  title: '备份与恢复',
  help:
    `本机自动备份整个数据库:每天第一次打开时(程序开着时每小时检查一次)、每次导入数据包之前、程序升级之前。` +
    `自动备份存放在数据库之外,保留最近 ${RETENTION.daily} 份每日备份、${RETENTION['pre-import']} 份导入前备份、` +
    `${RETENTION['pre-upgrade']} 份升级前备份和 ${RETENTION.manual} 份手动备份,用本机的备份密钥加密,只能在本机恢复。` +
    `要换电脑或留存到U盘,请用“备份到文件”并设置备份口令。`,
  backupNow: '立即备份',
  toFile: '备份到文件',
  fromFile: '从文件恢复',
  listTitle: '自动备份',
  listEmpty: '还没有自动备份。点击“立即备份”生成第一份。',
  listLoading: '正在读取自动备份……',
  colTime: '时间',
  colReason: '原因',
  colSize: '大小',
  colContent: '内容',
  colAction: '操作',
  restoreThis: '恢复',
  restoreThisLabel: (when: string) => `恢复 ${when} 的备份`,
  unreadableHeader: '无法读取(文件可能已损坏)',
  counts: (people: number, facts: number, rows: number) => `人员 ${people} · 记实数据 ${facts} · 共 ${rows} 条`,
  backedUp: (when: string) => `已备份(${when})。`,
  working: '正在备份……',
  // 备份到文件
  fileTitle: '备份到文件',
  fileHelp:
    '生成一个包含本机全部数据的备份文件(.dbbak),用备份口令加密,可以在其他电脑上恢复。请牢记口令:忘记口令将无法恢复。' +
    '签名密钥不在其中:在其他电脑上恢复后,还需用“同步 → 密钥备份”恢复本人的密钥。',
  passphrase: '备份口令(至少8个字符)',
  again: '再次输入备份口令',
  tooShort: '备份口令至少需要8个字符。',
  mismatch: '两次输入的口令不一致。',
  strength: (level: 0 | 1 | 2 | 3) => ['口令强度:太短', '口令强度:弱(建议混合字母、数字和符号,或更长)', '口令强度:中', '口令强度:强'][level]!,
  fileName: (name: string, day: string) => `履责记实数据库备份-${name || '本机'}-${day}.dbbak`,
  saved: (path: string) => `已保存备份文件:${path}`,
  // 恢复
  chooseTitle: '从文件恢复',
  passphraseFor: '输入生成此备份文件时设置的备份口令。',
  verify: '核验备份',
  verifying: '正在核验备份文件……',
  confirmTitle: '确认恢复',
  summaryWho: (name: string, unit: string) => (name ? `${name}${unit ? `(${unit})` : ''}` : '(未设置个人信息)'),
  summaryLines: (who: string, when: string, reason: string) => [`备份的是:${who}`, `备份时间:${when}(${reason})`],
  verified: '备份文件已核验:完整、未被改动。',
  replaceWarning: (rows: number) =>
    `恢复将用备份中的数据替换本机现有的全部数据(目前共 ${rows} 条)。恢复之前,程序会先把本机当前的数据自动备份一份(在“自动备份”中可以找回)。`,
  olderSchema: '此备份由较早版本的履责记实生成,恢复后会自动升级为当前格式。',
  confirmRestore: '恢复',
  restoring: '正在恢复……',
  safetyFailed: (why: string) => `未能先备份本机当前的数据,为免丢失,本次没有恢复:${why}`,
  restored: '已从备份恢复,正在重新载入……',
  // automatic, on their own
  dailyFailed: (why: string) => `今天的自动备份没有完成:${why}。您的工作不受影响,请稍后在“设置 → 备份与恢复”中点击“立即备份”。`,
  preImportFailed: (why: string) => `导入前的自动备份没有完成:${why}。导入照常进行。`,
  // recovery screen
  recoveryTitle: '从自动备份恢复',
  recoveryHelp: '选择一份自动备份,恢复后程序重新启动。备份文件会先完整核验,核验不通过不会改动任何数据。',
  recoveryNone: '本机没有可用的自动备份。',
  recoveryFile: '从备份文件恢复……',
} as const;
