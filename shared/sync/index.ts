/**
 * Sync: moving the ledger's facts between devices as bundle files, on top of the bundle format
 * (shared/bundle/container.ts) and the database (shared/store). Read shared/design/sync.md first; the
 * properties P1–P16 named below are its table. This module re-exports the ledger (shared/ledger), so the
 * window and the command line import one name.
 *
 * CONCEPTS
 *   trust      Every device pins HR's organisation key once a person confirmed its fingerprint
 *              (`pinHrKey(db, {hrKey, confirmedFingerprint})`); never automatically. HR moves to a
 *              new key with a rotation signed by the old one (`makeHrRotation`), carried in the roster.
 *   roster     HR drafts the next roster from the database (`draftNextRoster`, roster-issue.ts); what a
 *              roster is and how it is verified is the ledger's (roster.ts).
 *   exchange   `createBundle` / `readBundle` (with the container) or the steps: `planExport` →
 *              `exportEntries` → writeBundle → `recordExport`; openBundle → `planImport` (verify all,
 *              write nothing; a preview with every rejection reason, P5) → `applyImport` (one
 *              transaction, all or nothing, P3 P8). Acks carry holdings per original install (P9, P10).
 *   intake     HR's batch of many files (`importBatch`, intake.ts), one file after another.
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
export * from '../ledger';
export * from './trust';
export * from './roster-issue';
export * from './export';
export * from './import';
export * from './apply';
export * from './bundle';
