// Saved searches that alert their owner when a new demand matches. One schema for the editor and the API.
import * as z from 'zod/mini';
import { INDUSTRY_FIELDS, INDUSTRY_FIELD_LABELS } from '../demand/demand.enums';
import { cleanLine, maxChars, minChars } from '../validation/clean-checks';
import { charCount, runSchema, type Validated } from '../validation/field-errors';
import { MIN_FRACTION, storable } from '../validation/numbers';

export const SUBSCRIPTION_LIMITS = {
  perUser: 20,
  keywords: { min: 1, max: 5, minChars: 2, maxChars: 20 },
  excludeKeywords: { max: 5 },
  /** Terms of the keywords' expansion (synonyms, narrower terms) the subscriber unticked. */
  dropTerms: { max: 100 },
  fields: { max: INDUSTRY_FIELDS.length },
  regions: { max: 10, maxChars: 20 },
} as const;

export const SUBSCRIPTION_FIELD_LABELS = {
  keywords: '关键词',
  excludeKeywords: '排除词',
  dropTerms: '不要的相关词',
  pushMentioned: '推送提及',
  fields: '产业领域',
  regions: '地区',
  minBudgetWan: '最低经费（万元）',
} as const;

const L = SUBSCRIPTION_FIELD_LABELS;
const K = SUBSCRIPTION_LIMITS.keywords;

// Cleaned before the repeats are dropped, so "储能" and "储\u200B能" are one keyword, as they look.
const word = (label: string) =>
  z.string({ error: `${label}必须是文字` }).check(
    cleanLine(),
    z.superRefine((v, ctx) => {
      const n = charCount(v);
      if (n < K.minChars || n > K.maxChars) {
        ctx.addIssue({ code: 'custom', message: `每个${label}应为 ${K.minChars}–${K.maxChars} 个字（“${v}”为 ${n} 个字）` });
      }
    }),
  );
const keyword = word(L.keywords);

/** A list without its repeats, or an empty list when absent. */
const uniqueList = <T extends z.ZodMiniType>(list: z.ZodMiniArray<T>) =>
  z._default(
    z.pipe(
      list,
      z.transform((values: z.output<T>[]) => [...new Set(values)]),
    ),
    [],
  );

export const subscriptionSchema = z
  .strictObject(
    {
      keywords: uniqueList(
        z
          .array(keyword, { error: `${L.keywords}必须是列表` })
          .check(z.maxLength(K.max, { error: `${L.keywords}最多 ${K.max} 个` })),
      ),
      excludeKeywords: uniqueList(
        z.array(word(L.excludeKeywords), { error: `${L.excludeKeywords}必须是列表` }).check(
          z.maxLength(SUBSCRIPTION_LIMITS.excludeKeywords.max, {
            error: `${L.excludeKeywords}最多 ${SUBSCRIPTION_LIMITS.excludeKeywords.max} 个`,
          }),
        ),
      ),
      dropTerms: uniqueList(
        z.array(word(L.dropTerms), { error: `${L.dropTerms}必须是列表` }).check(
          z.maxLength(SUBSCRIPTION_LIMITS.dropTerms.max, {
            error: `${L.dropTerms}最多 ${SUBSCRIPTION_LIMITS.dropTerms.max} 个`,
          }),
        ),
      ),
      pushMentioned: z._default(z.boolean({ error: `${L.pushMentioned}只能是 true 或 false` }), false),
      fields: uniqueList(
        z.array(
          z.enum(INDUSTRY_FIELDS, {
            error: `${L.fields}只能是：${INDUSTRY_FIELDS.map((f) => INDUSTRY_FIELD_LABELS[f]).join('、')}`,
          }),
          { error: `${L.fields}必须是列表` },
        ),
      ),
      regions: uniqueList(
        z
          .array(
            z
              .string({ error: `${L.regions}必须是文字` })
              .check(
                cleanLine(),
                minChars(2, `${L.regions}至少 2 个字`),
                maxChars(
                  SUBSCRIPTION_LIMITS.regions.maxChars,
                  `${L.regions}不能超过 ${SUBSCRIPTION_LIMITS.regions.maxChars} 个字`,
                ),
              ),
            { error: `${L.regions}必须是列表` },
          )
          .check(
            z.maxLength(SUBSCRIPTION_LIMITS.regions.max, { error: `${L.regions}最多 ${SUBSCRIPTION_LIMITS.regions.max} 个` }),
          ),
      ),
      minBudgetWan: z.optional(
        z
          .number({ error: `${L.minBudgetWan}必须是数字` })
          .check(
            z.gte(0, { error: `${L.minBudgetWan}不能小于 0` }),
            z.lte(1_000_000, { error: `${L.minBudgetWan}不能超过 1,000,000` }),
            z.refine(storable, { error: `${L.minBudgetWan}的最小单位是 ${MIN_FRACTION} 万元` }),
          ),
      ),
    },
    { error: '请求内容必须是一个对象' },
  )
  .check(
    z.superRefine((s, ctx) => {
      if (s.keywords.length === 0 && s.fields.length === 0 && s.regions.length === 0 && s.minBudgetWan === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['keywords'],
          message: `请至少设置一个条件：${L.keywords}、${L.fields}、${L.regions}或${L.minBudgetWan}`,
        });
      }
      const kept = new Set(s.keywords);
      const clash = s.excludeKeywords.find((k) => kept.has(k));
      if (clash !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['excludeKeywords'],
          message: `“${clash}”不能既是${L.keywords}又是${L.excludeKeywords}`,
        });
      }
    }),
  );

export type SubscriptionConditions = z.output<typeof subscriptionSchema>;

/**
 * Conditions with every list empty and no push of mentions, unless given: what a subscription stored before a
 * condition existed means, and a short way to write one in a test.
 */
export function conditionsOf(c: Partial<SubscriptionConditions> = {}): SubscriptionConditions {
  return { keywords: [], excludeKeywords: [], dropTerms: [], pushMentioned: false, fields: [], regions: [], ...c };
}

export const validateSubscription = (input: unknown): Validated<SubscriptionConditions> => runSchema(subscriptionSchema, input);

/** What WeChat's requestSubscribeMessage answered for each template id. */
export const SUBSCRIBE_RESULTS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeResult = (typeof SUBSCRIBE_RESULTS)[number];

export const subscribeQuotaSchema = z.strictObject(
  {
    results: z
      .record(
        z.string().check(z.trim(), z.minLength(1, { error: '模板 ID 不能为空' }), z.maxLength(64, { error: '模板 ID 过长' })),
        z.enum(SUBSCRIBE_RESULTS, { error: '订阅结果只能是 accept、reject、ban 或 filter' }),
        { error: 'results 必须是 模板ID → 订阅结果 的对象' },
      )
      .check(
        z.refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, {
          error: '每次应提交 1–3 个模板的订阅结果',
        }),
      ),
  },
  { error: '请求内容必须是一个对象' },
);
export type SubscribeQuotaRequest = z.output<typeof subscribeQuotaSchema>;
export const validateSubscribeQuota = (input: unknown): Validated<SubscribeQuotaRequest> =>
  runSchema(subscribeQuotaSchema, input);

export const markReadSchema = z.pipe(
  z
    .strictObject(
      {
        all: z.optional(z.literal(true, { error: 'all 只能是 true（全部标为已读）' })),
        ids: z.optional(
          z
            .array(
              z
                .string({ error: '通知 ID 必须是文字' })
                .check(z.minLength(1, { error: '通知 ID 不能为空' }), z.maxLength(200, { error: '通知 ID 过长' })),
              { error: 'ids 必须是通知 ID 列表' },
            )
            .check(z.minLength(1, { error: '请至少指定一条通知' }), z.maxLength(100, { error: '一次最多标记 100 条' })),
        ),
      },
      { error: '请求内容必须是一个对象' },
    )
    .check(
      z.superRefine((v, ctx) => {
        if ((v.all === undefined) === (v.ids === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['ids'], message: '请提供 ids（通知 ID 列表）或 all: true，二者选一' });
        }
      }),
    ),
  z.transform((v: { all?: true | undefined; ids?: string[] | undefined }): { all: true } | { ids: string[] } =>
    v.all ? { all: true } : { ids: v.ids ?? [] },
  ),
);
export type MarkReadRequest = z.output<typeof markReadSchema>;
export const validateMarkRead = (input: unknown): Validated<MarkReadRequest> => runSchema(markReadSchema, input);

/** POST /me/notifications/{id}/feedback: was this alert relevant (有用) or not (不相关)? */
export const alertFeedbackSchema = z.strictObject(
  { relevant: z.boolean({ error: 'relevant 只能是 true（有用）或 false（不相关）' }) },
  { error: '请求内容必须是一个对象' },
);
export type AlertFeedbackRequest = z.output<typeof alertFeedbackSchema>;
export const validateAlertFeedback = (input: unknown): Validated<AlertFeedbackRequest> => runSchema(alertFeedbackSchema, input);
