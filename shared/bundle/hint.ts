/**
 * The hint: canonical JSON readable without any key, so a clerk holding the wrong stick learns whom
 * the file is for. It is UNTRUSTED until `checkHint` compares it with the signed manifest.
 */
import { canonicalJsonBytes, CanonicalJsonError, isJsonObject, parseCanonicalJson } from './canonical-json';
import type { JsonValue } from './canonical-json';
import { BundleError, type ReasonSuffix } from '../errors/bundle-errors';
import { MAX_HINT_BYTES } from './format';
import { hintFromManifest, isBundleId, isCreatedAt, isDisplayName, isFingerprint } from './manifest';
import type { BundleHint, BundleManifest } from './manifest';

export function encodeHint(hint: BundleHint): Uint8Array {
  const bytes = canonicalJsonBytes(hint);
  if (bytes.length > MAX_HINT_BYTES) throw new RangeError(`hint of ${bytes.length} bytes exceeds ${MAX_HINT_BYTES}`);
  return bytes;
}

function malformed(reason: ReasonSuffix<'malformed', 'hint'>, cause?: unknown): BundleError {
  return new BundleError('malformed', `hint: ${reason}`, { reason: `hint-${reason}` as const }, cause ? { cause } : undefined);
}

function party(v: JsonValue | undefined, which: 'sender' | 'recipient'): { name: string; fingerprint: string } {
  if (!isJsonObject(v) || !isDisplayName(v.name) || !isFingerprint(v.fingerprint)) throw malformed(which);
  return { name: v.name, fingerprint: v.fingerprint };
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Parses hint bytes (canonical JSON, known fields well-typed, unknown fields ignored). */
export function parseHint(bytes: Uint8Array): BundleHint {
  let v: JsonValue;
  try {
    v = parseCanonicalJson(bytes);
  } catch (e) {
    if (e instanceof CanonicalJsonError) throw malformed('json', e);
    throw e;
  }
  if (!isJsonObject(v)) throw malformed('not-an-object');
  if (!isBundleId(v.bundleId)) throw malformed('bundle-id');
  if (!isCreatedAt(v.createdAt)) throw malformed('created-at');
  if (!isCount(v.entryCount)) throw malformed('entry-count');
  if (!isCount(v.entryBytes)) throw malformed('entry-bytes');
  return {
    bundleId: v.bundleId,
    createdAt: v.createdAt,
    sender: party(v.sender, 'sender'),
    recipient: party(v.recipient, 'recipient'),
    entryCount: v.entryCount,
    entryBytes: v.entryBytes,
  };
}

/** Every field of the hint must equal its projection from the signed manifest; else 'tampered'. */
export function checkHint(hint: BundleHint, manifest: BundleManifest): void {
  const want = hintFromManifest(manifest);
  const pairs: [string, unknown, unknown][] = [
    ['bundleId', hint.bundleId, want.bundleId],
    ['createdAt', hint.createdAt, want.createdAt],
    ['sender.name', hint.sender.name, want.sender.name],
    ['sender.fingerprint', hint.sender.fingerprint, want.sender.fingerprint],
    ['recipient.name', hint.recipient.name, want.recipient.name],
    ['recipient.fingerprint', hint.recipient.fingerprint, want.recipient.fingerprint],
    ['entryCount', hint.entryCount, want.entryCount],
    ['entryBytes', hint.entryBytes, want.entryBytes],
  ];
  for (const [field, got, expected] of pairs) {
    if (got !== expected) {
      throw new BundleError('tampered', `hint field ${field} disagrees with the signed manifest`, {
        reason: 'hint-mismatch',
        field,
      });
    }
  }
}
