/**
 * The payload's STREAM construction (as in age): the plaintext is cut into 64 KiB chunks, each sealed
 * with AES-256-GCM under the payload key with nonce = 11-byte big-endian chunk counter || last flag
 * (0x01 on the final chunk, else 0x00). Reordering, dropping, duplicating or appending a chunk changes
 * a nonce, so the tag fails; a stream cut at a chunk boundary lacks the final flag.
 */
import { u64be } from './bytes';
import type { AeadKey } from './crypto';
import { BundleError } from '../errors/bundle-errors';
import { CHUNK_BYTES, NONCE_BYTES, TAG_BYTES } from './format';

export function streamNonce(counter: number, last: boolean): Uint8Array {
  const nonce = new Uint8Array(NONCE_BYTES);
  nonce.set(u64be(counter), 3);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Chunks for a plaintext of `length` bytes: all full but the last; one empty chunk when length is 0. */
export function chunkCount(length: number): number {
  return Math.max(1, Math.ceil(length / CHUNK_BYTES));
}

export function sealedLength(length: number): number {
  return length + chunkCount(length) * TAG_BYTES;
}

export async function sealStream(key: AeadKey, plaintext: Uint8Array): Promise<Uint8Array> {
  const n = chunkCount(plaintext.length);
  const out = new Uint8Array(sealedLength(plaintext.length));
  for (let i = 0; i < n; i++) {
    const chunk = plaintext.subarray(i * CHUNK_BYTES, Math.min(plaintext.length, (i + 1) * CHUNK_BYTES));
    out.set(await key.encrypt(streamNonce(i, i === n - 1), chunk), i * (CHUNK_BYTES + TAG_BYTES));
  }
  return out;
}

/**
 * Opens a sealed payload whose plaintext length the (authenticated) header gives; `sealed` must be
 * exactly `sealedLength(length)` bytes. Yields plaintext chunks in order, so the caller can inflate
 * as it goes. Throws BundleError 'corrupt', or 'truncated' when the final chunk lacks its flag.
 */
export async function* openStream(key: AeadKey, sealed: Uint8Array, length: number): AsyncGenerator<Uint8Array> {
  if (sealed.length !== sealedLength(length)) throw new RangeError('sealed payload length does not match');
  const n = chunkCount(length);
  for (let i = 0; i < n; i++) {
    const start = i * (CHUNK_BYTES + TAG_BYTES);
    const chunk = sealed.subarray(start, Math.min(sealed.length, start + CHUNK_BYTES + TAG_BYTES));
    const last = i === n - 1;
    const plain = await key.decrypt(streamNonce(i, last), chunk);
    if (plain) {
      yield plain;
      continue;
    }
    if (last && (await key.decrypt(streamNonce(i, false), chunk))) {
      throw new BundleError('truncated', 'the payload ends without its final chunk', { reason: 'missing-final-chunk', chunk: i });
    }
    throw new BundleError('corrupt', `payload chunk ${i} fails authentication`, { reason: 'chunk-tag', chunk: i });
  }
}
