/**
 * The ledger: what a signed record is, apart from any database or file. Read shared/design/sync.md first;
 * the properties P1–P16 named below are its table. Moving facts between devices is shared/sync (which
 * re-exports all of this); materialising them into readable tables is shared/store/materialise.ts.
 *
 * CONCEPTS
 *   identity   Each install makes an Ed25519 signing key and an X25519 encryption key
 *              (`generateDeviceKeys`); private halves go to the host (`storeDeviceKeys`), public
 *              halves into the database (`setSelfIdentity`, store/sync-repo.ts). An enrollment
 *              request file (`createEnrollmentRequest`, signed by the new key) takes them to HR.
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
 *   key backup `exportKeyBackup` / `restoreKeyBackup`: private keys under a passphrase
 *              (PBKDF2-SHA-256 600,000 + AES-256-GCM). A restored install keeps the keys but gets a
 *              new install id; a reinstall without a backup makes new keys and enrolls again (P13).
 *
 * A new kind of signed record: its body schema in shared/domain, its fact type and who may write and read
 * it here (facts.ts, authz.ts), its table and materialiser in shared/store (db.ts; materialise.ts routes each fact type).
 */
export * from './types';
export * from './errors';
export * from './signing';
export * from './facts';
export * from './attestations';
export * from './holdings';
export * from './identity';
export * from './key-backup';
export * from './roster';
export * from './authz';
