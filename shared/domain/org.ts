/**
 * The organisation: units (机关、内设机构), the people in them, and the device's own profile.
 *
 * A unit carries its materialised path of ids, delimiter-terminated ('/root/child/'), so "everyone
 * in this unit and below" is one prefix query, and '/1/' can never prefix-match '/10/'.
 */
import { z } from 'zod';
import { presetIdSchema } from './presets';
import {
  ROLES,
  findRankLevel,
  positionCategoryLabels,
  positionCategorySchema,
  rankLevelSchema,
  roleSchema,
  type PositionCategory,
} from './vocabulary';
import { compareChinese } from './collate';
import { parseIsoDate } from './dates';
import type { PersonPeriod } from './periods';
import { charCount, cleanLine, cleanName } from './text';

// ---- Shared fields ----

/** Ids are keys in IndexedDB and segments of unit paths: no '/' and no spaces. */
export const entityIdSchema = z
  .string({ error: '缺少编号' })
  .min(1, { error: '缺少编号' })
  .max(64, { error: '编号过长' })
  .regex(/^[^/\s]+$/, { error: '编号不能含有“/”或空格' });

// Names and titles: one line, without invisible characters, counted as a clerk counts (text.ts).
const text = (empty: string, max: number, what: string) => cleanName(what, max, empty);

const optionalText = (max: number, what: string) =>
  z
    .string()
    .overwrite(cleanLine)
    .trim()
    .refine((s) => charCount(s) <= max, { error: `${what}不能超过${max}个字` })
    .transform((v) => v || undefined)
    .optional();

/** Non-empty, without repeats, in the canonical order official → supervisor → hr. */
export const rolesSchema = z
  .array(roleSchema, { error: '请至少选择一个角色' })
  .min(1, { error: '请至少选择一个角色' })
  .transform((rs) => ROLES.filter((r) => rs.includes(r)));

const isoDateTime = z.iso.datetime({ error: '时间格式不正确' });

function rankFitsCategory(
  v: { positionCategory: PositionCategory; rankLevel: string },
  ctx: z.RefinementCtx,
): void {
  const r = findRankLevel(v.rankLevel);
  if (r && !r.categories.includes(v.positionCategory)) {
    ctx.addIssue({
      code: 'custom',
      path: ['rankLevel'],
      message: `“${r.label}”不是${positionCategoryLabels[v.positionCategory]}公务员的职级,请重新选择`,
    });
  }
}

// ---- Unit paths ----

export const ROOT_UNIT_PATH = '/';

/** Makes a path delimiter-terminated at both ends: 'a/b' → '/a/b/'. */
export function normaliseUnitPath(path: string): string {
  const inner = path.split('/').filter((s) => s.length > 0);
  return inner.length === 0 ? ROOT_UNIT_PATH : `/${inner.join('/')}/`;
}

/** The path of a unit with id `id` under a parent at `parentPath` (null: a top-level unit). */
export function childUnitPath(parentPath: string | null, id: string): string {
  const parsed = entityIdSchema.safeParse(id);
  if (!parsed.success) throw new RangeError(`not a unit id: ${id}`);
  return `${normaliseUnitPath(parentPath ?? ROOT_UNIT_PATH)}${id}/`;
}

/** Whether the unit at `path` is the unit at `ancestorPath` or lies below it. */
export function isWithinUnit(path: string, ancestorPath: string): boolean {
  return normaliseUnitPath(path).startsWith(normaliseUnitPath(ancestorPath));
}

/** The ids along the path, top-level unit first. */
export function unitPathIds(path: string): string[] {
  return normaliseUnitPath(path)
    .split('/')
    .filter((s) => s.length > 0);
}

/** 1 for a top-level unit, 0 for the root. */
export function unitDepth(path: string): number {
  return unitPathIds(path).length;
}

// ---- OrgUnit ----

export const orgUnitInputSchema = z
  .object(
    {
      id: entityIdSchema.optional(),
      name: text('请填写单位名称', 100, '单位名称'),
      parentId: entityIdSchema.nullable().default(null),
      code: z.string().overwrite(cleanLine).trim().max(50, { error: '单位代码不能超过50个字符' }).default(''),
      sortOrder: z.number({ error: '排序号应为整数' }).int({ error: '排序号应为整数' }).default(0),
    },
    { error: '单位信息格式不正确' },
  )
  .refine((u) => u.id === undefined || u.parentId !== u.id, {
    path: ['parentId'],
    error: '上级单位不能是本单位',
  });
export type OrgUnitInput = z.input<typeof orgUnitInputSchema>;

export const orgUnitSchema = z.object({
  id: entityIdSchema,
  name: z.string().min(1),
  parentId: entityIdSchema.nullable(),
  code: z.string(),
  sortOrder: z.number().int(),
  /** Delimiter-terminated ids from the top-level unit down to this one: '/a/b/'. */
  path: z.string().regex(/^\/([^/\s]+\/)+$/),
});
export type OrgUnit = z.output<typeof orgUnitSchema>;

/** Units in tree order: each unit followed by its descendants, siblings by sortOrder then name. */
export function sortUnitsAsTree<U extends Pick<OrgUnit, 'id' | 'parentId' | 'name' | 'sortOrder'>>(
  units: readonly U[],
): U[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || compareChinese(a.name, b.name));
  }
  const out: U[] = [];
  const visit = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}

// ---- Person (the roster HR keeps) ----

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const genderLabels: Readonly<Record<Gender, string>> = { male: '男', female: '女' };

/** 政治面貌 as the national 登记表 writes it (others may be typed). */
export const POLITICAL_STATUS_SUGGESTIONS = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
/** 学历 as HR lists commonly write it (others may be typed). */
export const EDUCATION_SUGGESTIONS = ['研究生', '大学本科', '大学专科', '中专', '高中'] as const;

const optionalDate = (what: string) =>
  z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || parseIsoDate(v) !== null, { error: `${what}应为“年-月-日”,如2026-03-31` })
    .optional();

/** 出生年月: 'YYYY-MM'. */
const birthMonthSchema = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .refine((v) => v === undefined || /^(19|20)\d{2}-(0[1-9]|1[0-2])$/.test(v), {
    error: '出生年月应为“年-月”,如1988-05',
  })
  .optional();

/** The GB 11643 check character of an 18-character 居民身份证号码. */
function idNumberValid(v: string): boolean {
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((acc, wi, i) => acc + wi * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17];
}

/** 身份证号: 18 characters with a valid check character (a lower-case x is read as X). */
export const idNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase() || undefined)
  .refine((v) => v === undefined || idNumberValid(v), { error: '身份证号不正确(应为18位,末位校验码不符)' })
  .optional();

/** An identity number as a screen shows it: the first 6 and the last 4 characters. */
export function maskIdNumber(v: string | undefined): string {
  if (!v) return '';
  return v.length <= 10 ? v : `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}`;
}

/** A person's own details (what the 年度考核登记表 and HR's lists need), all optional. */
const profileFields = {
  gender: z.enum(GENDERS, { error: '请选择性别' }).optional(),
  birthMonth: birthMonthSchema,
  ethnicity: optionalText(20, '民族'),
  politicalStatus: optionalText(20, '政治面貌'),
  education: optionalText(20, '学历'),
  /** 人员编号: stable, unique in the unit (checked when saved). */
  staffNo: z
    .string()
    .trim()
    .max(30, { error: '人员编号不能超过30个字' })
    .regex(/^[^\s]*$/, { error: '人员编号不能含有空格' })
    .transform((v) => v || undefined)
    .optional(),
  /** 身份证号: kept on HR's computer only, never in the roster sent to others; shown masked. */
  idNumber: idNumberSchema,
  /** 任现职务职级时间 */
  rankSince: optionalDate('任现职务职级时间'),
  /** 从事或分管工作 */
  duties: optionalText(200, '从事或分管工作'),
  /** 入职(调入)日期: absent — in the unit since before any record. */
  joinedOn: optionalDate('入职(调入)日期'),
  /** 试用期满日期 */
  probationEnd: optionalDate('试用期满日期'),
};

const periodSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  unitId: entityIdSchema,
  supervisorId: entityIdSchema.nullable(),
  roles: z.array(roleSchema),
  hrUnitIds: z.array(entityIdSchema),
});

const personFields = {
  name: text('请填写姓名', 50, '姓名'),
  unitId: entityIdSchema,
  positionCategory: positionCategorySchema,
  rankLevel: rankLevelSchema,
  title: optionalText(50, '职务'),
  roles: rolesSchema,
  supervisorId: entityIdSchema.nullable().default(null),
  active: z.boolean().default(true),
  ...profileFields,
  /** The dated periods (ledger: domain/periods.ts); absent on rows saved before periods existed. */
  periods: z.array(periodSchema).optional(),
};

function supervisorIsNotSelf(
  p: { id?: string | undefined; supervisorId: string | null },
  ctx: z.RefinementCtx,
): void {
  if (p.id !== undefined && p.supervisorId === p.id) {
    ctx.addIssue({ code: 'custom', path: ['supervisorId'], message: '主管领导不能是本人' });
  }
}

function datesInOrder(
  p: { birthMonth?: string | undefined; joinedOn?: string | undefined; probationEnd?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (p.joinedOn && p.probationEnd && p.probationEnd < p.joinedOn) {
    ctx.addIssue({ code: 'custom', path: ['probationEnd'], message: '试用期满日期不能早于入职(调入)日期' });
  }
  if (p.birthMonth && p.joinedOn && p.joinedOn.slice(0, 7) <= p.birthMonth) {
    ctx.addIssue({ code: 'custom', path: ['joinedOn'], message: '入职(调入)日期不能早于出生年月' });
  }
}

export const personInputSchema = z
  .object(
    {
      id: entityIdSchema.optional(),
      ...personFields,
      /** The day a change of unit, 主管领导 or roles takes effect (absent: today). Not stored. */
      effectiveFrom: optionalDate('变动生效日期'),
    },
    { error: '人员信息格式不正确' },
  )
  .superRefine(rankFitsCategory)
  .superRefine(supervisorIsNotSelf)
  .superRefine(datesInOrder);
export type PersonInput = z.input<typeof personInputSchema>;

export const personSchema = z
  .object({ id: entityIdSchema, ...personFields })
  .superRefine(rankFitsCategory)
  .superRefine(supervisorIsNotSelf)
  .superRefine(datesInOrder);
export type Person = z.output<typeof personSchema>;

/**
 * A person's dated periods: those saved, or — for a row saved before periods existed — one period
 * from the 入职 date (or since before any record) holding what the row holds now.
 */
export function periodsOfPerson(p: Person): PersonPeriod[] {
  if (p.periods && p.periods.length > 0) return p.periods;
  return [
    {
      from: p.joinedOn ?? null,
      to: null,
      unitId: p.unitId,
      supervisorId: p.supervisorId,
      roles: [...p.roles],
      hrUnitIds: [],
    },
  ];
}

// ---- LocalProfile (this device's own person) ----

export const LOCAL_PROFILE_ID = 'local';

/** What the first-run wizard and the settings page fill in. */
export const profileInputSchema = z
  .object(
    {
      name: text('请填写姓名', 50, '姓名'),
      unitName: text('请填写所在单位', 100, '所在单位'),
      title: optionalText(50, '职务'),
      positionCategory: positionCategorySchema,
      rankLevel: rankLevelSchema,
      roles: rolesSchema,
      presetId: presetIdSchema,
    },
    { error: '个人档案格式不正确' },
  )
  .superRefine(rankFitsCategory);
export type ProfileInput = z.input<typeof profileInputSchema>;

export const localProfileSchema = z
  .object({
    id: z.literal(LOCAL_PROFILE_ID),
    /** This person's id in the unit's roster (people table and bundles). */
    personId: entityIdSchema,
    name: z.string().min(1),
    unitName: z.string().min(1),
    title: z.string().optional(),
    positionCategory: positionCategorySchema,
    rankLevel: rankLevelSchema,
    roles: rolesSchema,
    presetId: presetIdSchema,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .superRefine(rankFitsCategory);
export type LocalProfile = z.output<typeof localProfileSchema>;
