import { describe, expect, test } from 'vitest';
import { concatBytes, u16be, utf8 } from '../../../shared/bundle/bytes';
import { canonicalJsonBytes } from '../../../shared/bundle/canonical-json';
import { readBundleHint } from '../../../shared/bundle/container';
import { MAGIC } from '../../../shared/bundle/format';
import { parseHint } from '../../../shared/bundle/hint';
import { expectKind } from './helpers';

const good = {
  bundleId: '01JGFJJZ000000000000000000',
  createdAt: '2025-01-02T03:04:05.678Z',
  entryBytes: 10,
  entryCount: 1,
  recipient: { fingerprint: 'K3Q7-9FXA-2M4D-PW0C', name: '张三' },
  sender: { fingerprint: '47Z3-3QX1-AJH6-2RKB', name: '李四' },
};

const file = (hint: Uint8Array, declared = hint.length) => concatBytes(MAGIC, Uint8Array.of(1, 0), u16be(declared), hint);

describe('the hint is read without keys, and defensively', () => {
  test('a well-formed hint parses; unknown fields (a later minor version) are ignored', () => {
    expect(parseHint(canonicalJsonBytes({ ...good, zz: 'future' }))).toEqual(good);
  });

  test('P16: a hint line longer than 4 KiB → "too-large", without reading it', async () => {
    const huge = utf8(`{"x":"${'a'.repeat(60_000)}"}`);
    await expectKind(Promise.resolve().then(() => readBundleHint(file(huge))), 'too-large', 'hint');
  });

  test.each([
    ['not JSON', utf8('{"bundleId":')],
    ['not canonical', utf8(JSON.stringify(good, null, 1))],
    ['a missing field', (({ entryCount: _omitted, ...rest }) => canonicalJsonBytes(rest))(good)],
    ['a bad fingerprint', canonicalJsonBytes({ ...good, sender: { ...good.sender, fingerprint: 'k3q7-9fxa-2m4d-pw0c' } })],
    ['a control character in a name', canonicalJsonBytes({ ...good, sender: { ...good.sender, name: '李\n四' } })],
    ['an array', canonicalJsonBytes([good])],
  ])('%s → "malformed"', async (_name, bytes) => {
    await expectKind(Promise.resolve().then(() => readBundleHint(file(bytes))), 'malformed');
  });

  test('a hint length pointing past the end of the file → "truncated"', async () => {
    const bytes = canonicalJsonBytes(good);
    await expectKind(Promise.resolve().then(() => readBundleHint(file(bytes, bytes.length + 10))), 'truncated', 'hint');
  });
});
