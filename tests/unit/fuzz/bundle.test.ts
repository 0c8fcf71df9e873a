/**
 * Fuzz: bundle files (.dutybook) through the whole import path — hint, decrypt, verify, plan, apply —
 * starting from real bundles made by the real export path (an official's plan, record book and
 * summary to their supervisor; the supervisor's relay of them to HR). Damage from outside the
 * encryption, inside it (content re-encrypted to the recipient), in the manifest and entries
 * re-signed by the sender, and in record bodies re-signed by their author. Every case: a clear
 * DutyBookError or a clean result, no hang, bounded memory, and a refused file changes nothing.
 * Container-level corruption alone is tests/unit/sync/container-corruption.test.ts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeError } from '../../../shared/errors/messages.zh';
import { readPersonYear, getPlan, listConflicts } from '../../../shared/store';
import { concatBytes, u16be, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes, type JsonValue } from '../../../shared/bundle/canonical-json';
import { openBundle, writeBundle } from '../../../shared/bundle/container';
import { encodeContent } from '../../../shared/bundle/content';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import { MAGIC } from '../../../shared/bundle/format';
import { encodeHint } from '../../../shared/bundle/hint';
import { hintFromManifest, signManifest, type BundleManifest } from '../../../shared/bundle/manifest';
import {
  attestationBytes,
  decodeBody,
  encodeBody,
  factBytes,
  makeAttestation,
  parseFact,
  sha256Hex,
  type Fact,
} from '../../../shared/sync';
import { intakeOne } from '../../../shared/sync/intake';
import {
  distributeRoster,
  makeOrg,
  PEOPLE,
  receive,
  send,
  suite as harnessSuite,
  writePlan,
  writeRecord,
  writeSummary,
  type Device,
  type Org,
} from '../sync/model/harness';
import {
  dbBytes,
  equalBytes,
  growthDuring,
  MemoryProbe,
  MiB,
  mutatedBytes,
  mutatedJson,
  randomBytesAfter,
  read,
  wellTypedJson,
} from './fuzz';
import { decryptContent, Receiver, seal } from './import-path';

const memory = new MemoryProbe();
let s: CryptoSuite;
let org: Org;
let O1: Device;
let S1: Device;
let H: Device;
/** O1 → S1: a plan, a record book and a summary with O1's attestation (S1 has only the roster). */
let official: Uint8Array;
/** S1 → H: the same facts relayed with O1's own attestation. */
let relay: Uint8Array;
let atS1: Receiver;
let atH: Receiver;
let cases = 0;

/** Run options: one fixed seed per property, so a failure reproduces in CI. */
const opts = (seed: number, numRuns: number) => ({ seed, numRuns, timeout: 10_000 });

beforeAll(async () => {
  s = await harnessSuite();
  org = await makeOrg({ people: PEOPLE.filter((p) => ['H', 'S1', 'S2', 'O1', 'O2', 'O4'].includes(p.id)) });
  await distributeRoster(org);
  const device = (id: string): Device => {
    const d = org.devices[id];
    if (!d) throw new Error(`no device ${id}`);
    return d;
  };
  [O1, S1, H] = [device('O1'), device('S1'), device('H')];
  await writePlan(O1, ['起草年度工作要点', '组织业务培训']);
  await writeRecord(O1, 1, '一月工作');
  await writeSummary(O1, 1, '第一季度完成了档案整理和制度修订等工作。');
  official = (await send(O1, S1)).bytes;
  atS1 = await Receiver.of(S1, s, memory);
  await receive(S1, official);
  relay = (await send(S1, H)).bytes;
  atH = await Receiver.of(H, s, memory);
}, 60_000);

afterAll(() => {
  // Peak growth of heap + ArrayBuffers over any 25 consecutive cases, with garbage not yet collected.
  expect(memory.peak).toBeLessThan(96 * MiB);
  if (process.env.FUZZ_REPORT)
    console.log(
      `bundle fuzz: ${cases} cases, peak ${(memory.peak / MiB).toFixed(1)} MiB`,
      atS1.outcomes,
      atH.outcomes,
    );
});

/** The facts a bundle carries (by id). */
async function factIdsOf(bytes: Uint8Array, to: Device): Promise<Set<string>> {
  const opened = await openBundle(bytes, {
    suite: s,
    recipientEncryptionKey: to.keys.encryption.seed,
    recipientEncryptionPub: to.keys.encryption.pub,
  });
  return new Set(opened.entries.filter((e) => e.type === 'fact').map((e) => e.hash));
}

/** After an accepted import of re-signed entries: only facts of the original bundle got in. */
function onlyOriginalFacts(allowed: Set<string>, base: Set<string>) {
  return async (db: Receiver['db']) => {
    for (const id of await db.facts.toCollection().primaryKeys()) {
      if (!base.has(id) && !allowed.has(id))
        throw new Error(`a fact not in the original bundle was applied: ${id}`);
    }
  };
}

describe('bundle files, damaged outside the encryption: refused at some step, never applied', () => {
  test('bit flips, cuts, splices, duplicated and moved ranges, huge length fields in real bundles', async () => {
    for (const [name, file, at, seed] of [
      ['official → supervisor', official, () => atS1, 0x5eed01],
      ['supervisor → HR relay', relay, () => atH, 0x5eed02],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(mutatedBytes(file), async (m) => {
          cases++;
          fc.pre(!equalBytes(m.bytes, file));
          const out = await at().check(m.bytes, { mayApply: false });
          expect(out.kind, `${name}: ${m.how}`).toBe('refused');
        }),
        opts(seed, 60),
      );
    }
  });

  test('the same damage through intakeOne (HR’s 接收数据包 of a folder): skipped or refused in Chinese, nothing written', async () => {
    const internal = describeError(new Error('x')).title;
    await fc.assert(
      fc.asyncProperty(mutatedBytes(official), async (m) => {
        cases++;
        fc.pre(!equalBytes(m.bytes, official));
        const db = atS1.db;
        const before = await dbBytes(db);
        const out = await intakeOne(
          db,
          { name: '数据包.dutybook', data: m.bytes },
          { suite: s, keys: S1.keys },
        );
        expect(['skipped', 'refused'], m.how).toContain(out.kind);
        if (out.kind === 'skipped' || out.kind === 'refused') {
          expect(out.reason, m.how).toMatch(/[\u4e00-\u9fff]/);
          expect(out.reason, m.how).not.toContain(internal);
        }
        expect((await dbBytes(db)).equals(before), m.how).toBe(true);
        memory.sample();
      }),
      opts(0x5eed08, 40),
    );
  });

  test('random bytes, bare and behind the magic and version', async () => {
    await fc.assert(
      fc.asyncProperty(randomBytesAfter(concatBytes(MAGIC, Uint8Array.of(1, 0))), async (m) => {
        cases++;
        expect((await atS1.check(m.bytes, { mayApply: false })).kind).toBe('refused');
      }),
      opts(0x5eed03, 120),
    );
  });
});

describe('bundle content damaged inside the encryption (re-encrypted to the recipient, not re-signed)', () => {
  test('mutated decrypted content, incl. huge manifest and entry length fields, is refused when opened', async () => {
    const { content, hint } = await decryptContent(s, S1, official);
    await fc.assert(
      fc.asyncProperty(mutatedBytes(content), async (m) => {
        cases++;
        fc.pre(!equalBytes(m.bytes, content));
        const out = await atS1.check(await seal(s, S1, m.bytes, hint), { mayApply: false });
        expect(out.kind, m.how).toBe('refused');
        if (out.kind === 'refused') expect(out.step, m.how).toBe('open');
      }),
      opts(0x5eed04, 80),
    );
  });
});

describe('bundles re-signed by their sender with a wrong manifest or wrong entries', () => {
  let manifest: BundleManifest;
  let entries: { type: string; bytes: Uint8Array }[];
  let hint: Uint8Array;
  let originalFacts: Set<string>;
  let baseFacts: Set<string>;

  beforeAll(async () => {
    const opened = await openBundle(official, {
      suite: s,
      recipientEncryptionKey: S1.keys.encryption.seed,
      recipientEncryptionPub: S1.keys.encryption.pub,
    });
    manifest = opened.manifest;
    entries = opened.entries.map((e) => ({ type: e.type, bytes: e.bytes }));
    hint = (await decryptContent(s, S1, official)).hint;
    originalFacts = await factIdsOf(official, S1);
    baseFacts = new Set(await atS1.db.facts.toCollection().primaryKeys());
  });

  /** A value as JSON bytes: canonical when it can be, else plain JSON (which a reader must refuse). */
  const jsonBytes = (v: unknown) => {
    try {
      return canonicalJsonBytes(v);
    } catch {
      return utf8(JSON.stringify(v));
    }
  };

  test('manifest fields mutated (acks, entry hashes/types/sizes, ids, names, extensions) and signed again', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedJson(manifest as unknown as JsonValue),
          wellTypedJson(manifest as unknown as JsonValue),
        ),
        async (m) => {
          cases++;
          const manifestBytes = jsonBytes(m.value);
          const signature = await signManifest(s, O1.keys.signing.seed, manifestBytes);
          let h = hint;
          try {
            h = encodeHint(hintFromManifest(m.value as BundleManifest));
          } catch {
            // a manifest no hint can be made from keeps the original hint
          }
          const file = await seal(
            s,
            S1,
            encodeContent(
              manifestBytes,
              signature,
              entries.map((e) => e.bytes),
            ),
            h,
          );
          await atS1.check(file, { mayApply: true, onApplied: onlyOriginalFacts(originalFacts, baseFacts) });
        },
      ),
      opts(0x5eed05, 80),
    );
  });

  const entryOp = fc.oneof(
    fc.nat().map((i) => ({ how: 'remove', i, j: 0, type: '' })),
    fc.nat().map((i) => ({ how: 'duplicate', i, j: 0, type: '' })),
    fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => ({ how: 'swap', i, j, type: '' })),
    fc
      .tuple(fc.nat(), fc.constantFrom('fact', 'attestation', 'roster', 'note', 'record-version', 'x.y'))
      .map(([i, type]) => ({ how: 'retype', i, j: 0, type })),
  );

  test('entries removed, duplicated, swapped, retyped, byte-damaged or JSON-damaged, with hashes made to match', async () => {
    const damaged = fc.oneof(
      fc.nat().chain((i) => {
        const e = entries[i % entries.length]!;
        return mutatedBytes(e.bytes).map((m) => ({ i, how: `bytes of ${i}: ${m.how}`, bytes: m.bytes }));
      }),
      {
        weight: 2,
        arbitrary: fc.nat().chain((i) => {
          const e = entries[i % entries.length]!;
          return mutatedJson(JSON.parse(new TextDecoder().decode(e.bytes)) as JsonValue).map((m) => ({
            i,
            how: `json of ${i}: ${m.how}`,
            bytes: jsonBytes(m.value),
          }));
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant([]), fc.array(entryOp, { minLength: 1, maxLength: 3 })),
        fc.option(damaged, { nil: undefined }),
        async (list, dmg) => {
          cases++;
          let es = entries.map((e) => ({ ...e }));
          if (dmg) es[dmg.i % es.length] = { type: es[dmg.i % es.length]!.type, bytes: dmg.bytes };
          for (const op of list) {
            if (es.length === 0) break;
            const i = op.i % es.length;
            if (op.how === 'remove') es = es.filter((_, k) => k !== i);
            else if (op.how === 'duplicate') es.splice(i, 0, { ...es[i]! });
            else if (op.how === 'swap') {
              const j = op.j % es.length;
              [es[i], es[j]] = [es[j]!, es[i]!];
            } else es[i] = { ...es[i]!, type: op.type };
          }
          const file = await writeBundle({
            suite: s,
            sender: {
              signingKey: O1.keys.signing.seed,
              signingPub: O1.keys.signing.pub,
              name: manifest.senderName,
            },
            recipient: { encryptionPub: S1.keys.encryption.pub, name: manifest.recipientName },
            entries: es,
            acks: manifest.acks,
            sequence: manifest.sequence,
          });
          await atS1.check(file, { mayApply: true, onApplied: onlyOriginalFacts(originalFacts, baseFacts) });
        },
      ),
      opts(0x5eed06, 80),
    );
  });
});

describe('records re-signed by their author with wrong content (reaches the record checks and the apply)', () => {
  test('a plan, record book or summary whose body or envelope is mutated, attested again by its author', async () => {
    const opened = await openBundle(official, {
      suite: s,
      recipientEncryptionKey: S1.keys.encryption.seed,
      recipientEncryptionPub: S1.keys.encryption.pub,
    });
    const facts = opened.entries
      .filter((e) => e.type === 'fact')
      .map((e) => {
        const r = parseFact(e.bytes);
        if ('problem' in r) throw new Error('the real bundle holds a bad fact');
        return r.fact;
      });
    const mutatedFact = fc.oneof(
      ...facts.map((f, i) =>
        fc
          .oneof(mutatedJson(decodeBody(f.body) as JsonValue), wellTypedJson(decodeBody(f.body) as JsonValue))
          .map((m) => {
            let body: string;
            try {
              body = encodeBody(m.value);
            } catch {
              body = JSON.stringify(m.value);
            }
            return { i, how: `body of ${f.type}: ${m.how}`, fact: { ...f, body } };
          }),
      ),
      ...facts.map((f, i) =>
        fc
          .oneof(mutatedJson(f as unknown as JsonValue), wellTypedJson(f as unknown as JsonValue))
          .map((m) => ({ i, how: `envelope of ${f.type}: ${m.how}`, fact: m.value })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(mutatedFact, async (m) => {
        cases++;
        let bytes: Uint8Array;
        try {
          bytes = factBytes(m.fact as Fact);
        } catch {
          bytes = utf8(JSON.stringify(m.fact));
        }
        const id = sha256Hex(bytes);
        const others = facts.filter((_, k) => k !== m.i);
        const attestation = await makeAttestation(s, O1.keys.signing.seed, {
          author: 'O1',
          authorKey: O1.signingPub,
          factIds: [id, ...others.map((f) => sha256Hex(factBytes(f)))],
        });
        const file = await writeBundle({
          suite: s,
          sender: { signingKey: O1.keys.signing.seed, signingPub: O1.keys.signing.pub, name: 'O1' },
          recipient: { encryptionPub: S1.keys.encryption.pub, name: 'S1' },
          entries: [
            { type: 'attestation', bytes: attestationBytes(attestation) },
            ...others.map((f) => ({ type: 'fact', bytes: factBytes(f) })),
            { type: 'fact', bytes },
          ],
          acks: null,
          sequence: 50,
        });
        await atS1.check(file, {
          mayApply: true,
          // What was applied, the supervisor's screens read without a raw error.
          onApplied: async (db) => {
            await read(`readPersonYear after ${m.how}`, () => readPersonYear(db, 'O1', 2026));
            await read(`getPlan after ${m.how}`, () => getPlan(db, 'O1', 2026));
            await read(`listConflicts after ${m.how}`, () => listConflicts(db));
          },
        });
      }),
      opts(0x5eed07, 100),
    );
  });
});

describe('resource limits: what a hostile file claims is never allocated', () => {
  const u32 = (n: number) => concatBytes(u16be(Math.floor(n / 65536)), u16be(n % 65536));

  /** A content whose signed-looking manifest declares `sizes` but carries no entry bytes at all. */
  function declaringContent(sizes: number[]): Uint8Array {
    const manifest = {
      acks: null,
      bundleId: '01JGFJJZ000000000000000000',
      createdAt: '2026-01-02T03:04:05.678Z',
      entries: sizes.map((size, k) => ({ hash: sha256Hex(Uint8Array.of(k)), size, type: 'fact' })),
      format: 1,
      recipientKeyId: 'a'.repeat(64),
      recipientName: 'S1',
      senderKeyId: 'b'.repeat(64),
      senderName: 'O1',
      sequence: 1,
    };
    return concatBytes(
      u32(canonicalJsonBytes(manifest).length),
      canonicalJsonBytes(manifest),
      new Uint8Array(64),
    );
  }

  test('a manifest declaring 15 entries of 16 MiB in a file of a few hundred bytes', async () => {
    const { hint } = await decryptContent(s, S1, official);
    const file = await seal(s, S1, declaringContent(Array.from({ length: 15 }, () => 16 * MiB)), hint);
    expect(file.length).toBeLessThan(2048);
    const growth = await growthDuring(() => atS1.check(file, { mayApply: false }));
    expect(growth).toBeLessThan(32 * MiB);
  });

  test('a header claiming a 4 GiB payload, and a content claiming a 4 GiB manifest', async () => {
    const { hint } = await decryptContent(s, S1, official);
    const content = declaringContent([10]);
    for (const file of [
      await seal(s, S1, content, hint, 2 ** 32),
      await seal(s, S1, concatBytes(u32(0xffffffff), content.subarray(4)), hint),
      await seal(s, S1, concatBytes(u32(0xffffffff), content.subarray(4)), hint, 2 ** 53 - 1),
    ]) {
      const growth = await growthDuring(() => atS1.check(file, { mayApply: false }));
      expect(growth).toBeLessThan(32 * MiB);
    }
  });
});
