import { describe, expect, it } from 'vitest';
import {
  PRESET_IDS,
  POSITION_CATEGORIES,
  effectiveLeafWeights,
  leafIndicators,
  presetConfig,
  presets,
  templateFor,
} from '../../../shared/domain';

describe('presets', () => {
  it('offers 湖北 and 全国通行做法, each with a Chinese name, description and basis', () => {
    expect(Object.keys(presets)).toEqual([...PRESET_IDS]);
    for (const id of PRESET_IDS) {
      expect(presets[id].id).toBe(id);
      expect(presets[id].name).toMatch(/\p{Script=Han}/u);
      expect(presets[id].description.length).toBeGreaterThan(30);
      expect(presets[id].basis).toMatch(/\p{Script=Han}/u);
    }
  });

  it('sets the 湖北 seed: monthly record book, 定性或定量, unit bonus factors, a configurable 靠后 rule', () => {
    const c = presets.hubei.config;
    expect(c.recordMode).toBe('monthly');
    expect(c.evaluationMethod).toBe('either');
    expect(c.bonusFactors.length).toBeGreaterThan(0);
    expect(c.lowRankThreshold).toEqual({ kind: 'bottomPercent', percent: 10 });
    expect(c.goodCapPercent).toBeNull();
    expect(presets.hubei.description).toContain('平时考核量化评鉴分值靠后的,年度考核不能评为优秀');
    expect(presets.hubei.description).toContain('后10%');
  });

  it('sets the national practice: four grades by score band, 好 capped at 40 %, 优秀 needs 好 in half the quarters and no 一般/较差', () => {
    const c = presets.national.config;
    expect(c.scoreBands).toEqual([
      { grade: 'good', min: 90, max: 100 },
      { grade: 'fairlyGood', min: 80, max: 90 },
      { grade: 'average', min: 60, max: 80 },
      { grade: 'poor', min: 0, max: 60 },
    ]);
    expect(c.goodCapPercent).toBe(40);
    expect(c.excellentRule).toEqual({ minGoodPercent: 50, forbiddenGrades: ['average', 'poor'] });
    const d = presets.national.description;
    for (const words of [
      '90分以上为好',
      '80分至89分为较好',
      '60分至79分为一般',
      '60分以下为较差',
      '40%',
      '半数',
    ]) {
      expect(d).toContain(words);
    }
  });

  it('cannot be changed by accident; presetConfig hands out an editable copy', () => {
    expect(() => {
      (presets.national.config as { goodCapPercent: number | null }).goodCapPercent = 10;
    }).toThrow(TypeError);
    const copy = presetConfig('national');
    copy.goodCapPercent = 10;
    copy.indicatorTemplates[0]!.indicators[0]!.weight = 1;
    expect(presets.national.config.goodCapPercent).toBe(40);
    expect(presets.national.config.indicatorTemplates[0]!.indicators[0]!.weight).toBe(30);
  });

  it('scores the common indicators (政治品质…出勤) and post indicators (工作数量…业务能力) in every category', () => {
    for (const category of POSITION_CATEGORIES) {
      const t = templateFor(presets.national.config.indicatorTemplates, category, 'staff1')!;
      const names = leafIndicators(t.indicators).map((l) => l.node.name);
      for (const n of [
        '政治品质',
        '职业道德',
        '工作作风',
        '廉洁自律',
        '出勤',
        '工作数量',
        '工作质量',
        '工作效率',
        '工作成效',
        '业务能力',
      ]) {
        expect(names, `${category} ${n}`).toContain(n);
      }
      const total = [...effectiveLeafWeights(t.indicators).values()].reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(100, 9);
    }
  });

  it('gives leadership posts of 综合管理类 their own deeper template, and other ranks the default', () => {
    const templates = presets.hubei.config.indicatorTemplates;
    expect(templateFor(templates, 'comprehensive', 'divisionChief')?.id).toBe('comprehensive-leadership');
    expect(templateFor(templates, 'comprehensive', 'principalStaff2')?.id).toBe('comprehensive');
    expect(templateFor(templates, 'enforcement', 'divisionChief')?.id).toBe('enforcement');
    const leaves = leafIndicators(templateFor(templates, 'comprehensive', 'bureauChief')!.indicators);
    expect(leaves.find((l) => l.node.id === 'coordination')?.trail).toEqual([
      '岗位指标',
      '领导能力',
      '统筹协调',
    ]);
  });
});
