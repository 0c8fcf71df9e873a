/**
 * Pure edits of a 考核办法 being edited: indicator trees of any depth (addressed by index paths),
 * per-level weight sums, templates, bonus factors, and the ids that tie a problem's path to its
 * field on the page. Nothing here touches the database or React.
 */
import {
  newId,
  type AssessmentConfig,
  type BonusFactor,
  type IndicatorNode,
  type IndicatorTemplate,
  type PositionCategory,
} from '../../../../shared/domain';
import type { ValidationIssue } from '../../../../shared/errors/errors';

/** Indices from the top level down: [1, 0] is the first child of the second top-level indicator. */
export type TreePath = readonly number[];

const WEIGHT_EPSILON = 1e-6;

export function nodeAt(nodes: readonly IndicatorNode[], path: TreePath): IndicatorNode | undefined {
  let list = nodes;
  let node: IndicatorNode | undefined;
  for (const i of path) {
    node = list[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/** Replaces the list of siblings that `parent` holds (the top level for []). */
function mapList(
  nodes: readonly IndicatorNode[],
  parent: TreePath,
  fn: (list: IndicatorNode[]) => IndicatorNode[],
): IndicatorNode[] {
  if (parent.length === 0) return fn([...nodes]);
  const [head, ...rest] = parent;
  return nodes.map((n, i) => (i === head ? { ...n, children: mapList(n.children, rest, fn) } : n));
}

export function updateIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
  patch: Partial<Pick<IndicatorNode, 'name' | 'weight' | 'description'>>,
): IndicatorNode[] {
  const parent = path.slice(0, -1);
  const at = path[path.length - 1]!;
  return mapList(nodes, parent, (list) =>
    list.map((n, i) => {
      if (i !== at) return n;
      const next = { ...n, ...patch };
      if (next.description === '' || next.description === undefined) delete next.description;
      return next;
    }),
  );
}

/** Every id in the tree, to keep new ones unique. */
export function indicatorIds(nodes: readonly IndicatorNode[]): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly IndicatorNode[]) =>
    list.forEach((n) => {
      out.add(n.id);
      walk(n.children);
    });
  walk(nodes);
  return out;
}

function freshId(taken: Set<string>): string {
  let id = newId();
  while (taken.has(id)) id = newId();
  return id;
}

export function newIndicator(nodes: readonly IndicatorNode[], weight: number): IndicatorNode {
  return { id: freshId(indicatorIds(nodes)), name: '', weight, children: [] };
}

/**
 * Adds a child at the end of `path`'s children. The first child of a leaf takes the whole 100;
 * later ones start at 0, so the sums stay right until the clerk shares the weight out.
 */
export function addChildIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
): { nodes: IndicatorNode[]; path: number[] } {
  const parent = nodeAt(nodes, path);
  if (!parent) throw new RangeError(`no indicator at ${path.join('.')}`);
  const child = newIndicator(nodes, parent.children.length === 0 ? 100 : 0);
  const next = mapList(nodes, path.slice(0, -1), (list) =>
    list.map((n, i) => (i === path[path.length - 1] ? { ...n, children: [...n.children, child] } : n)),
  );
  return { nodes: next, path: [...path, parent.children.length] };
}

/** Adds a sibling just after `path` (weight 0); `path` [] adds a top-level indicator at the end. */
export function addSiblingIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
): { nodes: IndicatorNode[]; path: number[] } {
  if (path.length === 0) {
    const node = newIndicator(nodes, nodes.length === 0 ? 100 : 0);
    return { nodes: [...nodes, node], path: [nodes.length] };
  }
  const node = newIndicator(nodes, 0);
  const at = path[path.length - 1]! + 1;
  const next = mapList(nodes, path.slice(0, -1), (list) => [...list.slice(0, at), node, ...list.slice(at)]);
  return { nodes: next, path: [...path.slice(0, -1), at] };
}

export function removeIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
): { nodes: IndicatorNode[]; removed: IndicatorNode } {
  const removed = nodeAt(nodes, path);
  if (!removed || path.length === 0) throw new RangeError(`no indicator at ${path.join('.')}`);
  const at = path[path.length - 1]!;
  return { nodes: mapList(nodes, path.slice(0, -1), (list) => list.filter((_, i) => i !== at)), removed };
}

/** Puts a node back at `path` (undoing removeIndicator); clamps to the end when the list shrank. */
export function insertIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
  node: IndicatorNode,
): IndicatorNode[] {
  const parent = path.slice(0, -1);
  if (parent.length > 0 && !nodeAt(nodes, parent)) return [...nodes, node];
  const at = path[path.length - 1]!;
  return mapList(nodes, parent, (list) => [...list.slice(0, at), node, ...list.slice(at)]);
}

/** Moves an indicator up (-1) or down (+1) among its siblings; at either end nothing changes. */
export function moveIndicator(
  nodes: readonly IndicatorNode[],
  path: TreePath,
  delta: -1 | 1,
): { nodes: IndicatorNode[]; path: number[] } {
  const at = path[path.length - 1]!;
  const parent = path.slice(0, -1);
  const siblings = parent.length === 0 ? nodes : (nodeAt(nodes, parent)?.children ?? []);
  const to = at + delta;
  if (to < 0 || to >= siblings.length) return { nodes: [...nodes], path: [...path] };
  const next = mapList(nodes, parent, (list) => {
    const copy = [...list];
    [copy[at], copy[to]] = [copy[to]!, copy[at]!];
    return copy;
  });
  return { nodes: next, path: [...parent, to] };
}

export type LevelSum = {
  /** The parent's tree path ([] for the top level). */
  parent: number[];
  parentName: string | null;
  sum: number;
  ok: boolean;
};

/** The weight sum of one list of siblings (blank or non-numeric weights count as 0). */
export function weightSum(list: readonly IndicatorNode[]): number {
  const sum = list.reduce((s, n) => s + (Number.isFinite(n.weight) ? n.weight : 0), 0);
  return Math.round(sum * 1e6) / 1e6;
}

export function sumIsRight(list: readonly IndicatorNode[]): boolean {
  return (
    list.length === 0 ||
    (list.every((n) => Number.isFinite(n.weight)) && Math.abs(weightSum(list) - 100) <= WEIGHT_EPSILON)
  );
}

/** Every level of the tree with its weight sum, top level first, depth first. */
export function levelSums(nodes: readonly IndicatorNode[]): LevelSum[] {
  const out: LevelSum[] = [];
  const walk = (list: readonly IndicatorNode[], parent: number[], parentName: string | null) => {
    if (list.length === 0) return;
    out.push({ parent, parentName, sum: weightSum(list), ok: sumIsRight(list) });
    list.forEach((n, i) => walk(n.children, [...parent, i], n.name));
  };
  walk(nodes, [], null);
  return out;
}

/** The outline number shown beside an indicator: [1, 0] → “2.1”. */
export function outlineNumber(path: TreePath): string {
  return path.map((i) => i + 1).join('.');
}

/** The issue path of an indicator (or of its children's list with `children`). */
export function indicatorIssuePath(templateIndex: number, path: TreePath): string {
  return [
    `indicatorTemplates.${templateIndex}.indicators`,
    ...path.map((i, k) => (k === 0 ? `${i}` : `children.${i}`)),
  ].join('.');
}

// ---- Templates and bonus factors ----

/** A copy of a template under a new id, for a group of ranks (empty until the clerk picks them). */
export function copyTemplate(config: AssessmentConfig, index: number): IndicatorTemplate {
  const source = config.indicatorTemplates[index];
  if (!source) throw new RangeError(`no template ${index}`);
  const taken = new Set(config.indicatorTemplates.map((t) => t.id));
  return { ...structuredClone(source), id: freshId(taken), name: `${source.name}(副本)`, rankLevels: [] };
}

/** An empty template of a category: one top-level indicator carrying the whole weight. */
export function blankTemplate(
  config: AssessmentConfig,
  category: PositionCategory,
  name: string,
): IndicatorTemplate {
  const taken = new Set(config.indicatorTemplates.map((t) => t.id));
  return {
    id: freshId(taken),
    name,
    positionCategory: category,
    rankLevels: [],
    indicators: [{ id: newId(), name: '', weight: 100, children: [] }],
  };
}

export function newBonusFactor(config: AssessmentConfig): BonusFactor {
  const taken = new Set(config.bonusFactors.map((f) => f.id));
  return { id: freshId(taken), name: '', maxPoints: 1 };
}

// ---- Problems and fields ----

/** The DOM id of the field (or group) an issue path points at. */
export function fieldId(path: string): string {
  return `cfg-${path.replace(/\./g, '-') || 'root'}`;
}

/** The path and every shorter prefix, longest first: where to look for a field to focus. */
export function pathAndParents(path: string): string[] {
  const parts = path.split('.').filter((p) => p !== '');
  const out: string[] = [];
  for (let k = parts.length; k > 0; k--) out.push(parts.slice(0, k).join('.'));
  return out;
}

/** The template an issue belongs to (to show it before focusing), or null. */
export function templateIndexOf(path: string): number | null {
  const m = /^indicatorTemplates\.(\d+)(\.|$)/.exec(path);
  return m ? Number(m[1]) : null;
}

/** The first message for each exact path, for helper texts beside the fields. */
export function messagesByPath(issues: readonly ValidationIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of issues) if (!out.has(i.path)) out.set(i.path, i.message);
  return out;
}

/**
 * A kept draft read back: used only when it has the shape the editor needs (lists where lists go);
 * values may still be wrong, which the problem list shows. Null when it cannot be edited.
 */
export function editableDraft(value: unknown): AssessmentConfig | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const lists = ['scoreBands', 'bonusFactors', 'indicatorTemplates'] as const;
  if (!lists.every((k) => Array.isArray(v[k]))) return null;
  const treesOk = (v.indicatorTemplates as unknown[]).every((t) => {
    if (t === null || typeof t !== 'object') return false;
    const tt = t as Record<string, unknown>;
    const nodesOk = (list: unknown): boolean =>
      Array.isArray(list) &&
      list.every(
        (n) => n !== null && typeof n === 'object' && nodesOk((n as Record<string, unknown>).children),
      );
    return Array.isArray(tt.rankLevels) && nodesOk(tt.indicators);
  });
  if (!treesOk) return null;
  // A blank number was kept as null (JSON has no NaN): the editor shows it blank, the problem list names it.
  return {
    ...(v as AssessmentConfig),
    holidayCalendars: Array.isArray(v.holidayCalendars)
      ? (v.holidayCalendars as AssessmentConfig['holidayCalendars'])
      : [],
  };
}
