/**
 * The sync model: everything above the bundle container (shared/sync/container.ts). Read
 * shared/design/sync.md first; the properties P1–P16 named below are its table.
 *
 * CONCEPTS
 *   identity   Each install makes an Ed25519 signing key and an X25519 encryption key
 *              (`generateDeviceKeys`); private halves go to the host (`storeDeviceKeys`), public
 *              halves into the database (`setSelfIdentity`, store/sync-repo.ts). An enrollment
 *              request file (`createEnrollmentRequest`, signed by the new key) takes them to HR.
 *   trust      Every device pins HR's organisation key once a person confirmed its fingerprint
 *              (`pinHrKey(db, {hrKey, confirmedFingerprint})`); never automatically. HR moves to a
 *              new key with a rotation signed by the old one (`makeHrRotation`), carried in the roster.
 *   roster     HR's signed document (`draftNextRoster` → `bindEnrollment` → `signRoster` →
 *              `saveRoster`): units, people, supervision, roles, keys (retired keys stay listed), and
 *              the indicator config. Accepted only if newer and signed by the pinned key or a
 *              successor (P7, P12). Lookups: `whoHoldsKey`, `directReports`, `isSupervisorOf`.
 *   facts      Every submitted version is a fact (`Fact`, id = sha256 of its canonical bytes),
 *              written in the same transaction as the submission (store/fact-repo.ts) and stored as
 *              those bytes with the head its indexes need (`FactRow`; `factOfRow` reads one whole). The current
 *              version of a record is the shown DAG head (`currentFact`); concurrent heads are kept
 *              and listed (`conflictsFor`, `listConflicts`).
 *   authz      `authorProblem(roster, fact)` — who may write what; `mayRead(roster, reader, fact)` —
 *              who may see what (P11).
 *   exchange   `createBundle` / `readBundle` (with the container) or the steps: `planExport` →
 *              `exportEntries` → writeBundle → `recordExport`; openBundle → `planImport` (verify all,
 *              write nothing; a preview with every rejection reason, P5) → `applyImport` (one
 *              transaction, all or nothing, P3 P8). Acks carry holdings per original install (P9, P10).
 *   backup     `exportKeyBackup` / `restoreKeyBackup`: private keys under a passphrase
 *              (PBKDF2-SHA-256 600,000 + AES-256-GCM). A restored install keeps the keys but gets a
 *              new install id; a reinstall without a backup makes new keys and enrolls again (P13).
 *
 * USAGE (every line runs in tests/unit/sync/model/harness.ts; store functions from shared/store)
 *   // each install, at first run
 *   const keys = await generateDeviceKeys(suite); await storeDeviceKeys(host, keys);
 *   await setSelfIdentity(db, { personId, signingPub: toHex(keys.signing.pub), encryptionPub: toHex(keys.encryption.pub) });
 *   const file = await createEnrollmentRequest(suite, { keys, personId, personName, unitName, deviceId });
 *   // HR (its own device is enrolled the same way; orgKey = generateOrgKey, kept with storeOrgKey)
 *   const req = await parseEnrollmentRequest(suite, file);        // show describeEnrollment(req), compare
 *   const draft = bindEnrollment(await draftNextRoster(hrDb, { orgId, hrKey }), req, { personId: req.personId });
 *   await saveRoster(hrDb, await signRoster(suite, orgKey.seed, draft));
 *   const { bytes } = await createBundle(hrDb, { suite, keys: hrKeys, peer: { personId: req.personId } });
 *   // the official, after reading the fingerprint on HR's paper notice
 *   await pinHrKey(db, { hrKey, confirmedFingerprint: typed });
 *   const preview = await readBundle(db, bytes, { suite, keys });  // added / rejected / warnings
 *   if (preview.status === 'ready') await applyImport(db, preview);
 */
export * from './types';
export * from './errors';
export * from './signing';
export * from './facts';
export * from './attestations';
export * from './holdings';
export * from './identity';
export * from './trust';
export * from './backup';
export * from './roster';
export * from './roster-issue';
export * from './authz';
export * from './materialise';
export * from './export';
export * from './import';
export * from './apply';
export * from './bundle';
