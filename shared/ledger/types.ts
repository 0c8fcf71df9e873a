/**
 * The shapes of the sync model: what travels in bundles (facts, attestations, the roster, acks) and
 * the rows the store keeps for them. Types only, so the store can name them without importing logic.
 *
 * Encodings: keys, signatures and hashes are lowercase hex; times are ISO 8601 strings and are
 * informational only — nothing is ordered by a wall clock. Everything signed or hashed is the
 * canonical JSON of `shared/bundle/canonical-json.ts` (integers only); free-form payloads that may hold
 * fractions (a fact's body, the roster's config) travel as strings holding their own canonical JSON
 * (the rules of `canonicalJson` in shared/domain/plan.ts).
 */
import type { PersonPeriod } from '../domain/periods';

/** One immutable record version (or decision, receipt…) written by one person on one install. */
export type Fact = {
  v: 1;
  /** 'plan.version', 'record.version', 'summary.version', later 'plan.approval'…; unknown types are kept. */
  type: string;
  /** The person the record is about. */
  subject: string;
  /** The person who wrote it. */
  author: string;
  /** The author's Ed25519 public key (hex), as listed in the roster. */
  authorKey: string;
  /** The install (database) it was written on: counters are per install. */
  device: string;
  /** Strictly increasing per install, from 1. */
  counter: number;
  /** The record it is a version of: '<kind>/<subject>/<period>', e.g. 'plan/<personId>/2026'. */
  recordKey: string;
  /** Fact ids it supersedes or judges, sorted, unique. */
  parents: string[];
  /** Informational only; never used for ordering. */
  createdAt: string;
  /** The version snapshot: canonical JSON text. */
  body: string;
};

/** A fact with its id (sha256 hex of its canonical bytes). */
export type StoredFact = Fact & { id: string };

/** The fields of a fact that the store's indexes and the export's checks read without the rest. */
export type FactHead = Pick<
  Fact,
  'type' | 'subject' | 'author' | 'authorKey' | 'device' | 'counter' | 'recordKey'
>;

/**
 * A fact as the facts table keeps it: its head, its id, and its canonical bytes — the very bytes
 * its id hashes and its author attested, which an export sends as they are (re-encoding 10,000
 * facts was a quarter of an export's work). The body, parents and time are read from `bytes`
 * (`factOfRow`) where a fact is needed whole.
 */
export type FactRow = FactHead & { id: string; bytes: Uint8Array };

/** An author's signature over the sorted ids of facts they wrote, made once per export. */
export type Attestation = {
  v: 1;
  author: string;
  authorKey: string;
  factIds: string[];
  /** Ed25519 over 'dutybook-attestation-v1\0' ‖ canonicalJson({v, author, authorKey, factIds}). */
  signature: string;
};
export type StoredAttestation = Attestation & { id: string };

/** Inclusive ranges of counters, sorted and disjoint: [[1, 7], [9, 9]]. */
export type Ranges = [number, number][];
/** What an install holds, per original author install (never per neighbour). */
export type Holdings = Record<string, Ranges>;

/** What a bundle tells its recipient about the sender's own holdings (the manifest's `acks`). */
export type Acks = {
  v: 1;
  /** The sender's install id: holdings of a reinstalled or restored install start again. */
  install: string;
  /** The roster version the sender holds (0: none). */
  rosterVersion: number;
  held: Holdings;
  /**
   * The recipient's install whose acks this export subtracted (absent: nothing subtracted). A
   * recipient whose install differs (restored from a key backup onto a new database) knows the
   * bundle may be missing things and asks for a full export.
   */
  basedOn?: string;
};

// ---- Roster ----

export type RosterKey = {
  signingPub: string;
  encryptionPub: string;
  /** The install that enrolled the key (informational: a restored backup keeps keys on a new install). */
  deviceId: string;
  since: string;
  /**
   * Set when the key was replaced (reinstall, loss). Facts it signed stay valid — all of them, or,
   * with `through`, only those up to the given counter per install — but it no longer sends bundles.
   */
  retired?: { at: string; through?: Record<string, number> };
};

export type RosterUnit = {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  code: string;
  sortOrder: number;
};

/**
 * A person's own details as the roster carries them (roster v2): what the 年度考核登记表 and HR's
 * lists print. The 身份证号 is not among them: it stays on HR's computer.
 */
export type RosterProfile = {
  gender?: 'male' | 'female';
  /** 'YYYY-MM' */
  birthMonth?: string;
  ethnicity?: string;
  politicalStatus?: string;
  education?: string;
  /** 人员编号 */
  staffNo?: string;
  /** 任现职务职级时间 'YYYY-MM-DD' */
  rankSince?: string;
  /** 从事或分管工作 */
  duties?: string;
  /** 入职(调入)日期 */
  joinedOn?: string;
  /** 试用期满日期 */
  probationEnd?: string;
  /** Names the person signed under before (a change of name): their earlier records keep them. */
  formerNames?: string[];
};

/** One dated period of a person in the unit (domain/periods.ts). */
export type RosterPeriod = PersonPeriod;

export type RosterPerson = {
  id: string;
  name: string;
  /** The unit, supervisor, roles and HR scope in force when the roster was issued (screens read these). */
  unitId: string;
  positionCategory: string;
  rankLevel: string;
  title?: string;
  roles: string[];
  supervisorId: string | null;
  /**
   * Roster v1 only: supervisors before a reassignment, with no dates (their decisions about this
   * person stayed valid for any period). Roster v2 replaces them by `periods`.
   */
  formerSupervisorIds?: string[];
  /** HR only: the units (with everything below) this HR person files for; empty = the whole org. */
  hrUnitIds: string[];
  active: boolean;
  keys: RosterKey[];
  /**
   * Roster v2: the dated periods — membership, unit, supervisor, roles, HR scope — that every
   * signed record is checked against for the time it is about (authz.ts). A v1 roster's people are
   * read as undated periods (roster.ts `periodsOf`).
   */
  periods?: RosterPeriod[];
  /** Roster v2: the person's own details. */
  profile?: RosterProfile;
};

/** HR's move to a new organisation key, signed by the old key (and by the new one: possession). */
export type HrRotation = {
  format: 'dutybook-hr-rotation';
  v: 1;
  orgId: string;
  oldKey: string;
  newKey: string;
  issuedAt: string;
  oldSignature: string;
  newSignature: string;
};

export type Roster = {
  format: 'dutybook-roster';
  /** 2 since people carry dated periods; 1 rosters (from earlier versions) still open. */
  v: 1 | 2;
  orgId: string;
  /** Only increases. */
  version: number;
  issuedAt: string;
  /** The HR organisation key that signs this roster (hex). */
  hrKey: string;
  /** Every rotation from the first HR key to `hrKey`, oldest first. */
  keyHistory: HrRotation[];
  units: RosterUnit[];
  people: RosterPerson[];
  /** The indicator system and rules: canonical JSON text, opaque to sync. */
  config: string;
};

export type SignedRoster = {
  roster: Roster;
  /** Ed25519 by `roster.hrKey` over 'dutybook-roster-v1\0' ‖ canonicalJson(roster). */
  signature: string;
};

// ---- Store rows ----

export type PeerHoldingsRow = {
  /** The peer's signing key (hex). */
  peer: string;
  install: string;
  rosterVersion: number;
  held: Holdings;
  updatedAt: string;
};

export type BundleLogRow = {
  id: string;
  /** The other side's signing key (hex). */
  peer: string;
  peerName: string;
  direction: 'in' | 'out';
  sequence: number;
  facts: number;
  attestations: number;
  rosterVersion: number | null;
  at: string;
};

/** This install's own public identity. */
export type SelfIdentityRow = {
  id: 'self';
  personId: string;
  signingPub: string;
  encryptionPub: string;
  /** The install id (meta deviceId): the `device` of every fact written here. */
  device: string;
  createdAt: string;
};

/** The pinned HR organisation key; `previous` lists keys it replaced by rotation. */
export type PinnedHrRow = {
  id: 'hr';
  key: string;
  fingerprint: string;
  pinnedAt: string;
  previous: string[];
};

export type TrustRow = SelfIdentityRow | PinnedHrRow;

export type RosterRow = { version: number; signed: SignedRoster; receivedAt: string };
