// Saved searches that alert their owner when a new demand matches. One schema for the editor and the API.
import * as z from 'zod';
import { INDUSTRY_FIELDS, INDUSTRY_FIELD_LABELS } from '../demand/demand.enums';
import { charCount, runSchema, type Validated } from '../validation/field-errors';
import { MIN_FRACTION, storable } from '../validation/numbers';

export const SUBSCRIPTION_LIMITS = {
  perUser: 20,
  keywords: { min: 1, max: 5, minChars: 2, maxChars: 20 },
  fields: { max: INDUSTRY_FIELDS.length },
  regions: { max: 10, maxChars: 20 },
} as const;

export const SUBSCRIPTION_FIELD_LABELS = {
  keywords: '关键词',
  fields: '产业领域',
  regions: '地区',
  minBudgetWan: '最低经费（万元）',
} as const;

const L = SUBSCRIPTION_FIELD_LABELS;
const K = SUBSCRIPTION_LIMITS.keywords;

const keyword = z
  .string({ error: `${L.keywords}必须是文字` })
  .trim()
  .superRefine((v, ctx) => {
    const n = charCount(v);
    if (n < K.minChars || n > K.maxChars) {
      ctx.addIssue({ code: 'custom', message: `每个${L.keywords}应为 ${K.minChars}–${K.maxChars} 个字（“${v}”为 ${n} 个字）` });
    }
  });

const unique = <T>(values: T[]) => [...new Set(values)];

export const subscriptionSchema = z
  .strictObject(
    {
      keywords: z
        .array(keyword, { error: `${L.keywords}必须是列表` })
        .max(K.max, { message: `${L.keywords}最多 ${K.max} 个` })
        .transform(unique)
        .default([]),
      fields: z
        .array(
          z.enum(INDUSTRY_FIELDS, {
            error: `${L.fields}只能是：${INDUSTRY_FIELDS.map((f) => INDUSTRY_FIELD_LABELS[f]).join('、')}`,
          }),
          { error: `${L.fields}必须是列表` },
        )
        .transform(unique)
        .default([]),
      regions: z
        .array(
          z
            .string({ error: `${L.regions}必须是文字` })
            .trim()
            .min(2, { message: `${L.regions}至少 2 个字` })
            .max(SUBSCRIPTION_LIMITS.regions.maxChars, { message: `${L.regions}不能超过 ${SUBSCRIPTION_LIMITS.regions.maxChars} 个字` }),
          { error: `${L.regions}必须是列表` },
        )
        .max(SUBSCRIPTION_LIMITS.regions.max, { message: `${L.regions}最多 ${SUBSCRIPTION_LIMITS.regions.max} 个` })
        .transform(unique)
        .default([]),
      minBudgetWan: z
        .number({ error: `${L.minBudgetWan}必须是数字` })
        .min(0, { message: `${L.minBudgetWan}不能小于 0` })
        .max(1_000_000, { message: `${L.minBudgetWan}不能超过 1,000,000` })
        .refine(storable, { message: `${L.minBudgetWan}的最小单位是 ${MIN_FRACTION} 万元` })
        .optional(),
    },
    { error: '请求内容必须是一个对象' },
  )
  .superRefine((s, ctx) => {
    if (s.keywords.length === 0 && s.fields.length === 0 && s.regions.length === 0 && s.minBudgetWan === undefined) {
      ctx.addIssue({ code: 'custom', path: ['keywords'], message: `请至少设置一个条件：${L.keywords}、${L.fields}、${L.regions}或${L.minBudgetWan}` });
    }
  });

export type SubscriptionConditions = z.output<typeof subscriptionSchema>;

export const validateSubscription = (input: unknown): Validated<SubscriptionConditions> =>
  runSchema(subscriptionSchema, input);

/** What WeChat's requestSubscribeMessage answered for each template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

export const subscribeQuotaSchema = z.strictObject(
  {
    results: z
      .record(
        z.string().trim().min(1, { message: '模板 ID 不能为空' }).max(64, { message: '模板 ID 过长' }),
        z.enum(SUBSCRIBE_RESULTS, { error: '订阅结果只能是 accept、reject、ban 或 filter' }),
        { error: 'results 必须是 模板ID → 订阅结果 的对象' },
      )
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, {
        message: '每次应提交 1–3 个模板的订阅结果',
      }),
  },
  { error: '请求内容必须是一个对象' },
);
export type SubscribeQuotaRequest = z.output<typeof subscribeQuotaSchema>;
export const validateSubscribeQuota = (input: unknown): Validated<SubscribeQuotaRequest> =>
  runSchema(subscribeQuotaSchema, input);

export const markReadSchema = z
  .strictObject(
    {
      all: z.literal(true, { error: 'all 只能是 true（全部标为已读）' }).optional(),
      ids: z
        .array(z.string({ error: '通知 ID 必须是文字' }).min(1, { message: '通知 ID 不能为空' }).max(200, { message: '通知 ID 过长' }), {
          error: 'ids 必须是通知 ID 列表',
        })
        .min(1, { message: '请至少指定一条通知' })
        .max(100, { message: '一次最多标记 100 条' })
        .optional(),
    },
    { error: '请求内容必须是一个对象' },
  )
  .superRefine((v, ctx) => {
    if ((v.all === undefined) === (v.ids === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: '请提供 ids（通知 ID 列表）或 all: true，二者选一' });
    }
  })
  .transform((v): { all: true } | { ids: string[] } => (v.all ? { all: true } : { ids: v.ids ?? [] }));
export type MarkReadRequest = z.output<typeof markReadSchema>;
export const validateMarkRead = (input: unknown): Validated<MarkReadRequest> => runSchema(markReadSchema, input);
