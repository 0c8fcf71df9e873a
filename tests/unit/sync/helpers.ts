/**
 * Fixed keys and inputs shared by the sync tests, the golden generator and the documented test vector.
 * No vitest import here: scripts/golden-bundles.ts uses this file outside the test runner.
 */
import { fromHex, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes } from '../../../shared/bundle/canonical-json';
import { openBundle, writeBundle } from '../../../shared/bundle/container';
import type { OpenedBundle, WriteBundleInput } from '../../../shared/bundle/container';
import { nobleSuite } from '../../../shared/bundle/crypto';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import { BundleError } from '../../../shared/errors/bundle-errors';
import type { BundleErrorKind } from '../../../shared/errors/bundle-errors';
import type { BundleLimits } from '../../../shared/bundle/format';

const seq = (from: number) => Uint8Array.from({ length: 32 }, (_, i) => from + i);

/** Seeds in the docs' test vector: bytes 00..1f, 20..3f, 40..5f, 60..7f. */
export const SEEDS = {
  senderSigning: seq(0x00),
  recipientEncryption: seq(0x20),
  ephemeral: seq(0x40),
  otherEncryption: seq(0x60),
};

export type Party = { name: string; encryptionKey: Uint8Array; encryptionPub: Uint8Array };
export type Fixture = {
  suite: CryptoSuite;
  sender: { signingKey: Uint8Array; signingPub: Uint8Array; name: string };
  /** 张三: the recipient of every fixture bundle. */
  zhang: Party;
  /** 王五: someone else. */
  wang: Party;
};

export async function fixture(suite: CryptoSuite = nobleSuite): Promise<Fixture> {
  return {
    suite,
    sender: { signingKey: SEEDS.senderSigning, signingPub: await suite.ed25519PublicKey(SEEDS.senderSigning), name: '李四' },
    zhang: { name: '张三', encryptionKey: SEEDS.recipientEncryption, encryptionPub: await suite.x25519PublicKey(SEEDS.recipientEncryption) },
    wang: { name: '王五', encryptionKey: SEEDS.otherEncryption, encryptionPub: await suite.x25519PublicKey(SEEDS.otherEncryption) },
  };
}

export const VECTOR = {
  bundleId: '01JGFJJZ000000000000000000',
  createdAt: Date.UTC(2025, 0, 2, 3, 4, 5, 678),
  sequence: 7,
  acks: { '01JGFJJZ00AAAAAAAAAAAAAAAA': 12 },
  entries: [
    { type: 'record-version', bytes: canonicalJsonBytes({ id: 'r1', text: '完成季度工作小结' }) },
    { type: 'note', bytes: utf8('hello') },
  ],
};

/** The documented test vector's input (docs/bundle-format.md, "Test vector"). */
export function vectorInput(f: Fixture, overrides: Partial<WriteBundleInput> = {}): WriteBundleInput {
  return {
    suite: f.suite,
    sender: f.sender,
    recipient: { encryptionPub: f.zhang.encryptionPub, name: f.zhang.name },
    entries: VECTOR.entries,
    acks: VECTOR.acks,
    sequence: VECTOR.sequence,
    bundleId: VECTOR.bundleId,
    createdAt: VECTOR.createdAt,
    ephemeralKey: SEEDS.ephemeral,
    ...overrides,
  };
}

export function vectorBundle(f: Fixture, overrides: Partial<WriteBundleInput> = {}): Promise<Uint8Array> {
  return writeBundle(vectorInput(f, overrides));
}

export function openAs(f: Fixture, who: Party, bytes: Uint8Array, limits?: Partial<BundleLimits>): Promise<OpenedBundle> {
  return openBundle(bytes, { suite: f.suite, recipientEncryptionKey: who.encryptionKey, recipientEncryptionPub: who.encryptionPub, limits });
}

/** Runs `open` and returns the BundleError it must throw (anything else fails the test). */
export async function bundleErrorOf(open: Promise<unknown>): Promise<BundleError> {
  try {
    await open;
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw new Error(`expected a BundleError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a BundleError, but the bundle opened');
}

export async function expectKind(open: Promise<unknown>, kind: BundleErrorKind, reason?: string): Promise<BundleError> {
  const e = await bundleErrorOf(open);
  if (e.kind !== kind || (reason !== undefined && e.details.reason !== reason)) {
    throw new Error(`expected ${kind}/${reason ?? '*'}, got ${e.kind}/${String(e.details.reason)}: ${e.message}`, { cause: e });
  }
  return e;
}

export const hex = fromHex;
