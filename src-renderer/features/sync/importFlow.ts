/**
 * One bundle file through the import steps, as the screen shows them: the readable hint first (no
 * key needed: a file for someone else is named as such and goes no further), then decrypt, verify
 * and plan (nothing written), then — only when the person confirms — one all-or-nothing apply.
 */
import { describeError, type ErrorDescription } from '../../../shared/errors/messages.zh';
import { isBundleError } from '../../../shared/errors/bundle-errors';
import { readBundleHint } from '../../../shared/bundle/container';
import { fingerprint } from '../../../shared/bundle/crypto';
import { applyImport, readBundle, type ImportPlan } from '../../../shared/sync';
import type { DutyBookDb } from '../../../shared/store';
import { zh } from '../../i18n/zh';
import type { Identity } from '../../bundles/identity';

const t = zh.sync.importer;

export type ImportItem = {
  key: string;
  name: string;
  bytes: Uint8Array;
  hint?: { from: string; to: string };
  state: 'waiting' | 'reading' | 'not-for-me' | 'failed' | 'preview' | 'applying' | 'applied' | 'already';
  plan?: ImportPlan;
  /** For 'not-for-me': who the file is for. */
  intendedFor?: string;
  error?: ErrorDescription;
  result?: string;
};

/** Reads the hint and, when the file is ours, verifies it and plans the import. Never writes. */
export async function previewItem(db: DutyBookDb, id: Identity, item: ImportItem): Promise<ImportItem> {
  let hint;
  try {
    hint = readBundleHint(item.bytes).hint;
  } catch (e) {
    return { ...item, state: 'failed', error: describeError(e) };
  }
  const withHint: ImportItem = { ...item, hint: { from: hint.sender.name, to: hint.recipient.name } };
  if (hint.recipient.fingerprint !== fingerprint(id.keys.encryption.pub)) {
    return { ...withHint, state: 'not-for-me', intendedFor: hint.recipient.name };
  }
  try {
    const plan = await readBundle(db, item.bytes, { suite: id.suite, keys: id.keys });
    return { ...withHint, plan, state: plan.status === 'already-imported' ? 'already' : 'preview' };
  } catch (e) {
    if (isBundleError(e) && e.kind === 'wrong-recipient' && typeof e.details.intendedRecipient === 'string') {
      return { ...withHint, state: 'not-for-me', intendedFor: e.details.intendedRecipient };
    }
    return { ...withHint, state: 'failed', error: describeError(e) };
  }
}

export async function applyItem(db: DutyBookDb, item: ImportItem): Promise<ImportItem> {
  if (!item.plan) return item;
  try {
    const r = await applyImport(db, item.plan);
    if (r.status === 'already-imported') return { ...item, state: 'already' };
    return { ...item, state: 'applied', result: t.done(r.facts) + (r.rosterVersion !== null ? t.rosterDone(r.rosterVersion) : '') };
  } catch (e) {
    return { ...item, state: 'failed', error: describeError(e) };
  }
}
