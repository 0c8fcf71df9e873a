import { expect, test } from 'vitest';
import { toHex } from '../../../shared/bundle/bytes';
import { chunkCount, sealedLength, streamNonce } from '../../../shared/bundle/stream';

test('the nonce is an 11-byte big-endian chunk counter followed by the last-chunk flag', () => {
  expect(toHex(streamNonce(0, false))).toBe('000000000000000000000000');
  expect(toHex(streamNonce(1, true))).toBe('000000000000000000000101');
  expect(toHex(streamNonce(0x0102030405, false))).toBe('000000000000010203040500');
});

test('chunking: all chunks full but the last, one empty chunk only for an empty payload', () => {
  expect([chunkCount(0), chunkCount(1), chunkCount(65536), chunkCount(65537)]).toEqual([1, 1, 1, 2]);
  expect([sealedLength(0), sealedLength(65536), sealedLength(65537)]).toEqual([16, 65552, 65537 + 32]);
});
