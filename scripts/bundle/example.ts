/**
 * `npm run bundle -- example --out DIR`: a small organisation built through the real model path —
 * one IndexedDB (fake-indexeddb) per device, real keys, enrollment requests, an HR-signed roster,
 * submitted plans and record books, and real bundles — written to DIR with a README.txt.
 *
 *   陈静 (人事科, HR) · 王建国 (办公室主任, supervisor) · 张伟, 李娜 (办公室, officials)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { canonicalJsonBytes } from '../../shared/bundle/canonical-json';
import type { CryptoSuite } from '../../shared/bundle/crypto';
import { toHex } from '../../shared/bundle/bytes';
import { BACKUP_EXT, ENROLL_EXT } from '../../shared/bundle/file-kinds';
import {
  applyImport,
  bindEnrollment,
  createBundle,
  createEnrollmentRequest,
  draftNextRoster,
  exportKeyBackup,
  fingerprintHex,
  generateDeviceKeys,
  generateOrgKey,
  parseEnrollmentRequest,
  pinHrKey,
  readBundle,
  signRoster,
  type DeviceKeys,
  type KeyHalf,
  type SignedRoster,
} from '../../shared/sync';
import {
  getDeviceId,
  newMonthlyRecord,
  openDatabase,
  putPerson,
  putUnit,
  saveRecordDraft,
  savePlanDraft,
  saveRoster,
  saveSummaryDraft,
  setSelfIdentity,
  submitPlan,
  submitRecord,
  submitSummary,
  type DutyBookDb,
} from '../../shared/store';
import { keyFileBytes } from './keyfile';

export const ENROLLMENT_EXTENSION = `.${ENROLL_EXT}`;
export const KEY_BACKUP_EXTENSION = `.${BACKUP_EXT}`;
export const EXAMPLE_ORG_ID = 'EXAMPLE-TJJ';
export const EXAMPLE_BACKUP_PASSPHRASE = 'zhangwei-示例口令-2026';

type Role = 'official' | 'supervisor' | 'hr';
type PersonSpec = {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  supervisorId: string | null;
  rankLevel: string;
  title?: string;
  slug: string;
};

const UNITS = [
  { id: 'tjj', name: '示例县统计局', parentId: null },
  { id: 'bgs', name: '办公室', parentId: 'tjj' },
  { id: 'rsk', name: '人事科', parentId: 'tjj' },
];

const PEOPLE: PersonSpec[] = [
  { id: 'hr-chenjing', name: '陈静', unitId: 'rsk', unitName: '人事科', roles: ['official', 'hr'], supervisorId: null, rankLevel: 'principalStaff2', title: '人事科科长', slug: 'hr' },
  { id: 'sup-wangjianguo', name: '王建国', unitId: 'bgs', unitName: '办公室', roles: ['official', 'supervisor'], supervisorId: null, rankLevel: 'principalStaff1', title: '办公室主任', slug: 'supervisor' },
  { id: 'off-zhangwei', name: '张伟', unitId: 'bgs', unitName: '办公室', roles: ['official'], supervisorId: 'sup-wangjianguo', rankLevel: 'staff1', slug: 'official1' },
  { id: 'off-lina', name: '李娜', unitId: 'bgs', unitName: '办公室', roles: ['official'], supervisorId: 'sup-wangjianguo', rankLevel: 'principalStaff4', slug: 'official2' },
];

type Device = { spec: PersonSpec; db: DutyBookDb; keys: DeviceKeys; deviceId: string };

export type ExampleFile = { path: string; kind: 'key-file' | 'enrollment-request' | 'roster' | 'bundle' | 'key-backup' | 'readme' | 'index'; description: string; for?: string; from?: string; to?: string; verifyWith?: string[] };
export type ExampleResult = { dir: string; files: ExampleFile[]; hrFingerprint: string };

const at = (iso: string) => new Date(iso);
let dbCounter = 0;

async function makeDevice(suite: CryptoSuite, spec: PersonSpec): Promise<Device> {
  dbCounter += 1;
  const db = await openDatabase(`dutybook-example-${spec.slug}-${dbCounter}-${Date.now()}`, { indexedDB, IDBKeyRange });
  const keys = await generateDeviceKeys(suite);
  await setSelfIdentity(db, { personId: spec.id, signingPub: toHex(keys.signing.pub), encryptionPub: toHex(keys.encryption.pub) });
  return { spec, db, keys, deviceId: (await getDeviceId(db))! };
}

async function writePlan(d: Device, tasks: [string, string][], when: string): Promise<void> {
  await savePlanDraft(
    d.db,
    d.spec.id,
    2026,
    tasks.map(([task, target], i) => ({ id: `i${i + 1}`, task, target, deadline: '2026-12-31', duty: '办公室岗位职责' })),
    at(when),
  );
  await submitPlan(d.db, d.spec.id, 2026, at(when));
}

async function writeRecord(d: Device, month: number, items: [string, string, number][], when: string): Promise<void> {
  const base = newMonthlyRecord(d.spec.id, 2026, month, undefined, at(when));
  await saveRecordDraft(
    d.db,
    {
      ...base,
      workItems: items.map(([content, progress, percent], i) => ({
        id: `w${i + 1}`,
        content,
        progress,
        status: percent >= 100 ? 'completed' : 'inProgress',
        percent,
      })),
    },
    at(when),
  );
  await submitRecord(d.db, d.spec.id, 2026, month, at(when));
}

async function deliver(suite: CryptoSuite, from: Device, to: Device, now: Date): Promise<Uint8Array> {
  const { bytes } = await createBundle(from.db, { suite, keys: from.keys, peer: { personId: to.spec.id }, now });
  const plan = await readBundle(to.db, bytes, { suite, keys: to.keys });
  if (plan.status !== 'ready') throw new Error(`example bundle ${from.spec.name} → ${to.spec.name} rejected: ${JSON.stringify(plan.rejected)}`);
  await applyImport(to.db, plan);
  return bytes;
}

export async function buildExample(suite: CryptoSuite, outDir: string): Promise<ExampleResult> {
  const dir = resolve(outDir);
  mkdirSync(join(dir, 'keys'), { recursive: true });
  mkdirSync(join(dir, 'requests'), { recursive: true });
  mkdirSync(join(dir, 'bundles'), { recursive: true });
  const files: ExampleFile[] = [];
  const write = (rel: string, bytes: Uint8Array | string, meta: Omit<ExampleFile, 'path'>) => {
    writeFileSync(join(dir, rel), bytes);
    files.push({ path: rel, ...meta });
  };

  // Every install makes its keys; HR also makes the organisation key (the trust root).
  const devices: Record<string, Device> = {};
  for (const p of PEOPLE) devices[p.slug] = await makeDevice(suite, p);
  const hr = devices.hr!;
  const sup = devices.supervisor!;
  const o1 = devices.official1!;
  const o2 = devices.official2!;
  const orgKey: KeyHalf = await generateOrgKey(suite);
  const hrKey = toHex(orgKey.pub);
  const hrFingerprint = fingerprintHex(hrKey);

  // HR keeps the organisation's units and people.
  for (const u of UNITS) await putUnit(hr.db, u);
  for (const p of PEOPLE) {
    await putPerson(hr.db, {
      id: p.id,
      name: p.name,
      unitId: p.unitId,
      positionCategory: 'comprehensive',
      rankLevel: p.rankLevel,
      ...(p.title ? { title: p.title } : {}),
      roles: p.roles,
      supervisorId: p.supervisorId,
    });
  }

  // Enrollment: each install hands HR a request file; HR binds it after comparing the fingerprint.
  let draft = await draftNextRoster(hr.db, { orgId: EXAMPLE_ORG_ID, hrKey });
  for (const d of Object.values(devices)) {
    const request = await createEnrollmentRequest(suite, {
      keys: d.keys,
      personId: d.spec.id,
      personName: d.spec.name,
      unitName: d.spec.unitName,
      deviceId: d.deviceId,
      now: at('2026-01-05T01:00:00.000Z'),
    });
    write(`requests/注册申请-${d.spec.name}${ENROLLMENT_EXTENSION}`, request, {
      kind: 'enrollment-request',
      description: `${d.spec.name} 的注册申请 enrollment request(公钥与签名,交给人事部门)`,
      from: d.spec.name,
    });
    const parsed = await parseEnrollmentRequest(suite, request);
    draft = bindEnrollment(draft, parsed, { personId: d.spec.id });
  }
  const signed: SignedRoster = await signRoster(suite, orgKey.seed, draft);
  await saveRoster(hr.db, signed);
  write('roster.json', canonicalJsonBytes(signed), {
    kind: 'roster',
    description: `人员名册 v${signed.roster.version}(人事部门签名)signed roster, for verify --roster`,
    from: hr.spec.name,
  });

  // Every device pins HR's key after reading its fingerprint off the paper notice.
  for (const d of Object.values(devices)) await pinHrKey(d.db, { hrKey, confirmedFingerprint: hrFingerprint });

  const keyPath = (d: Device) => `keys/${d.spec.slug}-${d.spec.name}.key.json`;
  for (const d of Object.values(devices)) {
    write(
      keyPath(d),
      keyFileBytes({
        personId: d.spec.id,
        personName: d.spec.name,
        unitName: d.spec.unitName,
        roles: d.spec.roles,
        deviceId: d.deviceId,
        keys: d.keys,
        hrKey,
        ...(d === hr ? { hrOrgKey: orgKey } : {}),
      }),
      { kind: 'key-file', description: `${d.spec.name} 的密钥文件 key file(明文私钥,仅供示例)`, for: d.spec.name },
    );
  }

  // 1. HR → everyone: the roster.
  for (const [n, d] of [sup, o1, o2].entries()) {
    const bytes = await deliver(suite, hr, d, at(`2026-01-06T0${n + 1}:00:00.000Z`));
    write(`bundles/1-名册-${hr.spec.name}至${d.spec.name}.dutybook`, bytes, {
      kind: 'bundle',
      description: `人事部门发给 ${d.spec.name} 的人员名册 roster, HR → ${d.spec.slug}`,
      from: hr.spec.name,
      to: d.spec.name,
      verifyWith: [keyPath(d)],
    });
  }

  // 2. Officials write and submit; then official → supervisor.
  await writePlan(o1, [['起草年度工作要点', '3月底前完成并报局长办公会审定'], ['组织机关业务培训', '全年不少于4次']], '2026-01-10T02:00:00.000Z');
  await writeRecord(o1, 1, [['起草年度工作要点初稿', '已完成初稿,征求各科室意见', 60]], '2026-01-30T08:00:00.000Z');
  await writeRecord(o1, 2, [['修改年度工作要点', '已报局长办公会', 100], ['筹备第一次业务培训', '已确定培训方案', 40]], '2026-02-27T08:00:00.000Z');
  await saveSummaryDraft(o1.db, o1.spec.id, 2026, 1, '第一季度完成年度工作要点起草和审定,启动业务培训筹备,各项工作按计划推进。', at('2026-03-31T08:00:00.000Z'));
  await writeRecord(o1, 3, [['组织第一次业务培训', '培训60人次', 100]], '2026-03-30T08:00:00.000Z');
  await submitSummary(o1.db, o1.spec.id, 2026, 1, at('2026-03-31T09:00:00.000Z'));
  await writePlan(o2, [['做好公文收发和督办', '公文办理及时率100%'], ['完成档案整理', '6月底前完成2025年度归档']], '2026-01-12T02:00:00.000Z');
  await writeRecord(o2, 1, [['公文收发登记', '收文86件,发文41件', 100]], '2026-01-30T08:00:00.000Z');
  await writeRecord(o2, 2, [['2025年度文书档案整理', '完成分类和编号', 50]], '2026-02-27T08:00:00.000Z');

  for (const [n, d] of [o1, o2].entries()) {
    const bytes = await deliver(suite, d, sup, at(`2026-04-0${n + 1}T02:00:00.000Z`));
    write(`bundles/2-${d.spec.name}至${sup.spec.name}.dutybook`, bytes, {
      kind: 'bundle',
      description: `${d.spec.name} 报送主管领导 ${sup.spec.name}:年度计划、记实簿${d === o1 ? '、季度小结' : ''} official → supervisor`,
      from: d.spec.name,
      to: sup.spec.name,
      verifyWith: [keyPath(sup)],
    });
  }

  // 3. Supervisor → HR: relays the officials' facts with their own attestations (HR already holds
  //    the roster, per its acks, so this bundle carries none: verify it with --roster roster.json).
  await writePlan(sup, [['统筹办公室年度重点工作', '按季度督办落实']], '2026-01-15T02:00:00.000Z');
  const relay = await deliver(suite, sup, hr, at('2026-04-03T02:00:00.000Z'));
  write(`bundles/3-${sup.spec.name}至${hr.spec.name}-转报.dutybook`, relay, {
    kind: 'bundle',
    description: `${sup.spec.name} 转报人事部门:两名公务员的材料(作者签名不变)和本人计划 supervisor → HR relay`,
    from: sup.spec.name,
    to: hr.spec.name,
    verifyWith: [keyPath(hr), '--roster', 'roster.json'],
  });

  // A key backup (passphrase-protected), to show `inspect` on one.
  const backup = await exportKeyBackup(suite, {
    contents: { personId: o1.spec.id, keys: o1.keys },
    passphrase: EXAMPLE_BACKUP_PASSPHRASE,
    personName: o1.spec.name,
  });
  write(`密钥备份-${o1.spec.name}${KEY_BACKUP_EXTENSION}`, backup, {
    kind: 'key-backup',
    description: `${o1.spec.name} 的密钥备份 key backup(口令 ${EXAMPLE_BACKUP_PASSPHRASE})`,
    for: o1.spec.name,
  });

  write('README.txt', readme(files, hrFingerprint, signed.roster.version), { kind: 'readme', description: '本说明 this file' });
  write('index.json', `${JSON.stringify({ hrFingerprint, files }, null, 2)}\n`, { kind: 'index', description: '文件清单 machine-readable index' });
  for (const d of Object.values(devices)) d.db.close();
  return { dir, files, hrFingerprint };
}

function readme(files: ExampleFile[], hrFp: string, rosterVersion: number): string {
  const lines = [
    '履责记实 DutyBook — 示例数据包 example bundles',
    '==============================================',
    '',
    '由 `npm run bundle -- example --out DIR` 生成:一个示例单位(示例县统计局),经真实的程序路径',
    '(每台设备一个 IndexedDB 数据库、真实密钥、真实加密和签名)产生。每次生成的密钥都不同。',
    'Generated through the real model path; keys differ on every run.',
    '',
    '人员 People',
    '  陈静   人事科科长   人事部门 HR(持有单位密钥 organisation key)',
    '  王建国 办公室主任   主管领导 supervisor',
    '  张伟   办公室       公务员 official(主管领导:王建国)',
    '  李娜   办公室       公务员 official(主管领导:王建国)',
    '',
    `人事部门密钥指纹 HR key fingerprint(书面通知上印的就是它): ${hrFp}`,
    `人员名册版本 roster version: ${rosterVersion}`,
    '',
    '文件 Files',
  ];
  for (const f of files) lines.push(`  ${f.path}`, `      ${f.description}`);
  lines.push(
    `  README.txt`,
    `      本说明`,
    `  index.json`,
    `      文件清单(机器可读)`,
    '',
    '数据流向 What travels where',
    '  1. 人事部门 → 每个人:人员名册(含各人公钥、上下级关系),bundles/1-*.dutybook',
    '  2. 公务员 → 主管领导:年度计划、记实簿、季度小结,bundles/2-*.dutybook',
    '  3. 主管领导 → 人事部门:转报公务员材料(保留作者本人的签名)及本人材料,bundles/3-*.dutybook',
    '',
    '试一试 Try',
    '  npm run bundle -- inspect DIR/bundles/2-张伟至王建国.dutybook            (无需密钥 no key)',
    '  npm run bundle -- verify DIR/bundles/2-张伟至王建国.dutybook --key DIR/keys/supervisor-王建国.key.json',
    '  npm run bundle -- verify DIR/bundles/3-王建国至陈静-转报.dutybook --key DIR/keys/hr-陈静.key.json --roster DIR/roster.json',
    '  npm run bundle -- verify DIR/bundles/2-张伟至王建国.dutybook --key DIR/keys/official2-李娜.key.json   (退出码 4:不是发给李娜的)',
    '  npm run bundle -- inspect DIR/requests/注册申请-张伟${ENROLLMENT_EXTENSION}',
    `  npm run bundle -- inspect DIR/密钥备份-张伟${KEY_BACKUP_EXTENSION}`,
    '',
    '注意 Warning: keys/*.key.json 含未加密的私钥,仅供示例和测试;真实程序从不以明文保存私钥。',
    '密钥文件格式见 docs/bundle-format.md「Key files (CLI)」。',
    '',
  );
  return lines.join('\n');
}
