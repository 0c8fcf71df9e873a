import { describe, expect, test } from 'vitest';
import { DutyBookError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';
import { BUNDLE_ERROR_KINDS, BundleError } from '../../../shared/errors/bundle-errors';

describe('bundle errors in Chinese', () => {
  test.each(BUNDLE_ERROR_KINDS)('"%s" has its own Chinese title and says nothing was imported', (kind) => {
    const d = describeError(new BundleError(kind, 'technical text'));
    expect(d.title).toMatch(/[\u4e00-\u9fff]/);
    expect(d.detail).toContain('没有导入任何内容');
    expect(d.technical).toBe('BundleError: technical text');
  });

  test('every kind has a different title', () => {
    const titles = BUNDLE_ERROR_KINDS.map((k) => describeError(new BundleError(k, '')).title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  test('wrong recipient names the intended person and fingerprint; without a name it says "not for you"', () => {
    const named = describeError(new BundleError('wrong-recipient', '', { intendedRecipient: '张三', intendedFingerprint: 'K3Q7-9FXA-2M4D-PW0C' }));
    expect(named.title).toBe('此文件是发给 张三 的');
    expect(named.detail).toContain('K3Q7-9FXA-2M4D-PW0C');
    expect(describeError(new BundleError('wrong-recipient', '')).title).toBe('此文件不是发给您的');
  });

  test('unsupported version tells the clerk to upgrade', () => {
    expect(describeError(new BundleError('unsupported-version', '')).detail).toContain('请升级软件');
  });

  test('a BundleError is a DutyBookError with a stable kind and an existing error code', () => {
    const e = new BundleError('too-large', 'x', { reason: 'hint' });
    expect(e).toBeInstanceOf(DutyBookError);
    expect([e.code, e.kind, e.details.kind, e.details.reason]).toEqual(['file-too-large', 'too-large', 'too-large', 'hint']);
    expect(new BundleError('corrupt', 'x').code).toBe('file-unreadable');
  });
});
