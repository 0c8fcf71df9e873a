/** How a filed plan or register reads wherever it is shown: to the official, the supervisor and HR. */

/** " · 已备案(2026-02-01,经办人:人事科)" after a register version or a plan; '' when not filed. */
export function filedNote(receipt: { filedAt: string; clerk: string } | undefined): string {
  return receipt ? ` · 已备案(${receipt.filedAt.slice(0, 10)},经办人:${receipt.clerk})` : '';
}

/** "已备案(2026-02-01)". */
export function filedOn(filedAt: string): string {
  return `已备案(${filedAt.slice(0, 10)})`;
}
