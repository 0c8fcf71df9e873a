/**
 * The model and the container together: `createBundle` plans an export, signs this install's
 * attestation, writes the encrypted bundle and logs it; `readBundle` opens a bundle file and plans
 * its import (the preview). Applying is a separate step (`applyImport`) so the clerk can look first.
 * Crypto-heavy and asynchronous throughout: run in a worker (no Dexie transaction spans these awaits).
 */
import { newId } from '../domain/ids';
import type { DutyBookDb } from '../store/db';
import { getCurrentRoster, getPinnedHr, getSelfIdentity } from '../store/sync-repo';
import { fromHex } from '../bundle/bytes';
import { bundleWriter, openBundle } from '../bundle/container';
import { prepareWorkerDeflate } from '../bundle/deflate';
import type { CryptoSuite } from '../bundle/crypto';
import type { BundleLimits } from '../bundle/format';
import { SyncError } from '../ledger/errors';
import {
  exportEntryChunks,
  exportOtherEntries,
  factEntry,
  planExport,
  recordExport,
  type ExportOptions,
  type ExportPlan,
} from './export';
import type { DeviceKeys } from '../ledger/identity';
import { planImport, type ImportContext, type ImportPlan } from './import';
import { whoHoldsKey } from '../ledger/roster';

/** This device's identity, roster and pinned HR key, as planImport needs them. */
export async function loadImportContext(db: DutyBookDb, suite: CryptoSuite): Promise<ImportContext> {
  const me = await getSelfIdentity(db);
  if (!me) throw new SyncError('not-enrolled', '本机尚未生成密钥');
  return { suite, me, roster: await getCurrentRoster(db), pinnedHrKey: await getPinnedHr(db) };
}

export type CreateBundleOptions = {
  suite: CryptoSuite;
  keys: DeviceKeys;
  peer: ExportOptions['peer'];
  full?: boolean;
  limit?: number;
  now?: Date;
  /**
   * Leave the export out of the bundle log until `commit()` is called — for a UI that still has to
   * ask where to save the file, so that a cancelled save is not logged as sent.
   */
  deferRecord?: boolean;
};

/**
 * How every bundle this device writes is compressed (the reader accepts any DEFLATE): the
 * platform's own zlib, where there is one, else fflate at its fastest level.
 */
export const EXPORT_COMPRESSION_LEVEL = 'platform' as const;

export async function createBundle(
  db: DutyBookDb,
  options: CreateBundleOptions,
): Promise<{ bytes: Uint8Array; bundleId: string; plan: ExportPlan; commit: () => Promise<void> }> {
  prepareWorkerDeflate(); // loads while the export is planned (a large one deflates there)
  const me = await getSelfIdentity(db);
  const roster = await getCurrentRoster(db);
  if (!me) throw new SyncError('not-enrolled', '本机尚未生成密钥');
  if (!roster) throw new SyncError('no-roster', '本机还没有人员名册,请先导入人事部门发来的数据包');
  const now = options.now ?? new Date();
  const bundleId = newId(now.getTime());
  // The facts go out as the canonical bytes they were stored with (no encoding). Compression is most
  // of the export's work after the read: the platform's zlib (faster than fflate at its fastest level,
  // a third smaller), for a large export mostly in a worker, fed chunk by chunk (shared/bundle/deflate.ts).
  // A full scan gives the writer the facts part by part as IndexedDB reads them, so they are compressed
  // meanwhile; each part holds whole records in install and counter order (kept together, a record's
  // versions compress to 1.68 MB per 10,000 against 2.60 MB scattered).
  const newWriter = () => bundleWriter({ compressionLevel: EXPORT_COMPRESSION_LEVEL });
  let writer = newWriter();
  let bytes: Uint8Array;
  let plan: ExportPlan;
  try {
    plan = await planExport(
      db,
      {
        me,
        peer: options.peer,
        roster,
        ...(options.full ? { full: true } : {}),
        ...(options.limit ? { limit: options.limit } : {}),
      },
      (facts) => writer.add(facts.map(factEntry)),
    );
    if (plan.streamed)
      writer.add(await exportOtherEntries(options.suite, plan, me, options.keys.signing.seed));
    else {
      // Past the limit (or by index) the plan sends other facts than the writer got: write afresh.
      writer.abort();
      writer = newWriter();
      for await (const chunk of exportEntryChunks(options.suite, plan, me, options.keys.signing.seed))
        writer.add(chunk);
    }
    bytes = await writer.finish({
      suite: options.suite,
      sender: {
        signingKey: options.keys.signing.seed,
        signingPub: options.keys.signing.pub,
        name: whoHoldsKey(roster.roster, me.signingPub)?.person.name ?? me.personId,
      },
      recipient: {
        encryptionPub: fromHex(plan.peer.encryptionPub),
        name: plan.peer.name,
        keyId: plan.peer.encryptionPub,
      },
      acks: plan.acks,
      sequence: plan.sequence,
      bundleId,
      createdAt: now.getTime(),
    });
  } catch (e) {
    writer.abort();
    throw e;
  }
  const commit = () => recordExport(db, plan, bundleId, now);
  if (!options.deferRecord) await commit();
  return { bytes, bundleId, plan, commit };
}

/** Opens a bundle file (BundleError on any container failure) and plans its import. */
export async function readBundle(
  db: DutyBookDb,
  bytes: Uint8Array,
  options: {
    suite: CryptoSuite;
    keys: DeviceKeys;
    limits?: Partial<BundleLimits>;
    /** The device's identity, roster and pinned key, when the caller already holds them (a batch). */
    context?: ImportContext;
  },
): Promise<ImportPlan> {
  const opened = await openBundle(bytes, {
    suite: options.suite,
    recipientEncryptionKey: options.keys.encryption.seed,
    recipientEncryptionPub: options.keys.encryption.pub,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return planImport(db, opened, options.context ?? (await loadImportContext(db, options.suite)));
}
