import { describe, expect, it } from 'vitest';
import { invalidDateReason } from '../../../shared/domain/dates';

describe('invalidDateReason', () => {
  it('says which day does not exist, rather than only that the date is invalid', () => {
    expect(invalidDateReason('2026-02-30')).toBe('2026年2月没有30日(该月共28天)');
    expect(invalidDateReason('2028-02-30')).toBe('2028年2月没有30日(该月共29天)');
    expect(invalidDateReason('2026-13-01')).toBe('没有13月');
    expect(invalidDateReason('三月底')).toBe('应按“年-月-日”填写,例如2026-03-31');
    expect(invalidDateReason('2026-02-28')).toBeNull();
  });
});
