// The 附件3 rules, written once. The mini-program form and the Lambda input check both import this file.
//
// Two strengths of the same rules:
// - a draft accepts any subset of the fields, but every value given must have the right type and stay within its maximum,
//   so an autosaved, half-typed form is kept;
// - a complete demand (required at submit) has every required field, every minimum and the cross-field rules.
import * as z from 'zod/mini';
import {
  COOPERATION_MODES,
  COOPERATION_MODE_LABELS,
  INDUSTRY_FIELDS,
  INDUSTRY_FIELD_LABELS,
  SALES_BANDS,
  SALES_BAND_LABELS,
} from './demand.enums';
import { DEMAND_FIELD_LABELS as L, type DemandFieldKey } from './demand.labels';
import { charCount, runSchema, type FieldErrors, type Validated } from '../validation/field-errors';
import { isBlankText } from '../text/clean';
import { blankToUndefined, cleanLine, cleanLines } from '../validation/clean-checks';
import { MIN_FRACTION, storable } from '../validation/numbers';
import { preprocess } from '../validation/zod-mini';

export const DEMAND_LIMITS = {
  companyName: { max: 100 },
  region: { max: 100 },
  contactName: { max: 30 },
  contactTitle: { max: 50 },
  email: { max: 100 },
  companyIntro: { max: 300 },
  title: { min: 4, max: 60 },
  budgetWan: { min: 0, max: 1_000_000, decimals: 4 },
  fieldOther: { max: 30 },
  description: { min: 50, max: 5000 },
  cooperationOther: { max: 50 },
  brokerName: { max: 30 },
} as const;

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** A mainland mobile (optionally +86) or a landline with area code (optionally with an extension). */
export function isMainlandPhone(value: string): boolean {
  const compact = value.replace(/[\s()（）]/g, '');
  return MOBILE.test(compact.replace(/-/g, '')) || LANDLINE.test(compact);
}

/** The fields typed in a text area, whose line breaks are the person's paragraphs; every other text is one line. */
const MULTILINE: ReadonlySet<DemandFieldKey> = new Set<DemandFieldKey>(['companyIntro', 'description']);

function typeError(key: DemandFieldKey, kind: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `请填写${L[key]}` : `${L[key]}必须是${kind}`);
}

function text(key: DemandFieldKey, max: number, min = 0) {
  return z.string({ error: typeError(key, '文字') }).check(
    MULTILINE.has(key) ? cleanLines() : cleanLine(),
    z.superRefine((value, ctx) => {
      const n = charCount(value);
      if (n > max) ctx.addIssue({ code: 'custom', message: `${L[key]}不能超过 ${max} 个字（当前 ${n} 个字）` });
      else if (n < min) ctx.addIssue({ code: 'custom', message: `${L[key]}至少需要 ${min} 个字（当前 ${n} 个字）` });
    }),
  );
}

function phone(key: DemandFieldKey) {
  return text(key, 30).check(
    z.refine(isMainlandPhone, { error: `${L[key]}应为手机号（如 13812345678）或带区号的固话（如 025-83456789）` }),
  );
}

const email = text('email', DEMAND_LIMITS.email.max).check(
  z.refine((v) => EMAIL.test(v), { error: `${L.email}格式不正确（如 name@example.com）` }),
);

function choice<const T extends readonly [string, ...string[]]>(
  key: DemandFieldKey,
  values: T,
  labels: Record<T[number], string>,
) {
  const allowed = values.map((v) => labels[v as T[number]]).join('、');
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? `请选择${L[key]}` : `${L[key]}只能是：${allowed}`),
  });
}

const budgetWan = z.number({ error: typeError('budgetWan', '数字') }).check(
  z.gte(DEMAND_LIMITS.budgetWan.min, { error: `${L.budgetWan}不能小于 0` }),
  z.lte(DEMAND_LIMITS.budgetWan.max, { error: `${L.budgetWan}不能超过 1,000,000 万元` }),
  z.refine(storable, { error: `${L.budgetWan}的最小单位是 ${MIN_FRACTION} 万元` }),
  z.refine((v) => Number.isInteger(Math.round(v * 10 ** DEMAND_LIMITS.budgetWan.decimals * 1e6) / 1e6), {
    error: `${L.budgetWan}最多保留 ${DEMAND_LIMITS.budgetWan.decimals} 位小数`,
  }),
);

// Duplicates are dropped before the count is checked: choosing 合作开发 twice is one choice.
const cooperationModes = preprocess(
  (v) => (Array.isArray(v) ? [...new Set(v)] : v),
  z
    .array(choice('cooperationModes', COOPERATION_MODES, COOPERATION_MODE_LABELS), {
      error: (issue) => (issue.input === undefined ? `请选择${L.cooperationModes}` : `${L.cooperationModes}必须是选项列表`),
    })
    .check(z.maxLength(COOPERATION_MODES.length, { error: `${L.cooperationModes}最多选择 ${COOPERATION_MODES.length} 项` })),
);

/** Each field with its type and maximum: what any stored value must satisfy. */
const fieldRules = {
  companyName: text('companyName', DEMAND_LIMITS.companyName.max),
  region: text('region', DEMAND_LIMITS.region.max),
  contactName: text('contactName', DEMAND_LIMITS.contactName.max),
  contactPhone: phone('contactPhone'),
  contactTitle: text('contactTitle', DEMAND_LIMITS.contactTitle.max),
  email,
  companyIntro: text('companyIntro', DEMAND_LIMITS.companyIntro.max),
  salesBand: choice('salesBand', SALES_BANDS, SALES_BAND_LABELS),
  title: text('title', DEMAND_LIMITS.title.max),
  budgetWan,
  field: choice('field', INDUSTRY_FIELDS, INDUSTRY_FIELD_LABELS),
  fieldOther: text('fieldOther', DEMAND_LIMITS.fieldOther.max),
  description: text('description', DEMAND_LIMITS.description.max),
  cooperationModes,
  cooperationOther: text('cooperationOther', DEMAND_LIMITS.cooperationOther.max),
  brokerName: text('brokerName', DEMAND_LIMITS.brokerName.max),
  brokerPhone: phone('brokerPhone'),
  anonymous: z.boolean({ error: `${L.anonymous}必须是“是”或“否”` }),
} satisfies Record<DemandFieldKey, z.ZodMiniType>;

type Rules = typeof fieldRules;
const opt = <T extends z.ZodMiniType>(schema: T) => preprocess(blankToUndefined, z.optional(schema));
const req = <T extends z.ZodMiniType>(schema: T) => preprocess(blankToUndefined, schema);

/** Minimums that a draft may not meet yet but a complete demand must. */
const completeMinimums = {
  companyName: text('companyName', DEMAND_LIMITS.companyName.max, 2),
  title: text('title', DEMAND_LIMITS.title.max, DEMAND_LIMITS.title.min),
  description: text('description', DEMAND_LIMITS.description.max, DEMAND_LIMITS.description.min),
  cooperationModes: cooperationModes.check(z.refine((m) => m.length > 0, { error: `请至少选择一种${L.cooperationModes}` })),
};

const draftShape = Object.fromEntries(
  (Object.keys(fieldRules) as DemandFieldKey[]).map((key) => [key, opt(fieldRules[key])]),
) as unknown as { [K in DemandFieldKey]: z.ZodMiniOptional<Rules[K]> };

export const demandDraftSchema = z.strictObject(draftShape, { error: '请求内容必须是一个对象' });
export type DemandDraft = { [K in DemandFieldKey]?: z.output<Rules[K]> };

/** The public content of a demand: what the source of an imported demand must provide. */
const contentShape = {
  region: req(fieldRules.region),
  companyIntro: opt(fieldRules.companyIntro),
  salesBand: opt(fieldRules.salesBand),
  title: req(completeMinimums.title),
  budgetWan: req(fieldRules.budgetWan),
  field: req(fieldRules.field),
  fieldOther: opt(fieldRules.fieldOther),
  description: req(completeMinimums.description),
  cooperationModes: req(completeMinimums.cooperationModes),
  cooperationOther: opt(fieldRules.cooperationOther),
};

/** The enterprise's identity and contacts: required of an enterprise posting on 附件3. */
const enterpriseShape = {
  companyName: req(completeMinimums.companyName),
  contactName: req(fieldRules.contactName),
  contactPhone: req(fieldRules.contactPhone),
  contactTitle: opt(fieldRules.contactTitle),
  email: opt(fieldRules.email),
  brokerName: opt(fieldRules.brokerName),
  brokerPhone: opt(fieldRules.brokerPhone),
  anonymous: z._default(z.boolean({ error: `${L.anonymous}必须是“是”或“否”` }), false),
};

interface CrossFields {
  field?: string | undefined;
  fieldOther?: string | undefined;
  cooperationModes?: string[] | undefined;
  cooperationOther?: string | undefined;
}

// Cleaned as the field itself is, so a "其他" text of zero-width spaces is as missing here as it is there.
const given = (v: unknown) => typeof v === 'string' && !isBlankText(v);

/**
 * "其他" needs its text. Checked on the raw input beside the schema (not as a refinement, which zod skips while any
 * field has an error), so a person sees every problem at once.
 */
function crossFieldErrors(input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof input !== 'object' || input === null) return errors;
  const d = input as Record<string, unknown>;
  if (d.field === 'other' && !given(d.fieldOther)) {
    errors.fieldOther = `请填写${L.fieldOther}（${L.field}选择“其他”时必填）`;
  }
  if (Array.isArray(d.cooperationModes) && d.cooperationModes.includes('other') && !given(d.cooperationOther)) {
    errors.cooperationOther = `请填写${L.cooperationOther}（${L.cooperationModes}选择“其它”时必填）`;
  }
  return errors;
}

/** Text for "其他" is kept only when "其他" is chosen. */
function dropUnusedOther<T extends CrossFields>(d: T): T {
  const out = { ...d };
  if (out.field !== 'other') delete out.fieldOther;
  if (!out.cooperationModes?.includes('other')) delete out.cooperationOther;
  return out;
}

function validateComplete<T extends CrossFields>(schema: z.ZodMiniType<T>, input: unknown): Validated<T> {
  const parsed = runSchema(schema, input);
  const cross = crossFieldErrors(input);
  if (!parsed.ok) return { ...parsed, fields: { ...cross, ...parsed.fields } };
  if (Object.keys(cross).length > 0) return { ok: false, fields: cross };
  return { ok: true, value: dropUnusedOther(parsed.value) };
}

const NOT_AN_OBJECT = { error: '请求内容必须是一个对象' };

export const demandContentSchema = z.object(contentShape, NOT_AN_OBJECT);
export type DemandContent = z.output<typeof demandContentSchema>;

export const demandCompleteSchema = z.strictObject({ ...contentShape, ...enterpriseShape }, NOT_AN_OBJECT);
export type DemandComplete = z.output<typeof demandCompleteSchema>;

/** Checks a draft as stored or autosaved: types and maximums only. */
export function validateDemandDraft(input: unknown): Validated<DemandDraft> {
  return runSchema(demandDraftSchema, input);
}

/** Checks a demand as it must be at submit: every 附件3 rule. */
export function validateDemandComplete(input: unknown): Validated<DemandComplete> {
  return validateComplete(demandCompleteSchema, input);
}

/** Checks the public content alone (an imported demand, whose source withholds the enterprise's contacts). */
export function validateDemandContent(input: unknown): Validated<DemandContent> {
  return validateComplete(demandContentSchema, input);
}
