/**
 * The local database (IndexedDB through Dexie). The schema is a history of dated steps applied in
 * order, so a device that last ran an old version upgrades step by step when it opens the database.
 *
 * To change the schema, append a step — never edit or renumber one that has shipped:
 *
 *   // YYYY-MM-DD v3: people are listed by name; older rows get a sortable name key.
 *   {
 *     version: 3,
 *     date: 'YYYY-MM-DD',
 *     note: 'people by name',
 *     stores: { people: 'id, unitId, supervisorId, *roles, name' },
 *     upgrade: (tx) => tx.table('people').toCollection().modify((p) => { p.name ??= ''; }),
 *   },
 *
 * Dexie keeps tables not named in a step as they were; `null` deletes a table.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type {
  AnnualCommentRow,
  AnnualDecisionRow,
  AnnualSummaryRow,
  AnnualPlan,
  EvaluationDraft,
  FeedbackRow,
  FilingReceipt,
  FilingRefusal,
  SpotCheck,
  Register,
  SignedEvaluation,
  JournalEntry,
  LocalProfile,
  MonthlyRecord,
  MonthlyRecordVersion,
  OrgUnit,
  Person,
  PlanVersion,
  QuarterSummary,
  QuarterSummaryVersion,
} from '../domain';
import { newId } from '../domain/ids';
import { factRow } from '../ledger/facts';
import type {
  BundleLogRow,
  PeerHoldingsRow,
  RosterRow,
  StoredAttestation,
  FactRow,
  StoredFact,
  TrustRow,
} from '../ledger/types';
import { StorageError } from '../errors/errors';
import type { AuditEntry } from './audit-chain';
import { rebuildDigests, rebuildStatus, type PersonYearStatus, type StatusDigestRow } from './status-fold';
import { wrapStorageErrors } from './storage-errors';

export const DEFAULT_DB_NAME = 'dutybook';

export type SettingRow = { key: string; value: unknown; updatedAt: string };
export type MetaRow = { key: string; value: unknown };

export type SchemaStep = {
  version: number;
  /** When the step was written (YYYY-MM-DD). */
  date: string;
  /** Why the schema changed. */
  note: string;
  /** Dexie store specs for the tables this step adds or changes; `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites existing rows; runs once, inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
};

export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  // 2026-11-23 v1: the device's profile, settings, the organisation (units by parent and by path
  // prefix; people by unit, by supervisor and by role) and meta (device id, creation time).
  {
    version: 1,
    date: '2026-11-23',
    note: 'profile, settings, orgUnits, people, meta',
    stores: {
      profile: 'id',
      settings: 'key',
      orgUnits: 'id, parentId, path',
      people: 'id, unitId, supervisorId, *roles',
      meta: 'key',
    },
  },
  // 2026-11-23 v2: what an official writes. The working rows (plans, monthlyRecords, summaries: one
  // per person and period, hence the unique compound keys) and the immutable versions each
  // submission freezes; journal entries by person and day. Every read goes through personId first.
  {
    version: 2,
    date: '2026-11-23',
    note: 'plans, monthly records, journal, quarterly summaries and their submitted versions',
    stores: {
      plans: 'id, &[personId+year]',
      planVersions: 'id, planId, [personId+year]',
      monthlyRecords: 'id, &[personId+year+month], [personId+year]',
      recordVersions: 'id, recordId, [personId+year+month]',
      journalEntries: 'id, [personId+date]',
      summaries: 'id, &[personId+year+quarter]',
      summaryVersions: 'id, summaryId',
    },
  },
  // 2026-11-23 v3: sync by hand-carried bundles (shared/ledger, shared/sync). Facts are the signed-by-author
  // record versions that travel (by record, by subject, by author, by type, and by origin install and
  // counter for the holdings acks describe); attestations are authors' signed lists of fact ids,
  // findable per fact; peerHoldings keeps what each peer last acked it holds (by peer signing key);
  // bundles logs every bundle in and out (replay detection, sequence numbers); trust holds public
  // keys only (this device's identity, the pinned HR key) — private keys go to host.storeSecret;
  // rosters keeps every HR-signed roster version received or issued.
  {
    version: 3,
    date: '2026-11-23',
    note: 'facts, attestations, peer holdings, bundle log, trust, rosters',
    stores: {
      facts: 'id, recordKey, subject, author, type, [device+counter]',
      attestations: 'id, author, *factIds',
      peerHoldings: 'peer',
      bundles: 'id, [peer+direction]',
      trust: 'id',
      rosters: 'version',
    },
  },
  // 2026-11-24 v4: what the supervisor signs (issue 5). evaluations keeps every signed version of a
  // 领导评鉴 (by subject and quarter, by evaluator and quarter); evaluationDrafts holds the
  // supervisor's unsigned forms on this device only; feedback holds each 评鉴结果反馈 with the
  // official's 签署意见; registers keeps every signed version of a 平时考核备案登记表.
  {
    version: 4,
    date: '2026-11-24',
    note: 'evaluations, evaluation drafts, feedback, registers',
    stores: {
      evaluations: 'id, [subject+year+quarter], [evaluator+year+quarter]',
      evaluationDrafts: 'id, [evaluator+year+quarter]',
      feedback: 'id, [personId+year+quarter]',
      registers: 'id, [supervisorId+year+quarter]',
    },
  },
  // 2026-11-24 v5: HR's side (issue 6). filings keeps every 备案回执 (by the filed person and year,
  // by what was filed); spotChecks holds HR's 抽查 notes (this device only), by person and year;
  // personYears is one summary row per person and year (status.ts), kept up to date on every import
  // and signed decision, so organisation-wide screens read one row per person instead of scanning
  // the record tables; the upgrade computes it from what the database already holds.
  {
    version: 5,
    date: '2026-11-24',
    note: 'filing receipts, spot checks',
    stores: {
      filings: 'id, [personId+year], [what+year]',
      spotChecks: 'id, [personId+year], year',
      personYears: 'id, year',
    },
    upgrade: (tx) => rebuildStatus(tx),
  },
  // 2026-11-24 v6 (issue 7): two indexes nothing in the app queries, dropped — facts.type (only
  // tests looked facts up by type) and attestations.*factIds (a multi-entry key per fact of every
  // import: 10,000 index entries written for a 10,000-version bundle, never read).
  {
    version: 6,
    date: '2026-11-24',
    note: 'unused indexes dropped: facts.type, attestations.*factIds',
    stores: {
      facts: 'id, recordKey, subject, author, [device+counter]',
      attestations: 'id, author',
    },
  },
  // 2026-11-24 v7 (issue 7): status rows also say, per supervisor and quarter, when a register first
  // listed each person (the completeness grid no longer reads the registers); rebuilt on upgrade.
  {
    version: 7,
    date: '2026-11-24',
    note: 'status rows: who each register listed, and when',
    stores: {},
    upgrade: (tx) => rebuildStatus(tx),
  },
  // 2026-11-24 v8 (issue 8): the audit trail (audit.ts) — one hash-chained entry per state change on
  // this device (submit, approve, return, evaluate, sign, file, import, export, configuration), by
  // seq (1, 2, 3 …); appended in the transaction of the change it describes. Starts empty.
  {
    version: 8,
    date: '2026-11-24',
    note: 'audit trail',
    stores: { audit: 'seq' },
  },
  // 2026-11-24 v9 (issue 7): a fact is kept as its head (what the indexes and the export's checks
  // read) and its canonical bytes — the bytes its id hashes and its author attested. An export sends
  // them as they are instead of encoding every fact again (the encoding was a quarter of an export's
  // work); where a fact is needed whole, its bytes are parsed (`factOfRow`). The upgrade encodes each
  // stored fact as its id was made (`factBytes`) and drops the fields the bytes now hold.
  {
    version: 9,
    date: '2026-11-24',
    note: 'facts kept as their canonical bytes',
    stores: {},
    upgrade: (tx) =>
      tx
        .table('facts')
        .toCollection()
        .modify((row: StoredFact, ref: { value: unknown }) => {
          ref.value = factRow(row);
        }),
  },
  // 2026-12-07 v10 (issue 21): the 年度考核's signed records, one row per person and year each.
  // annualSummaries: the official's 年度个人总结 (on their own device the draft, elsewhere the version in
  // force); annualComments: the 主管领导's 评语和考核等次建议 in force (also by supervisor, for their
  // list); annualDecisions: HR's decision in force with the official's latest 本人意见 on it. All by year
  // for HR's lists. New tables: nothing to upgrade.
  {
    version: 10,
    date: '2026-12-07',
    note: 'annual summaries, supervisors\' comments, annual decisions with the official\'s opinion',
    stores: {
      annualSummaries: 'id, &[personId+year], year',
      annualComments: 'id, &[personId+year], [supervisorId+year], year',
      annualDecisions: 'id, &[personId+year], year',
    },
  },
  // 2026-12-08 v11 (issue 22): HR's 不予备案(退回) — every signed refusal of a plan or register version,
  // kept as it is (by the refused person and year, by what was refused), like filings. New table:
  // nothing to upgrade (a refused plan shows as 已退回 on its plan row, which the materialiser writes).
  {
    version: 11,
    date: '2026-12-08',
    note: 'filing refusals (不予备案)',
    stores: {
      filingRefusals: 'id, [personId+year], [what+year]',
    },
  },
  // 2026-12-08 v12 (issue 22): beside each status row, its digest — what HR's 督促检查, 备案, 年度考核 and
  // 统计分析 read of it, as one JSON string (status-fold.ts `digestOf`), written in the same transaction
  // as the row. A year of 5,000 people was 5,000 nested objects of about 2 KB to clone out of
  // IndexedDB on every screen; now it is 5,000 short strings. The upgrade derives them from the rows.
  {
    version: 12,
    date: '2026-12-08',
    note: 'status digests for HR\'s screens',
    stores: { statusDigests: 'id, year' },
    upgrade: (tx) => rebuildDigests(tx),
  },
];

/** The schema version the code writes (the last step's). */
export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;

export type DutyBookDbOptions = {
  /** For Node (fake-indexeddb) or a worker; browsers and Electron use the global ones. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Tests only: open with another history, e.g. an older prefix of SCHEMA_HISTORY. */
  schemaHistory?: readonly SchemaStep[];
  /**
   * openDatabase calls this before it upgrades a database an older DutyBook wrote (the version on
   * disk is known and older): the place for a backup of the old database (backup/automatic.ts,
   * `preUpgradeBackup`). Its failure is logged and the upgrade goes on — a backup must not lock
   * the user out.
   */
  beforeUpgrade?: (info: { name: string; factory: IDBFactory; from: number; to: number }) => Promise<void>;
};

export function checkSchemaHistory(history: readonly SchemaStep[]): void {
  if (history.length === 0) throw new Error('schema history is empty');
  history.forEach((s, i) => {
    if (!Number.isInteger(s.version) || s.version < 1)
      throw new Error(`schema step ${i}: version must be a positive integer`);
    const prev = history[i - 1];
    if (prev && s.version <= prev.version)
      throw new Error(`schema step ${i}: versions must increase (${prev.version} → ${s.version})`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date)) throw new Error(`schema step ${i}: date must be YYYY-MM-DD`);
  });
}

export class DutyBookDb extends Dexie {
  profile!: Table<LocalProfile, string>;
  settings!: Table<SettingRow, string>;
  orgUnits!: Table<OrgUnit, string>;
  people!: Table<Person, string>;
  meta!: Table<MetaRow, string>;
  plans!: Table<AnnualPlan, string>;
  planVersions!: Table<PlanVersion, string>;
  monthlyRecords!: Table<MonthlyRecord, string>;
  recordVersions!: Table<MonthlyRecordVersion, string>;
  journalEntries!: Table<JournalEntry, string>;
  summaries!: Table<QuarterSummary, string>;
  summaryVersions!: Table<QuarterSummaryVersion, string>;
  facts!: Table<FactRow, string>;
  attestations!: Table<StoredAttestation, string>;
  peerHoldings!: Table<PeerHoldingsRow, string>;
  bundles!: Table<BundleLogRow, string>;
  trust!: Table<TrustRow, string>;
  rosters!: Table<RosterRow, number>;
  evaluations!: Table<SignedEvaluation, string>;
  evaluationDrafts!: Table<EvaluationDraft, string>;
  feedback!: Table<FeedbackRow, string>;
  registers!: Table<Register, string>;
  filings!: Table<FilingReceipt, string>;
  filingRefusals!: Table<FilingRefusal, string>;
  spotChecks!: Table<SpotCheck, string>;
  personYears!: Table<PersonYearStatus, string>;
  statusDigests!: Table<StatusDigestRow, string>;
  audit!: Table<AuditEntry, number>;
  annualSummaries!: Table<AnnualSummaryRow, string>;
  annualComments!: Table<AnnualCommentRow, string>;
  annualDecisions!: Table<AnnualDecisionRow, string>;
  /** How it was opened (backup/ restores an older backup through a scratch database like it). */
  readonly options: DutyBookDbOptions;

  constructor(name: string = DEFAULT_DB_NAME, options: DutyBookDbOptions = {}) {
    // Only pass what is given: Dexie would take an explicit `undefined` over the global indexedDB.
    super(name, {
      // No query cache: Dexie 4's cache deep-clones every live query's result for each subscriber
      // (about a second for an organisation's 5,000 status rows and roster); live queries still
      // re-run on every change to what they read.
      cache: 'disabled',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.options = options;
    const history = options.schemaHistory ?? SCHEMA_HISTORY;
    checkSchemaHistory(history);
    for (const step of history) {
      const v = this.version(step.version).stores(step.stores);
      if (step.upgrade) v.upgrade(step.upgrade);
    }
  }
}

/** Dexie keeps schema version n as IndexedDB version n × 10 (so that it can use decimals). */
const IDB_VERSION_FACTOR = 10;

/** The schema version a database on disk has, when the browser can tell without opening it. */
async function installedSchemaVersion(
  factory: IDBFactory | undefined,
  name: string,
): Promise<number | undefined> {
  if (!factory || typeof factory.databases !== 'function') return undefined;
  const found = (await factory.databases()).find((d) => d.name === name);
  return found?.version === undefined ? undefined : found.version / IDB_VERSION_FACTOR;
}

/**
 * Opens (creating or upgrading as needed) the database and makes sure it knows its device id.
 *
 * A database written by a newer DutyBook is refused: Dexie 4 would open it anyway and could even
 * change its indexes to this older schema, and older code must not write rows it does not understand.
 */
export async function openDatabase(
  name: string = DEFAULT_DB_NAME,
  options: DutyBookDbOptions = {},
): Promise<DutyBookDb> {
  const history = options.schemaHistory ?? SCHEMA_HISTORY;
  const current = history[history.length - 1]?.version ?? 0;
  const refuseNewer = (v: number | undefined) => {
    if (v !== undefined && v > current) {
      throw new StorageError(
        'storage-unavailable',
        `database ${name} has schema version ${v}, newer than this application's ${current}; install the newer DutyBook`,
        undefined,
        { reason: 'newer-version', found: v, supported: current },
      );
    }
  };
  const factory = options.indexedDB ?? globalThis.indexedDB;
  const installed = await wrapStorageErrors('inspect database', async () => {
    const v = await installedSchemaVersion(factory, name);
    refuseNewer(v);
    return v;
  });
  if (options.beforeUpgrade && installed !== undefined && installed >= 1 && installed < current) {
    try {
      await options.beforeUpgrade({ name, factory, from: installed, to: current });
    } catch (e) {
      console.warn(`[dutybook] backup before the schema upgrade ${installed} → ${current} failed`, e);
    }
  }
  const db = new DutyBookDb(name, options);
  try {
    await wrapStorageErrors('open database', async () => {
      await db.open();
      refuseNewer(db.backendDB().version / IDB_VERSION_FACTOR);
      await db.transaction('rw', db.meta, async () => {
        if (!(await db.meta.get('deviceId'))) {
          await db.meta.bulkPut([
            { key: 'deviceId', value: newId() },
            { key: 'createdAt', value: new Date().toISOString() },
          ]);
        }
      });
    });
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** This database's own id, made when it was first opened; later sync uses it to tell devices apart. */
export async function getDeviceId(db: DutyBookDb): Promise<string | undefined> {
  const row = await wrapStorageErrors('read device id', () => db.meta.get('deviceId'));
  return typeof row?.value === 'string' ? row.value : undefined;
}
