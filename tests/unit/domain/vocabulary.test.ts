import { describe, expect, it } from 'vitest';
import {
  ANNUAL_GRADES,
  EVALUATION_METHODS,
  POSITION_CATEGORIES,
  QUARTER_GRADES,
  RANK_LEVELS,
  RECORD_MODES,
  ROLES,
  annualGradeLabels,
  evaluationMethodLabels,
  findRankLevel,
  positionCategoryLabels,
  quarterGradeLabels,
  rankLevelLabel,
  rankLevelSchema,
  rankLevelsFor,
  recordModeLabels,
  roleLabels,
} from '../../../shared/domain';

describe('vocabulary', () => {
  it('names every code with the Chinese term the policy uses', () => {
    expect(ROLES.map((r) => roleLabels[r])).toEqual(['公务员', '主管领导', '人事部门']);
    expect(POSITION_CATEGORIES.map((c) => positionCategoryLabels[c])).toEqual([
      '综合管理类',
      '专业技术类',
      '行政执法类',
    ]);
    expect(QUARTER_GRADES.map((g) => quarterGradeLabels[g])).toEqual(['好', '较好', '一般', '较差']);
    expect(ANNUAL_GRADES.map((g) => annualGradeLabels[g])).toEqual(['优秀', '称职', '基本称职', '不称职']);
    expect(RECORD_MODES.map((m) => recordModeLabels[m])).toEqual(['日记', '周记', '月记', '季度记']);
    expect(EVALUATION_METHODS.map((m) => evaluationMethodLabels[m])).toEqual(['定性', '定量']);
  });

  it('keeps rank level ids and labels unique', () => {
    expect(new Set(RANK_LEVELS.map((r) => r.id)).size).toBe(RANK_LEVELS.length);
    expect(new Set(RANK_LEVELS.map((r) => r.label)).size).toBe(RANK_LEVELS.length);
  });

  it('lists the 综合管理类 ladder from 一级巡视员 down to 二级科员, after the leadership posts', () => {
    const ranks = rankLevelsFor('comprehensive')
      .filter((r) => r.kind === 'rank')
      .map((r) => r.label);
    expect(ranks[0]).toBe('一级巡视员');
    expect(ranks).toContain('四级主任科员');
    expect(ranks.slice(-2)).toEqual(['一级科员', '二级科员']);
    expect(rankLevelsFor('comprehensive')[0]?.label).toBe('省部级正职');
  });

  it('offers each category only its own 职级 sequence plus the leadership posts', () => {
    const enforcement = rankLevelsFor('enforcement').map((r) => r.label);
    expect(enforcement).toContain('一级主办');
    expect(enforcement).toContain('乡科级副职');
    expect(enforcement).not.toContain('一级科员');
    expect(rankLevelsFor('professional').map((r) => r.label)).toContain('专业技术员');
  });

  it('looks rank levels up by id and falls back to the id for an unknown one', () => {
    expect(findRankLevel('staff1')?.label).toBe('一级科员');
    expect(rankLevelLabel('staff2')).toBe('二级科员');
    expect(rankLevelLabel('nope')).toBe('nope');
  });

  it('rejects an empty or unknown rank level in Chinese', () => {
    expect(rankLevelSchema.safeParse('').error?.issues[0]?.message).toBe('请选择职级');
    expect(rankLevelSchema.safeParse('colonel').error?.issues[0]?.message).toBe(
      '职级不在职务职级序列中,请重新选择',
    );
    expect(rankLevelSchema.safeParse('principalStaff3').success).toBe(true);
  });
});
