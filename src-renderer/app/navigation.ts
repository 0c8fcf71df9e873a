import type { Role } from '../../shared/domain';
import { zh } from '../i18n/zh';

export type NavItem = { path: string; label: string; role?: Role };

/** Every workspace belongs to a role; a workspace shows only when the profile holds that role. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: zh.nav.home },
  { path: '/official', label: zh.nav.official, role: 'official' },
  { path: '/supervisor', label: zh.nav.supervisor, role: 'supervisor' },
  { path: '/hr', label: zh.nav.hr, role: 'hr' },
  { path: '/sync', label: zh.nav.sync },
  { path: '/settings', label: zh.nav.settings },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.role === undefined || roles.includes(item.role));
}
