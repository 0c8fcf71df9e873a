/**
 * 督促检查: who has handed in what, and when, for one year — the pure part of HR's tracking grid, in
 * the order it is built:
 *   - tracking-deadlines.ts: the 报送时限 (configuration with a default) and each item's deadline;
 *   - tracking-duties.ts: what a person owes each month and quarter, and in which unit, from their
 *     dated periods (nothing before their start, after their leaving, or while not a 公务员);
 *   - tracking-cells.ts: one cell against its deadline (已报送 / 逾期 / 缺报 / 已退回 / 未到期), the plan's column;
 *   - tracking-grid.ts: the year's rows, a person each;
 *   - tracking-filters.ts: what a view shows, filtered by unit and state, counted per unit;
 *   - tracking-reminders.ts: the 督促名单 of who still owes what;
 *   - spot-check-sample.ts: drawing the 抽查 sample.
 */
export * from './tracking-deadlines';
export * from './tracking-duties';
export * from './tracking-cells';
export * from './tracking-grid';
export * from './tracking-filters';
export * from './tracking-reminders';
export * from './spot-check-sample';
