/**
 * P19: the inner layer's test vector in docs/bundle-format.md (§24) is read out of the document itself
 * and every printed value is recomputed from the printed inputs — once with an independent encoder
 * (sorted-key JSON.stringify, @noble directly) following the document's words, once with the
 * project's own code and both crypto suites — so neither the document nor the code can drift alone.
 */
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../shared/bundle/bytes';
import { nobleSuite, webCryptoSuite } from '../../../shared/bundle/crypto';
import { makeAttestation, parseAttestation, verifyAttestation } from '../../../shared/ledger/attestations';
import { factBytes, factId, parseFact } from '../../../shared/ledger/facts';
import { hrRotationSchema, verifyRotation } from '../../../shared/ledger/roster';
import type { Fact } from '../../../shared/ledger/types';
import { LEDGER_BEGIN, LEDGER_DOC_PATH, LEDGER_END, ledgerVectorMarkdown, writeLedgerVector } from './ledger-vector';

beforeAll(async () => {
  if (process.env.UPDATE_GOLDEN === '1') await writeLedgerVector();
});

type DocVector = { values: Map<string, string>; json: string[] };

/** The block between the markers: its `label  value` lines (wrapped values joined) and its JSON blocks. */
function readDocVector(): DocVector {
  const md = readFileSync(LEDGER_DOC_PATH, 'utf8');
  const a = md.indexOf(LEDGER_BEGIN);
  const b = md.indexOf(LEDGER_END);
  if (a < 0 || b < a) throw new Error('no ledger vector in docs/bundle-format.md');
  const fences = [...md.slice(a, b).matchAll(/```(text|json)\n([\s\S]*?)\n```/g)];
  const values = new Map<string, string>();
  let last = '';
  for (const [, kind, text] of fences) {
    if (kind !== 'text') continue;
    for (const line of text!.split('\n')) {
      const m = /^(\S.*?) {2,}(\S+)$/.exec(line);
      if (m) values.set((last = m[1]!), m[2]!);
      else if (line.trim()) values.set(last, values.get(last)! + line.trim());
    }
  }
  return { values, json: fences.filter(([, kind]) => kind === 'json').map(([, , text]) => text!) };
}

/** Canonical JSON as §9 words it, for values of strings, integers, arrays and objects with ASCII keys. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const hex = (b: Uint8Array) => toHex(b);
let doc: DocVector;
let value: (label: string) => string;
let fact: Fact;

beforeAll(() => {
  doc = readDocVector();
  value = (label) => {
    const v = doc.values.get(label);
    if (v === undefined) throw new Error(`the vector has no “${label}”`);
    return v;
  };
  fact = JSON.parse(doc.json[0]!) as Fact;
});

describe('the inner layer test vector, recomputed from the document', () => {
  test('the document prints every value the vector promises', () => {
    for (const label of ['author Ed25519 seed', 'author Ed25519 public', 'fact bytes', 'fact id', 'manifest entry', 'attestation signed bytes', 'attestation signature', 'attestation id'])
      expect(doc.values.has(label), label).toBe(true);
    for (const label of ['old HR Ed25519 seed', 'new HR Ed25519 seed', 'rotation signed bytes', 'old key signature', 'new key signature'])
      expect(doc.values.has(label), label).toBe(true);
    expect(doc.json).toHaveLength(6);
  });

  test('the author key: the public key of the printed seed, and the fact\'s authorKey', async () => {
    const seed = fromHex(value('author Ed25519 seed'));
    expect(hex(ed25519.getPublicKey(seed))).toBe(value('author Ed25519 public'));
    for (const suite of [nobleSuite, webCryptoSuite()!]) expect(hex(await suite.ed25519PublicKey(seed))).toBe(value('author Ed25519 public'));
    expect(fact.authorKey).toBe(value('author Ed25519 public'));
  });

  test('the fact: canonical JSON, its UTF-8 bytes, and the id = SHA-256 of those bytes', () => {
    const canonical = sortedJson(fact);
    expect(canonical).toBe(doc.json[1]);
    expect(hex(utf8(canonical))).toBe(value('fact bytes'));
    expect(hex(sha256(utf8(canonical)))).toBe(value('fact id'));
    // The project's own encoder and parser agree.
    expect(hex(factBytes(fact))).toBe(value('fact bytes'));
    expect(factId(fact)).toBe(value('fact id'));
    const parsed = parseFact(fromHex(value('fact bytes')));
    expect(parsed).toEqual({ fact, id: value('fact id') });
    // The body is a string holding its own canonical JSON text.
    expect(sortedJson(JSON.parse(fact.body))).toBe(fact.body);
  });

  test('the manifest entry that carries the fact: type "fact", hash = the fact id, size = its byte count', () => {
    const bytes = fromHex(value('fact bytes'));
    expect(value('manifest entry')).toBe(sortedJson({ hash: value('fact id'), size: bytes.length, type: 'fact' }));
  });

  test('the attestation: signed bytes = domain ‖ 0x00 ‖ canonical {author, authorKey, factIds, v}; Ed25519 by the author', async () => {
    const signedPart = { v: 1, author: fact.author, authorKey: fact.authorKey, factIds: [value('fact id')] };
    expect(sortedJson(signedPart)).toBe(doc.json[2]);
    const signed = new Uint8Array([...utf8('dutybook-attestation-v1'), 0, ...utf8(sortedJson(signedPart))]);
    expect(hex(signed)).toBe(value('attestation signed bytes'));
    const seed = fromHex(value('author Ed25519 seed'));
    expect(hex(ed25519.sign(signed, seed))).toBe(value('attestation signature'));
    expect(ed25519.verify(fromHex(value('attestation signature')), signed, fromHex(value('author Ed25519 public')), { zip215: false })).toBe(true);
    // The entry is the canonical JSON of all five fields; its id is the SHA-256 of the entry.
    const entry = sortedJson({ ...signedPart, signature: value('attestation signature') });
    expect(entry).toBe(doc.json[3]);
    expect(hex(sha256(utf8(entry)))).toBe(value('attestation id'));
    // The project's own code makes and accepts exactly this, with both suites.
    for (const suite of [nobleSuite, webCryptoSuite()!]) {
      const made = await makeAttestation(suite, seed, { author: fact.author, authorKey: fact.authorKey, factIds: [value('fact id')] });
      expect(made.signature).toBe(value('attestation signature'));
      const parsed = parseAttestation(utf8(entry));
      if ('problem' in parsed) throw new Error(parsed.detail);
      expect(parsed.id).toBe(value('attestation id'));
      expect(await verifyAttestation(suite, parsed.attestation)).toBe(true);
      // The same signature under another domain, or over another id, does not verify.
      expect(await verifyAttestation(suite, { ...parsed.attestation, factIds: ['0'.repeat(64)] })).toBe(false);
    }
    const asRoster = new Uint8Array([...utf8('dutybook-roster-v1'), 0, ...utf8(sortedJson(signedPart))]);
    expect(ed25519.verify(fromHex(value('attestation signature')), asRoster, fromHex(value('author Ed25519 public')))).toBe(false);
  });

  test('the HR key rotation: signed bytes = domain ‖ 0x00 ‖ canonical statement without its signatures; signed by both keys', async () => {
    const rotation = JSON.parse(doc.json[4]!) as Record<string, unknown>;
    expect(sortedJson(rotation)).toBe(doc.json[4]);
    const oldSeed = fromHex(value('old HR Ed25519 seed'));
    const newSeed = fromHex(value('new HR Ed25519 seed'));
    expect(rotation.oldKey).toBe(hex(ed25519.getPublicKey(oldSeed)));
    expect(rotation.newKey).toBe(hex(ed25519.getPublicKey(newSeed)));
    const { oldSignature, newSignature, ...body } = rotation;
    expect(sortedJson(body)).toBe(doc.json[5]);
    const signed = new Uint8Array([...utf8('dutybook-hr-rotation-v1'), 0, ...utf8(sortedJson(body))]);
    expect(hex(signed)).toBe(value('rotation signed bytes'));
    expect(hex(ed25519.sign(signed, oldSeed))).toBe(value('old key signature'));
    expect(hex(ed25519.sign(signed, newSeed))).toBe(value('new key signature'));
    expect([oldSignature, newSignature]).toEqual([value('old key signature'), value('new key signature')]);
    const parsed = hrRotationSchema.parse(rotation);
    for (const suite of [nobleSuite, webCryptoSuite()!]) {
      expect(await verifyRotation(suite, parsed)).toBe(true);
      expect(await verifyRotation(suite, { ...parsed, newSignature: parsed.oldSignature })).toBe(false);
    }
  });

  test('the block is what the generator writes today (UPDATE_GOLDEN=1 rewrites it)', async () => {
    const md = readFileSync(LEDGER_DOC_PATH, 'utf8');
    expect(md.slice(md.indexOf(LEDGER_BEGIN), md.indexOf(LEDGER_END) + LEDGER_END.length)).toBe(await ledgerVectorMarkdown());
  });
});
