/**
 * 导出给所有人: one bundle per recipient, written into one folder the clerk chose, each built by the
 * same export the 同步 page uses for one recipient (createBundle), logged as sent only once its file
 * is written. Bundles are built one after another with a turn of the event loop between them, so the
 * page keeps drawing its progress; their compression already runs in the deflate worker.
 */
import type { LocalProfile } from '../../../shared/domain';
import { compareChinese } from '../../../shared/domain/collate';
import { describeError } from '../../../shared/errors/messages.zh';
import { isDutyBookError } from '../../../shared/errors/errors';
import { activeKeys, createBundle, type Roster } from '../../../shared/sync';
import type { Services } from '../../state/services';
import { BUNDLE_EXT, safeName } from '../../bundles/files';
import { ensureIdentity, tick } from '../../bundles/identity';
import { distText as d } from './dist-strings';

export type DistTarget = { personId: string; name: string; unitName: string; staffNo?: string };

export type DistOutcome = {
  personId: string;
  name: string;
  unitName: string;
  status: 'written' | 'skipped' | 'failed';
  file?: string;
  bytes?: number;
  facts?: number;
  reason?: string;
};

export type DistScope = { kind: 'all' } | { kind: 'unit'; unitIds: ReadonlySet<string> } | { kind: 'people'; ids: ReadonlySet<string> };

/**
 * The recipients in `scope` (active people other than HR's own person), in unit then name order, and
 * those who cannot get a bundle yet (no key), with the reason.
 */
export function distributionTargets(roster: Roster, myId: string, scope: DistScope): { targets: DistTarget[]; skipped: DistOutcome[] } {
  const unitName = new Map(roster.units.map((u) => [u.id, u.name]));
  const unitOrder = new Map(roster.units.map((u, i) => [u.id, i]));
  const inScope = (p: Roster['people'][number]) =>
    scope.kind === 'all' ? true : scope.kind === 'unit' ? scope.unitIds.has(p.unitId) : scope.ids.has(p.id);
  const people = roster.people
    .filter((p) => p.active && p.id !== myId && inScope(p))
    .sort((a, b) => (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0) || compareChinese(a.name, b.name));
  const targets: DistTarget[] = [];
  const skipped: DistOutcome[] = [];
  for (const p of people) {
    const row = { personId: p.id, name: p.name, unitName: unitName.get(p.unitId) ?? '', ...(p.profile?.staffNo ? { staffNo: p.profile.staffNo } : {}) };
    if (activeKeys(p).length === 0) skipped.push({ ...row, status: 'skipped', reason: d.noKey });
    else targets.push(row);
  }
  return { targets, skipped };
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (at: Date) => `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;

/** 预算管理科-张三-人员名册第3版-20261208.dutybook; namesakes in one unit told apart by 人员编号 (or a number). */
export function bundleFileNames(targets: readonly DistTarget[], version: number, at: Date): string[] {
  const used = new Set<string>();
  return targets.map((t) => {
    const base = `${safeName(t.unitName || '本单位')}-${safeName(t.name)}`;
    const tail = `-人员名册第${version}版-${day(at)}.${BUNDLE_EXT}`;
    let name = `${base}${tail}`;
    if (used.has(name)) name = t.staffNo ? `${base}-${safeName(t.staffNo)}${tail}` : name;
    for (let i = 2; used.has(name); i++) name = `${base}-${i}${tail}`;
    used.add(name);
    return name;
  });
}

export type DistProgress = { done: number; total: number; current?: string };

/**
 * Writes one bundle per target into `folder` (a chooseFolder token). Stops early on `signal`, and on a
 * full disk or an unwritable folder (the rest are listed as not written, with what to do). The time
 * spent building bundles (not writing them) is returned for the report and the benchmark.
 */
export async function distribute(
  services: Services,
  profile: LocalProfile,
  options: {
    folder: string;
    targets: readonly DistTarget[];
    version: number;
    now?: () => Date;
    onProgress?: (p: DistProgress) => void;
    signal?: { stopped: boolean };
  },
): Promise<{ outcomes: DistOutcome[]; buildMs: number; built: number }> {
  const { suite, keys } = await ensureIdentity(services, profile);
  const now = options.now ?? (() => new Date());
  const names = bundleFileNames(options.targets, options.version, now());
  const outcomes: DistOutcome[] = [];
  let buildMs = 0;
  let built = 0;
  let stop: string | null = null;
  for (const [i, target] of options.targets.entries()) {
    const row = { personId: target.personId, name: target.name, unitName: target.unitName };
    if (stop !== null || options.signal?.stopped) {
      outcomes.push({ ...row, status: 'failed', reason: stop ?? d.stopped });
      continue;
    }
    options.onProgress?.({ done: i, total: options.targets.length, current: target.name });
    await tick();
    const file = names[i]!;
    try {
      const started = performance.now();
      const { bytes, plan, commit } = await createBundle(services.db, { suite, keys, peer: { personId: target.personId }, deferRecord: true, now: now() });
      buildMs += performance.now() - started;
      built += 1;
      const result = await services.host.writeToFolder({ folder: options.folder, name: file, data: new Uint8Array(bytes) });
      if (!result.written) {
        outcomes.push({ ...row, status: 'skipped', file, reason: d.exists(file) });
        continue;
      }
      // Only a bundle whose file was written counts as sent (往来记录, and who has the roster).
      await commit();
      outcomes.push({ ...row, status: 'written', file, bytes: result.bytes, facts: plan.facts.length });
    } catch (e) {
      if (isDutyBookError(e) && e.code === 'storage-quota') {
        outcomes.push({ ...row, status: 'failed', file, reason: d.diskFull });
        stop = d.notAfterFull;
      } else if (isDutyBookError(e) && e.code === 'forbidden') {
        outcomes.push({ ...row, status: 'failed', file, reason: d.forbidden });
        stop = d.forbidden;
      } else {
        const desc = describeError(e);
        outcomes.push({ ...row, status: 'failed', file, reason: `${desc.title}:${desc.detail}` });
      }
    }
  }
  options.onProgress?.({ done: options.targets.length, total: options.targets.length });
  return { outcomes, buildMs, built };
}
