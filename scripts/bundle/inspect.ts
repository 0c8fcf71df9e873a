/**
 * `inspect FILE`: what a file is and what it says about itself, without any key. For a bundle, the
 * format version and the UNTRUSTED hint (sender, recipient, created, bundle id, entries), plus the
 * header's recipient key and a length check that needs no key; for an enrollment request, the person
 * and fingerprints (its self-signature is checked); for a key backup, its readable hint; for a CLI
 * key file or a signed roster, their public parts.
 */
import { readU16be } from '../../shared/bundle/bytes';
import { parseCanonicalJson } from '../../shared/bundle/canonical-json';
import { readBundleHint } from '../../shared/bundle/container';
import { fingerprint, type CryptoSuite } from '../../shared/bundle/crypto';
import { isBundleError } from '../../shared/errors/bundle-errors';
import { CIPHER_SUITES, MAGIC } from '../../shared/bundle/format';
import { parseFrame, parseHeader } from '../../shared/bundle/header';
import {
  BACKUP_FORMAT,
  ENROLLMENT_FORMAT,
  ROSTER_FORMAT,
  fingerprintHex,
  parseEnrollmentRequest,
  parseSignedRoster,
  readKeyBackupHint,
} from '../../shared/sync';
import { sealedLength } from '../../shared/bundle/stream';
import { isKeyFileValue, parseKeyFile, publicView } from './keyfile';
import { CliFailure, EXIT, bundleFailure, line, type Out } from './report';

function jsonValue(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `size`: the file's size on disk, when `bytes` is only its first bytes (a file of no kind this reads). */
export async function inspect(suite: CryptoSuite, path: string, bytes: Uint8Array, out: Out, size = bytes.length): Promise<void> {
  out.data.file = path;
  out.data.size = size;
  if (bytes.length > 0 && bytes[0] === MAGIC[0]) return inspectBundle(bytes, out);
  const value = jsonValue(bytes);
  const format = isObject(value) ? value.format : undefined;
  if (format === ENROLLMENT_FORMAT) return inspectEnrollment(suite, bytes, out);
  if (format === BACKUP_FORMAT) return inspectBackup(bytes, out);
  if (isKeyFileValue(value)) return inspectKeyFile(suite, bytes, out);
  if (isObject(value) && isObject(value.roster) && value.roster.format === ROSTER_FORMAT) return inspectRoster(bytes, out);
  // Anything else: the container's own verdict (not-a-bundle), in its words.
  try {
    parseFrame(bytes);
  } catch (e) {
    if (isBundleError(e)) throw bundleFailure(e, { file: path, size, type: 'unknown' });
    throw e;
  }
}

function inspectBundle(bytes: Uint8Array, out: Out): void {
  out.data.type = 'bundle';
  let hinted: ReturnType<typeof readBundleHint>;
  try {
    hinted = readBundleHint(bytes);
  } catch (e) {
    if (isBundleError(e)) throw bundleFailure(e, { file: out.data.file, size: bytes.length, type: 'bundle' });
    throw e;
  }
  const { formatVersion: v, hint } = hinted;
  line(out, '文件类型 Kind', '履责记实数据包 bundle (.dutybook)');
  line(out, '格式版本 Format', `${v.major}.${v.minor}`);
  line(out, '发件人 Sender', `${hint.sender.name}(签名密钥指纹 ${hint.sender.fingerprint})`);
  line(out, '收件人 Recipient', `${hint.recipient.name}(加密密钥指纹 ${hint.recipient.fingerprint})`);
  line(out, '创建时间 Created', hint.createdAt);
  line(out, '数据包编号 Bundle id', hint.bundleId);
  line(out, '条目 Entries', `${hint.entryCount} 条,共 ${hint.entryBytes} 字节(解压后)`);
  line(out, '文件大小 Size', `${bytes.length} 字节 bytes`);
  out.data.formatVersion = `${v.major}.${v.minor}`;
  out.data.hint = hint;

  // The header and the file length need no key either: an incomplete copy shows up here already.
  const frame = parseFrame(bytes);
  let header: ReturnType<typeof parseHeader>;
  try {
    header = parseHeader(bytes, frame);
  } catch (e) {
    if (isBundleError(e)) throw bundleFailure(e, { ...out.data });
    throw e;
  }
  const headerRecipient = fingerprint(header.recipientPub);
  const suiteName = CIPHER_SUITES[header.suiteId as keyof typeof CIPHER_SUITES] ?? '?';
  line(out, '密码套件 Suite', `${header.suiteId} ${suiteName}`);
  out.data.suite = { id: header.suiteId, name: suiteName };
  out.data.headerRecipientFingerprint = headerRecipient;
  const expected = header.payloadLength === null ? null : header.payloadOffset + sealedLength(header.payloadLength);
  out.data.expectedSize = expected;
  const problems: string[] = [];
  if (headerRecipient !== hint.recipient.fingerprint) problems.push('文件头中的收件人密钥与说明信息不一致 header recipient ≠ hint');
  if (expected === null) problems.push('文件头中的长度无效 invalid payload length');
  else if (bytes.length < expected) problems.push(`文件不完整:应为 ${expected} 字节 truncated`);
  else if (bytes.length > expected) problems.push(`文件末尾多出 ${bytes.length - expected} 字节 trailing data`);
  line(out, '结构检查 Structure', problems.length ? problems.join(';') : `长度与文件头一致 length matches the header (hint ${readU16be(bytes, 18)} B)`);
  out.data.structureProblems = problems;
  out.lines.push('', '注意:以上说明信息未经验证,须用收件人的密钥 verify 后才可信。', 'The hint above is untrusted until verified with the recipient\'s key (verify --key).');
  if (problems.length) {
    throw new CliFailure(EXIT.rejected, `验证失败 rejected: ${problems.join(';')}`, { ...out.data, ok: false });
  }
  out.data.ok = true;
}

async function inspectEnrollment(suite: CryptoSuite, bytes: Uint8Array, out: Out): Promise<void> {
  out.data.type = 'enrollment-request';
  const r = await parseEnrollmentRequest(suite, bytes); // SyncError enrollment-unreadable → exit 1
  line(out, '文件类型 Kind', '注册申请 enrollment request(签名有效 self-signature verified)');
  line(out, '姓名 Person', `${r.personName}(${r.personId})`);
  line(out, '单位 Unit', r.unitName);
  line(out, '签名密钥指纹 Signing key', fingerprintHex(r.signingPub));
  line(out, '加密密钥指纹 Encryption key', fingerprintHex(r.encryptionPub));
  line(out, '安装编号 Install id', r.deviceId);
  line(out, '创建时间 Created', r.createdAt);
  line(out, '文件大小 Size', `${bytes.length} 字节 bytes`);
  out.lines.push('', '人事部门登记前,请与申请人当面或电话核对签名密钥指纹。HR: compare the signing fingerprint with the applicant before binding.');
  out.data.ok = true;
  out.data.request = {
    personId: r.personId,
    personName: r.personName,
    unitName: r.unitName,
    signingFingerprint: fingerprintHex(r.signingPub),
    encryptionFingerprint: fingerprintHex(r.encryptionPub),
    deviceId: r.deviceId,
    createdAt: r.createdAt,
  };
}

function inspectBackup(bytes: Uint8Array, out: Out): void {
  out.data.type = 'key-backup';
  const hint = readKeyBackupHint(bytes); // SyncError backup-unreadable → exit 1
  const value = parseCanonicalJson(bytes) as { kdf?: { iterations?: number } };
  line(out, '文件类型 Kind', '密钥备份 key backup(口令保护 passphrase-protected)');
  line(out, '姓名 Person', hint.personName);
  line(out, '签名密钥指纹 Signing key', hint.fingerprint);
  line(out, '口令派生 KDF', `PBKDF2-SHA-256 × ${value.kdf?.iterations ?? '?'} → AES-256-GCM`);
  line(out, '文件大小 Size', `${bytes.length} 字节 bytes`);
  out.lines.push('', '恢复需要备份口令;此命令不读取私钥。Restoring needs the passphrase; inspect never decrypts.');
  out.data.ok = true;
  out.data.backup = { ...hint, iterations: value.kdf?.iterations ?? null };
}

async function inspectKeyFile(suite: CryptoSuite, bytes: Uint8Array, out: Out): Promise<void> {
  out.data.type = 'cli-key-file';
  let view: ReturnType<typeof publicView>;
  try {
    view = publicView((await parseKeyFile(suite, bytes)).file);
  } catch (e) {
    throw new CliFailure(EXIT.rejected, `验证失败 rejected: ${e instanceof Error ? e.message : String(e)}`, { ok: false, type: 'cli-key-file' });
  }
  line(out, '文件类型 Kind', '命令行密钥文件 CLI key file(含明文私钥,仅供示例/测试)');
  line(out, '姓名 Person', `${view.personName}(${view.personId})${view.unitName ? ` · ${view.unitName}` : ''}`);
  line(out, '角色 Roles', view.roles.join(', ') || '—');
  line(out, '签名密钥指纹 Signing key', view.signingFingerprint);
  line(out, '加密密钥指纹 Encryption key', view.encryptionFingerprint);
  line(out, '信任的人事密钥 HR key', view.hrFingerprint ?? '未指定 none');
  if (view.holdsHrOrgKey) line(out, '单位密钥 Org key', '含人事部门单位签名密钥 holds the HR organisation seed');
  out.data.ok = true;
  out.data.key = view;
}

function inspectRoster(bytes: Uint8Array, out: Out): void {
  out.data.type = 'roster';
  let signed: ReturnType<typeof parseSignedRoster>;
  try {
    signed = parseSignedRoster(bytes);
  } catch (e) {
    throw new CliFailure(EXIT.rejected, `验证失败 rejected: 人员名册格式不正确 (${e instanceof Error ? e.message : String(e)})`, { ok: false, type: 'roster' });
  }
  const r = signed.roster;
  line(out, '文件类型 Kind', '人员名册 signed roster(签名未验证 signature not checked: needs the pinned HR key)');
  line(out, '单位 Org', r.orgId);
  line(out, '版本 Version', r.version);
  line(out, '签发 Issued', r.issuedAt);
  line(out, '人事密钥指纹 HR key', fingerprintHex(r.hrKey));
  line(out, '单位/人员 Units/People', `${r.units.length} / ${r.people.length}`);
  out.data.ok = true;
  out.data.roster = { orgId: r.orgId, version: r.version, issuedAt: r.issuedAt, hrFingerprint: fingerprintHex(r.hrKey), units: r.units.length, people: r.people.length };
}
