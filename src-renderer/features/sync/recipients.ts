/** Who this device may send a bundle to, from the roster: the people its records concern. */
import { activeKeys, findPerson, type Roster } from '../../../shared/sync';
import { compareChinese } from '../../../shared/domain/collate';

export type Recipient = { personId: string; name: string; relation: string };

const ORDER = ['我的主管领导', '人事部门', '我的下属'];

export function recipientsFor(roster: Roster, myId: string): Recipient[] {
  const me = findPerson(roster, myId);
  if (!me) return [];
  const isHr = me.roles.includes('hr');
  const unitName = (id: string) => roster.units.find((u) => u.id === id)?.name ?? '';
  const out: Recipient[] = [];
  for (const p of roster.people) {
    if (p.id === myId || !p.active || activeKeys(p).length === 0) continue;
    const relation =
      p.id === me.supervisorId
        ? '我的主管领导'
        : p.roles.includes('hr')
          ? '人事部门'
          : p.supervisorId === myId
            ? '我的下属'
            : isHr
              ? unitName(p.unitId)
              : null;
    if (relation !== null) out.push({ personId: p.id, name: p.name, relation });
  }
  const rank = (r: Recipient) => {
    const i = ORDER.indexOf(r.relation);
    return i < 0 ? ORDER.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b) || compareChinese(a.name, b.name));
}
