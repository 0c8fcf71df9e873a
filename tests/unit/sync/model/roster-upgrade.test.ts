/**
 * Rosters issued before periods existed (v1) still open, verify and decide as they did; HR's first
 * roster under this version carries their undated history into v2; people rows saved before
 * periods existed are read as one period.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/bundle/bytes';
import { canonicalJson } from '../../../../shared/bundle/canonical-json';
import { detectSuite } from '../../../../shared/bundle/crypto';
import {
  authorProblem,
  draftNextRoster,
  generateOrgKey,
  parseSignedRoster,
  signRoster,
  verifyRoster,
  type FactHead,
  type Roster,
  type RosterPerson,
} from '../../../../shared/sync';
import { supervisorsDuring } from '../../../../shared/ledger/roster-periods';
import { rangeOfPeriodKey } from '../../../../shared/domain';
import { getPerson, putUnit, saveRoster } from '../../../../shared/store';
import { freshName, openTestDb } from '../../store/helpers';

const key = (n: number) => String(n).padStart(64, '0');
const v1Person = (id: string, name: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  name,
  unitId: 'u1',
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  supervisorId: null,
  formerSupervisorIds: [],
  hrUnitIds: [],
  active: true,
  keys: [
    {
      signingPub: key(id.charCodeAt(0)),
      encryptionPub: key(id.charCodeAt(0) + 100),
      deviceId: `d${id}`,
      since: '',
    },
  ],
  ...extra,
});

function v1Roster(hrKey: string): Roster {
  return {
    format: 'dutybook-roster',
    v: 1,
    orgId: 'ORG1',
    version: 3,
    issuedAt: '2026-06-15T08:00:00.000Z',
    hrKey,
    keyHistory: [],
    units: [{ id: 'u1', name: '办公室', parentId: null, path: '/u1/', code: '', sortOrder: 0 }],
    people: [
      v1Person('A', '王主任', { roles: ['official', 'supervisor'] }),
      v1Person('B', '赵科长', { roles: ['official', 'supervisor'] }),
      v1Person('X', '张三', { supervisorId: 'B', formerSupervisorIds: ['A'] }),
      v1Person('Y', '李四', { supervisorId: 'B', active: false }),
    ],
    config: '',
  };
}

const head = (type: string, author: string, subject: string, recordKey: string): FactHead => ({
  type,
  author,
  authorKey: key(author.charCodeAt(0)),
  subject,
  device: `d${author}`,
  counter: 1,
  recordKey,
});

describe('roster v1 under this version', () => {
  it('opens and verifies byte for byte, and decides as v1 did: undated former supervisors, inactive people cut at the issue date', async () => {
    const s = await detectSuite();
    const org = await generateOrgKey(s);
    const signed = await signRoster(s, org.seed, v1Roster(toHex(org.pub)));
    const parsed = parseSignedRoster(new TextEncoder().encode(canonicalJson(signed)));
    expect(parsed.roster.v).toBe(1);
    const verdict = await verifyRoster(s, parsed, { key: toHex(org.pub), previous: [] });
    expect(verdict.ok).toBe(true);
    const r = parsed.roster;
    // The former supervisor keeps deciding for the time before the roster was issued (v1 kept no
    // dates), but no longer for quarters after it, which v1 allowed.
    expect(authorProblem(r, head('evaluation', 'A', 'X', 'evaluation/X/2026-Q2'))).toBeNull();
    expect(authorProblem(r, head('evaluation', 'A', 'X', 'evaluation/X/2026-Q4'))).toBe(
      '“王主任”自2026年6月15日起不再是“张三”的主管领导,不能作出2026年第4季度的领导评鉴',
    );
    expect(authorProblem(r, head('evaluation', 'B', 'X', 'evaluation/X/2026-Q1'))).toBeNull();
    expect(supervisorsDuring(r, 'X', rangeOfPeriodKey('2026-Q2')!).sort()).toEqual(['A', 'B']);
    expect(supervisorsDuring(r, 'X', rangeOfPeriodKey('2026-Q3')!)).toEqual(['B']);
    // Marked inactive in a roster of 2026-06-15: the months after it are refused, those before kept.
    expect(authorProblem(r, head('record.version', 'Y', 'Y', 'record/Y/2026-05'))).toBeNull();
    expect(authorProblem(r, head('record.version', 'Y', 'Y', 'record/Y/2026-07'))).toBe(
      '“李四”自2026年6月15日起已离职(调出),不能有2026年7月的平时考核记实簿',
    );
  });

  it('a roster of a newer format is refused as such, not as damaged', () => {
    const bytes = new TextEncoder().encode(canonicalJson({ roster: { v: 3 }, signature: '00' }));
    expect(() => parseSignedRoster(bytes)).toThrow('人员名册由较新版本的履责记实生成,请升级软件');
  });

  it('HR’s first roster after the upgrade is v2 and keeps the v1 history undated; people rows without periods read as one', async () => {
    const s = await detectSuite();
    const org = await generateOrgKey(s);
    const db = await openTestDb(freshName('upgrade'));
    await putUnit(db, { id: 'u1', name: '办公室', parentId: null });
    const v1 = v1Roster(toHex(org.pub));
    await saveRoster(db, await signRoster(s, org.seed, v1));
    // People rows as an earlier version wrote them: no periods, no profile.
    await db.people.bulkPut(
      v1.people.map((p) => ({
        id: p.id,
        name: p.name,
        unitId: p.unitId,
        positionCategory: 'comprehensive' as const,
        rankLevel: 'staff1',
        roles: p.roles as ('official' | 'supervisor' | 'hr')[],
        supervisorId: p.supervisorId,
        active: p.active,
      })),
    );
    expect((await getPerson(db, 'X'))?.periods).toBeUndefined();
    const next = await draftNextRoster(db, {
      orgId: 'ORG1',
      hrKey: toHex(org.pub),
      now: new Date('2026-07-01T08:00:00Z'),
    });
    expect(next.v).toBe(2);
    const x = next.people.find((p) => p.id === 'X')!;
    expect(x.periods!.map((p) => [p.from, p.to, p.supervisorId])).toEqual([
      [null, '2026-06-14', 'A'],
      [null, null, 'B'],
    ]);
    expect(x.keys).toEqual(v1.people.find((p) => p.id === 'X')!.keys);
    const y = next.people.find((p) => p.id === 'Y')!;
    expect(y.periods!.map((p) => [p.from, p.to])).toEqual([[null, '2026-06-14']]);
    // Y had left: their key is retired at the last record HR holds from them (none).
    expect(y.keys[0]!.retired).toEqual({ at: '2026-07-01T08:00:00.000Z', through: {} });
    // The v2 roster signs and parses back.
    const signed = await signRoster(s, org.seed, next);
    expect(parseSignedRoster(new TextEncoder().encode(canonicalJson(signed))).roster).toEqual(next);
  });
});
