/**
 * 平时考核领导评鉴表 (person × quarter): the supervisor's evaluation of one official's quarter —
 * the indicators with weights and scores (定量) or the 等次 (定性), 加分要素, 群众意见, 服务对象和社会
 * 反映, 评鉴意见, the result and the 主管领导's signature line.
 */
import type { Document, Paragraph, Table } from 'docx';
import { body, emptyLine, formDocument, heading1, signatureLine, subtitle, title } from './blocks';
import { cellLine, headerTable, registerTable, signOffTable } from './tables';
import type { CellText, Column } from './tables';
import type { EvaluationForm, EvaluationIndicator, EvaluationMethod } from './models';

export const EVALUATION_TITLE = '平时考核领导评鉴表';

export const EVALUATION_METHOD_LABELS: Readonly<Record<EvaluationMethod, string>> = {
  quantitative: '定量',
  qualitative: '定性',
};

export const QUARTER_NUMERALS = ['一', '二', '三', '四'] as const;

/** Scores and weights without trailing zeros: 92.5, 27.9, 30, 13.25. */
export function formatScore(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "+1.5"; the bonus column of the register and the 分值 of the 加分要素 table. */
export function formatBonus(points: number): string {
  return `${points > 0 ? '+' : ''}${formatScore(points)}`;
}

/** The period under the title: "（2026年第一季度）". */
export function quarterSubtitle(year: number, quarter: 1 | 2 | 3 | 4): string {
  return `（${year}年第${QUARTER_NUMERALS[quarter - 1] ?? quarter}季度）`;
}

const weightedOf = (i: EvaluationIndicator): number | undefined =>
  i.weighted ?? (i.score === undefined ? undefined : (i.score * i.weight) / 100);

/**
 * The indicator tree, flattened: 一级指标 numbered "1", "2", 二级指标 "1.1", "1.2" and indented two
 * characters, and so on down.
 */
export function indicatorRows(
  indicators: readonly EvaluationIndicator[],
  prefix = '',
  depth = 0,
): CellText[][] {
  return indicators.flatMap((ind, i) => {
    const number = `${prefix}${i + 1}`;
    const weighted = weightedOf(ind);
    return [
      [
        number,
        `${'\u3000\u3000'.repeat(depth)}${ind.name}`,
        `${formatScore(ind.weight)}%`,
        ind.score === undefined ? '' : formatScore(ind.score),
        weighted === undefined ? '' : formatScore(weighted),
      ],
      ...indicatorRows(ind.children ?? [], `${number}.`, depth + 1),
    ];
  });
}

const INDICATOR_COLUMNS: Column[] = [
  { header: '序号', weight: 800, align: 'center' },
  { header: '考核指标', weight: 4445 },
  { header: '权重', weight: 1100, align: 'center' },
  { header: '得分', weight: 1100, align: 'center' },
  { header: '加权得分', weight: 1400, align: 'center' },
];

function indicatorSection(form: EvaluationForm): (Paragraph | Table)[] {
  if (form.method === 'qualitative') {
    return [
      heading1('一、评鉴等次（定性评鉴）'),
      body(`经定性评鉴，本季度平时考核等次为：${form.result.grade}。`),
    ];
  }
  const weights = form.indicators.reduce((sum, i) => sum + i.weight, 0);
  const weighted = form.indicators.reduce((sum, i) => sum + (weightedOf(i) ?? 0), 0);
  const rows = indicatorRows(form.indicators);
  return [
    heading1('一、考核指标及得分（定量评鉴）'),
    registerTable(
      INDICATOR_COLUMNS,
      rows.length > 0 ? [...rows, ['', '合计', `${formatScore(weights)}%`, '', formatScore(weighted)]] : [],
      '（未设考核指标）',
    ),
  ];
}

function paragraphsOf(text: string): Paragraph[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 ? lines.map((l) => body(l.trim())) : [emptyLine(), emptyLine()];
}

export function buildEvaluationForm(form: EvaluationForm): Document {
  const period = `${form.year}年第${form.quarter}季度`;
  const method = EVALUATION_METHOD_LABELS[form.method];
  const o = form.publicOpinion;
  const score = form.method === 'quantitative' && form.result.score !== undefined;
  return formDocument(
    { title: `${period}${EVALUATION_TITLE}`, subject: `${form.person.name} ${form.person.unit}` },
    [
      title(EVALUATION_TITLE),
      subtitle(quarterSubtitle(form.year, form.quarter)),
      ...(form.revision
        ? [body(`本表为第${form.revision.version}版，更正原因：${form.revision.reason}`)]
        : []),
      headerTable([
        ['姓名', form.person.name],
        ['单位', form.person.unit],
        ['职务职级', form.person.post],
        ['年度季度', period],
        ['评鉴方式', `${method}评鉴`],
        ['主管领导', form.supervisor?.name ?? ''],
      ]),
      ...indicatorSection(form),
      heading1('二、加分要素'),
      registerTable(
        [
          { header: '序号', weight: 800, align: 'center' },
          { header: '要素', weight: 2600 },
          { header: '分值', weight: 1000, align: 'center' },
          { header: '理由', weight: 4445 },
        ],
        form.bonuses.map((b, i) => [String(i + 1), b.factor, formatBonus(b.points), b.reason]),
        '本季度无加分要素',
      ),
      heading1('三、群众意见'),
      signOffTable([
        { label: '听取范围', content: [cellLine(o.scope)] },
        { label: '人数', content: [cellLine(`${o.count}人`)] },
        { label: '主要意见', content: o.summary.split('\n').map((l) => cellLine(l)) },
      ]),
      heading1('四、服务对象和社会反映'),
      ...paragraphsOf(form.socialFeedback),
      heading1('五、评鉴意见'),
      ...paragraphsOf(form.opinion),
      heading1('六、评鉴结果'),
      headerTable([
        ['分值', score ? formatScore(form.result.score ?? 0) : '—'],
        ['等次', form.result.grade],
      ]),
      emptyLine(),
      signatureLine('主管领导签名', form.supervisor?.date),
    ],
  );
}
