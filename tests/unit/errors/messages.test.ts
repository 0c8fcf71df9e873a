import { describe, expect, it } from 'vitest';
import { describeError } from '../../../shared/errors/messages.zh';
import { DutyBookError, LockedError, StorageError, ValidationError } from '../../../shared/errors/errors';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('describeError turns every failure into Chinese a clerk understands', () => {
  it('names the first invalid field and how many more there are', () => {
    const d = describeError(
      new ValidationError([
        { path: 'name', message: '请填写姓名' },
        { path: 'roles', message: '请至少选择一个角色' },
      ]),
    );
    expect(d.title).toBe('填写的内容有误');
    expect(d.detail).toContain('请填写姓名 等 2 处');
    expect(d.fields).toHaveLength(2);
  });

  it('explains a locked record and what to do', () => {
    const d = describeError(new LockedError('MonthlyRecord', 'submitted'));
    expect(d.title).toContain('已锁定');
    expect(d.detail).toContain('退回');
  });

  it('recognises IndexedDB quota errors by name, even from another realm', () => {
    const quota = { name: 'QuotaExceededError', message: 'The quota has been exceeded.' };
    expect(describeError(quota).title).toBe('磁盘空间不足,未能保存');
    expect(describeError(new StorageError('storage-corrupt', 'x')).detail).toContain('备份');
    // Dexie wraps the native error in `inner`.
    expect(describeError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } }).title).toContain('磁盘空间不足');
  });

  it('shows the Chinese reason a core error carries, e.g. a workflow conflict', () => {
    const d = describeError(new DutyBookError('conflict', 'x', { reason: '记实簿尚未提交,不能退回' }));
    expect(d.detail).toBe('记实簿尚未提交,不能退回');
    // A technical reason code is not shown to the clerk.
    expect(describeError(new DutyBookError('conflict', 'x', { reason: 'stale' })).detail).toContain('刷新');
  });

  it('keeps the technical detail out of the message but available', () => {
    const d = describeError(new TypeError('x is undefined'));
    expect(d.title).toBe('程序内部错误');
    expect(d.technical).toBe('TypeError: x is undefined');
  });

  it('has a Chinese title and detail for every error code', () => {
    const codes = ['validation', 'not-found', 'conflict', 'locked', 'forbidden', 'storage-quota', 'storage-corrupt',
      'storage-unavailable', 'host-unavailable', 'key-store-locked', 'file-too-large', 'file-unreadable', 'internal'] as const;
    for (const code of codes) {
      const d = describeError(new DutyBookError(code, 'tech'));
      expect(hasChinese(d.title) && hasChinese(d.detail), code).toBe(true);
    }
  });
});
