/** The recovery screen's words (shown when the local database cannot be opened or was reset). */
export const recoveryStrings = {
  failedTitle: (what: string) => `程序未能启动:${what}`,
  corruptDetail: '本地数据库文件已损坏(常见原因:断电、强行关机或磁盘故障)。可以用下面的办法找回数据。',
  lostTitle: '本机的履责记实数据无法读取',
  lostDetail: (name: string, unit: string, last: string) =>
    `这台电脑上曾建立过“${unit ? `${unit} · ` : ''}${name}”的个人档案(最近一次使用:${last}),但现在本地数据库是空的。这通常是数据库文件损坏后被系统重置所致。`,
  lostAdvice: '请不要重新建立档案:先从备份恢复。没有备份时,再重新开始并重新导入数据包。',
  waysOut: '可以这样处理',
  retry: '重新打开',
  retryHint: '若另有一个履责记实窗口正在使用本地数据,请先关闭它再重新打开。',
  newerHint: '请安装最新版本的履责记实;本地数据没有被改动。',
  startOverTitle: '重新开始',
  startOverHint:
    '没有可用的备份时:清除无法读取的本地数据,重新建立个人档案。之后请用“同步 → 密钥备份”恢复本人的密钥,再导入主管领导或人事部门重新发出的数据包;人事部门可在“接收数据包”中重新导入各人的数据包。',
  startOver: '清除并重新开始',
  startOverConfirmTitle: '清除本地数据并重新开始?',
  startOverConfirm: '本机上无法读取的数据将被清除,此操作不能撤销。自动备份不受影响,以后仍可从中恢复。',
  startOverFailed: '未能清除本地数据',
  details: '技术详情(请提供给技术人员)',
  copy: '复制技术详情',
  copied: '已复制',
} as const;
