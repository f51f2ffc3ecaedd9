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
import { runSchema, type FieldErrors, type Validated } from '../validation/field-errors';
import { blankToUndefined } from '../validation/clean-checks';
import {
  choiceRule,
  choicesRule,
  emailRule,
  givenText as given,
  moneyWanRule,
  MONEY_WAN,
  phoneRule,
  textRule,
} from '../validation/form-rules';
import { preprocess } from '../validation/zod-mini';

export const DEMAND_LIMITS = {
  companyName: { max: 100 },
  region: { max: 100 },
  contactName: { max: 30 },
  contactTitle: { max: 50 },
  email: { max: 100 },
  companyIntro: { max: 300 },
  title: { min: 4, max: 60 },
  budgetWan: MONEY_WAN,
  fieldOther: { max: 30 },
  description: { min: 50, max: 5000 },
  cooperationOther: { max: 50 },
  brokerName: { max: 30 },
} as const;

/** The fields typed in a text area, whose line breaks are the person's paragraphs; every other text is one line. */
const MULTILINE: ReadonlySet<DemandFieldKey> = new Set<DemandFieldKey>(['companyIntro', 'description']);

const text = (key: DemandFieldKey, max: number, min = 0) => textRule(L[key], max, min, MULTILINE.has(key));
const phone = (key: DemandFieldKey) => phoneRule(L[key]);
const email = emailRule(L.email, DEMAND_LIMITS.email.max);
const choice = <const T extends readonly [string, ...string[]]>(
  key: DemandFieldKey,
  values: T,
  labels: Record<T[number], string>,
) => choiceRule(L[key], values, labels);
const budgetWan = moneyWanRule(L.budgetWan);
const cooperationModes = choicesRule(L.cooperationModes, COOPERATION_MODES, COOPERATION_MODE_LABELS);

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

export function validateComplete<T extends CrossFields>(schema: z.ZodMiniType<T>, input: unknown): Validated<T> {
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

/** (validateComplete: a complete form with the 其他 rules of field and cooperation; the 成果 form uses it too.) */
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
