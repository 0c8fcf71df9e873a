/**
 * The model and the container together: `createBundle` plans an export, signs this install's
 * attestation, writes the encrypted bundle and logs it; `readBundle` opens a bundle file and plans
 * its import (the preview). Applying is a separate step (`applyImport`) so the clerk can look first.
 * Crypto-heavy and asynchronous throughout: run in a worker (no Dexie transaction spans these awaits).
 */
import { newId } from '../../domain/ids';
import type { DutyBookDb } from '../../store/db';
import { getCurrentRoster, getPinnedHr, getSelfIdentity } from '../../store/sync-repo';
import { fromHex, Utf8Arena } from '../bytes';
import { bundleWriter, openBundle } from '../container';
import { prepareWorkerDeflate } from '../deflate';
import type { CryptoSuite } from '../crypto';
import type { BundleLimits } from '../format';
import { SyncError } from './errors';
import {
  exportTrustEntries,
  factEntry,
  factEntryChunks,
  planExport,
  recordExport,
  type ExportOptions,
  type ExportPlan,
} from './export';
import type { DeviceKeys } from './identity';
import { planImport, type ImportContext, type ImportPlan } from './import';
import { whoHoldsKey } from './roster';

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
  // Compression was most of the export's write stage: the platform's zlib (faster than fflate at its
  // fastest level, a third smaller), and for a large export mostly in a worker, fed chunk by chunk
  // while the rest is still being read and encoded (shared/sync/deflate.ts). A full scan hands over
  // the facts to send as it reads them; the roster and attestations, known at the end, follow them.
  const newWriter = () => bundleWriter({ compressionLevel: EXPORT_COMPRESSION_LEVEL });
  let writer = newWriter();
  const arena = new Utf8Arena();
  let plan: ExportPlan;
  let bytes: Uint8Array;
  const now = options.now ?? new Date();
  const bundleId = newId(now.getTime());
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
      (facts) => writer.add(facts.map((f) => factEntry(arena, f))),
    );
    if (!plan.streamed) {
      // Past the limit (or not a full scan): what the sink got, if anything, is not the bundle.
      writer.abort();
      writer = newWriter();
      for (const chunk of factEntryChunks(plan.facts)) writer.add(chunk);
    }
    writer.add(await exportTrustEntries(options.suite, plan, me, options.keys.signing.seed));
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
