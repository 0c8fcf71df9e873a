/**
 * The default indicator system shipped with the presets: common indicators (共性指标) and
 * post-specific ones (岗位指标), per position category, with a deeper tree for leadership posts.
 * Weights are a plausible starting point for a unit to adjust, summing to 100 at every level.
 */
import type { IndicatorNode, IndicatorTemplate } from './indicators';
import { RANK_LEVELS } from './vocabulary';

const n = (
  id: string,
  name: string,
  weight: number,
  children: IndicatorNode[] = [],
  description?: string,
): IndicatorNode => ({
  id,
  name,
  weight,
  children,
  ...(description ? { description } : {}),
});

/** 政治品质、职业道德、工作作风、廉洁自律、出勤 — the same words for every category. */
const common = (weight: number, w: [number, number, number, number, number]): IndicatorNode =>
  n('common', '共性指标', weight, [
    n('politics', '政治品质', w[0], [], '坚定理想信念,贯彻执行党的路线方针政策和上级决策部署'),
    n('ethics', '职业道德', w[1], [], '爱岗敬业,服务态度'),
    n('conduct', '工作作风', w[2], [], '求真务实,遵守纪律,团结协作'),
    n('integrity', '廉洁自律', w[3], [], '遵守廉洁从政各项规定'),
    n('attendance', '出勤', w[4], [], '出勤情况,含请假、出差、缺勤'),
  ]);

const leadershipRanks = RANK_LEVELS.filter((r) => r.kind === 'leadership').map((r) => r.id);

export const DEFAULT_INDICATOR_TEMPLATES: readonly IndicatorTemplate[] = [
  {
    id: 'comprehensive',
    name: '综合管理类',
    positionCategory: 'comprehensive',
    rankLevels: [],
    indicators: [
      common(30, [25, 20, 20, 20, 15]),
      n('post', '岗位指标', 70, [
        n('quantity', '工作数量', 20),
        n('quality', '工作质量', 25),
        n('efficiency', '工作效率', 20),
        n('results', '工作成效', 20),
        n('competence', '业务能力', 15),
      ]),
    ],
  },
  {
    id: 'comprehensive-leadership',
    name: '综合管理类(领导职务)',
    positionCategory: 'comprehensive',
    rankLevels: leadershipRanks,
    indicators: [
      common(30, [25, 20, 20, 20, 15]),
      n('post', '岗位指标', 70, [
        n('quantity', '工作数量', 15),
        n('quality', '工作质量', 20),
        n('efficiency', '工作效率', 15),
        n('results', '工作成效', 20),
        n('competence', '业务能力', 10),
        n('leadership', '领导能力', 20, [
          n('coordination', '统筹协调', 50, [], '分管工作的谋划、部署与推进'),
          n('teamBuilding', '带队伍', 50, [], '对下属的指导、督促和培养'),
        ]),
      ]),
    ],
  },
  {
    id: 'professional',
    name: '专业技术类',
    positionCategory: 'professional',
    rankLevels: [],
    indicators: [
      common(30, [25, 20, 20, 20, 15]),
      n('post', '岗位指标', 70, [
        n('quantity', '工作数量', 15),
        n('quality', '工作质量', 25),
        n('efficiency', '工作效率', 15),
        n('results', '工作成效', 20),
        n('competence', '业务能力', 25, [], '专业技术水平与创新能力'),
      ]),
    ],
  },
  {
    id: 'enforcement',
    name: '行政执法类',
    positionCategory: 'enforcement',
    rankLevels: [],
    indicators: [
      common(35, [20, 20, 20, 25, 15]),
      n('post', '岗位指标', 65, [
        n('quantity', '工作数量', 20),
        n('quality', '工作质量', 25, [], '执法规范,程序合法'),
        n('efficiency', '工作效率', 20),
        n('results', '工作成效', 20),
        n('competence', '业务能力', 15),
      ]),
    ],
  },
];
