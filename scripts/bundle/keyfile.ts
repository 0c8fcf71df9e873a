/**
 * Key files of the bundle CLI (`npm run bundle -- example` writes them, `verify --key` reads them):
 * one person's device keys in clear, plus the HR organisation key to trust. For examples and tests
 * only — the app keeps private keys in the OS key store (Electron safeStorage) or a passphrase vault
 * and never writes them out in clear. Specified in docs/bundle-format.md, "Key files (CLI)".
 */
import { z } from 'zod';
import { bytesEqual, fromHex, toHex } from '../../shared/bundle/bytes';
import { canonicalJsonBytes } from '../../shared/bundle/canonical-json';
import { fingerprint, type CryptoSuite } from '../../shared/bundle/crypto';
import type { DeviceKeys, KeyHalf } from '../../shared/sync';

export const KEY_FILE_FORMAT = 'dutybook-cli-keys';
export const KEY_FILE_EXTENSION = '.key.json';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const fp = z.string().regex(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

export const keyFileSchema = z.strictObject({
  format: z.literal(KEY_FILE_FORMAT),
  v: z.literal(1),
  warning: z.string(),
  personId: z.string().min(1).max(64),
  personName: z.string().min(1).max(50),
  unitName: z.string().max(100).optional(),
  roles: z.array(z.string()).optional(),
  /** The install (database) the keys were made on; verify simulates that install. */
  deviceId: z.string().min(1).max(64).optional(),
  signingSeed: hex32,
  signingPub: hex32,
  signingFingerprint: fp,
  encryptionSeed: hex32,
  encryptionPub: hex32,
  encryptionFingerprint: fp,
  /** The HR organisation public key this person trusts (pinned after comparing its fingerprint). */
  hrKey: hex32.optional(),
  hrFingerprint: fp.optional(),
  /** HR's device only: the organisation signing seed. */
  hrOrgSeed: hex32.optional(),
});
export type KeyFile = z.output<typeof keyFileSchema>;

export type LoadedKeyFile = { file: KeyFile; keys: DeviceKeys; hrOrgKey?: KeyHalf };

export const KEY_FILE_WARNING =
  '示例/测试专用:此文件含未加密的私钥,切勿用于真实数据。For examples and tests only: private keys in clear.';

export function keyFileBytes(input: {
  personId: string;
  personName: string;
  unitName?: string;
  roles?: string[];
  deviceId?: string;
  keys: DeviceKeys;
  hrKey?: string;
  hrOrgKey?: KeyHalf;
}): Uint8Array {
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    v: 1,
    warning: KEY_FILE_WARNING,
    personId: input.personId,
    personName: input.personName,
    ...(input.unitName ? { unitName: input.unitName } : {}),
    ...(input.roles ? { roles: input.roles } : {}),
    ...(input.deviceId ? { deviceId: input.deviceId } : {}),
    signingSeed: toHex(input.keys.signing.seed),
    signingPub: toHex(input.keys.signing.pub),
    signingFingerprint: fingerprint(input.keys.signing.pub),
    encryptionSeed: toHex(input.keys.encryption.seed),
    encryptionPub: toHex(input.keys.encryption.pub),
    encryptionFingerprint: fingerprint(input.keys.encryption.pub),
    ...(input.hrKey ? { hrKey: input.hrKey, hrFingerprint: fingerprint(fromHex(input.hrKey)) } : {}),
    ...(input.hrOrgKey ? { hrOrgSeed: toHex(input.hrOrgKey.seed) } : {}),
  };
  return canonicalJsonBytes(keyFileSchema.parse(file));
}

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** True when the parsed JSON value looks like a key file (for `inspect`). */
export function isKeyFileValue(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as { format?: unknown }).format === KEY_FILE_FORMAT;
}

/** Parses a key file and checks that every public half and fingerprint belongs to its seed. */
export async function parseKeyFile(suite: CryptoSuite, bytes: Uint8Array): Promise<LoadedKeyFile> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new KeyFileError('不是履责记实命令行密钥文件(不是 JSON)');
  }
  if (!isKeyFileValue(value)) throw new KeyFileError(`不是履责记实命令行密钥文件(format 应为 "${KEY_FILE_FORMAT}")`);
  const parsed = keyFileSchema.safeParse(value);
  if (!parsed.success) throw new KeyFileError(`密钥文件字段不完整或格式不正确:${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const f = parsed.data;
  const signing = { seed: fromHex(f.signingSeed), pub: await suite.ed25519PublicKey(fromHex(f.signingSeed)) };
  const encryption = { seed: fromHex(f.encryptionSeed), pub: await suite.x25519PublicKey(fromHex(f.encryptionSeed)) };
  if (!bytesEqual(signing.pub, fromHex(f.signingPub)) || fingerprint(signing.pub) !== f.signingFingerprint) {
    throw new KeyFileError('密钥文件内容不一致:signingPub/signingFingerprint 与 signingSeed 不符');
  }
  if (!bytesEqual(encryption.pub, fromHex(f.encryptionPub)) || fingerprint(encryption.pub) !== f.encryptionFingerprint) {
    throw new KeyFileError('密钥文件内容不一致:encryptionPub/encryptionFingerprint 与 encryptionSeed 不符');
  }
  if (f.hrKey && f.hrFingerprint && fingerprint(fromHex(f.hrKey)) !== f.hrFingerprint) {
    throw new KeyFileError('密钥文件内容不一致:hrFingerprint 与 hrKey 不符');
  }
  let hrOrgKey: KeyHalf | undefined;
  if (f.hrOrgSeed) hrOrgKey = { seed: fromHex(f.hrOrgSeed), pub: await suite.ed25519PublicKey(fromHex(f.hrOrgSeed)) };
  return { file: f, keys: { signing, encryption }, ...(hrOrgKey ? { hrOrgKey } : {}) };
}

/** Public view of a key file (never the seeds). */
export function publicView(f: KeyFile) {
  return {
    personId: f.personId,
    personName: f.personName,
    unitName: f.unitName ?? null,
    roles: f.roles ?? [],
    signingFingerprint: f.signingFingerprint,
    encryptionFingerprint: f.encryptionFingerprint,
    hrFingerprint: f.hrFingerprint ?? null,
    holdsHrOrgKey: f.hrOrgSeed !== undefined,
  };
}
