/**
 * Identity: each install makes its own Ed25519 signing key and X25519 encryption key; the private
 * halves stay on the device (host.storeSecret — the OS key store in Electron, the passphrase vault in
 * a browser) and only the public halves travel. To join the roster an install hands HR an
 * enrollment request: canonical JSON naming the person and their unit as typed and both public keys,
 * signed by the request's own signing key (proof that the sender holds it).
 */
import { z } from 'zod';
import type { HostApi } from '../host/contract';
import { ENROLLMENT_FORMAT as ENROLLMENT_FILE_FORMAT, FILE_LIMITS } from '../host/file-limits';
import { fromHex, fromUtf8, toHex } from '../bundle/bytes';
import { canonicalJsonBytes, isJsonObject, parseCanonicalJson } from '../bundle/canonical-json';
import { fingerprint, randomBytes, type CryptoSuite } from '../bundle/crypto';
import { SyncError } from './errors';
import { hexKeySchema } from './facts';
import { DOMAINS, signValue, verifyValue } from './signing';

export type KeyHalf = { seed: Uint8Array; pub: Uint8Array };
export type DeviceKeys = { signing: KeyHalf; encryption: KeyHalf };

export async function generateDeviceKeys(suite: CryptoSuite): Promise<DeviceKeys> {
  const s = randomBytes(32);
  const e = randomBytes(32);
  return {
    signing: { seed: s, pub: await suite.ed25519PublicKey(s) },
    encryption: { seed: e, pub: await suite.x25519PublicKey(e) },
  };
}

/** The HR organisation key: an Ed25519 key of its own, the trust root every device pins. */
export async function generateOrgKey(suite: CryptoSuite): Promise<KeyHalf> {
  const seed = randomBytes(32);
  return { seed, pub: await suite.ed25519PublicKey(seed) };
}

/** The fingerprint of a public key given as hex (what HR prints on its paper notice). */
export function fingerprintHex(pubHex: string): string {
  return fingerprint(fromHex(pubHex));
}

// ---- Private keys through the host ----

/** Names under which the host keeps this install's private keys. */
export const SECRET_NAMES = {
  signing: 'dutybook-signing-seed',
  encryption: 'dutybook-encryption-seed',
  hrOrg: 'dutybook-hr-org-seed',
} as const;

type SecretHost = Pick<HostApi, 'storeSecret' | 'loadSecret'>;

export async function storeDeviceKeys(host: SecretHost, keys: DeviceKeys): Promise<void> {
  await host.storeSecret({ name: SECRET_NAMES.signing, secret: new Uint8Array(keys.signing.seed) });
  await host.storeSecret({ name: SECRET_NAMES.encryption, secret: new Uint8Array(keys.encryption.seed) });
}

/** The install's keys from the host, public halves recomputed; undefined when none are stored. */
export async function loadDeviceKeys(host: SecretHost, suite: CryptoSuite): Promise<DeviceKeys | undefined> {
  const s = await host.loadSecret({ name: SECRET_NAMES.signing });
  const e = await host.loadSecret({ name: SECRET_NAMES.encryption });
  if (!s || !e) return undefined;
  return {
    signing: { seed: s, pub: await suite.ed25519PublicKey(s) },
    encryption: { seed: e, pub: await suite.x25519PublicKey(e) },
  };
}

/** HR's device only: the organisation key. */
export async function storeOrgKey(host: SecretHost, key: KeyHalf): Promise<void> {
  await host.storeSecret({ name: SECRET_NAMES.hrOrg, secret: new Uint8Array(key.seed) });
}

export async function loadOrgKey(host: SecretHost, suite: CryptoSuite): Promise<KeyHalf | undefined> {
  const seed = await host.loadSecret({ name: SECRET_NAMES.hrOrg });
  return seed ? { seed, pub: await suite.ed25519PublicKey(seed) } : undefined;
}

// ---- Enrollment request ----

export const ENROLLMENT_FORMAT = ENROLLMENT_FILE_FORMAT;
export const MAX_ENROLLMENT_BYTES = FILE_LIMITS.enrollment.maxBytes;

const enrollmentBodySchema = z.strictObject({
  format: z.literal(ENROLLMENT_FORMAT),
  v: z.literal(1),
  /** The id this install already uses for its person (HR keeps it for a new person). */
  personId: z.string().min(1).max(64).regex(/^[^/\s]+$/),
  personName: z.string().trim().min(1).max(50),
  unitName: z.string().trim().min(1).max(100),
  /** 人员编号 as the person typed it (optional; absent from older requests): HR matches by it first. */
  staffNo: z.string().trim().min(1).max(30).regex(/^\S+$/).optional(),
  signingPub: hexKeySchema,
  encryptionPub: hexKeySchema,
  deviceId: z.string().min(1).max(64).regex(/^[^/\s]+$/),
  createdAt: z.string().max(40),
});
export type EnrollmentBody = z.output<typeof enrollmentBodySchema>;
export type EnrollmentRequest = EnrollmentBody & { signature: string };

/** A request that cannot be read; `reason` is for the clerk. */
export class EnrollmentError extends SyncError {
  constructor(reason: string) {
    super('enrollment-unreadable', reason);
    this.name = 'EnrollmentError';
  }
}

export async function createEnrollmentRequest(
  suite: CryptoSuite,
  input: {
    keys: DeviceKeys;
    personId: string;
    personName: string;
    unitName: string;
    /** 人员编号, when the person knows it (left out of the file when empty). */
    staffNo?: string;
    deviceId: string;
    now?: Date;
  },
): Promise<Uint8Array> {
  const staffNo = input.staffNo?.trim();
  const body = enrollmentBodySchema.parse({
    format: ENROLLMENT_FORMAT,
    v: 1,
    personId: input.personId,
    personName: input.personName,
    unitName: input.unitName,
    ...(staffNo ? { staffNo } : {}),
    signingPub: toHex(input.keys.signing.pub),
    encryptionPub: toHex(input.keys.encryption.pub),
    deviceId: input.deviceId,
    createdAt: (input.now ?? new Date()).toISOString(),
  });
  const signature = await signValue(suite, input.keys.signing.seed, DOMAINS.enrollment, body);
  return canonicalJsonBytes({ ...body, signature });
}

/** Reads and checks an enrollment request file; throws EnrollmentError with the reason in Chinese. */
export async function parseEnrollmentRequest(suite: CryptoSuite, bytes: Uint8Array): Promise<EnrollmentRequest> {
  if (bytes.length > MAX_ENROLLMENT_BYTES) throw new EnrollmentError('文件过大,不是履责记实的注册申请');
  let value: unknown;
  try {
    value = parseCanonicalJson(bytes);
  } catch {
    const text = (() => {
      try {
        return fromUtf8(bytes);
      } catch {
        return '';
      }
    })();
    throw new EnrollmentError(
      text.includes(ENROLLMENT_FORMAT) ? '注册申请内容已被改动或损坏' : '不是履责记实的注册申请文件',
    );
  }
  if (!isJsonObject(value) || value.format !== ENROLLMENT_FORMAT) {
    throw new EnrollmentError('不是履责记实的注册申请文件');
  }
  if (value.v !== 1) throw new EnrollmentError('注册申请由较新版本的履责记实生成,请升级软件');
  const { signature, ...rest } = value;
  const body = enrollmentBodySchema.safeParse(rest);
  if (!body.success || typeof signature !== 'string') throw new EnrollmentError('注册申请内容不完整或格式不正确');
  if (!(await verifyValue(suite, body.data.signingPub, DOMAINS.enrollment, body.data, signature))) {
    throw new EnrollmentError('注册申请的签名无效,内容可能已被改动');
  }
  return { ...body.data, signature };
}

/** What HR shows before binding: who asks, and the fingerprint to compare by phone or on paper. */
export function describeEnrollment(r: EnrollmentRequest): string {
  return `${r.personName}(${r.unitName}),密钥指纹 ${fingerprintHex(r.signingPub)}`;
}
