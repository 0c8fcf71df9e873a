/**
 * 备案: HR files an approved plan or a signed quarterly register and sends back a signed receipt
 * (备案回执), so the supervisor and the official see 已备案 with the date. A receipt names the exact
 * version it files. Spot checks (抽查) are HR's own working notes and stay on HR's device.
 */
import { z } from 'zod';
import { entityIdSchema } from './org';
import { timestampSchema, versionNumberSchema, yearSchema } from './plan';
import { quarterSchema } from './summary';
import { lineField, textField } from './text';

export const FILED_KINDS = ['plan', 'register'] as const;
export type FiledKind = (typeof FILED_KINDS)[number];
export const filedKindLabels: Readonly<Record<FiledKind, string>> = {
  plan: '个人年度工作计划',
  register: '平时考核备案登记表',
};

export const filingReceiptSchema = z.object({
  id: entityIdSchema,
  /** Whose record is filed: the official for a plan, the supervisor for a register. */
  personId: entityIdSchema,
  what: z.enum(FILED_KINDS),
  year: yearSchema,
  /** Registers only. */
  quarter: quarterSchema.optional(),
  /** The version filed. */
  version: versionNumberSchema.min(1),
  filedAt: timestampSchema,
  /** 经办人 (HR's name as signed). */
  clerk: lineField('经办人', 40),
});
export type FilingReceipt = z.output<typeof filingReceiptSchema>;

/** The record key a receipt travels under: one filing record per filed record. */
export function filingRecordKey(r: Pick<FilingReceipt, 'personId' | 'what' | 'year' | 'quarter'>): string {
  return r.what === 'plan'
    ? `filing/${r.personId}/plan-${r.year}`
    : `filing/${r.personId}/register-${r.year}-Q${r.quarter ?? 0}`;
}

// ---- 抽查 ----

export const SPOT_CHECK_STATES = ['open', 'corrected', 'closed'] as const;
export type SpotCheckState = (typeof SPOT_CHECK_STATES)[number];
export const spotCheckStateLabels: Readonly<Record<SpotCheckState, string>> = {
  open: '待整改',
  corrected: '已整改',
  closed: '无问题',
};

export const spotCheckSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  /** The period checked: a month 1–12, or null for the whole year so far. */
  month: z.number().int().min(1).max(12).nullable(),
  /** How the person was chosen. */
  chosen: z.enum(['random', 'manual']),
  checkedAt: timestampSchema,
  findings: textField('检查发现', 2000),
  corrections: textField('整改情况', 2000),
  state: z.enum(SPOT_CHECK_STATES),
  updatedAt: timestampSchema,
});
export type SpotCheck = z.output<typeof spotCheckSchema>;
