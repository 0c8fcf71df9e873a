/**
 * 不予备案(退回): the policy has HR 审核备案 the plans (明确任务) and the quarterly 平时考核备案登记表
 * (评鉴结果审核备案), and 发现问题及时予以纠正. When HR finds a problem in the version before it, it
 * does not file it: it signs a refusal that names the version, the reason, and — by what was refused —
 * what to do next, and the refusal travels back with the next bundle like a 备案回执.
 *
 * - A plan refused goes back to the official as 已退回 (the reason shown as HR's): they correct it and
 *   submit again; the 主管领导 approves the new version, and HR files that one.
 * - A register refused goes back to the 主管领导 who signed it: they correct it and sign a new
 *   version (更正), and HR files that one.
 * A refusal judges one version only: it never blocks the next. A version already filed cannot be
 * refused, and a version refused cannot be filed.
 */
import { z } from 'zod';
import { entityIdSchema } from './org';
import { timestampSchema, versionNumberSchema, yearSchema } from './plan';
import { quarterSchema } from './summary';
import { FILED_KINDS, type FiledKind } from './filing';
import { lineField, textField } from './text';

export const REFUSAL_REASON_MAX = 500;

export const filingRefusalSchema = z.object({
  id: entityIdSchema,
  /** Whose record is refused: the official for a plan, the supervisor for a register. */
  personId: entityIdSchema,
  what: z.enum(FILED_KINDS),
  year: yearSchema,
  /** Registers only. */
  quarter: quarterSchema.optional(),
  /** The version refused. */
  version: versionNumberSchema.min(1),
  /** 不予备案的原因 */
  reason: textField('不予备案的原因', REFUSAL_REASON_MAX).refine((s) => s.trim() !== '', {
    error: '请填写不予备案的原因',
  }),
  refusedAt: timestampSchema,
  /** 经办人 (HR's name as signed). */
  clerk: lineField('经办人', 40),
});
export type FilingRefusal = z.output<typeof filingRefusalSchema>;

/** The record key a refusal travels under: one refusal record per refused record (its versions' refusals). */
export function filingRefusalRecordKey(r: Pick<FilingRefusal, 'personId' | 'what' | 'year' | 'quarter'>): string {
  return r.what === 'plan'
    ? `filing-refusal/${r.personId}/plan-${r.year}`
    : `filing-refusal/${r.personId}/register-${r.year}-Q${r.quarter ?? 0}`;
}

/** What the person it goes back to does next, by what was refused (shown wherever the refusal is). */
export const refusalNextStep: Readonly<Record<FiledKind, string>> = {
  plan: '请本人按退回原因修改个人年度工作计划后重新提交,经主管领导核准后再报人事部门备案。',
  register: '请主管领导按退回原因修改平时考核备案登记表,重新签署(更正)后随数据包报人事部门备案。',
};

/** The refusal in force for a version: the latest refusal that names it, if any. */
export function refusalOf<R extends Pick<FilingRefusal, 'what' | 'quarter' | 'version' | 'refusedAt'>>(
  refusals: readonly R[],
  what: FiledKind,
  version: number,
  quarter?: number,
): R | undefined {
  let found: R | undefined;
  for (const r of refusals) {
    if (r.what !== what || r.version !== version || (what === 'register' && r.quarter !== quarter)) continue;
    if (!found || r.refusedAt > found.refusedAt) found = r;
  }
  return found;
}
