/**
 * The tiered, per-category quantified indicator system (分级分类的量化考核指标体系): trees of
 * weighted indicators of any depth, scored at the leaves, one template per position category and,
 * optionally, per group of rank levels.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import {
  POSITION_CATEGORIES,
  findRankLevel,
  positionCategoryLabels,
  positionCategorySchema,
  rankLevelSchema,
  type PositionCategory,
} from './vocabulary';

/** Weights are percentages of the parent; sums are compared with this tolerance (0.5 + 0.25 + …). */
const WEIGHT_EPSILON = 1e-6;

export type IndicatorNode = {
  id: string;
  name: string;
  /** Percent of the parent (or of the whole, at the top level). */
  weight: number;
  description?: string | undefined;
  /** Empty for a leaf, which is the level that gets scored. */
  children: IndicatorNode[];
};

const indicatorIdSchema = z
  .string({ error: '缺少指标编号' })
  .regex(/^[^/\s]+$/, { error: '指标编号不能为空,也不能含有“/”或空格' });

export const indicatorNodeSchema: z.ZodType<IndicatorNode> = z.lazy(() =>
  z.object({
    id: indicatorIdSchema,
    name: z.string({ error: '请填写指标名称' }).trim().min(1, { error: '请填写指标名称' }),
    weight: z
      .number({ error: '权重应为数字' })
      .min(0, { error: '权重应在0至100之间' })
      .max(100, { error: '权重应在0至100之间' }),
    description: z.string().optional(),
    children: z.array(indicatorNodeSchema),
  }),
);

export const indicatorTemplateSchema = z.object({
  id: indicatorIdSchema,
  name: z.string({ error: '请填写模板名称' }).trim().min(1, { error: '请填写模板名称' }),
  positionCategory: positionCategorySchema,
  /** Rank levels this template is for; empty means every rank of the category (the default template). */
  rankLevels: z.array(rankLevelSchema).default([]),
  indicators: z.array(indicatorNodeSchema).min(1, { error: '指标模板至少应有一项指标' }),
});
export type IndicatorTemplate = z.output<typeof indicatorTemplateSchema>;

export function isLeaf(node: IndicatorNode): boolean {
  return node.children.length === 0;
}

/** Every leaf (the indicators that get scored), depth first, with the names from the top down. */
export function leafIndicators(nodes: readonly IndicatorNode[]): { node: IndicatorNode; trail: string[] }[] {
  const out: { node: IndicatorNode; trail: string[] }[] = [];
  const walk = (list: readonly IndicatorNode[], trail: string[]) => {
    for (const n of list) {
      if (isLeaf(n)) out.push({ node: n, trail: [...trail, n.name] });
      else walk(n.children, [...trail, n.name]);
    }
  };
  walk(nodes, []);
  return out;
}

/** The share of the whole score each leaf carries (weights multiplied down the tree), in percent. */
export function effectiveLeafWeights(nodes: readonly IndicatorNode[]): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (list: readonly IndicatorNode[], factor: number) => {
    for (const n of list) {
      if (isLeaf(n)) out.set(n.id, factor * n.weight);
      else walk(n.children, (factor * n.weight) / 100);
    }
  };
  walk(nodes, 1);
  return out;
}

function trim(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Weights at every level add up to 100, and ids are unique in the tree. */
export function indicatorTreeIssues(
  nodes: readonly IndicatorNode[],
  path: string,
  templateName: string,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const walk = (list: readonly IndicatorNode[], listPath: string, parentName: string | null) => {
    const sum = list.reduce((s, n) => s + n.weight, 0);
    if (list.length > 0 && Math.abs(sum - 100) > WEIGHT_EPSILON) {
      const where = parentName === null ? `指标模板“${templateName}”的一级指标` : `“${parentName}”下各项指标`;
      issues.push({ path: listPath, message: `${where}权重之和应为100,当前为${trim(sum)}` });
    }
    list.forEach((n, i) => {
      const p = `${listPath}.${i}`;
      if (seen.has(n.id)) issues.push({ path: `${p}.id`, message: `指标编号“${n.id}”重复(“${n.name}”)` });
      seen.add(n.id);
      walk(n.children, `${p}.children`, n.name);
    });
  };
  walk(nodes, path, null);
  return issues;
}

/** Checks a list of templates: each tree, rank levels against the category, one default per category. */
export function indicatorTemplatesIssues(
  templates: readonly IndicatorTemplate[],
  path = 'indicatorTemplates',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  const defaults = new Map<PositionCategory, number>();
  const rankOwner = new Map<string, string>();
  templates.forEach((t, i) => {
    const p = `${path}.${i}`;
    const category = positionCategoryLabels[t.positionCategory];
    if (ids.has(t.id)) issues.push({ path: `${p}.id`, message: `指标模板编号“${t.id}”重复` });
    ids.add(t.id);
    issues.push(...indicatorTreeIssues(t.indicators, `${p}.indicators`, t.name));
    if (t.rankLevels.length === 0) {
      if (defaults.has(t.positionCategory)) {
        issues.push({
          path: `${p}.rankLevels`,
          message: `${category}已有适用于全部职级的指标模板,请为“${t.name}”指定职级`,
        });
      }
      defaults.set(t.positionCategory, i);
    }
    t.rankLevels.forEach((id, j) => {
      const r = findRankLevel(id);
      if (r && !r.categories.includes(t.positionCategory)) {
        issues.push({ path: `${p}.rankLevels.${j}`, message: `“${r.label}”不是${category}的职级` });
      }
      const key = `${t.positionCategory}:${id}`;
      const owner = rankOwner.get(key);
      if (owner !== undefined) {
        issues.push({
          path: `${p}.rankLevels.${j}`,
          message: `职级“${r?.label ?? id}”同时适用于“${owner}”和“${t.name}”两个指标模板`,
        });
      } else rankOwner.set(key, t.name);
    });
  });
  for (const c of POSITION_CATEGORIES) {
    if (!defaults.has(c)) {
      issues.push({ path, message: `缺少适用于${positionCategoryLabels[c]}全部职级的指标模板` });
    }
  }
  return issues;
}

/** The template for one official: the one naming their rank level, else their category's default. */
export function templateFor(
  templates: readonly IndicatorTemplate[],
  positionCategory: PositionCategory,
  rankLevel: string,
): IndicatorTemplate | undefined {
  const ofCategory = templates.filter((t) => t.positionCategory === positionCategory);
  return (
    ofCategory.find((t) => t.rankLevels.includes(rankLevel)) ??
    ofCategory.find((t) => t.rankLevels.length === 0)
  );
}
