/**
 * Which roster person each enrollment request is for, so a batch (a folder from the USB stick) is
 * bound after one review: by 人员编号 when the request carries one, else by name, narrowed by the
 * unit named on the request. Pure: the people, units and issued roster come in, the proposals go out.
 */
import type { OrgUnit, Person } from '../../../shared/domain';
import type { Roster } from '../../../shared/sync';
import type { PendingEnrollment } from './org-service';

export type MatchBy = 'id' | 'staffNo' | 'name-unit' | 'name';

export type RequestMatch =
  /** One person fits: bound on 全部绑定 unless HR chooses otherwise. */
  | { kind: 'matched'; personId: string; by: MatchBy }
  /** Several fit (same name, or two requests for one person): HR chooses among the candidates. */
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  /** Nobody fits, or the one who does cannot take the keys: `reason` says why and what to do. */
  | { kind: 'unmatched'; reason: string }
  /** Bound already (waiting for the next roster, or in the roster issued). */
  | { kind: 'bound'; personId: string; issued: boolean };

export const MATCH_BY_WORDS: Record<MatchBy, string> = {
  id: '按本人的安装标识',
  staffNo: '按人员编号',
  'name-unit': '按姓名和单位',
  name: '按姓名',
};

/** The unit's name and the names above it ("某市财政局 / 预算管理科"), for matching and for showing. */
export function unitPath(units: readonly OrgUnit[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  for (let u = byId.get(unitId); u && out.length < 20; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u.name);
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** Whether a unit typed on a request names the person's unit (its own name, or its path written out). */
function unitFits(typed: string, path: readonly string[]): boolean {
  const t = norm(typed);
  if (!t || path.length === 0) return false;
  const own = norm(path[path.length - 1]!);
  return t === own || t.endsWith(own) || t === norm(path.join(''));
}

export function matchRequests(
  pending: readonly PendingEnrollment[],
  people: readonly Person[],
  units: readonly OrgUnit[],
  roster: Roster | undefined,
): Map<string, RequestMatch> {
  const out = new Map<string, RequestMatch>();
  const byId = new Map(people.map((p) => [p.id, p]));
  const issuedKey = new Map<string, string>();
  const hasKeys = new Set<string>();
  for (const p of roster?.people ?? []) {
    for (const k of p.keys) issuedKey.set(k.signingPub, p.id);
    if (p.keys.some((k) => !k.retired)) hasKeys.add(p.id);
  }
  const boundTo = new Set(pending.flatMap((p) => (p.boundTo ? [p.boundTo] : [])));
  const active = people.filter((p) => p.active);

  const first = new Map<string, RequestMatch>();
  for (const item of pending) {
    const r = item.request;
    const issued = issuedKey.get(r.signingPub);
    if (issued) {
      first.set(r.signingPub, { kind: 'bound', personId: issued, issued: true });
      continue;
    }
    if (item.boundTo) {
      first.set(r.signingPub, { kind: 'bound', personId: item.boundTo, issued: false });
      continue;
    }
    // A person who already carries the install's own id: this request is theirs.
    if (byId.has(r.personId)) {
      first.set(r.signingPub, { kind: 'matched', personId: r.personId, by: 'id' });
      continue;
    }
    const free = (p: Person) => !hasKeys.has(p.id) && !boundTo.has(p.id);
    const staff = r.staffNo ? active.filter((p) => p.staffNo === r.staffNo) : [];
    if (staff.length === 1) {
      const p = staff[0]!;
      first.set(
        r.signingPub,
        free(p)
          ? { kind: 'matched', personId: p.id, by: 'staffNo' }
          : { kind: 'unmatched', reason: taken(p, hasKeys.has(p.id)) },
      );
      continue;
    }
    const named = active.filter((p) => norm(p.name) === norm(r.personName));
    if (named.length === 0) {
      first.set(r.signingPub, {
        kind: 'unmatched',
        reason: r.staffNo
          ? `名册中没有人员编号为“${r.staffNo}”或名为“${r.personName}”的在职人员:请先在“人员”中添加,再选择对应人员`
          : `名册中没有名为“${r.personName}”的在职人员:请先在“人员”中添加,再选择对应人员`,
      });
      continue;
    }
    const inUnit = named.filter((p) => unitFits(r.unitName, unitPath(units, p.unitId)));
    const pool = inUnit.length > 0 ? inUnit : named;
    const open = pool.filter(free);
    if (pool.length === 1 && open.length === 1) {
      first.set(r.signingPub, { kind: 'matched', personId: open[0]!.id, by: inUnit.length === 1 ? 'name-unit' : 'name' });
    } else if (open.length === 0) {
      first.set(r.signingPub, {
        kind: 'unmatched',
        reason: pool.length === 1 ? taken(pool[0]!, hasKeys.has(pool[0]!.id)) : `名册中名为“${r.personName}”的人员都已登记过密钥或已绑定其他申请`,
      });
    } else {
      first.set(r.signingPub, {
        kind: 'ambiguous',
        candidates: open.map((p) => p.id),
        reason: `名册中有${pool.length}位“${r.personName}”,请按单位选择对应人员`,
      });
    }
  }

  // Two requests proposed for one person (two installs, or a namesake's request): neither is bound
  // without HR's choice.
  const claims = new Map<string, string[]>();
  for (const [pub, m] of first) if (m.kind === 'matched') claims.set(m.personId, [...(claims.get(m.personId) ?? []), pub]);
  for (const [pub, m] of first) {
    const clash = m.kind === 'matched' ? (claims.get(m.personId)?.length ?? 0) > 1 : false;
    if (clash && m.kind === 'matched') {
      const name = byId.get(m.personId)?.name ?? '';
      out.set(pub, { kind: 'ambiguous', candidates: [m.personId], reason: `另有一份申请也对应“${name}”:请核对密钥指纹,只绑定本人正在使用的电脑` });
    } else out.set(pub, m);
  }
  return out;
}

function taken(p: Person, issued: boolean): string {
  return issued
    ? `“${p.name}”已登记过密钥:换电脑请在原电脑上导出密钥备份后恢复;如确需更换,请联系技术人员`
    : `“${p.name}”已绑定另一份申请,待签发`;
}
