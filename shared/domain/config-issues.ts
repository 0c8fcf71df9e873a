/**
 * For the editor of 考核办法: every problem with a configuration being edited at once, and where each
 * one is, in words (“指标体系 › 综合管理类 › 岗位指标 › 工作数量”).
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import { assessmentConfigSchema, configRuleIssues, scoreBandIssues, scoreBandSchema } from './config';
import { indicatorTemplateSchema, indicatorTemplatesIssues } from './indicators';
import { issuesOf } from './validation';
import { quarterGradeLabels, type QuarterGrade } from './vocabulary';

/**
 * Every problem with a configuration being edited. Unlike validateConfig, the rules of the parts
 * that can be read (weights, score bands) are checked even while another part is still wrong, so
 * the clerk sees the whole list at once. Empty when the configuration can be saved.
 */
export function listConfigIssues(input: unknown): ValidationIssue[] {
  const whole = assessmentConfigSchema.safeParse(input);
  if (whole.success) return configRuleIssues(whole.data);
  const issues = issuesOf(whole.error);
  const part = (input ?? {}) as Record<string, unknown>;
  const templates = z.array(indicatorTemplateSchema).safeParse(part.indicatorTemplates);
  if (templates.success) issues.push(...indicatorTemplatesIssues(templates.data));
  const bands = z.array(scoreBandSchema).safeParse(part.scoreBands);
  if (bands.success) issues.push(...scoreBandIssues(bands.data));
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const sectionLabels: Record<string, string> = {
  schemaVersion: '考核办法版本',
  recordMode: '个人记实形式',
  evaluationMethod: '评鉴方式',
  scoreBands: '分数段与等次',
  goodCapPercent: '“好”等次比例上限',
  excellentRule: '年度优秀人选条件',
  lowRankThreshold: '“分值靠后”的认定',
  quarterWeightInAnnual: '平时考核结果在年度考核中的权重',
  bonusFactors: '加分要素',
  bonusCapPoints: '加分上限',
  indicatorTemplates: '指标体系',
  holidayCalendars: '节假日安排',
  annualAssessment: '年度考核',
};

/** Where an issue's path points, in words: “指标体系 › 综合管理类 › 岗位指标 › 工作数量”. */
export function configIssueLocation(input: unknown, path: string): string {
  const parts = path.split('.').filter((p) => p !== '');
  const head = parts[0];
  if (head === undefined) return '考核办法';
  const out = [sectionLabels[head] ?? head];
  const cfg = (input ?? {}) as Record<string, unknown>;
  const at = (list: unknown, i: string | undefined): Record<string, unknown> | undefined => {
    const n = Number(i);
    return Array.isArray(list) && Number.isInteger(n)
      ? (list[n] as Record<string, unknown> | undefined)
      : undefined;
  };
  const named = (v: Record<string, unknown> | undefined, index: string | undefined) =>
    typeof v?.name === 'string' && v.name.trim() !== '' ? v.name : `第${Number(index) + 1}项`;
  if (head === 'indicatorTemplates' && parts[1] !== undefined) {
    const t = at(cfg.indicatorTemplates, parts[1]);
    out.push(named(t, parts[1]));
    let list: unknown = t?.indicators;
    for (let k = 2; k + 1 < parts.length && (parts[k] === 'indicators' || parts[k] === 'children'); k += 2) {
      const node = at(list, parts[k + 1]);
      out.push(named(node, parts[k + 1]));
      list = node?.children;
    }
  } else if (head === 'bonusFactors' && parts[1] !== undefined) {
    out.push(named(at(cfg.bonusFactors, parts[1]), parts[1]));
  } else if (head === 'scoreBands' && parts[1] !== undefined) {
    const b = at(cfg.scoreBands, parts[1]);
    const g = b?.grade as QuarterGrade | undefined;
    out.push(g && g in quarterGradeLabels ? `“${quarterGradeLabels[g]}”` : `第${Number(parts[1]) + 1}段`);
  }
  return out.join(' › ');
}
