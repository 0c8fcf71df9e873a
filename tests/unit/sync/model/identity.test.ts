import { describe, expect, it } from 'vitest';
import { fromUtf8, toHex, utf8 } from '../../../../shared/bundle/bytes';
import { canonicalJsonBytes } from '../../../../shared/bundle/canonical-json';
import { fingerprint } from '../../../../shared/bundle/crypto';
import {
  BACKUP_ITERATIONS,
  createEnrollmentRequest,
  describeEnrollment,
  exportKeyBackup,
  generateDeviceKeys,
  generateOrgKey,
  loadDeviceKeys,
  parseEnrollmentRequest,
  readKeyBackupHint,
  restoreKeyBackup,
  SECRET_NAMES,
  storeDeviceKeys,
} from '../../../../shared/sync';
import { suite } from './harness';

const NOW = new Date('2026-11-23T08:00:00.000Z');

async function request() {
  const s = await suite();
  const keys = await generateDeviceKeys(s);
  const bytes = await createEnrollmentRequest(s, {
    keys,
    personId: '01JDUTYBOOKPERSON000000001',
    personName: '张三',
    unitName: '办公室 ',
    deviceId: '01JDUTYBOOKDEVICE000000001',
    now: NOW,
  });
  return { keys, bytes };
}

describe('device keys', () => {
  it('makes 32-byte Ed25519 and X25519 keys whose public halves match their seeds', async () => {
    const s = await suite();
    const keys = await generateDeviceKeys(s);
    expect(keys.signing.seed).toHaveLength(32);
    expect(keys.encryption.pub).toEqual(await s.x25519PublicKey(keys.encryption.seed));
    expect(keys.signing.pub).toEqual(await s.ed25519PublicKey(keys.signing.seed));
    expect(toHex(keys.signing.pub)).not.toBe(toHex((await generateDeviceKeys(s)).signing.pub));
  });

  it('stores private halves only through the host secret store, and loads them back', async () => {
    const s = await suite();
    const keys = await generateDeviceKeys(s);
    const store = new Map<string, Uint8Array<ArrayBuffer>>();
    const host = {
      storeSecret: ({ name, secret }: { name: string; secret: Uint8Array<ArrayBuffer> }) => {
        store.set(name, secret);
        return Promise.resolve({ stored: true as const });
      },
      loadSecret: ({ name }: { name: string }) => Promise.resolve(store.get(name) ?? null),
    };
    expect(await loadDeviceKeys(host, s)).toBeUndefined();
    await storeDeviceKeys(host, keys);
    expect([...store.keys()].sort()).toEqual([SECRET_NAMES.encryption, SECRET_NAMES.signing]);
    expect(await loadDeviceKeys(host, s)).toEqual(keys);
  });
});

describe('enrollment request', () => {
  it('round-trips: canonical JSON with the magic, both keys, and a proof-of-possession signature', async () => {
    const s = await suite();
    const { keys, bytes } = await request();
    const text = fromUtf8(bytes);
    expect(text.startsWith('{"createdAt":"2026-11-23T08:00:00.000Z","deviceId"')).toBe(true);
    const r = await parseEnrollmentRequest(s, bytes);
    expect(r).toMatchObject({
      format: 'dutybook-enrollment',
      v: 1,
      personName: '张三',
      unitName: '办公室',
      signingPub: toHex(keys.signing.pub),
      encryptionPub: toHex(keys.encryption.pub),
    });
    expect(describeEnrollment(r)).toBe(`张三(办公室),密钥指纹 ${fingerprint(keys.signing.pub)}`);
  });

  it('refuses a changed request, another file, a newer format and an oversized file, each with a reason', async () => {
    const s = await suite();
    const { bytes } = await request();
    const changed = utf8(fromUtf8(bytes).replace('张三', '李四'));
    const reasonOf = (b: Uint8Array) => parseEnrollmentRequest(s, b).then(() => 'accepted', (e: Error & { reason?: string }) => e.reason);
    expect(await reasonOf(changed)).toBe('注册申请的签名无效,内容可能已被改动');
    expect(await reasonOf(utf8('hello'))).toBe('不是履责记实的注册申请文件');
    expect(await reasonOf(utf8(fromUtf8(bytes) + ' '))).toBe('注册申请内容已被改动或损坏');
    const parsed = JSON.parse(fromUtf8(bytes)) as Record<string, unknown>;
    expect(await reasonOf(canonicalJsonBytes({ ...parsed, v: 2 }))).toBe('注册申请由较新版本的履责记实生成,请升级软件');
    const { signature: _sig, ...unsigned } = parsed;
    expect(await reasonOf(canonicalJsonBytes(unsigned))).toBe('注册申请内容不完整或格式不正确');
    expect(await reasonOf(new Uint8Array(17 * 1024))).toBe('文件过大,不是履责记实的注册申请');
    // Someone else's key cannot sign a request for these keys.
    const other = await generateDeviceKeys(s);
    const swapped = canonicalJsonBytes({ ...parsed, signingPub: toHex(other.signing.pub) });
    expect(await reasonOf(swapped)).toBe('注册申请的签名无效,内容可能已被改动');
  });
});

describe('key backup (PBKDF2-SHA-256 600,000 + AES-256-GCM)', () => {
  it('restores the same keys with the passphrase, says whose it is without it, refuses a wrong one', async () => {
    const s = await suite();
    const keys = await generateDeviceKeys(s);
    const hrOrgKey = await generateOrgKey(s);
    const file = await exportKeyBackup(s, {
      contents: { personId: 'H', keys, hrOrgKey },
      passphrase: '正确的口令 horse battery',
      personName: '人事科',
    });
    const header = JSON.parse(fromUtf8(file)) as { kdf: { iterations: number }; ciphertext: string };
    expect(header.kdf.iterations).toBe(BACKUP_ITERATIONS);
    expect(fromUtf8(file)).not.toContain(toHex(keys.signing.seed));
    expect(readKeyBackupHint(file)).toEqual({ personName: '人事科', fingerprint: fingerprint(keys.signing.pub) });
    const restored = await restoreKeyBackup(s, file, '正确的口令 horse battery');
    expect(restored).toEqual({ personId: 'H', keys, hrOrgKey });
    await expect(restoreKeyBackup(s, file, '错误的口令 horse battery')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    // The header is bound in as associated data: changing any of it fails like a wrong passphrase.
    const tampered = utf8(fromUtf8(file).replace('人事科', '张三'));
    await expect(restoreKeyBackup(s, tampered, '正确的口令 horse battery')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    await expect(exportKeyBackup(s, { contents: { personId: 'H', keys }, passphrase: 'short', personName: 'x' })).rejects.toMatchObject({
      kind: 'wrong-passphrase',
    });
    expect(() => readKeyBackupHint(utf8('{}'))).toThrow('不是履责记实的密钥备份文件');
  });
});
