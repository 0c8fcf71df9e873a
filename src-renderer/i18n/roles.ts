/** Where roles come from, said on the settings page and wherever a workspace does not open. */
import { roleLabels, type Role } from '../../shared/domain';

const list = (roles: readonly Role[]) => (roles.length ? roles.map((r) => roleLabels[r]).join('、') : '(无)');

export const rolesText = {
  /** Settings, enrolled: the roster decides. */
  fromRoster: (version: number) =>
    `角色由人事部门在人员名册中确定(第${version}版名册)。如需调整,请联系人事部门重新签发名册。`,
  /** Settings, before enrollment: the tick applies until a roster arrives. */
  fromProfile:
    '收到人事部门签发的人员名册之前,按此处勾选的角色显示工作区;收到名册后,角色以名册为准,此处的勾选不再起作用。',

  /** A workspace opened by address that the roster does not give. */
  notInRoster: (role: Role) => `人员名册中您不具有“${roleLabels[role]}”角色`,
  notInRosterBody: (version: number, roles: readonly Role[]) =>
    `本机已登记在本单位人员名册(第${version}版)中,角色以名册为准。您在名册中的角色是:${list(roles)}。` +
    '如您在平时考核中承担此角色,请联系人事部门在人员名册中调整后重新签发名册。',
  /** The same before enrollment: the profile's tick decides. */
  notInProfile: (role: Role) => `当前档案不具有“${roleLabels[role]}”角色`,
  notInProfileBody: '如果您在平时考核中承担此角色,请在“设置 → 个人档案”中勾选后再进入。',

  /** HR in the roster, but the organisation key is not on this PC. */
  noHrKey: '本机没有人事部门密钥',
  noHrKeyBody: (version: number) =>
    `人员名册(第${version}版)中您承担人事部门工作,但这台电脑上没有签发人员名册所用的人事部门密钥,` +
    '不能在本机签发名册、修改人员和单位、办理备案。请在保存人事部门密钥的电脑上进行人事管理;' +
    '本人换用这台电脑时,请先在原电脑“同步 → 密钥备份”中导出密钥备份,再在本机“从备份恢复”。',
  /** The key store is locked: whether the key is here cannot be told yet. */
  hrKeyLocked: '请先解锁密钥库',
  hrKeyLockedBody:
    '人事管理要用本机保存的人事部门密钥签发名册和办理备案。密钥库已锁定,解锁后才能确认本机是否保存了这一密钥。',
  checking: '正在核对本机的人事部门密钥…',
  toSettings: '前往设置',
  toHome: '返回首页',
  toSync: '前往同步',
  unlock: '解锁密钥库',
};
