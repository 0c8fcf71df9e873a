/**
 * The Chromium half of `npm run bench` (scripts/bench.mjs builds this page with Vite, serves it and
 * drives it with Playwright): a supervisor relays N record versions of many officials to HR through
 * the real model path — real keys, roster, author attestations, Dexie on the browser's IndexedDB —
 * and every stage is timed, next to the bare IndexedDB work the same data needs (the limit).
 * Exposes `window.dutybookBench`. No assertions: numbers only.
 */
import { inflateSync } from 'fflate';
import { toHex } from '../../shared/bundle/bytes';
import { bundleWriter } from '../../shared/bundle/container';
import { ContentInflater } from '../../shared/bundle/content';
import { detectSuite, type CryptoSuite } from '../../shared/bundle/crypto';
import { DEFAULT_LIMITS } from '../../shared/bundle/format';
import { deriveBundleKeys, parseFrame, parseHeader } from '../../shared/bundle/header';
import { entryHash, verifyManifest } from '../../shared/bundle/manifest';
import {
  applyImport,
  attestationBytes,
  bindEnrollment,
  createBundle,
  createEnrollmentRequest,
  draftNextRoster,
  encodeBody,
  exportEntries,
  EXPORT_COMPRESSION_LEVEL,
  factEntry,
  factRow,
  fingerprintHex,
  generateDeviceKeys,
  generateOrgKey,
  loadImportContext,
  makeAttestation,
  parseAttestation,
  parseEnrollmentRequest,
  parseFact,
  pinHrKey,
  planExport,
  planImport,
  recordKeys,
  signRoster,
  storedFact,
  type DeviceKeys,
  type SignedRoster,
  type StoredAttestation,
  type StoredFact,
} from '../../shared/sync';
import { openBundle } from '../../shared/bundle/container';
import { openStream } from '../../shared/bundle/stream';
import {
  newMonthlyRecord,
  openDatabase,
  putPerson,
  putUnit,
  saveRoster,
  setSelfIdentity,
  getSelfIdentity,
  getCurrentRoster,
  type DutyBookDb,
} from '../../shared/store';
import { newId } from '../../shared/domain/ids';
import { heapSampler, hr, seedApp } from './hr-bench';
import { batch } from './batch-bench';
import { intake } from './intake-bench';
import { benchName } from './names';
import { startProfile } from './start-bench';
import { atRest } from './at-rest-bench';

export type BenchOptions = { officials: number; months: number; versionsPerMonth: number; runs: number };
export type ImportRun = Record<string, number>;
export type BenchResult = {
  userAgent: string;
  suite: string;
  records: number;
  entries: number;
  bundleBytes: number;
  setupMs: number;
  runs: ImportRun[];
};

const dbNames: string[] = [];
async function freshDb(label: string): Promise<DutyBookDb> {
  const name = `bench-${label}-${newId()}`;
  dbNames.push(name);
  return openDatabase(name);
}
async function dropAll(): Promise<void> {
  for (const name of dbNames.splice(0)) {
    await new Promise<void>((done) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = () => done();
    });
  }
}

type Person = { id: string; name: string; keys: DeviceKeys; deviceId: string };

type World = {
  suite: CryptoSuite;
  hr: Person;
  sup: Person;
  supDb: DutyBookDb;
  orgKeyPub: string;
  roster: SignedRoster;
  records: number;
};

/** HR, one supervisor and `officials` officials; the supervisor's device holds every official's versions. */
async function setup(o: BenchOptions): Promise<World> {
  const suite = await detectSuite();
  const mk = async (id: string, name: string): Promise<Person> => ({
    id,
    name,
    keys: await generateDeviceKeys(suite),
    deviceId: newId(),
  });
  const hr = await mk('H', '人事科');
  const sup = await mk('S', '王主任');
  const officials: Person[] = [];
  for (let i = 0; i < o.officials; i++) officials.push(await mk(`O${i}`, `${benchName(i)}${i}`));

  const hrDb = await freshDb('hr-issuer');
  await putUnit(hrDb, { id: 'u1', name: '办公室', parentId: null });
  const base = { unitId: 'u1', positionCategory: 'comprehensive', rankLevel: 'staff1' } as const;
  await putPerson(hrDb, { ...base, id: 'H', name: hr.name, roles: ['official', 'hr'], supervisorId: null });
  await putPerson(hrDb, {
    ...base,
    id: 'S',
    name: sup.name,
    roles: ['official', 'supervisor'],
    supervisorId: null,
  });
  for (const p of officials)
    await putPerson(hrDb, { ...base, id: p.id, name: p.name, roles: ['official'], supervisorId: 'S' });
  const orgKey = await generateOrgKey(suite);
  const orgKeyPub = toHex(orgKey.pub);
  let draft = await draftNextRoster(hrDb, { orgId: 'BENCH', hrKey: orgKeyPub });
  for (const p of [hr, sup, ...officials]) {
    const req = await parseEnrollmentRequest(
      suite,
      await createEnrollmentRequest(suite, {
        keys: p.keys,
        personId: p.id,
        personName: p.name,
        unitName: '办公室',
        deviceId: p.deviceId,
      }),
    );
    draft = bindEnrollment(draft, req, { personId: p.id });
  }
  const roster = await signRoster(suite, orgKey.seed, draft);

  // The supervisor's device: identity, pinned HR key, roster, and every official's facts with the
  // attestation each official made (as if received from them).
  const supDb = await freshDb('supervisor');
  await setSelfIdentity(supDb, {
    personId: sup.id,
    signingPub: toHex(sup.keys.signing.pub),
    encryptionPub: toHex(sup.keys.encryption.pub),
  });
  await pinHrKey(supDb, { hrKey: orgKeyPub, confirmedFingerprint: fingerprintHex(orgKeyPub) });
  await saveRoster(supDb, roster);
  const facts: StoredFact[] = [];
  const atts: StoredAttestation[] = [];
  const words = [
    '起草文件',
    '督办落实',
    '调研走访',
    '会议组织',
    '档案整理',
    '政策宣讲',
    '信息报送',
    '值班值守',
  ];
  for (const [pi, p] of officials.entries()) {
    const mine: StoredFact[] = [];
    let counter = 0;
    for (let month = 1; month <= o.months; month++) {
      const blank = newMonthlyRecord(p.id, 2026, month, undefined, new Date(Date.UTC(2026, month - 1, 20)));
      let parent: string | undefined;
      for (let v = 1; v <= o.versionsPerMonth; v++) {
        const at = new Date(Date.UTC(2026, month - 1, 20, v)).toISOString();
        const body = {
          id: newId(),
          recordId: blank.id,
          personId: p.id,
          year: 2026,
          month,
          version: v,
          workItems: [0, 1, 2].map((k) => ({
            id: `w${k}`,
            content: `${words[(pi + month + k) % words.length]}:第${v}稿,${p.name}本月承担的${words[(k + v) % words.length]}工作`,
            progress: `已完成${25 * v}%,按计划推进`,
            status: 'inProgress' as const,
            percent: Math.min(100, 25 * v),
          })),
          attendance: blank.attendance,
          errors: [],
          submittedAt: at,
        };
        const fact = storedFact({
          v: 1,
          type: 'record.version',
          subject: p.id,
          author: p.id,
          authorKey: toHex(p.keys.signing.pub),
          device: p.deviceId,
          counter: ++counter,
          recordKey: recordKeys.record(p.id, 2026, month),
          parents: parent ? [parent] : [],
          createdAt: at,
          body: encodeBody(body),
        });
        parent = fact.id;
        mine.push(fact);
      }
    }
    const a = await makeAttestation(suite, p.keys.signing.seed, {
      author: p.id,
      authorKey: toHex(p.keys.signing.pub),
      factIds: mine.map((f) => f.id),
    });
    const parsed = parseAttestation(attestationBytes(a));
    if ('problem' in parsed) throw new Error('bench attestation does not parse');
    atts.push({ ...a, id: parsed.id });
    facts.push(...mine);
  }
  await supDb.transaction('rw', supDb.facts, supDb.attestations, async () => {
    await supDb.facts.bulkPut(facts.map((f) => factRow(f)));
    await supDb.attestations.bulkPut(atts);
  });
  hrDb.close();
  return { suite, hr, sup, supDb, orgKeyPub, roster, records: facts.length };
}

async function hrDevice(w: World): Promise<DutyBookDb> {
  const db = await freshDb('hr');
  await setSelfIdentity(db, {
    personId: w.hr.id,
    signingPub: toHex(w.hr.keys.signing.pub),
    encryptionPub: toHex(w.hr.keys.encryption.pub),
  });
  await pinHrKey(db, { hrKey: w.orgKeyPub, confirmedFingerprint: fingerprintHex(w.orgKeyPub) });
  await saveRoster(db, w.roster);
  return db;
}

const now = () => performance.now();

/**
 * One export measurement: the real createBundle and the bare read of the same rows, in alternating
 * order (`i`), so that neither always inherits the other's garbage or IndexedDB work; then the
 * stages that can be timed apart.
 */
async function exportRun(w: World, i: number): Promise<{ run: ImportRun; bytes: Uint8Array; entries: number }> {
  const run: ImportRun = {};
  const { suite } = w;
  const peer = { personId: w.hr.id };
  const exportOnce = async () => {
    const t = now();
    const { bytes } = await createBundle(w.supDb, { suite, keys: w.sup.keys, peer, full: true });
    run['export'] = now() - t;
    return bytes;
  };
  const bareRead = async () => {
    const t = now();
    const facts = await w.supDb.facts.toArray();
    const atts = await w.supDb.attestations.toArray();
    run['bare read'] = now() - t;
    if (facts.length < w.records || atts.length === 0) throw new Error('bare read saw too few rows');
  };
  let bytes: Uint8Array;
  if (i % 2 === 0) {
    bytes = await exportOnce();
    await bareRead();
  } else {
    await bareRead();
    bytes = await exportOnce();
  }
  const me = (await getSelfIdentity(w.supDb))!;
  const roster = (await getCurrentRoster(w.supDb))!;
  // As in createBundle: the scan hands each part's facts to the bundle writer, which compresses them
  // (in its worker) while IndexedDB reads the rest.
  let t = now();
  const writer = bundleWriter({ compressionLevel: EXPORT_COMPRESSION_LEVEL });
  await planExport(w.supDb, { me, peer, roster, full: true }, (facts) => writer.add(facts.map(factEntry)));
  run['export: plan (read + scope, each part compressed as it arrives)'] = now() - t;
  writer.abort();
  t = now();
  const plan = await planExport(w.supDb, { me, peer, roster, full: true });
  run['export: plan without compressing (read + scope alone)'] = now() - t;
  t = now();
  const entries = await exportEntries(suite, plan, me, w.sup.keys.signing.seed);
  run['export: entries (roster, attestation, the stored bytes)'] = now() - t;
  run['export: after the plan (the worker finishes, manifest, sign, encrypt, log)'] =
    run['export']! - run['export: plan (read + scope, each part compressed as it arrives)'];
  return { run, bytes, entries: entries.length };
}

/** One import measurement of `bytes`: its stages, the real pipeline, and the bare bulkPut. */
async function importRun(w: World, bytes: Uint8Array): Promise<ImportRun> {
  const run: ImportRun = {};
  const { suite } = w;
  let t: number;

  // Import stages, one by one, on the same file.
  const frame = parseFrame(bytes);
  const header = parseHeader(bytes, frame);
  t = now();
  const shared = await suite.x25519SharedSecret(w.hr.keys.encryption.seed, header.ephemeralPub);
  const keys = await deriveBundleKeys(suite, shared, header.ephemeralPub, w.hr.keys.encryption.pub);
  const aead = await suite.aesGcmKey(keys.payloadKey);
  const payload: Uint8Array[] = [];
  for await (const chunk of openStream(aead, bytes.subarray(header.payloadOffset), header.payloadLength!))
    payload.push(chunk);
  run['import: decrypt'] = now() - t;
  const joined = new Uint8Array(payload.reduce((n, c) => n + c.length, 0));
  payload.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
  t = now();
  inflateSync(joined);
  run['import: inflate'] = now() - t;
  t = now();
  const inflater = new ContentInflater({ ...DEFAULT_LIMITS });
  payload.forEach((c, i) => inflater.push(c, i === payload.length - 1));
  const content = inflater.finish();
  run['import: inflate + split content'] = now() - t;
  t = now();
  for (const e of content.entries) parseFact(e);
  run['import: parse entries'] = now() - t;
  t = now();
  await verifyManifest(suite, content.manifest, content.manifestBytes, content.signature);
  await Promise.all(content.entries.map((e) => entryHash(suite, e)));
  run['import: verify manifest + entry hashes'] = now() - t;

  // The real pipeline on a fresh HR device: openBundle → planImport → applyImport.
  const db = await hrDevice(w);
  const stopHeap = heapSampler();
  t = now();
  const opened = await openBundle(bytes, {
    suite,
    recipientEncryptionKey: w.hr.keys.encryption.seed,
    recipientEncryptionPub: w.hr.keys.encryption.pub,
  });
  run['import: openBundle'] = now() - t;
  t = now();
  const importPlan = await planImport(db, opened, await loadImportContext(db, suite));
  run['import: plan (parse, attestations, authz, scope)'] = now() - t;
  if (importPlan.status !== 'ready')
    throw new Error(`bench bundle rejected: ${JSON.stringify(importPlan.rejected.slice(0, 3))}`);
  t = now();
  await applyImport(db, importPlan);
  run['import: write (applyImport)'] = now() - t;
  run['memory: peak JS heap during the import (MB)'] = stopHeap();
  run['import'] =
    run['import: openBundle'] +
    run['import: plan (parse, attestations, authz, scope)'] +
    run['import: write (applyImport)'];

  // The limit: one bare Dexie bulkPut of exactly the rows the import wrote, on a fresh database.
  const rows = {
    facts: await db.facts.toArray(),
    attestations: await db.attestations.toArray(),
    recordVersions: await db.recordVersions.toArray(),
    monthlyRecords: await db.monthlyRecords.toArray(),
  };
  if (rows.facts.length !== w.records)
    throw new Error(`import wrote ${rows.facts.length} facts, expected ${w.records}`);
  const bare = await freshDb('bare');
  t = now();
  await bare.transaction(
    'rw',
    bare.facts,
    bare.attestations,
    bare.recordVersions,
    bare.monthlyRecords,
    async () => {
      await bare.facts.bulkPut(rows.facts);
      await bare.attestations.bulkPut(rows.attestations);
      await bare.recordVersions.bulkPut(rows.recordVersions);
      await bare.monthlyRecords.bulkPut(rows.monthlyRecords);
    },
  );
  run['bare bulkPut'] = now() - t;
  t = now();
  await bare.transaction('rw', bare.facts, async () => {
    await bare.facts.clear();
    await bare.facts.bulkPut(rows.facts);
  });
  run['bare bulkPut (facts only)'] = now() - t;
  db.close();
  bare.close();
  return run;
}

async function run(o: BenchOptions): Promise<BenchResult> {
  const t0 = now();
  const w = await setup(o);
  const setupMs = now() - t0;
  const runs: ImportRun[] = [];
  let bundleBytes = 0;
  let entries = 0;
  try {
    // The exports first, then the imports (into databases of their own): the import's writes leave
    // IndexedDB compacting for a while, which would land on whatever is measured next. Each phase
    // has one warm-up run (JIT, IndexedDB files), then the measured runs.
    const status = (text: string) => (document.getElementById('status')!.textContent = text);
    let bytes = (await exportRun(w, 0)).bytes;
    for (let i = 0; i < o.runs; i++) {
      const r = await exportRun(w, i);
      runs.push(r.run);
      bytes = r.bytes;
      bundleBytes = r.bytes.length;
      entries = r.entries;
      status(`export ${i + 1}/${o.runs}`);
    }
    await importRun(w, bytes);
    for (let i = 0; i < o.runs; i++) {
      Object.assign(runs[i]!, await importRun(w, bytes));
      status(`import ${i + 1}/${o.runs}`);
    }
  } finally {
    w.supDb.close();
    await dropAll();
  }
  return {
    userAgent: navigator.userAgent,
    suite: w.suite.name,
    records: w.records,
    entries,
    bundleBytes,
    setupMs,
    runs,
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting Window needs an interface
  interface Window {
    dutybookBench: {
      run(o: BenchOptions): Promise<BenchResult>;
      hr: typeof hr;
      seedApp: typeof seedApp;
      intake: typeof intake;
      batch: typeof batch;
      startProfile: typeof startProfile;
      atRest: typeof atRest;
    };
  }
}
window.dutybookBench = { run, hr, seedApp, intake, batch, startProfile, atRest };
document.getElementById('status')!.textContent = 'ready';
