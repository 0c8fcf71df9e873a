import { describe, expect, test } from 'vitest';
import { describeError } from '../../../shared/errors/messages.zh';
import { fromUtf8, toHex, utf8 } from '../../../shared/bundle/bytes';
import { openBundle, readBundleHint, writeBundle } from '../../../shared/bundle/container';
import { fingerprint, nobleSuite, randomBytes, webCryptoSuite } from '../../../shared/bundle/crypto';
import { MAGIC, OFFSET_MAJOR, OFFSET_MINOR } from '../../../shared/bundle/format';
import { craftBundle, craftContent } from './craft';
import { expectKind, fixture, openAs, vectorBundle, vectorInput, VECTOR } from './helpers';

const web = webCryptoSuite()!;

describe('round trip', () => {
  test.each([
    ['webcrypto', 'noble'],
    ['noble', 'webcrypto'],
    ['webcrypto', 'webcrypto'],
  ] as const)('written with %s, opened with %s: entries, manifest and hint come back', async (w, r) => {
    const writer = await fixture(w === 'noble' ? nobleSuite : web);
    const reader = await fixture(r === 'noble' ? nobleSuite : web);
    const bytes = await vectorBundle(writer, { ephemeralKey: undefined });
    const opened = await openAs(reader, reader.zhang, bytes);
    expect(opened.entries.map((e) => [e.type, fromUtf8(e.bytes)])).toEqual(
      VECTOR.entries.map((e) => [e.type, fromUtf8(e.bytes)]),
    );
    expect(opened.manifest).toMatchObject({
      bundleId: VECTOR.bundleId,
      sequence: 7,
      acks: VECTOR.acks,
      senderName: '李四',
      recipientName: '张三',
    });
    expect(opened.hint.recipient).toEqual({
      name: '张三',
      fingerprint: fingerprint(writer.zhang.encryptionPub),
    });
    expect(toHex(opened.signerKey)).toBe(toHex(writer.sender.signingPub));
    expect(opened.entries[0]!.hash).toBe(toHex(await writer.suite.sha256(VECTOR.entries[0]!.bytes)));
    expect(opened.formatVersion).toEqual({ major: 1, minor: 0 });
  });

  test('an empty bundle (no entries) and a multi-chunk bundle both round-trip', async () => {
    const f = await fixture(web);
    const empty = await vectorBundle(f, { entries: [], acks: null });
    expect((await openAs(f, f.zhang, empty)).entries).toEqual([]);
    const big = Array.from({ length: 3 }, (_, i) => ({
      type: 'blob',
      bytes: randomBytes(70_000).map((b) => b ^ i),
    }));
    const bytes = await vectorBundle(f, { entries: big });
    expect(bytes.length).toBeGreaterThan(3 * 65536);
    const opened = await openAs(f, f.zhang, bytes);
    expect(opened.entries.map((e) => toHex(e.bytes))).toEqual(big.map((e) => toHex(e.bytes)));
  });

  test("compressionLevel 'platform': the platform's zlib where there is one, fflate at level 1 where not; both open", async () => {
    const f = await fixture(web);
    // Facts-like text, so that the two compressors' outputs differ in size.
    const entries = Array.from({ length: 400 }, (_, i) => ({
      type: 'fact',
      bytes: utf8(
        JSON.stringify({
          n: i,
          recordKey: `record/p${i % 40}/2026/${i % 12}`,
          text: '完成了本月的执法检查工作'.repeat(1 + (i % 5)),
        }),
      ),
    }));
    const platform = await vectorBundle(f, { entries, compressionLevel: 'platform' });
    const level1 = await vectorBundle(f, { entries, compressionLevel: 1 });
    for (const bytes of [platform, level1]) {
      const opened = await openAs(f, f.zhang, bytes);
      expect(opened.entries.map((e) => fromUtf8(e.bytes))).toEqual(entries.map((e) => fromUtf8(e.bytes)));
    }
    // zlib's default level compresses better than fflate's fastest (the same key: only the payload differs).
    expect(platform.length).toBeLessThan(level1.length);
    const saved = globalThis.CompressionStream;
    try {
      // @ts-expect-error: a platform without CompressionStream
      delete globalThis.CompressionStream;
      const fallback = await vectorBundle(f, { entries, compressionLevel: 'platform' });
      expect(toHex(fallback)).toBe(toHex(level1));
    } finally {
      globalThis.CompressionStream = saved;
    }
  });

  test('two bundles of the same content differ (fresh ephemeral key) and each has a new id by default', async () => {
    const f = await fixture(web);
    const input = { ...vectorInput(f), ephemeralKey: undefined, bundleId: undefined };
    const [a, b] = await Promise.all([writeBundle(input), writeBundle(input)]);
    expect(toHex(a)).not.toBe(toHex(b));
    expect(readBundleHint(a).hint.bundleId).not.toBe(readBundleHint(b).hint.bundleId);
  });

  test('the file starts with the magic bytes and version 1.0', async () => {
    const bytes = await vectorBundle(await fixture());
    expect(toHex(bytes.subarray(0, 16))).toBe(toHex(MAGIC));
    expect([bytes[OFFSET_MAJOR], bytes[OFFSET_MINOR]]).toEqual([1, 0]);
  });
});

describe('readBundleHint needs no key', () => {
  test('it returns the format version and who the bundle is from and for', async () => {
    const f = await fixture();
    const { formatVersion, hint } = readBundleHint(await vectorBundle(f));
    expect(formatVersion).toEqual({ major: 1, minor: 0 });
    expect(hint).toEqual({
      bundleId: VECTOR.bundleId,
      createdAt: '2025-01-02T03:04:05.678Z',
      sender: { name: '李四', fingerprint: fingerprint(f.sender.signingPub) },
      recipient: { name: '张三', fingerprint: fingerprint(f.zhang.encryptionPub) },
      entryCount: 2,
      entryBytes: VECTOR.entries.reduce((n, e) => n + e.bytes.length, 0),
    });
  });

  test('it still reads the hint of a truncated file, and refuses what is not a bundle', async () => {
    const bytes = await vectorBundle(await fixture());
    expect(readBundleHint(bytes.subarray(0, bytes.length - 100)).hint.recipient.name).toBe('张三');
    await expectKind(
      Promise.resolve().then(() => readBundleHint(utf8('PK\u0003\u0004 a zip file'))),
      'not-a-bundle',
      'magic',
    );
  });
});

describe('P6 wrong recipient', () => {
  test('a bundle for 王五 opened by 张三 is refused, naming 王五', async () => {
    const f = await fixture(web);
    const forWang = await vectorBundle(f, {
      recipient: { encryptionPub: f.wang.encryptionPub, name: '王五' },
    });
    const e = await expectKind(openAs(f, f.zhang, forWang), 'wrong-recipient', 'header-recipient');
    expect(e.details.intendedRecipient).toBe('王五');
    expect(describeError(e).title).toBe('此文件是发给 王五 的');
    expect(describeError(e).detail).toContain('没有导入任何内容');
  });

  test('a bundle signed for 王五 but re-encrypted to 张三 (a relay forwarding it) is refused by the signed manifest', async () => {
    const f = await fixture(web);
    const c = await craftContent(f, f.wang);
    const bytes = await craftBundle(f, f.zhang, c, { hint: (await craftContent(f, f.zhang)).hint });
    const e = await expectKind(openAs(f, f.zhang, bytes), 'wrong-recipient', 'manifest-recipient');
    expect(e.details.intendedRecipient).toBe('王五');
  });

  test('a hint edited to claim another recipient is "tampered"', async () => {
    const f = await fixture(web);
    const forZhang = await craftContent(f, f.zhang);
    const hintForWang = (await craftContent(f, f.wang)).hint;
    const bytes = await craftBundle(f, f.zhang, forZhang, { hint: hintForWang });
    expect(readBundleHint(bytes).hint.recipient.name).toBe('王五');
    const e = await expectKind(openAs(f, f.zhang, bytes), 'tampered', 'hint-mismatch');
    expect(e.details.field).toBe('recipient.name');
  });

  test('a key pair that does not match is a programming error, not a bundle error', async () => {
    const f = await fixture(web);
    const bytes = await vectorBundle(f);
    await expect(
      openBundle(bytes, {
        suite: web,
        recipientEncryptionKey: f.wang.encryptionKey,
        recipientEncryptionPub: f.zhang.encryptionPub,
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('P14 versioning', () => {
  test('major version + 1 → "unsupported-version" and "请升级软件", before any key is used', async () => {
    const f = await fixture(web);
    const bytes = await vectorBundle(f, { formatVersion: { major: 2, minor: 0 } });
    const e = await expectKind(openAs(f, f.zhang, bytes), 'unsupported-version', 'major');
    expect(describeError(e).detail).toContain('请升级软件');
    await expectKind(
      Promise.resolve().then(() => readBundleHint(bytes)),
      'unsupported-version',
    );
  });

  test('minor version + 1 with extra header bytes and extra signed manifest fields opens, keeping the fields', async () => {
    const f = await fixture(web);
    const bytes = await vectorBundle(f, {
      formatVersion: { major: 1, minor: 1 },
      headerExtension: Uint8Array.of(9, 9, 9, 9),
      manifestExtensions: { futureField: { kept: true } },
    });
    const opened = await openAs(f, f.zhang, bytes);
    expect(opened.formatVersion).toEqual({ major: 1, minor: 1 });
    expect(opened.manifest.futureField).toEqual({ kept: true });
    expect(opened.entries).toHaveLength(2);
  });

  test('an unknown cipher suite id → "unsupported-version"', async () => {
    const f = await fixture(web);
    const bytes = await vectorBundle(f);
    const at = 20 + ((bytes[18]! << 8) | bytes[19]!) + 2;
    bytes[at + 1] = 2;
    await expectKind(openAs(f, f.zhang, bytes), 'unsupported-version', 'suite');
  });

  test('unknown entry types are carried through untouched', async () => {
    const f = await fixture(web);
    const bytes = await vectorBundle(f, { entries: [{ type: 'x-from-the-future/v9', bytes: utf8('?') }] });
    expect((await openAs(f, f.zhang, bytes)).entries[0]!.type).toBe('x-from-the-future/v9');
  });
});

describe('writer input checks', () => {
  test('a signing public key that does not match the seed, bad names, floats in acks and a mismatched keyId are refused', async () => {
    const f = await fixture(web);
    await expect(
      vectorBundle(f, { sender: { ...f.sender, signingPub: f.zhang.encryptionPub } }),
    ).rejects.toThrow(TypeError);
    await expect(vectorBundle(f, { sender: { ...f.sender, name: '' } })).rejects.toThrow(TypeError);
    await expect(vectorBundle(f, { acks: { x: 1.5 } })).rejects.toThrow(TypeError);
    await expect(vectorBundle(f, { entries: [{ type: 'Bad Type', bytes: utf8('') }] })).rejects.toThrow(
      TypeError,
    );
    await expect(
      vectorBundle(f, {
        recipient: { encryptionPub: f.zhang.encryptionPub, name: '张三', keyId: 'ab'.repeat(32) },
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('bad signature', () => {
  test('a manifest signed by another key than the one it names → "bad-signature"', async () => {
    const f = await fixture(web);
    const c = await craftContent(f, f.zhang, { signingKey: new Uint8Array(32).fill(7) });
    await expectKind(openAs(f, f.zhang, await craftBundle(f, f.zhang, c)), 'bad-signature');
  });

  test('an entry whose bytes differ from its signed hash → "tampered"', async () => {
    const f = await fixture(web);
    const c = await craftContent(f, f.zhang, { storedEntries: [VECTOR.entries[0]!.bytes, utf8('HELLO')] });
    const e = await expectKind(
      openAs(f, f.zhang, await craftBundle(f, f.zhang, c)),
      'tampered',
      'entry-hash',
    );
    expect(e.details.entry).toBe(1);
  });
});
