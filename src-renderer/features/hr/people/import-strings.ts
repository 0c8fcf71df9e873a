/** The words of the roster's Excel toolbar and the import preview (人员名册 from and to Excel). */
import { ROSTER_IMPORT_MAX_ROWS } from '../../../../shared/domain';

const n = (x: number) => x.toLocaleString('en-US');

export const importText = {
  toolbar: '人员名册与Excel',
  template: '下载模板',
  import: '从Excel导入…',
  export: '导出名册',
  exportScope: '导出范围',
  everyone: '全部单位',
  templateFile: '人员名册模板.xlsx',
  exportFile: (unit: string | null) => (unit ? `人员名册-${unit}.xlsx` : '人员名册.xlsx'),
  exportWhat: (unit: string | null) => (unit ? `人员名册(${unit}及下级单位)` : '人员名册'),
  exported: (file: string, count: number) => `已导出${n(count)}人到“${file}”`,
  templateSaved: (file: string) => `已保存模板“${file}”`,
  cancelled: '已取消,未保存文件',
  excelFilter: 'Excel 工作簿',

  title: '从Excel导入人员名册',
  intro: `选择按“下载模板”填写的Excel文件(.xlsx)或CSV文件(.csv,UTF-8或GBK编码)。一次最多${n(ROSTER_IMPORT_MAX_ROWS)}人。导入前逐行检查,确认后才写入名册;按人员编号更新已有人员。`,
  choose: '选择文件…',
  chooseAgain: '重新选择文件…',
  dropHere: '或把文件拖到这里',
  reading: (file: string) => `正在读取并检查“${file}”…`,
  fileLabel: (file: string) => `文件:${file}`,
  tooLarge: (file: string, size: string, limit: string) =>
    `文件“${file}”有${size},超过人员名册文件的上限${limit},未读取。请确认选对了文件。`,
  counts: '检查结果',
  all: (count: number) => `全部 ${n(count)}`,
  status: (label: string, count: number) => `${label} ${n(count)}`,
  newUnits: (list: string) => `将新建单位:${list}`,
  colRow: '行号',
  colStatus: '状态',
  colName: '姓名',
  colStaffNo: '人员编号',
  colUnit: '单位',
  colNote: '说明',
  rowN: (r: number) => `第${r}行`,
  changed: (what: string) => `修改:${what}`,
  confirm: '确认导入',
  onlyGood: '只导入无误的行',
  cancel: '取消',
  noChanges: '文件中的人员与名册一致,没有需要导入的变化。',
  hasErrors: (count: number) => `有${n(count)}行有误:可以在Excel中改正后“重新选择文件”,或只导入无误的行(有误的行不导入)。`,
  applying: '正在导入…',
  applied: (added: number, updated: number, units: number) =>
    `已导入:新增${n(added)}人,更新${n(updated)}人${units > 0 ? `,新建${n(units)}个单位` : ''}。请签发人员名册,把变化发给大家。`,
};
