/**
 * Export: what goes into a bundle for one peer. The peer gets the facts it may see (its scope, from
 * the roster) minus those its last acks say it holds; a full export ignores the acks (repair). Facts
 * the peer would have to reject under this roster are withheld and listed instead of stalling the
 * whole bundle (ODK's lesson). Own facts are attested afresh; others' travel with the attestations
 * their authors made, unchanged.
 */
import { appendAudit, auditTables } from '../store/audit';
import type { DutyBookDb } from '../store/db';
import { byInstallCounter, holdingsOfSorted, readHoldings } from '../store/fact-repo';
import { getPeerHoldings, logBundle, nextSequence } from '../store/sync-repo';
import { wrapStorageErrors } from '../store/storage-errors';
import type { CryptoSuite } from '../bundle/crypto';
import { attestationBytes, makeAttestation } from '../ledger/attestations';
import { authorProblem, mayRead, subjectsInScope } from '../ledger/authz';
import { SyncError } from '../ledger/errors';
import { holdsFact } from '../ledger/holdings';
import { describeFact } from './import';
import { activeKeys, findPerson, whoHoldsKey } from '../ledger/roster';
import { canonicalJsonBytes } from '../bundle/canonical-json';
import type { Acks, FactRow, SelfIdentityRow, SignedRoster, StoredAttestation } from '../ledger/types';

/** About 10k versions commit in seconds (design/sync.md); larger exports are split. */
export const DEFAULT_EXPORT_LIMIT = 10_000;

export type ExportPeer = { personId: string; name: string; signingPub: string; encryptionPub: string };

export type ExportPlan = {
  peer: ExportPeer;
  /**
   * Facts to send (as stored: head and canonical bytes), by install and counter — or, when
   * `streamed`, exactly those the sink was given, in the order given.
   */
  facts: FactRow[];
  /** The sink was given every fact to send during the scan (see ExportFactSink). */
  streamed: boolean;
  /** The ids among `facts` this install's person wrote with the current key: attested at export. */
  ownFactIds: string[];
  /** Stored attestations relayed unchanged, covering every other fact. */
  attestations: StoredAttestation[];
  roster?: SignedRoster;
  acks: Acks;
  sequence: number;
  /** More facts remain for this peer: export again (the acks of its reply are not needed for that). */
  more: boolean;
  /** Facts the peer may see but would reject under this roster; kept here, listed for the clerk. */
  withheld: { factId: string; label: string; reason: string }[];
};

export type ExportOptions = {
  me: SelfIdentityRow;
  /** The recipient: a person of the roster and, when they have several installs, which key. */
  peer: { personId: string; signingPub?: string };
  roster: SignedRoster;
  /** Ignore the peer's acks and send everything in its scope (repair). */
  full?: boolean;
  limit?: number;
};

function resolvePeer(roster: SignedRoster, peer: ExportOptions['peer']): ExportPeer {
  const person = findPerson(roster.roster, peer.personId);
  if (!person) throw new SyncError('not-enrolled', '收件人不在人员名册中');
  const key = peer.signingPub ? whoHoldsKey(roster.roster, peer.signingPub)?.key : activeKeys(person)[0];
  if (!key || key.retired || !person.keys.includes(key)) {
    throw new SyncError('not-enrolled', `“${person.name}”在人员名册中没有可用的密钥,请人事部门为其登记`);
  }
  return {
    personId: person.id,
    name: person.name,
    signingPub: key.signingPub,
    encryptionPub: key.encryptionPub,
  };
}

/** Parts of a full scan (fewer for a small roster). */
const SCAN_PARTS = 16;

/**
 * A full scan's parts: ranges of the subject index cut at the roster's people, so that each part
 * holds whole records (every version of a record has its subject) and compresses as well as the
 * whole; together they cover every key. All requests go out at once and each part is judged (and
 * given to the sink) as it arrives while IndexedDB reads the rest.
 */
function scanParts(roster: SignedRoster): ((t: DutyBookDb['facts']) => { toArray(): Promise<FactRow[]> })[] {
  const ids = roster.roster.people.map((p) => p.id).sort();
  const cuts = [
    ...new Set(
      Array.from({ length: SCAN_PARTS - 1 }, (_, i) => ids[Math.floor(((i + 1) * ids.length) / SCAN_PARTS)]),
    ),
  ].filter((c): c is string => c !== undefined);
  if (cuts.length === 0) return [(t) => t.toCollection()];
  return [
    (t) => t.where('subject').below(cuts[0]!),
    ...cuts
      .slice(1)
      .map((hi, i) => (t: DutyBookDb['facts']) => t.where('subject').between(cuts[i]!, hi, true, false)),
    (t) => t.where('subject').aboveOrEqual(cuts[cuts.length - 1]!),
  ];
}

/**
 * Receives, during a full scan, the facts the plan will send, a part at a time as they are read (each
 * part by install and counter), so that the caller compresses them while IndexedDB reads the rest
 * (`createBundle`). Given only while their number stays within the limit: past it the plan sends the
 * first by install and counter instead, and says so (`streamed` false).
 */
export type ExportFactSink = (facts: FactRow[]) => void;

type Candidates = {
  /** The facts to send unless one lacks an attestation (see `want`), by install and counter. */
  wanted: FactRow[];
  /** Every fact, when the scan read them all (holdings come free), by install and counter. */
  all?: FactRow[];
  /** The attestations by the facts they cover, when the scan read them all (alongside the facts). */
  byFact?: Map<string, StoredAttestation[]>;
  /** What the sink was given, in order, when it was given every fact that `stream.sends` (none past the limit). */
  given?: FactRow[];
};

/** Stored attestations by the ids of the facts they cover. */
function attestationsByFact(stored: readonly StoredAttestation[]): Map<string, StoredAttestation[]> {
  const byFact = new Map<string, StoredAttestation[]>();
  for (const a of stored) {
    for (const id of a.factIds) {
      const list = byFact.get(id);
      if (list) list.push(a);
      else byFact.set(id, [a]);
    }
  }
  return byFact;
}

/** Whether an attestation is one the fact's author made with the key that wrote it (what a peer accepts). */
const attests = (a: StoredAttestation, f: FactRow) => a.authorKey === f.authorKey && a.author === f.author;

/**
 * The facts `want` keeps, each judged once: from a full scan, in parts as they arrive (the sink gets
 * those of each that `stream.sends`), else through the subject and author indexes.
 */
async function candidateFacts(
  db: DutyBookDb,
  roster: SignedRoster,
  peerId: string,
  want: (facts: FactRow[]) => FactRow[],
  stream?: {
    sink: ExportFactSink;
    sends: (f: FactRow, byFact: Map<string, StoredAttestation[]>) => boolean;
    limit: number;
  },
): Promise<Candidates> {
  const subjects = subjectsInScope(roster.roster, peerId);
  const everyone = roster.roster.people.every((p) => subjects.has(p.id));
  if (!everyone) {
    const found = [
      ...(await db.facts
        .where('subject')
        .anyOf([...subjects])
        .toArray()),
      ...(await db.facts.where('author').equals(peerId).toArray()),
    ];
    return { wanted: want([...new Map(found.map((f) => [f.id, f])).values()]).sort(byInstallCounter) };
  }
  const parts: FactRow[][] = [];
  const kept = new Set<FactRow>();
  let byFact = new Map<string, StoredAttestation[]>();
  let given: FactRow[] | undefined = stream ? [] : undefined;
  await db.transaction('r', db.facts, db.attestations, () => {
    const read = db.attestations.toArray().then((stored) => (byFact = attestationsByFact(stored)));
    return Promise.all(
      scanParts(roster).map((part) =>
        Promise.all([read, part(db.facts).toArray()]).then(([, facts]) => {
          parts.push(facts);
          const wanted = want(facts);
          for (const f of wanted) kept.add(f);
          if (!stream || !given) return;
          const sends = wanted.filter((f) => stream.sends(f, byFact)).sort(byInstallCounter);
          if (given.length + sends.length > stream.limit) given = undefined;
          else if (sends.length > 0) {
            given.push(...sends);
            stream.sink(sends);
          }
        }),
      ),
    );
  });
  // Sorted once here, for the plan's order and the holdings both.
  const all = parts.flat().sort(byInstallCounter);
  return { wanted: all.filter((f) => kept.has(f)), all, byFact, ...(given ? { given } : {}) };
}

/**
 * Plans the next bundle to a peer (reads only). With a `sink`, a full scan hands it the facts to send
 * as they are read (see ExportFactSink).
 */
export async function planExport(
  db: DutyBookDb,
  options: ExportOptions,
  sink?: ExportFactSink,
): Promise<ExportPlan> {
  const { me, roster } = options;
  const mine = whoHoldsKey(roster.roster, me.signingPub);
  if (!mine) throw new SyncError('not-enrolled', '本机密钥尚未登记在人员名册中,请先向人事部门提交注册申请');
  if (mine.key.retired) {
    throw new SyncError('not-enrolled', '本机密钥已被人事部门停用,不能再导出;请在新安装的程序上导出');
  }
  const peer = resolvePeer(roster, options.peer);
  const peerHeld = options.full ? undefined : await getPeerHoldings(db, peer.signingPub);
  const limit = options.limit ?? DEFAULT_EXPORT_LIMIT;
  const own = (f: FactRow) => f.authorKey === me.signingPub;
  // What the peer may see and lacks, unless its author may not have written it (then withheld).
  const problems = new Map<FactRow, string>();
  const want = (facts: FactRow[]) =>
    facts.filter((f) => {
      if (!mayRead(roster.roster, peer.personId, f) || holdsFact(peerHeld?.held, f)) return false;
      const problem = authorProblem(roster.roster, f);
      if (problem) problems.set(f, problem);
      return !problem;
    });
  const candidates = await candidateFacts(
    db,
    roster,
    peer.personId,
    want,
    sink && {
      sink,
      limit,
      // As below: this install's own, or with an attestation its author made to travel with.
      sends: (f, byFact) => own(f) || (byFact.get(f.id)?.some((a) => attests(a, f)) ?? false),
    },
  );
  const withheld: ExportPlan['withheld'] = [...problems]
    .sort(([a], [b]) => byInstallCounter(a, b))
    .map(([f, reason]) => ({ factId: f.id, label: describeFact(roster.roster, f), reason }));
  const { wanted } = candidates;

  // Others' facts need an attestation their author made; choose few that cover many.
  const others = wanted.filter((f) => !own(f));
  const authors = [...new Set(others.map((f) => f.author))];
  // When every fact was read, so were the attestations (a table a fraction of its size): one read
  // instead of a cursor jump per author (measured 8 ms against 13–16 ms for 250 authors).
  const byFact =
    candidates.byFact ??
    attestationsByFact(authors.length ? await db.attestations.where('author').anyOf(authors).toArray() : []);
  const sendIds = new Set(others.map((f) => f.id));
  const chosen = new Map<string, StoredAttestation>();
  const covered = new Set<string>();
  const facts: FactRow[] = [];
  let more = false;
  for (const f of wanted) {
    if (facts.length >= limit) {
      more = true;
      break;
    }
    if (!own(f) && !covered.has(f.id)) {
      const best = (byFact.get(f.id) ?? [])
        .filter((a) => attests(a, f))
        .map((a) => ({ a, n: a.factIds.filter((id) => sendIds.has(id)).length }))
        .sort((x, y) => y.n - x.n || (x.a.id < y.a.id ? -1 : 1))[0]?.a;
      if (!best) {
        withheld.push({
          factId: f.id,
          label: describeFact(roster.roster, f),
          reason: '缺少作者的签名,无法转发',
        });
        continue;
      }
      chosen.set(best.id, best);
      for (const id of best.factIds) covered.add(id);
    }
    facts.push(f);
  }
  const sentIds = new Set(facts.map((f) => f.id));
  // The sink was given exactly the facts to send (it gets none past the limit): they are the plan's, in that order.
  const { given } = candidates;
  const streamed =
    given !== undefined && given.length === facts.length && given.every((f) => sentIds.has(f.id));
  const rosterNeeded = options.full || !peerHeld || peerHeld.rosterVersion < roster.roster.version;
  return {
    peer,
    facts: streamed ? given : facts,
    streamed,
    ownFactIds: facts.filter(own).map((f) => f.id),
    attestations: [...chosen.values()].filter((a) => a.factIds.some((id) => sentIds.has(id))),
    ...(rosterNeeded ? { roster } : {}),
    acks: {
      v: 1,
      install: me.device,
      rosterVersion: roster.roster.version,
      held: candidates.all ? holdingsOfSorted(candidates.all) : await readHoldings(db),
      ...(peerHeld ? { basedOn: peerHeld.install } : {}),
    },
    sequence: await nextSequence(db, peer.signingPub),
    more,
    withheld,
  };
}

/** `hash`: known for facts (a fact's id is the SHA-256 of its canonical bytes, i.e. of the entry). */
export type BundleEntry = { type: 'roster' | 'attestation' | 'fact'; bytes: Uint8Array; hash?: string };

/** Facts per chunk of entries: the bundle writer takes each as it comes (its compression starts early). */
const FACTS_PER_CHUNK = 500;

/** A stored fact as a bundle entry: the canonical bytes it was stored with, its id their hash. */
export const factEntry = (f: FactRow): BundleEntry => ({ type: 'fact', bytes: f.bytes, hash: f.id });

/** The entries other than the facts: the roster, and the attestations (a fresh one for own facts). */
export async function exportOtherEntries(
  suite: CryptoSuite,
  plan: ExportPlan,
  me: SelfIdentityRow,
  signingSeed: Uint8Array,
): Promise<BundleEntry[]> {
  const entries: BundleEntry[] = [];
  if (plan.roster) entries.push({ type: 'roster', bytes: canonicalJsonBytes(plan.roster) });
  if (plan.ownFactIds.length > 0) {
    const own = await makeAttestation(suite, signingSeed, {
      author: me.personId,
      authorKey: me.signingPub,
      factIds: plan.ownFactIds,
    });
    entries.push({ type: 'attestation', bytes: attestationBytes(own) });
  }
  for (const a of plan.attestations) {
    const { id, ...attestation } = a;
    // A stored attestation's id is the hash of these bytes (storedAttestation, parseAttestation).
    entries.push({ type: 'attestation', bytes: attestationBytes(attestation), hash: id });
  }
  return entries;
}

/** The bundle entries of a plan, in chunks: the others, then the facts, FACTS_PER_CHUNK at a time. */
export async function* exportEntryChunks(
  suite: CryptoSuite,
  plan: ExportPlan,
  me: SelfIdentityRow,
  signingSeed: Uint8Array,
): AsyncGenerator<BundleEntry[]> {
  yield await exportOtherEntries(suite, plan, me, signingSeed);
  for (let i = 0; i < plan.facts.length; i += FACTS_PER_CHUNK) {
    yield plan.facts.slice(i, i + FACTS_PER_CHUNK).map(factEntry);
  }
}

/** The bundle entries of a plan, all at once (`exportEntryChunks` joined). */
export async function exportEntries(
  suite: CryptoSuite,
  plan: ExportPlan,
  me: SelfIdentityRow,
  signingSeed: Uint8Array,
): Promise<BundleEntry[]> {
  const entries: BundleEntry[] = [];
  for await (const chunk of exportEntryChunks(suite, plan, me, signingSeed)) entries.push(...chunk);
  return entries;
}

/** Logs a written bundle (its sequence number is then used up) and audits it, in one transaction. */
export async function recordExport(
  db: DutyBookDb,
  plan: ExportPlan,
  bundleId: string,
  now: Date = new Date(),
) {
  const at = now.toISOString();
  await wrapStorageErrors('log bundle', () =>
    db.transaction('rw', [db.bundles, ...auditTables(db)], async () => {
      await logBundle(db, {
        id: bundleId,
        peer: plan.peer.signingPub,
        peerName: plan.peer.name,
        direction: 'out',
        sequence: plan.sequence,
        facts: plan.facts.length,
        attestations: plan.attestations.length + (plan.ownFactIds.length > 0 ? 1 : 0),
        rosterVersion: plan.roster?.roster.version ?? null,
        at,
      });
      await appendAudit(db, [
        {
          at,
          action: 'export',
          subject: plan.peer.personId,
          ref: bundleId,
          summary:
            `导出 发给 ${plan.peer.name} 的数据包:${plan.facts.length}条记录` +
            (plan.roster ? `,人员名册第${plan.roster.roster.version}版` : ''),
        },
      ]);
    }),
  );
}
