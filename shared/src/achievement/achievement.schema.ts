// The 成果 form's rules, written once for the mini-program and the Lambda input check, built from the same field rules
// as the 附件3 demand (validation/form-rules.ts). Two strengths, as for demands: a draft takes any subset of the fields
// within their maximums (autosave keeps half-typed input); a complete 成果 (at submit) has every required field.
import * as z from 'zod/mini';
import { COOPERATION_MODES, COOPERATION_MODE_LABELS, INDUSTRY_FIELDS, INDUSTRY_FIELD_LABELS } from '../demand/demand.enums';
import { validateComplete } from '../demand/demand.schema';
import { blankToUndefined } from '../validation/clean-checks';
import { runSchema, type Validated } from '../validation/field-errors';
import { choiceRule, choicesRule, emailRule, moneyWanRule, phoneRule, textRule, typeError } from '../validation/form-rules';
import { preprocess } from '../validation/zod-mini';
import { HOLDER_TYPES, HOLDER_TYPE, IP_KINDS, IP_KIND, IP_STATUSES, IP_STATUS, TRL_MAX, TRL_MIN } from './achievement.enums';
import { ACHIEVEMENT_FIELD_LABELS as L, type AchievementFieldKey } from './achievement.labels';

export const ACHIEVEMENT_LIMITS = {
  title: { min: 4, max: 60 },
  holderName: { min: 2, max: 100 },
  fieldOther: { max: 30 },
  keywords: { min: 1, max: 8, each: { min: 2, max: 20 } },
  summary: { min: 100, max: 3000 },
  ip: { max: 20, number: { max: 40 } },
  cooperationOther: { max: 50 },
  region: { max: 100 },
  contactName: { max: 30 },
  email: { max: 100 },
} as const;

const keyword = textRule(L.keywords, ACHIEVEMENT_LIMITS.keywords.each.max).check(
  z.refine((v) => [...v].length >= ACHIEVEMENT_LIMITS.keywords.each.min, {
    error: `每个${L.keywords}至少 ${ACHIEVEMENT_LIMITS.keywords.each.min} 个字`,
  }),
);

// The same word twice is one keyword.
const keywords = preprocess(
  (v) => (Array.isArray(v) ? [...new Set((v as unknown[]).map((k) => (typeof k === 'string' ? k.trim() : k)))] : v),
  z
    .array(keyword, { error: (issue) => (issue.input === undefined ? `请填写${L.keywords}` : `${L.keywords}必须是词语列表`) })
    .check(z.maxLength(ACHIEVEMENT_LIMITS.keywords.max, { error: `${L.keywords}最多 ${ACHIEVEMENT_LIMITS.keywords.max} 个` })),
);

const trl = z
  .number({ error: typeError(L.trl, '数字') })
  .check(
    z.int({ error: `${L.trl}必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
    z.gte(TRL_MIN, { error: `${L.trl}必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
    z.lte(TRL_MAX, { error: `${L.trl}必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
  );

const ipEntry = z.strictObject(
  {
    kind: choiceRule(`${L.ip}类型`, IP_KINDS, IP_KIND.labels),
    number: textRule(`${L.ip}编号`, ACHIEVEMENT_LIMITS.ip.number.max, 1),
    status: choiceRule(`${L.ip}状态`, IP_STATUSES, IP_STATUS.labels),
  },
  { error: `每项${L.ip}须有类型、编号和状态` },
);

const ip = z
  .array(ipEntry, { error: `${L.ip}必须是列表` })
  .check(z.maxLength(ACHIEVEMENT_LIMITS.ip.max, { error: `${L.ip}最多填写 ${ACHIEVEMENT_LIMITS.ip.max} 项` }));

// null is 面议 (price on request); a number is a reference price in 万元.
const priceWan = z.nullable(moneyWanRule(L.priceWan));

const fieldRules = {
  title: textRule(L.title, ACHIEVEMENT_LIMITS.title.max),
  holderName: textRule(L.holderName, ACHIEVEMENT_LIMITS.holderName.max),
  holderType: choiceRule(L.holderType, HOLDER_TYPES, HOLDER_TYPE.labels),
  field: choiceRule(L.field, INDUSTRY_FIELDS, INDUSTRY_FIELD_LABELS),
  fieldOther: textRule(L.fieldOther, ACHIEVEMENT_LIMITS.fieldOther.max),
  keywords,
  summary: textRule(L.summary, ACHIEVEMENT_LIMITS.summary.max, 0, true),
  trl,
  ip,
  cooperationModes: choicesRule(L.cooperationModes, COOPERATION_MODES, COOPERATION_MODE_LABELS),
  cooperationOther: textRule(L.cooperationOther, ACHIEVEMENT_LIMITS.cooperationOther.max),
  priceWan,
  region: textRule(L.region, ACHIEVEMENT_LIMITS.region.max),
  contactName: textRule(L.contactName, ACHIEVEMENT_LIMITS.contactName.max),
  contactPhone: phoneRule(L.contactPhone),
  email: emailRule(L.email, ACHIEVEMENT_LIMITS.email.max),
  anonymous: z.boolean({ error: `${L.anonymous}必须是“是”或“否”` }),
} satisfies Record<AchievementFieldKey, z.ZodMiniType>;

type Rules = typeof fieldRules;
// priceWan: null is a value (面议), so only blank text counts as not given.
const opt = <T extends z.ZodMiniType>(schema: T) => preprocess(blankToUndefined, z.optional(schema));
const req = <T extends z.ZodMiniType>(schema: T) => preprocess(blankToUndefined, schema);

const draftShape = Object.fromEntries(
  (Object.keys(fieldRules) as AchievementFieldKey[]).map((key) => [key, opt(fieldRules[key])]),
) as unknown as { [K in AchievementFieldKey]: z.ZodMiniOptional<Rules[K]> };

const NOT_AN_OBJECT = { error: '请求内容必须是一个对象' };

export const achievementDraftSchema = z.strictObject(draftShape, NOT_AN_OBJECT);
export type AchievementDraft = { [K in AchievementFieldKey]?: z.output<Rules[K]> };

export const achievementCompleteSchema = z.strictObject(
  {
    title: req(textRule(L.title, ACHIEVEMENT_LIMITS.title.max, ACHIEVEMENT_LIMITS.title.min)),
    holderName: req(textRule(L.holderName, ACHIEVEMENT_LIMITS.holderName.max, ACHIEVEMENT_LIMITS.holderName.min)),
    holderType: req(fieldRules.holderType),
    field: req(fieldRules.field),
    fieldOther: opt(fieldRules.fieldOther),
    keywords: req(
      keywords.check(
        z.refine((k) => k.length >= ACHIEVEMENT_LIMITS.keywords.min, {
          error: `请至少填写 ${ACHIEVEMENT_LIMITS.keywords.min} 个${L.keywords}`,
        }),
      ),
    ),
    summary: req(textRule(L.summary, ACHIEVEMENT_LIMITS.summary.max, ACHIEVEMENT_LIMITS.summary.min, true)),
    trl: req(fieldRules.trl),
    ip: z._default(fieldRules.ip, []),
    cooperationModes: req(
      fieldRules.cooperationModes.check(z.refine((m) => m.length > 0, { error: `请至少选择一种${L.cooperationModes}` })),
    ),
    cooperationOther: opt(fieldRules.cooperationOther),
    priceWan: z._default(fieldRules.priceWan, null),
    region: req(fieldRules.region),
    contactName: req(fieldRules.contactName),
    contactPhone: req(fieldRules.contactPhone),
    email: opt(fieldRules.email),
    anonymous: z._default(fieldRules.anonymous, false),
  },
  NOT_AN_OBJECT,
);
export type AchievementComplete = z.output<typeof achievementCompleteSchema>;

/** Checks a draft as stored or autosaved: types and maximums only. */
export function validateAchievementDraft(input: unknown): Validated<AchievementDraft> {
  return runSchema(achievementDraftSchema, input);
}

/** Checks a 成果 as it must be at submit: every rule, with the 其他 texts required when 其他 is chosen. */
export function validateAchievementComplete(input: unknown): Validated<AchievementComplete> {
  return validateComplete(achievementCompleteSchema, input);
}
