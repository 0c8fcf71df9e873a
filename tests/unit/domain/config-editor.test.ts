import { describe, expect, it } from 'vitest';
import {
  configIssueLocation,
  describeConfigChanges,
  listConfigIssues,
  presetConfig,
  type IndicatorNode,
} from '../../../shared/domain';
import {
  addChildIndicator,
  addSiblingIndicator,
  editableDraft,
  indicatorIssuePath,
  insertIndicator,
  levelSums,
  moveIndicator,
  nodeAt,
  pathAndParents,
  removeIndicator,
  templateIndexOf,
  updateIndicator,
} from '../../../src-renderer/features/hr/rules/config-editor';

const leaf = (id: string, weight: number): IndicatorNode => ({ id, name: id, weight, children: [] });
const tree = (): IndicatorNode[] => [
  { id: 'common', name: '共性指标', weight: 30, children: [leaf('politics', 60), leaf('ethics', 40)] },
  { id: 'post', name: '岗位指标', weight: 70, children: [leaf('quantity', 50), leaf('quality', 50)] },
];

describe('editing an indicator tree', () => {
  it('adds a child: the first child of a leaf takes 100, later ones 0, at any depth', () => {
    const first = addChildIndicator(tree(), [1, 0]);
    expect(first.path).toEqual([1, 0, 0]);
    expect(nodeAt(first.nodes, [1, 0, 0])?.weight).toBe(100);
    const second = addChildIndicator(first.nodes, [1, 0]);
    expect(nodeAt(second.nodes, [1, 0, 1])?.weight).toBe(0);
    const deeper = addChildIndicator(second.nodes, [1, 0, 1]);
    expect(deeper.path).toEqual([1, 0, 1, 0]);
    expect(levelSums(deeper.nodes).every((l) => l.ok)).toBe(true);
    // ids stay unique across the tree
    const ids = new Set<string>();
    const walk = (l: IndicatorNode[]) => l.forEach((n) => (ids.add(n.id), walk(n.children)));
    walk(deeper.nodes);
    expect(ids.size).toBe(9);
  });

  it('adds a sibling just after, and a top-level one at the end', () => {
    const s = addSiblingIndicator(tree(), [0, 0]);
    expect(s.path).toEqual([0, 1]);
    expect(nodeAt(s.nodes, [0, 2])?.id).toBe('ethics');
    const top = addSiblingIndicator(tree(), []);
    expect(top.nodes).toHaveLength(3);
  });

  it('shows each level’s sum and which one is wrong after a weight change', () => {
    const changed = updateIndicator(tree(), [1, 1], { weight: 40 });
    const sums = levelSums(changed);
    expect(sums.map((l) => [l.parent, l.sum, l.ok])).toEqual([
      [[], 100, true],
      [[0], 100, true],
      [[1], 90, false],
    ]);
    expect(levelSums(updateIndicator(tree(), [0], { weight: Number.NaN }))[0]?.ok).toBe(false);
  });

  it('deletes and puts back at the same place (undo)', () => {
    const { nodes, removed } = removeIndicator(tree(), [0, 0]);
    expect(removed.id).toBe('politics');
    expect(nodeAt(nodes, [0, 0])?.id).toBe('ethics');
    expect(insertIndicator(nodes, [0, 0], removed)).toEqual(tree());
  });

  it('moves up and down among siblings, and not past either end', () => {
    const down = moveIndicator(tree(), [0], 1);
    expect(down.nodes.map((n) => n.id)).toEqual(['post', 'common']);
    expect(down.path).toEqual([1]);
    expect(moveIndicator(tree(), [1, 1], 1).nodes).toEqual(tree());
    expect(moveIndicator(tree(), [1, 1], -1).nodes[1]?.children.map((n) => n.id)).toEqual([
      'quality',
      'quantity',
    ]);
  });

  it('names the issue path of a node and finds the template and parents of a path', () => {
    expect(indicatorIssuePath(2, [1, 0, 3])).toBe('indicatorTemplates.2.indicators.1.children.0.children.3');
    expect(templateIndexOf('indicatorTemplates.2.indicators.1')).toBe(2);
    expect(templateIndexOf('scoreBands.0.min')).toBeNull();
    expect(pathAndParents('a.b.c')).toEqual(['a.b.c', 'a.b', 'a']);
  });
});

describe('problems of a configuration being edited', () => {
  it('lists a weight that does not add up and a bad band together, in Chinese, with where they are', () => {
    const c = presetConfig('national');
    c.indicatorTemplates[0]!.indicators[1]!.children[0]!.weight = 10;
    c.scoreBands[1]!.min = 85;
    c.goodCapPercent = -5;
    const issues = listConfigIssues(c);
    const messages = issues.map((i) => i.message);
    expect(messages).toContain('“好”等次比例上限应在0至100之间');
    expect(messages.some((m) => m.includes('“岗位指标”下各项指标权重之和应为100,当前为90'))).toBe(true);
    expect(messages.some((m) => m.includes('未归入任何等次'))).toBe(true);
    const weight = issues.find((i) => i.message.includes('权重之和'))!;
    expect(configIssueLocation(c, weight.path)).toBe('指标体系 › 综合管理类 › 岗位指标');
    expect(configIssueLocation(c, 'scoreBands.1.min')).toBe('分数段与等次 › “较好”');
  });

  it('finds a rule that contradicts itself, and nothing in a preset', () => {
    expect(listConfigIssues(presetConfig('hubei'))).toEqual([]);
    const c = presetConfig('hubei');
    c.evaluationMethod = 'grade';
    expect(listConfigIssues(c).map((i) => i.message)).toEqual([
      '评鉴方式为定性评鉴时没有分值,“分值靠后”只能按等次认定',
    ]);
  });

  it('reads back a kept draft, blank numbers included, and rejects what cannot be edited', () => {
    const c = presetConfig('hubei');
    c.quarterWeightInAnnual = Number.NaN;
    const kept = editableDraft(JSON.parse(JSON.stringify(c)));
    expect(kept?.quarterWeightInAnnual).toBeNull();
    expect(listConfigIssues(kept).map((i) => i.path)).toContain('quarterWeightInAnnual');
    expect(editableDraft({ scoreBands: 'x' })).toBeNull();
    expect(editableDraft(null)).toBeNull();
  });
});

describe('what changed, in one line', () => {
  it('names each change in the policy’s words', () => {
    const before = presetConfig('hubei');
    const after = presetConfig('hubei');
    after.recordMode = 'weekly';
    after.goodCapPercent = 40;
    after.bonusFactors = after.bonusFactors.slice(1);
    after.indicatorTemplates[0]!.indicators[1]!.children.push({
      id: 'research',
      name: '调查研究',
      weight: 0,
      children: [],
    });
    const line = describeConfigChanges(before, after);
    expect(line).toContain('个人记实形式:月记→周记');
    expect(line).toContain('“好”等次比例上限:不限→40%');
    expect(line).toContain('加分要素:删除“受到上级表彰奖励”');
    expect(line).toContain('指标体系“综合管理类”:新增“调查研究”');
    expect(describeConfigChanges(before, presetConfig('hubei'))).toBe('未作修改');
  });
});
