import { sortUnitsAsTree, type OrgUnit } from '../../../shared/domain';

type TreeUnit = Pick<OrgUnit, 'id' | 'parentId' | 'name' | 'sortOrder'>;

/**
 * Whether a row's unit is the chosen one (or, with `includeSub`, lies below it). No unit chosen
 * passes every row. A unit that no longer exists matches nothing but itself.
 */
export function unitFilter(
  units: readonly TreeUnit[],
  unitId: string | null,
  includeSub: boolean,
): (unitId: string) => boolean {
  if (unitId === null) return () => true;
  if (!includeSub) return (id) => id === unitId;
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  const within = new Set<string>([unitId]);
  const stack = [unitId];
  while (stack.length > 0) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (!within.has(c)) {
        within.add(c);
        stack.push(c);
      }
    }
  }
  return (id) => within.has(id);
}

/**
 * Each unit's place in the tree (depth first, siblings by 排序号 then name): sort rows or chart
 * bars by it so that 科室 come in the order HR set up, everywhere.
 */
export function unitOrder(units: readonly TreeUnit[]): Map<string, number> {
  return new Map(sortUnitsAsTree(units).map((u, i) => [u.id, i]));
}

/** Each unit's depth below the top (0 for a top-level unit), for indenting a tree select. */
export function unitDepths(units: readonly TreeUnit[]): Map<string, number> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const depth = new Map<string, number>();
  const of = (u: TreeUnit, seen: number): number => {
    const known = depth.get(u.id);
    if (known !== undefined) return known;
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    // A cycle (never written, but cheap to survive) stops at the unit count.
    const d = parent && seen < units.length ? of(parent, seen + 1) + 1 : 0;
    depth.set(u.id, d);
    return d;
  };
  for (const u of units) of(u, 0);
  return depth;
}
