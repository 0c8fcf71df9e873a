/**
 * Fuzz: enrollment request files (.dutyenroll), as HR reads them (人事管理 → 单位和人员 → 导入注册申请:
 * `parseEnrollmentRequest`). From a real request made by the real path: damaged bytes (never read as
 * anything but the original), requests re-signed by their own key with wrong content (read only when
 * every field is well-formed), oversized and random files. Reading touches no database: HR's is
 * checked byte for byte all the same.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toHex } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes, type JsonValue } from '../../../shared/bundle/canonical-json';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import {
  createEnrollmentRequest,
  describeEnrollment,
  DOMAINS,
  generateDeviceKeys,
  MAX_ENROLLMENT_BYTES,
  parseEnrollmentRequest,
  signValue,
  verifyValue,
  type DeviceKeys,
  type EnrollmentRequest,
} from '../../../shared/sync';
import { makeDevice, suite, type Device } from '../sync/model/harness';
import {
  dbBytes,
  MemoryProbe,
  MiB,
  mutatedBytes,
  mutatedJson,
  randomBytesAfter,
  read,
  wellTypedJson,
} from './fuzz';
import { jsonBytes } from './roster-org';

const memory = new MemoryProbe();
let s: CryptoSuite;
let keys: DeviceKeys;
let file: Uint8Array;
let original: EnrollmentRequest;
let hr: Device;
let hrBefore: Buffer;
let cases = 0;

const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 10_000 });

beforeAll(async () => {
  s = await suite();
  keys = await generateDeviceKeys(s);
  file = await createEnrollmentRequest(s, {
    keys,
    personId: '01JDUTYBOOKPERSON000000001',
    personName: '张三',
    unitName: '办公室',
    deviceId: '01JDUTYBOOKDEVICE000000001',
    now: new Date('2026-11-23T08:00:00.000Z'),
  });
  original = await parseEnrollmentRequest(s, file);
  hr = await makeDevice('H', 'H');
  hrBefore = await dbBytes(hr.db);
});

afterAll(async () => {
  expect((await dbBytes(hr.db)).equals(hrBefore)).toBe(true);
  expect(memory.peak).toBeLessThan(64 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(`enrollment fuzz: ${cases} cases, peak ${(memory.peak / MiB).toFixed(1)} MiB`);
});

const parse = (bytes: Uint8Array, how: string) =>
  read(`parseEnrollmentRequest (${how})`, () => parseEnrollmentRequest(s, bytes));

describe('enrollment requests', () => {
  test('damaged real requests and random files: an EnrollmentError, or exactly the original request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: mutatedBytes(file) }, randomBytesAfter(file.subarray(0, 14), 1024)),
        async (m) => {
          cases++;
          const r = await parse(m.bytes, m.how);
          // The signature covers every field: whatever is read is what the install signed.
          if (r.ok) expect(r.value, m.how).toEqual(original);
          memory.sample();
        },
      ),
      opts(0xe4011, 300),
    );
  });

  test('requests signed again by their own key with wrong content: read only when every field is well-formed', async () => {
    const { signature: _sig, ...body } = original;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutatedJson(body as unknown as JsonValue), wellTypedJson(body as unknown as JsonValue)),
        async (m) => {
          cases++;
          let signed: unknown = m.value;
          if (m.value !== null && typeof m.value === 'object' && !Array.isArray(m.value)) {
            try {
              signed = {
                ...m.value,
                signature: await signValue(s, keys.signing.seed, DOMAINS.enrollment, m.value),
              };
            } catch {
              // canonical JSON cannot write it: send it unsigned
            }
          }
          const r = await parse(jsonBytes(signed), m.how);
          if (r.ok) {
            const req = r.value;
            const { signature, ...rest } = req;
            // What HR binds is signed by the key it binds, field for field.
            expect(await verifyValue(s, req.signingPub, DOMAINS.enrollment, rest, signature), m.how).toBe(
              true,
            );
            expect(req.signingPub, m.how).toBe(original.signingPub);
            expect(describeEnrollment(req), m.how).toContain(req.personName);
          }
          memory.sample();
        },
      ),
      opts(0xe4012, 200),
    );
  });

  test('another key named in a request signed by this one is refused; an oversized file is refused unread', async () => {
    const other = await generateDeviceKeys(s);
    const { signature: _sig, ...body } = original;
    const swapped = { ...body, signingPub: toHex(other.signing.pub) };
    const forged = canonicalJsonBytes({
      ...swapped,
      signature: await signValue(s, keys.signing.seed, DOMAINS.enrollment, swapped),
    });
    const swappedRead = await parse(forged, 'swapped signing key');
    expect(!swappedRead.ok && swappedRead.error.details.reason).toContain('签名无效');

    const padded = { ...body, unitName: '办'.repeat(MAX_ENROLLMENT_BYTES) };
    const big = canonicalJsonBytes({
      ...padded,
      signature: await signValue(s, keys.signing.seed, DOMAINS.enrollment, padded),
    });
    expect(big.length).toBeGreaterThan(MAX_ENROLLMENT_BYTES);
    const bigRead = await parse(big, 'oversized');
    expect(!bigRead.ok && bigRead.error.details.reason).toContain('文件过大');
  });
});
