/**
 * 导出给所有人 through the real parts: an HR device set up like the example organisation's (keys,
 * enrollment requests bound, the roster signed), the renderer's distribute() building each bundle with
 * the 同步 page's createBundle, the desktop shell's folder handlers writing into a real temp folder,
 * and each file opened again with its recipient's own keys.
 *
 * DIST_PEOPLE=5000 npx vitest run tests/unit/hr/distribution.test.ts prints the time per bundle at that
 * size (a measurement, not an assertion).
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presetConfig, type LocalProfile } from '../../../shared/domain';
import { detectSuite, type CryptoSuite } from '../../../shared/bundle/crypto';
import { openBundle } from '../../../shared/bundle/container';
import { storeDeviceKeys, storeOrgKey } from '../../../shared/sync';
import { createProfile, getCurrentRoster, getDeviceId, openDatabase, readRosterDistribution, type DutyBookDb } from '../../../shared/store';
import { generateOrganisation, makeInstalls, orgKeyFor, type Organisation } from '../../../shared/seed';
import { setUpHrDevice } from '../../../shared/seed/hr-device';
import { validatedHost } from '../../../shared/host/validate';
import type { HostApi } from '../../../shared/host/contract';
import { DutyBookError } from '../../../shared/errors/errors';
import type { DeviceKeys } from '../../../shared/ledger/identity';
import { createFolderHandlers } from '../../../src-main/folders';
import { bundleFileNames, distribute, distributionTargets } from '../../../src-renderer/features/hr/distribution';
import { memoryBackupHost } from '../store/backup-host';

const PEOPLE = Number(process.env.DIST_PEOPLE ?? 24);
const SEED = 'dist-test';
let suite: CryptoSuite;
let db: DutyBookDb;
let org: Organisation;
let keys: Map<string, DeviceKeys>;
let profile: LocalProfile;
let dir: string;

/** The memory key store, with the desktop shell's own folder handlers over the real file system. */
function hostWithFolders(dialogPick: string, fail?: (name: string) => Error | null): HostApi {
  const base = memoryBackupHost() as unknown as HostApi;
  const folders = createFolderHandlers<null>({
    dialog: {
      showSaveDialog: () => Promise.reject(new Error('unused')),
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [dialogPick] }),
    },
    windowOf: () => null,
    defaultDir: () => dialogPick,
  });
  const impl = Object.fromEntries(Object.entries(base).map(([k, f]) => [k, f])) as unknown as Parameters<typeof validatedHost>[0];
  return validatedHost({
    ...impl,
    chooseFolder: (input) => folders.chooseFolder(input, null),
    writeToFolder: (input) => {
      const error = fail?.(input.name);
      return error ? Promise.reject(error) : folders.writeToFolder(input, null);
    },
  });
}

let host: HostApi;

beforeAll(async () => {
  suite = await detectSuite();
  dir = await mkdtemp(join(tmpdir(), 'dutybook-dist-'));
  db = await openDatabase(`dist-${Math.random().toString(36).slice(2)}`);
  profile = await createProfile(db, { name: '人事干部', unitName: '某局', positionCategory: 'comprehensive', rankLevel: 'staff1', roles: ['official', 'hr'], presetId: 'hubei' });
  const setupAt = Date.parse('2026-01-05T09:00:00+08:00');
  org = generateOrganisation({ seed: SEED, units: Math.max(2, Math.round(PEOPLE / 125)), people: PEOPLE, createdAt: setupAt, hr: { id: profile.personId, name: profile.name } });
  const installs = await makeInstalls(suite, SEED, org, (await getDeviceId(db))!, setupAt);
  keys = installs.keys;
  const orgKey = await orgKeyFor(suite, SEED);
  const hr = org.people.find((p) => p.id === org.hrId)!;
  host = hostWithFolders(dir);
  await storeDeviceKeys(host, keys.get(hr.id)!);
  await storeOrgKey(host, orgKey);
  await setUpHrDevice(db, { suite, org, installs, hr, hrKeys: keys.get(hr.id)!, orgKey, config: presetConfig('hubei'), setup: new Date(setupAt) });
}, 600_000);

afterAll(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('导出给所有人', () => {
  it('names files by unit and person, telling namesakes apart', () => {
    const at = new Date('2026-12-08T10:00:00+08:00');
    expect(
      bundleFileNames(
        [
          { personId: 'a', name: '张三', unitName: '预算管理科', staffNo: 'CZ01' },
          { personId: 'b', name: '张三', unitName: '预算管理科', staffNo: 'CZ02' },
          { personId: 'c', name: '张三', unitName: '预算管理科' },
          { personId: 'd', name: '李/四', unitName: '' },
        ],
        3,
        at,
      ),
    ).toEqual([
      '预算管理科-张三-人员名册第3版-20261208.dutybook',
      '预算管理科-张三-CZ02-人员名册第3版-20261208.dutybook',
      '预算管理科-张三-2-人员名册第3版-20261208.dutybook',
      '本单位-李_四-人员名册第3版-20261208.dutybook',
    ]);
  });

  it('writes one bundle per person into the folder, each opened by its own recipient; records who has the roster', async () => {
    const roster = (await getCurrentRoster(db))!;
    const before = await readRosterDistribution(db);
    expect(before?.pending).toHaveLength(PEOPLE - 1);
    const { targets, skipped } = distributionTargets(roster.roster, profile.personId, { kind: 'all' });
    expect(skipped).toEqual([]);
    const folder = (await host.chooseFolder({}))!;
    const progress: number[] = [];
    const started = performance.now();
    const { outcomes, buildMs, built } = await distribute({ db, host }, profile, {
      folder: folder.folder,
      targets,
      version: roster.roster.version,
      onProgress: (p) => progress.push(p.done),
    });
    const total = performance.now() - started;
    console.log(
      `导出给所有人: ${PEOPLE} people, ${built} bundles: build ${(buildMs / built).toFixed(1)} ms per bundle, ` +
        `${(total / built).toFixed(1)} ms per bundle with the write; ${outcomes.reduce((s, o) => s + (o.bytes ?? 0), 0)} bytes in all`,
    );
    expect(outcomes.every((o) => o.status === 'written')).toBe(true);
    expect(progress.at(-1)).toBe(targets.length);
    const files = await readdir(dir);
    expect(files).toHaveLength(PEOPLE - 1);
    // Every file opens for its recipient, from HR, carrying the roster.
    for (const o of outcomes.slice(0, 5)) {
      const k = keys.get(o.personId)!;
      const opened = await openBundle(new Uint8Array(await readFile(join(dir, o.file!))), {
        suite,
        recipientEncryptionKey: k.encryption.seed,
        recipientEncryptionPub: k.encryption.pub,
      });
      expect(opened.manifest.senderName).toBe('人事干部');
      expect(opened.manifest.recipientName).toBe(o.name);
      expect(opened.entries.some((e) => e.type === 'roster')).toBe(true);
    }
    const after = await readRosterDistribution(db);
    expect(after?.pending).toEqual([]);
    expect(after?.distributed).toHaveLength(PEOPLE - 1);

    // Again into the same folder: nothing overwritten, each said.
    const again = await distribute({ db, host }, profile, { folder: folder.folder, targets: targets.slice(0, 2), version: roster.roster.version });
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(again.outcomes[0]!.reason).toContain('文件夹中已有同名文件');
  }, 600_000);

  it('a full disk stops the run: what was written stays, the rest are listed with what to do, only written files count as sent', async () => {
    const full = await mkdtemp(join(tmpdir(), 'dutybook-full-'));
    let writes = 0;
    const fullHost = hostWithFolders(full, () =>
      ++writes > 2 ? new DutyBookError('storage-quota', 'no space left', { errno: 'ENOSPC' }) : null,
    );
    await storeDeviceKeys(fullHost, keys.get(org.hrId)!);
    const roster = (await getCurrentRoster(db))!;
    const { targets } = distributionTargets(roster.roster, profile.personId, { kind: 'all' });
    const logged = await db.bundles.count();
    const folder = (await fullHost.chooseFolder({}))!;
    const { outcomes } = await distribute({ db, host: fullHost }, profile, { folder: folder.folder, targets: targets.slice(0, 5), version: roster.roster.version });
    expect(outcomes.map((o) => o.status)).toEqual(['written', 'written', 'failed', 'failed', 'failed']);
    expect(outcomes[2]!.reason).toBe('磁盘空间不足:请清理磁盘或换一个文件夹(如另一个U盘)后,再导出给“尚未收到最新名册的人员”');
    expect(outcomes[3]!.reason).toBe('因磁盘已满未导出');
    expect(await readdir(full)).toHaveLength(2);
    expect(await db.bundles.count()).toBe(logged + 2);
    await rm(full, { recursive: true, force: true });
  }, 600_000);

  it('people without a key are listed as skipped, with what to do', async () => {
    const roster = (await getCurrentRoster(db))!;
    const someone = roster.roster.people.find((p) => p.id !== profile.personId)!;
    const withoutKey = { ...roster.roster, people: roster.roster.people.map((p) => (p.id === someone.id ? { ...p, keys: [] } : p)) };
    const { targets, skipped } = distributionTargets(withoutKey, profile.personId, { kind: 'all' });
    expect(targets).toHaveLength(PEOPLE - 2);
    expect(skipped).toEqual([
      expect.objectContaining({ personId: someone.id, status: 'skipped', reason: '尚未登记密钥:请导入其注册申请并绑定、签发名册后再导出' }),
    ]);
  });
});
