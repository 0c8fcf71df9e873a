import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { settleAnimations } from './helpers';

/**
 * One axe-core pass (WCAG 2.0/2.1 A and AA) over the page as it is, failing on any serious or
 * critical violation — for specs that reach screens accessibility.spec.ts does not (the recovery
 * screen, the backup dialogs). Returns how many rules were checked.
 */
export async function expectAccessible(page: Page, screen: string): Promise<number> {
  // Let dialogs fade in: a half-drawn dialog reports false contrast failures.
  await settleAnimations(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `[${v.impact}] ${v.id} on “${screen}”: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
  expect(blocking, blocking.join('\n')).toEqual([]);
  return result.passes.length + result.violations.length + result.incomplete.length;
}
