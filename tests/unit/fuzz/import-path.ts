/**
 * A bundle file through the whole import path, as the app runs it (shared/sync/intake.ts,
 * src-renderer/features/sync/importFlow.ts): the readable hint, then decrypt + verify + plan
 * (`readBundle`), then the one all-or-nothing `applyImport`. Every step either works or throws a
 * clear DutyBookError; a refused file leaves the database byte for byte as it was.
 */
import { inflateSync } from 'fflate';
import { concatBytes } from '../../../shared/bundle/bytes';
import { readBundleHint } from '../../../shared/bundle/container';
import { compressContent } from '../../../shared/bundle/content';
import type { CryptoSuite } from '../../../shared/bundle/crypto';
import { deriveBundleKeys, parseFrame, parseHeader } from '../../../shared/bundle/header';
import { applyImport, readBundle, type DeviceKeys, type ImportPlan } from '../../../shared/sync';
import { openStream } from '../../../shared/bundle/stream';
import type { DutyBookDb } from '../../../shared/store';
import { craftContainer } from '../sync/craft';
import type { Fixture } from '../sync/helpers';
import type { Device } from '../sync/model/harness';
import { cloneDb, dbBytes, expectClearError, read, type MemoryProbe } from './fuzz';

const CJK = /[\u4e00-\u9fff]/;

export type Outcome =
  | { kind: 'applied'; plan: ImportPlan }
  | { kind: 'refused'; step: 'open' | 'plan' | 'apply'; why: string }
  | { kind: 'already' };

/** Hint → readBundle → applyImport. Throws (fails the case) on anything but a clear refusal. */
export async function importPath(
  db: DutyBookDb,
  keys: DeviceKeys,
  suite: CryptoSuite,
  bytes: Uint8Array,
): Promise<Outcome> {
  // The hint is read first, without a key; the app stops at a bad one, the CLI goes on: check both.
  await read('readBundleHint', () => readBundleHint(bytes));
  const opened = await read('readBundle', () => readBundle(db, bytes, { suite, keys }));
  if (!opened.ok) return { kind: 'refused', step: 'open', why: opened.error.message };
  const plan = opened.value;
  if (plan.status === 'already-imported') return { kind: 'already' };
  if (plan.status === 'rejected') {
    if (plan.rejected.length === 0 && !plan.trustNeeded) throw new Error('a rejected plan gives no reason');
    for (const r of plan.rejected) {
      if (!CJK.test(r.reason) || !CJK.test(r.what))
        throw new Error(`a reason not in words for a clerk: ${r.what}: ${r.reason}`);
    }
    // The app never applies a rejected plan; applyImport refuses it all the same.
    try {
      await applyImport(db, plan);
    } catch (e) {
      expectClearError(e, 'applyImport(rejected plan)');
      return {
        kind: 'refused',
        step: 'plan',
        why: plan.rejected.map((r) => `${r.what}: ${r.reason}`).join('; '),
      };
    }
    throw new Error('applyImport applied a rejected plan');
  }
  const applied = await read('applyImport', () => applyImport(db, plan));
  if (!applied.ok) return { kind: 'refused', step: 'apply', why: applied.error.message };
  return applied.value.status === 'applied' ? { kind: 'applied', plan } : { kind: 'already' };
}

/** A device receiving files, started again from `base` after each file that was applied. */
export class Receiver {
  db!: DutyBookDb;
  readonly outcomes: Record<string, number> = {};
  /** The bytes of `db` as the case starts (every case starts from `base`: taken once per copy). */
  private start: Buffer | null = null;

  private constructor(
    readonly device: Device,
    private readonly base: DutyBookDb,
    private readonly suite: CryptoSuite,
    private readonly memory: MemoryProbe,
  ) {}

  /** `device` as it is now is the state every case starts from. */
  static async of(device: Device, suite: CryptoSuite, memory: MemoryProbe): Promise<Receiver> {
    const r = new Receiver(device, await cloneDb(device.db), suite, memory);
    r.db = await cloneDb(r.base);
    return r;
  }

  /**
   * One case: the whole import path, then "nothing applied" for anything not applied. `mayApply`
   * false: the file is damaged, so applying it at all is a failure; `onApplied` checks what got in.
   */
  async check(
    bytes: Uint8Array,
    opts: { mayApply: boolean; onApplied?: (db: DutyBookDb, plan: ImportPlan) => Promise<void> },
  ): Promise<Outcome> {
    this.start ??= await dbBytes(this.db);
    const before = this.start;
    const out = await importPath(this.db, this.device.keys, this.suite, bytes);
    const key = out.kind === 'refused' ? `refused at ${out.step}` : out.kind;
    this.outcomes[key] = (this.outcomes[key] ?? 0) + 1;
    if (out.kind === 'applied') {
      try {
        if (!opts.mayApply) throw new Error('a damaged file was applied');
        await opts.onApplied?.(this.db, out.plan);
      } finally {
        this.db.close();
        this.db = await cloneDb(this.base);
        this.start = null;
      }
    } else if (!(await dbBytes(this.db)).equals(before)) {
      throw new Error(`the database changed although nothing was applied (${out.kind})`);
    }
    this.memory.sample();
    return out;
  }
}

// ---- Inside the encryption ----

/** The decrypted, inflated content of a bundle for `to`, and its hint bytes. */
export async function decryptContent(
  suite: CryptoSuite,
  to: Device,
  bytes: Uint8Array,
): Promise<{ content: Uint8Array; hint: Uint8Array }> {
  const frame = parseFrame(bytes);
  const header = parseHeader(bytes, frame);
  const shared = await suite.x25519SharedSecret(to.keys.encryption.seed, header.ephemeralPub);
  const keys = await deriveBundleKeys(suite, shared, header.ephemeralPub, to.keys.encryption.pub);
  const aead = await suite.aesGcmKey(keys.payloadKey);
  const parts: Uint8Array[] = [];
  for await (const c of openStream(aead, bytes.subarray(header.payloadOffset), header.payloadLength!))
    parts.push(c);
  return { content: inflateSync(concatBytes(...parts)), hint: frame.hintBytes.slice() };
}

/** Content bytes (any bytes) deflated and encrypted to `to`, behind `hint`: a file only `to` can open. */
export function seal(
  suite: CryptoSuite,
  to: Device,
  content: Uint8Array,
  hint: Uint8Array,
  payloadLength?: number,
): Promise<Uint8Array> {
  return craftContainer({ suite } as Fixture, to.keys.encryption.pub, {
    payload: compressContent(content, 1),
    hint,
    ...(payloadLength !== undefined ? { payloadLength } : {}),
  });
}
