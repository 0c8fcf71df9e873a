/**
 * `verify FILE --key KEYFILE [--roster FILE] [--confirm-hr FINGERPRINT]`: the whole import check of
 * the app, without applying anything. A throwaway IndexedDB (fake-indexeddb) stands in for the
 * recipient's device: their identity from the key file, the HR key it pins (key file `hrKey`, or the
 * roster's key after `--confirm-hr` matches its fingerprint — trust on first use), and a roster they
 * already hold (`--roster`: a signed roster JSON file, or a bundle to the same key that carries one).
 * Then openBundle (decrypt, inflate, manifest signature, recipient, hint, entry hashes) and planImport
 * (roster trust, every author attestation, writer rules, scope for recipient and sender).
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { fromHex, toHex } from '../../shared/bundle/bytes';
import { openBundle, type OpenedBundle } from '../../shared/bundle/container';
import { fingerprint, type CryptoSuite } from '../../shared/bundle/crypto';
import { isBundleError } from '../../shared/errors/bundle-errors';
import {
  factTypeLabel,
  fingerprintHex,
  findPerson,
  loadImportContext,
  parseAcks,
  parseAttestation,
  parseFact,
  parseSignedRoster,
  pinHrKey,
  planImport,
  verifyRoster,
  whoHoldsKey,
  type Roster,
  type SignedRoster,
} from '../../shared/sync';
import { getPinnedHr, openDatabase, saveRoster, setSelfIdentity } from '../../shared/store';
import type { LoadedKeyFile } from './keyfile';
import { CliFailure, EXIT, bundleFailure, line, type Out } from './report';

export type VerifyInput = {
  path: string;
  bytes: Uint8Array;
  key: LoadedKeyFile;
  /** Bytes of a roster file or of a bundle carrying one, when given. */
  roster?: { path: string; bytes: Uint8Array };
  confirmHr?: string;
};

async function openOrFail(suite: CryptoSuite, bytes: Uint8Array, key: LoadedKeyFile, extra: Record<string, unknown>): Promise<OpenedBundle> {
  try {
    return await openBundle(bytes, { suite, recipientEncryptionKey: key.keys.encryption.seed, recipientEncryptionPub: key.keys.encryption.pub });
  } catch (e) {
    if (isBundleError(e)) throw bundleFailure(e, extra);
    throw e;
  }
}

async function knownRoster(suite: CryptoSuite, input: VerifyInput): Promise<SignedRoster> {
  const { path, bytes } = input.roster!;
  const unusable = (why: string) => new CliFailure(EXIT.unreadable, `无法使用名册文件 ${path}:${why}`, { ok: false, error: { class: 'RosterFile', reason: why } });
  if (bytes[0] === 0x89) {
    const opened = await openOrFail(suite, bytes, input.key, { rosterFile: path });
    const entry = opened.entries.find((e) => e.type === 'roster');
    if (!entry) throw unusable('该数据包中没有人员名册');
    return parseSignedRoster(entry.bytes);
  }
  try {
    return parseSignedRoster(bytes);
  } catch (e) {
    throw unusable(`不是人员名册文件 (${e instanceof Error ? e.message : String(e)})`);
  }
}

const count = <T>(xs: readonly T[], key: (x: T) => string) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
};

export async function verify(suite: CryptoSuite, input: VerifyInput, out: Out): Promise<void> {
  const { key } = input;
  const me = key.file;
  out.data.file = input.path;
  out.data.size = input.bytes.length;
  out.data.key = { personId: me.personId, personName: me.personName, encryptionFingerprint: me.encryptionFingerprint };

  // The recipient's device, in memory.
  const db = await openDatabase(`dutybook-cli-verify-${Date.now()}-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
  try {
    // Act as the install the keys belong to, so acks based on it read as ours.
    if (me.deviceId) await db.meta.put({ key: 'deviceId', value: me.deviceId });
    await setSelfIdentity(db, { personId: me.personId, signingPub: toHex(key.keys.signing.pub), encryptionPub: toHex(key.keys.encryption.pub) });
    if (me.hrKey) await pinHrKey(db, { hrKey: me.hrKey, confirmedFingerprint: fingerprintHex(me.hrKey) });

    const opened = await openOrFail(suite, input.bytes, key, { file: input.path, size: input.bytes.length });
    const rosterEntries = opened.entries.filter((e) => e.type === 'roster');
    let inside: SignedRoster | undefined;
    try {
      inside = rosterEntries[0] ? parseSignedRoster(rosterEntries[0].bytes) : undefined;
    } catch {
      inside = undefined; // planImport reports it
    }

    // Trust on first use: pin the roster's HR key only when the typed fingerprint matches.
    if (!(await getPinnedHr(db)) && input.confirmHr !== undefined) {
      const hrKey = inside?.roster.hrKey ?? (input.roster ? (await knownRoster(suite, input)).roster.hrKey : undefined);
      if (!hrKey) throw new CliFailure(EXIT.usage, '--confirm-hr:数据包和 --roster 中都没有人员名册,无从确认人事部门密钥');
      await pinHrKey(db, { hrKey, confirmedFingerprint: input.confirmHr }); // SyncError fingerprint-mismatch → 1
    }
    if (input.roster) {
      const signed = await knownRoster(suite, input);
      const verdict = await verifyRoster(suite, signed, await getPinnedHr(db));
      if (!verdict.ok) {
        throw new CliFailure(EXIT.rejected, `验证失败 rejected: --roster 的人员名册不可信:${verdict.reason}`, {
          ok: false,
          error: { class: 'RosterVerdict', kind: verdict.code, reason: verdict.reason },
        });
      }
      await saveRoster(db, signed);
    }

    const plan = await planImport(db, opened, await loadImportContext(db, suite));
    const m = opened.manifest;
    const roster: Roster | undefined = plan.payload.effectiveRoster ?? inside?.roster;
    const nameOf = (personId: string) => (roster && findPerson(roster, personId)?.name) ?? personId;

    const facts = opened.entries.filter((e) => e.type === 'fact').map((e) => parseFact(e.bytes));
    const goodFacts = facts.flatMap((f) => ('fact' in f ? [f.fact] : []));
    const atts = opened.entries.filter((e) => e.type === 'attestation').map((e) => parseAttestation(e.bytes));
    const goodAtts = atts.flatMap((a) => ('attestation' in a ? [a.attestation] : []));
    const acks = parseAcks(m.acks);
    const senderPerson = roster ? whoHoldsKey(roster, m.senderKeyId)?.person : undefined;

    const summary = {
      formatVersion: `${opened.formatVersion.major}.${opened.formatVersion.minor}`,
      bundleId: m.bundleId,
      createdAt: m.createdAt,
      sequence: m.sequence,
      sender: { name: m.senderName, fingerprint: fingerprint(fromHex(m.senderKeyId)), personId: senderPerson?.id ?? null },
      recipient: { name: m.recipientName, fingerprint: fingerprint(fromHex(m.recipientKeyId)) },
      entries: count(opened.entries, (e) => e.type),
      factsByType: count(goodFacts, (f) => f.type),
      factsByAuthor: count(goodFacts, (f) => nameOf(f.author)),
      attestations: goodAtts.map((a) => ({ author: nameOf(a.author), keyFingerprint: fingerprintHex(a.authorKey), facts: a.factIds.length })),
      roster: inside
        ? { inside: true, version: inside.roster.version, orgId: inside.roster.orgId, hrFingerprint: fingerprintHex(inside.roster.hrKey), outcome: plan.rosterOutcome }
        : { inside: false, knownVersion: roster?.version ?? null },
      acks: acks
        ? {
            install: acks.install,
            rosterVersion: acks.rosterVersion,
            installs: Object.keys(acks.held).length,
            versionsHeld: Object.values(acks.held).reduce((n, rs) => n + rs.reduce((k, [a, b]) => k + b - a + 1, 0), 0),
            ...(acks.basedOn ? { basedOn: acks.basedOn } : {}),
          }
        : null,
      status: plan.status,
      added: plan.added.length,
      alreadyPresent: plan.alreadyPresent,
      rejected: plan.rejected,
      warnings: plan.warnings,
      ...(plan.trustNeeded ? { trustNeeded: plan.trustNeeded } : {}),
    };
    Object.assign(out.data, summary);

    line(out, '文件类型 Kind', '履责记实数据包 bundle (.dutybook)');
    line(out, '格式版本 Format', summary.formatVersion);
    line(out, '发件人 Sender', `${m.senderName}(签名密钥指纹 ${summary.sender.fingerprint})${senderPerson ? '' : ' · 不在名册中 not in roster'}`);
    line(out, '收件人 Recipient', `${m.recipientName}(加密密钥指纹 ${summary.recipient.fingerprint})`);
    line(out, '创建时间 Created', m.createdAt);
    line(out, '数据包编号 Bundle id', `${m.bundleId} · 序号 sequence ${m.sequence}`);
    line(out, '文件大小 Size', `${input.bytes.length} 字节 bytes`);
    line(out, '容器 Container', '解密、解压、清单签名、收件人、说明信息、条目哈希均通过 decrypted, manifest signature and entry hashes OK');
    line(out, '条目 Entries', Object.entries(summary.entries).map(([t, n]) => `${t} ${n}`).join(', ') || '无 none');
    line(out, '记录 Facts by type', Object.entries(summary.factsByType).map(([t, n]) => `${factTypeLabel(t)} ${t} × ${n}`).join(', ') || '无 none');
    line(out, '作者 Authors', Object.entries(summary.factsByAuthor).map(([a, n]) => `${a} × ${n}`).join(', ') || '无 none');
    line(out, '作者签名 Attestations', summary.attestations.map((a) => `${a.author}(${a.keyFingerprint})覆盖 ${a.facts} 条`).join(', ') || '无 none');
    line(
      out,
      '人员名册 Roster',
      inside
        ? `随包 inside: v${inside.roster.version},人事密钥指纹 ${fingerprintHex(inside.roster.hrKey)},${({ newer: '较新 newer', older: '较旧 older', same: '相同 same', none: '未采用 not accepted' } as const)[plan.rosterOutcome]}`
        : roster
          ? `未随包;按已知名册 v${roster.version} 核对 checked against the known roster`
          : '未随包,且未提供 --roster no roster',
    );
    line(
      out,
      '回执 Acks',
      acks ? `发件方安装 ${acks.install.slice(0, 8)}… 持有名册 v${acks.rosterVersion},${summary.acks!.installs} 个安装共 ${summary.acks!.versionsHeld} 个版本` : '无 none',
    );
    if (plan.trustNeeded) {
      out.lines.push(
        '',
        `首次信任 Trust on first use: 本机尚未确认人事部门密钥。请核对人事部门书面通知上的指纹 ${plan.trustNeeded.fingerprint},`,
        `一致后用 --confirm-hr ${plan.trustNeeded.fingerprint} 再验证(或在密钥文件中写入 hrKey)。Never trust an unconfirmed HR key.`,
      );
    }
    for (const w of plan.warnings) out.lines.push(`提示 warning: ${w}`);
    if (plan.status === 'rejected') {
      const reasons = plan.rejected.map((r) => `  - ${r.what}:${r.reason}`);
      throw new CliFailure(
        EXIT.rejected,
        `验证失败 rejected: SyncError bundle-rejected — 整个数据包不予导入,本机数据不会改动。\n${reasons.join('\n')}`,
        { ...out.data, ok: false, error: { class: 'SyncError', kind: 'bundle-rejected', reasons: plan.rejected } },
      );
    }
    out.lines.push('', `验证通过 Verified: 可以导入 ${plan.added.length} 条新记录${plan.payload.roster ? '和人员名册' : ''}。Nothing was imported (verify only).`);
    out.data.ok = true;
  } finally {
    db.close();
  }
}
