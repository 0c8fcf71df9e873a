/**
 * Import, step one: verify everything and plan in memory — nothing is written. The container has
 * already decrypted the bundle, checked the sender's signature over the manifest and every entry's
 * hash; here each entry is parsed, each fact's author checked against the roster (key, writer rule,
 * retirement), its attestation verified, and its scope checked for both this device and the sender.
 * One failure rejects the whole bundle, and every reason is listed (P5), in words needing no key.
 */
import { cleanLine } from '../domain/text';
import type { DutyBookDb } from '../store/db';
import { fromHex } from '../bundle/bytes';
import { fingerprint, type CryptoSuite } from '../bundle/crypto';
import { parseAttestation, verifyAttestation } from '../ledger/attestations';
import { authorProblem, bodyProblem, factTypeLabel, mayRead } from '../ledger/authz';
import { leftWords } from '../ledger/roster-periods';
import { decodeBody, parseFact, splitRecordKey } from '../ledger/facts';
import { parseAcks } from '../ledger/holdings';
import { materialisers } from '../store/materialise';
import { findPerson, parseSignedRoster, RosterError, verifyRoster, whoHoldsKey } from '../ledger/roster';
import type {
  Acks,
  Attestation,
  Fact,
  PinnedHrRow,
  Roster,
  SelfIdentityRow,
  SignedRoster,
  StoredAttestation,
  StoredFact,
} from '../ledger/types';

/** What the import needs from `openBundle`'s result. */
export type OpenedBundle = {
  manifest: {
    bundleId: string;
    sequence: number;
    senderKeyId: string;
    senderName: string;
    recipientKeyId: string;
    acks: unknown;
  };
  /** `hash`: the entry's SHA-256 hex, verified against the signed manifest (openBundle sets it). */
  entries: readonly { type: string; bytes: Uint8Array; hash?: string }[];
};

export type ImportContext = {
  suite: CryptoSuite;
  me: SelfIdentityRow;
  /** The roster this device holds (undefined before the first). */
  roster: SignedRoster | undefined;
  pinnedHrKey: PinnedHrRow | undefined;
};

export type AddedFact = {
  id: string;
  type: string;
  /** e.g. “张三 · 平时考核记实簿 · 2026-03” */
  label: string;
  subject: string;
  author: string;
  recordKey: string;
};

export type ImportPlan = {
  status: 'ready' | 'rejected' | 'already-imported';
  bundleId: string;
  sequence: number;
  sender: { signingPub: string; name: string; personId?: string };
  added: AddedFact[];
  alreadyPresent: number;
  rejected: { what: string; reason: string }[];
  /** Not reasons to refuse, but for the clerk to act on (e.g. ask the sender for a full export). */
  warnings: string[];
  rosterOutcome: 'none' | 'newer' | 'older' | 'same';
  rosterChange?: { from: number | null; to: number };
  /** Set when the bundle brings a roster whose HR key this device has not pinned yet. */
  trustNeeded?: { hrKey: string; fingerprint: string };
  /** For applyImport only. */
  payload: {
    facts: StoredFact[];
    /** The canonical bytes of the bundle's facts as it carried them, by fact id: what the store keeps. */
    bytes?: Map<string, Uint8Array>;
    /** The bodies of `facts` as their materialiser's check parsed them, by fact id. */
    bodies?: Map<string, unknown>;
    attestations: StoredAttestation[];
    roster?: SignedRoster;
    /** The HR key to pin after a verified rotation. */
    newHrKey?: string;
    acks?: Acks;
    me: SelfIdentityRow;
    /** The roster the facts were checked against. */
    effectiveRoster?: Roster;
  };
};

export function describeFact(
  roster: Roster | undefined,
  fact: Pick<Fact, 'subject' | 'recordKey' | 'type'>,
): string {
  const who = (roster && findPerson(roster, fact.subject)?.name) ?? fact.subject;
  const { kind, rest } = splitRecordKey(fact.recordKey);
  // A feedback's key ends in its id, which says nothing to a clerk.
  return kind === 'feedback'
    ? `${who} · ${factTypeLabel(fact.type)}`
    : `${who} · ${factTypeLabel(fact.type)} · ${rest}`;
}

async function checkRoster(
  ctx: ImportContext,
  signed: SignedRoster,
  plan: ImportPlan,
  reject: (what: string, reason: string) => void,
): Promise<Roster | undefined> {
  const held = ctx.roster?.roster;
  const incoming = signed.roster;
  if (!ctx.pinnedHrKey) {
    plan.trustNeeded = { hrKey: incoming.hrKey, fingerprint: fingerprint(fromHex(incoming.hrKey)) };
  }
  if (held && incoming.orgId !== held.orgId) {
    reject('人员名册', '人员名册属于另一个单位,不予接受');
    return held;
  }
  const newer = !held || incoming.version > held.version;
  const verdict = await verifyRoster(ctx.suite, signed, ctx.pinnedHrKey, !newer);
  if (!verdict.ok) {
    reject('人员名册', verdict.reason);
    return held;
  }
  if (!newer) {
    plan.rosterOutcome = incoming.version === held.version ? 'same' : 'older';
    return held;
  }
  plan.rosterOutcome = 'newer';
  plan.rosterChange = { from: held?.version ?? null, to: incoming.version };
  plan.payload.roster = signed;
  if (ctx.pinnedHrKey && verdict.hrKey !== ctx.pinnedHrKey.key) plan.payload.newHrKey = verdict.hrKey;
  return incoming;
}

/** Verifies an opened bundle against the roster and this device's data; writes nothing. */
export async function planImport(
  db: DutyBookDb,
  opened: OpenedBundle,
  ctx: ImportContext,
): Promise<ImportPlan> {
  const { manifest } = opened;
  // The name the sender wrote for itself: shown and logged, so without characters that hide or reorder text.
  const senderName = cleanLine(manifest.senderName);
  const plan: ImportPlan = {
    status: 'ready',
    bundleId: manifest.bundleId,
    sequence: manifest.sequence,
    sender: { signingPub: manifest.senderKeyId, name: senderName },
    added: [],
    alreadyPresent: 0,
    rejected: [],
    warnings: [],
    rosterOutcome: 'none',
    payload: { facts: [], attestations: [], me: ctx.me },
  };
  const reject = (what: string, reason: string) => plan.rejected.push({ what, reason });
  const acks = parseAcks(manifest.acks);
  const staleBase = acks?.basedOn !== undefined && acks.basedOn !== ctx.me.device;
  if (staleBase) {
    plan.warnings.push(
      `发送方“${senderName}”是按本机重装前的接收记录导出的,可能有遗漏;请先向其回传一个数据包,再请其“完整导出”`,
    );
  }
  if (await db.bundles.get(manifest.bundleId)) return { ...plan, status: 'already-imported' };
  if (manifest.senderKeyId === ctx.me.signingPub) reject('数据包', '这是本机自己导出的数据包');
  if (manifest.recipientKeyId !== ctx.me.encryptionPub) reject('数据包', '数据包不是发给本机的');

  // Sort entries by kind; anything unknown means a newer format.
  const rosters: Uint8Array[] = [];
  const factEntries: { bytes: Uint8Array; hash?: string }[] = [];
  const attEntries: Uint8Array[] = [];
  for (const e of opened.entries) {
    if (e.type === 'roster') rosters.push(e.bytes);
    else if (e.type === 'fact') factEntries.push(e);
    else if (e.type === 'attestation') attEntries.push(e.bytes);
    else reject(`内容类型“${e.type}”`, '数据包包含本软件不认识的内容,请升级软件');
  }
  if (rosters.length > 1) reject('人员名册', '数据包包含多份人员名册');

  let roster = ctx.roster?.roster;
  if (rosters[0]) {
    try {
      roster = await checkRoster(ctx, parseSignedRoster(rosters[0]), plan, reject);
    } catch (e) {
      const unsupported = e instanceof RosterError && e.unsupported;
      reject('人员名册', unsupported ? '人员名册由较新版本的履责记实生成,请升级软件' : '人员名册格式不正确');
    }
  }
  if (!roster) {
    if (!rosters[0]) {
      reject(
        '人员名册',
        staleBase
          ? `数据包中没有人员名册(发送方按本机重装前的记录导出);请“${senderName}”完整导出后再导入`
          : '本机还没有人员名册,请先导入人事部门发来的数据包',
      );
    }
    return { ...plan, status: 'rejected' };
  }
  plan.payload.effectiveRoster = roster;

  const sender = whoHoldsKey(roster, manifest.senderKeyId);
  if (!sender) reject('发送方', `发送方“${senderName}”的密钥不在人员名册中`);
  else {
    plan.sender.personId = sender.person.id;
    const left = leftWords(roster, sender.person);
    if (sender.key.retired && left) {
      reject('发送方', `“${sender.person.name}”${left},其密钥已停用,不再接受其发送的数据包`);
    } else if (sender.key.retired) {
      reject('发送方', `“${sender.person.name}”使用的是已停用的旧密钥;请其在新安装的程序上重新导出`);
    }
  }
  const mine = whoHoldsKey(roster, ctx.me.signingPub);
  if (!mine) reject('本机', '本机密钥不在人员名册中,请先向人事部门提交注册申请');
  else if (mine.key.retired) {
    plan.warnings.push(
      '本机密钥已被人事部门停用:此电脑上写的新记录不会被他人接受,请在新安装的程序上继续填写',
    );
  }

  // Attestations: a valid signature, by a key the roster gives to the named author.
  const attestations = new Map<string, Attestation & { id: string }>();
  await Promise.all(
    attEntries.map(async (bytes, i) => {
      const parsed = parseAttestation(bytes);
      if ('problem' in parsed) {
        reject(
          `第${i + 1}份作者签名`,
          parsed.problem === 'unsupported' ? '格式较新,请升级软件' : '格式不正确',
        );
        return;
      }
      const a = parsed.attestation;
      const holder = whoHoldsKey(roster, a.authorKey);
      const what = `“${findPerson(roster, a.author)?.name ?? a.author}”的签名`;
      if (!holder) reject(what, '签名密钥不在人员名册中');
      else if (holder.person.id !== a.author)
        reject(what, `签名密钥属于“${holder.person.name}”,与所写作者不符`);
      else if (!(await verifyAttestation(ctx.suite, a))) reject(what, '签名无效,内容可能已被篡改');
      else attestations.set(parsed.id, { ...a, id: parsed.id });
    }),
  );
  const coveredBy = new Map<string, string[]>();
  for (const a of attestations.values()) {
    for (const id of a.factIds) coveredBy.set(id, [...(coveredBy.get(id) ?? []), a.authorKey]);
  }

  // Facts.
  const parsed = new Map<string, Fact>();
  // The entries' own bytes by fact id: what the store keeps for the facts applyImport adds.
  const bytesOf = new Map<string, Uint8Array>();
  plan.payload.bytes = bytesOf;
  factEntries.forEach((e, i) => {
    const r = parseFact(e.bytes, e.hash);
    if ('problem' in r) {
      reject(
        `第${i + 1}条记录`,
        r.problem.kind === 'unsupported' ? '由较新版本的履责记实生成,请升级软件' : '格式不正确',
      );
    } else {
      parsed.set(r.id, r.fact);
      bytesOf.set(r.id, e.bytes);
    }
  });
  const ids = [...parsed.keys()];
  // Which of them this database holds: one index query over the records they belong to (a fact's
  // record key is part of its hashed content), not one lookup per id.
  const recordKeysOf = [...new Set([...parsed.values()].map((f) => f.recordKey))];
  const held = new Set<string>(await db.facts.where('recordKey').anyOf(recordKeysOf).primaryKeys());
  const present = ids.map((id) => held.has(id));
  const bodies = new Map<string, unknown>();
  plan.payload.bodies = bodies;
  const senderId = sender?.person.id;
  const problemOf = (id: string, fact: Fact): string | null => {
    const problem = authorProblem(roster, fact);
    if (problem) return problem;
    if (!mayRead(roster, ctx.me.personId, fact)) return '不在本机的查看范围内';
    if (senderId && !mayRead(roster, senderId, fact)) {
      return `超出发送方“${sender?.person.name ?? senderName}”的转发范围`;
    }
    if (!coveredBy.get(id)?.includes(fact.authorKey)) return '缺少作者的有效签名';
    let body: unknown;
    try {
      body = decodeBody(fact.body);
    } catch {
      return '记录内容格式不正确';
    }
    const checked = materialisers[fact.type]?.check(body, fact);
    if (checked && 'problem' in checked) return checked.problem;
    const signer = bodyProblem(roster, fact, checked ? checked.value : body);
    if (signer) return signer;
    if (checked) bodies.set(id, checked.value);
    return null;
  };
  ids.forEach((id, i) => {
    const fact = parsed.get(id)!;
    if (present[i]) {
      plan.alreadyPresent += 1;
      return;
    }
    const what = describeFact(roster, fact);
    const problem = problemOf(id, fact);
    if (problem) {
      reject(what, problem);
      return;
    }
    plan.payload.facts.push({ ...fact, id });
    plan.added.push({
      id,
      type: fact.type,
      label: what,
      subject: fact.subject,
      author: fact.author,
      recordKey: fact.recordKey,
    });
  });

  // Keep the attestations that cover something this bundle brought, to relay them later unchanged.
  plan.payload.attestations = [...attestations.values()].filter((a) =>
    a.factIds.some((id) => parsed.has(id)),
  );
  if (acks) plan.payload.acks = acks;
  if (plan.rejected.length > 0) plan.status = 'rejected';
  return plan;
}
