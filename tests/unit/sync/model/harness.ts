/**
 * A simulated organisation for the sync model tests: one database (fake-indexeddb) per device, real
 * keys, real crypto, real bundles. HR sets up units and people, enrolls every device from its
 * enrollment request, signs the roster, and every device pins HR's key after "reading" the
 * fingerprint off the paper notice.
 */
import { toHex } from '../../../../shared/bundle/bytes';
import { writeBundle } from '../../../../shared/bundle/container';
import { detectSuite, type CryptoSuite } from '../../../../shared/bundle/crypto';
import {
  applyImport,
  attestationBytes,
  bindEnrollment,
  createBundle,
  createEnrollmentRequest,
  draftNextRoster,
  factBytes,
  factOf,
  factOfRow,
  fingerprintHex,
  generateDeviceKeys,
  generateOrgKey,
  makeAttestation,
  parseEnrollmentRequest,
  pinHrKey,
  readBundle,
  signRoster,
  type DeviceKeys,
  type Fact,
  type ImportPlan,
  type KeyHalf,
  type Roster,
  type StoredFact,
} from '../../../../shared/sync';
import {
  getDeviceId,
  newMonthlyRecord,
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
} from '../../../../shared/store';
import { freshName, openTestDb } from '../../store/helpers';

export const ORG = 'ORG1';

let suitePromise: Promise<CryptoSuite> | undefined;
export function suite(): Promise<CryptoSuite> {
  suitePromise ??= detectSuite();
  return suitePromise;
}

export type Device = {
  label: string;
  personId: string;
  db: DutyBookDb;
  keys: DeviceKeys;
  signingPub: string;
  deviceId: string;
};

export async function makeDevice(label: string, personId: string): Promise<Device> {
  const s = await suite();
  const db = await openTestDb(freshName(label));
  const keys = await generateDeviceKeys(s);
  const signingPub = toHex(keys.signing.pub);
  await setSelfIdentity(db, { personId, signingPub, encryptionPub: toHex(keys.encryption.pub) });
  return { label, personId, db, keys, signingPub, deviceId: (await getDeviceId(db))! };
}

export type PersonSpec = {
  id: string;
  name: string;
  unitId: string;
  roles: ('official' | 'supervisor' | 'hr')[];
  supervisorId: string | null;
};

export type Org = {
  hr: Device;
  orgKey: KeyHalf;
  hrKey: string;
  devices: Record<string, Device>;
  roster: Roster;
};

/** Units '1' and '10' side by side on purpose (P11: a bare prefix would confuse them). */
export const UNITS = [
  { id: '1', name: '办公室' },
  { id: '10', name: '法规科' },
];

/** 1 HR, 2 supervisors, 5 officials; official O1 uses two PCs ('O1' and 'O1b'). */
export const PEOPLE: PersonSpec[] = [
  { id: 'H', name: '人事科', unitId: '1', roles: ['official', 'hr'], supervisorId: null },
  { id: 'S1', name: '王主任', unitId: '1', roles: ['official', 'supervisor'], supervisorId: null },
  { id: 'S2', name: '赵科长', unitId: '10', roles: ['official', 'supervisor'], supervisorId: null },
  { id: 'O1', name: '张三', unitId: '1', roles: ['official'], supervisorId: 'S1' },
  { id: 'O2', name: '李四', unitId: '1', roles: ['official'], supervisorId: 'S1' },
  { id: 'O3', name: '王五', unitId: '1', roles: ['official'], supervisorId: 'S1' },
  { id: 'O4', name: '赵六', unitId: '10', roles: ['official'], supervisorId: 'S2' },
  { id: 'O5', name: '钱七', unitId: '10', roles: ['official'], supervisorId: 'S2' },
];

export async function putPeople(db: DutyBookDb, people: PersonSpec[] = PEOPLE): Promise<void> {
  for (const u of UNITS) await putUnit(db, { ...u, parentId: null });
  // Supervisors first: a person's supervisor must already be in the roster.
  const ordered = [...people].sort(
    (a, b) => Number(a.supervisorId !== null) - Number(b.supervisorId !== null),
  );
  for (const p of ordered) {
    await putPerson(db, { ...p, positionCategory: 'comprehensive', rankLevel: 'staff1' });
  }
}

/** HR enrolls the devices (from their request files), signs and keeps the roster; all pin HR's key. */
export async function issueRoster(
  hr: Device,
  orgKey: KeyHalf,
  devices: readonly Device[],
  options: { hrUnitIds?: Record<string, string[]>; keepOthers?: boolean } = {},
): Promise<Roster> {
  const s = await suite();
  let draft = await draftNextRoster(hr.db, {
    orgId: ORG,
    hrKey: toHex(orgKey.pub),
    ...(options.hrUnitIds ? { hrUnitIds: options.hrUnitIds } : {}),
  });
  for (const d of devices) {
    const file = await createEnrollmentRequest(s, {
      keys: d.keys,
      personId: d.personId,
      personName: d.label,
      unitName: '测试单位',
      deviceId: d.deviceId,
    });
    const request = await parseEnrollmentRequest(s, file);
    const already = draft.people.some((p) => p.keys.some((k) => k.signingPub === request.signingPub));
    if (!already)
      draft = bindEnrollment(draft, request, {
        personId: d.personId,
        keepOthers: options.keepOthers ?? true,
      });
  }
  const signed = await signRoster(s, orgKey.seed, draft);
  await saveRoster(hr.db, signed);
  return draft;
}

export async function makeOrg(
  extra: { O1b?: boolean; hrUnitIds?: Record<string, string[]>; people?: PersonSpec[] } = {},
): Promise<Org> {
  const s = await suite();
  const people = extra.people ?? PEOPLE;
  const hr = await makeDevice('H', 'H');
  await putPeople(hr.db, people);
  const orgKey = await generateOrgKey(s);
  const hrKey = toHex(orgKey.pub);
  const devices: Record<string, Device> = { H: hr };
  for (const p of people) if (p.id !== 'H') devices[p.id] = await makeDevice(p.id, p.id);
  if (extra.O1b) devices.O1b = await makeDevice('O1b', 'O1');
  const roster = await issueRoster(hr, orgKey, Object.values(devices), extra);
  for (const d of Object.values(devices))
    await pinHrKey(d.db, { hrKey, confirmedFingerprint: fingerprintHex(hrKey) });
  return { hr, orgKey, hrKey, devices, roster };
}

export async function send(from: Device, to: Device, options: { full?: boolean; limit?: number } = {}) {
  const s = await suite();
  return createBundle(from.db, {
    suite: s,
    keys: from.keys,
    peer: { personId: to.personId, signingPub: to.signingPub },
    ...options,
  });
}

export async function preview(to: Device, bytes: Uint8Array): Promise<ImportPlan> {
  return readBundle(to.db, bytes, { suite: await suite(), keys: to.keys });
}

/** Opens, verifies and applies; throws when the bundle is rejected. */
export async function receive(to: Device, bytes: Uint8Array): Promise<ImportPlan> {
  const plan = await preview(to, bytes);
  if (plan.status === 'rejected') throw new Error(`rejected: ${JSON.stringify(plan.rejected)}`);
  await applyImport(to.db, plan);
  return plan;
}

/** Sends HR's roster (and anything else in scope) to each device. */
export async function distributeRoster(org: Org, ids: string[] = Object.keys(org.devices)): Promise<void> {
  for (const id of ids) {
    if (id === 'H') continue;
    await receive(org.devices[id]!, (await send(org.hr, org.devices[id]!)).bytes);
  }
}

const day = (n: number) => new Date(Date.UTC(2026, 0, 1, 8) + n * 86_400_000);

// ---- What officials write ----

export async function writePlan(d: Device, tasks: string[], when = 1): Promise<void> {
  await savePlanDraft(
    d.db,
    d.personId,
    2026,
    tasks.map((task, i) => ({
      id: `i${i}`,
      task,
      target: '按期完成',
      deadline: '2026-12-31',
      duty: '岗位职责',
    })),
    day(when),
  );
  await submitPlan(d.db, d.personId, 2026, day(when));
}

export async function writeRecord(d: Device, month: number, content: string, when = 40): Promise<void> {
  const base = newMonthlyRecord(d.personId, 2026, month, undefined, day(when));
  const current = await d.db.monthlyRecords
    .where('[personId+year+month]')
    .equals([d.personId, 2026, month])
    .first();
  await saveRecordDraft(
    d.db,
    {
      ...(current ?? base),
      workItems: [{ id: 'w1', content, progress: '进展顺利', status: 'inProgress', percent: 50 }],
      attendance: { ...base.attendance, present: base.attendance.due - 0.5, personalLeave: 0.5 },
    },
    day(when),
  );
  await submitRecord(d.db, d.personId, 2026, month, day(when));
}

export async function writeSummary(
  d: Device,
  quarter: 1 | 2 | 3 | 4,
  text: string,
  when = 90,
): Promise<void> {
  await saveSummaryDraft(d.db, d.personId, 2026, quarter, text, day(when));
  await submitSummary(d.db, d.personId, 2026, quarter, day(when));
}

/** Facts plus every materialised working table, in a canonical order, for state comparisons. */
export async function dump(db: DutyBookDb): Promise<Record<string, unknown[]>> {
  const tables = [
    'facts',
    'plans',
    'planVersions',
    'monthlyRecords',
    'recordVersions',
    'summaries',
    'summaryVersions',
    'evaluations',
    'feedback',
    'registers',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) {
    const rows = (await db.table(t).toArray()) as { id: string }[];
    out[t] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return out;
}

/** A bundle with exactly these entries, validly signed by `from` (for forged-content tests). */
export async function craft(
  from: Device,
  to: Device,
  entries: { type: string; bytes: Uint8Array }[],
  sequence = 99,
): Promise<Uint8Array> {
  return writeBundle({
    suite: await suite(),
    sender: { signingKey: from.keys.signing.seed, signingPub: from.keys.signing.pub, name: from.label },
    recipient: { encryptionPub: to.keys.encryption.pub, name: to.label },
    entries,
    acks: null,
    sequence,
  });
}

/** The stored attestations and facts of `db` as bundle entries (what a relay would carry). */
export async function entriesOf(
  db: DutyBookDb,
  filter: (f: StoredFact) => boolean = () => true,
): Promise<{ type: string; bytes: Uint8Array }[]> {
  const facts = (await db.facts.toArray()).map(factOfRow).filter(filter);
  const ids = new Set(facts.map((f) => f.id));
  const atts = (await db.attestations.toArray()).filter((a) => a.factIds.some((id) => ids.has(id)));
  return [
    ...atts.map(({ id: _id, ...a }) => ({ type: 'attestation', bytes: attestationBytes(a) })),
    ...facts.map((f) => ({ type: 'fact', bytes: factBytes(factOf(f)) })),
  ];
}

/** An attestation by `d` over facts it wrote, as an entry. */
export async function attest(d: Device, factIds: string[], author = d.personId) {
  const a = await makeAttestation(await suite(), d.keys.signing.seed, {
    author,
    authorKey: d.signingPub,
    factIds,
  });
  return { type: 'attestation', bytes: attestationBytes(a) };
}

export function factEntry(f: Fact) {
  return { type: 'fact', bytes: factBytes(f) };
}

/**
 * A person loses their PC: a new install with new keys enrolls, HR signs the next roster with the
 * old key retired (through a counter, if given), and the new install pins HR's key. The new roster
 * is on HR's device only; send it on as a real exchange would.
 */
export async function reinstall(
  org: Org,
  personId: string,
  personName: string,
  unitName: string,
  through?: Record<string, number>,
): Promise<Device> {
  const s = await suite();
  const fresh = await makeDevice(`${personId}n`, personId);
  const req = await parseEnrollmentRequest(
    s,
    await createEnrollmentRequest(s, { keys: fresh.keys, personId, personName, unitName, deviceId: fresh.deviceId }),
  );
  const draft = bindEnrollment(await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey }), req, {
    personId,
    ...(through ? { through } : {}),
  });
  await saveRoster(org.hr.db, await signRoster(s, org.orgKey.seed, draft));
  await pinHrKey(fresh.db, { hrKey: org.hrKey, confirmedFingerprint: fingerprintHex(org.hrKey) });
  return fresh;
}
