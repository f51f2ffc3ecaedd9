// Request bodies and query strings of the HTTP API other than the 附件3 form itself.
import * as z from 'zod/mini';
import { MATCH_TIERS } from '../alerts/alert.types';
import { LISTING_KINDS } from '../achievement/achievement.enums';
import { COOPERATION_MODES, INDUSTRY_FIELDS, USER_ROLES } from '../demand/demand.enums';
import { cleanLine, cleanLines, maxChars } from '../validation/clean-checks';
import { runSchema, type Validated } from '../validation/field-errors';
import { MIN_FRACTION, storable } from '../validation/numbers';
import { optionalCount, optionalQuery, optionalQueryText, queryText } from '../validation/query-params';
import { englishMessage, preprocess } from '../validation/zod-mini';

export const LIST_LIMIT = { default: 20, max: 50 } as const;

export const devLoginSchema = z.strictObject(
  {
    nickname: z
      .string({ error: '昵称必须是文字' })
      .check(cleanLine(), z.minLength(1, { error: '请填写昵称' }), maxChars(30, '昵称不能超过 30 个字')),
    role: z.enum(USER_ROLES, { error: '角色只能是 user、admin 或 judge' }),
  },
  { error: '请求内容必须是一个对象' },
);
export type DevLoginRequest = z.output<typeof devLoginSchema>;

export const wechatLoginSchema = z.strictObject(
  {
    code: z
      .string({ error: '请提供微信登录凭证 code' })
      .check(
        z.trim(),
        z.minLength(1, { error: '请提供微信登录凭证 code' }),
        z.maxLength(128, { error: '微信登录凭证 code 过长' }),
      ),
  },
  { error: '请求内容必须是一个对象' },
);
export type WechatLoginRequest = z.output<typeof wechatLoginSchema>;

export const reviewSchema = z.strictObject(
  {
    decision: z.enum(['approve', 'reject'], { error: '审核结果只能是 approve（通过）或 reject（驳回）' }),
    reason: z.optional(z.string({ error: '驳回原因必须是文字' }).check(cleanLines(), maxChars(500, '驳回原因不能超过 500 个字'))),
  },
  { error: '请求内容必须是一个对象' },
);
export type ReviewRequest = z.output<typeof reviewSchema>;

export const demandListQuerySchema = z.strictObject(
  {
    field: optionalQuery(z.enum(INDUSTRY_FIELDS, { error: `产业领域只能是：${INDUSTRY_FIELDS.join('、')}` })),
    region: optionalQueryText(50, '地区不能超过 50 个字'),
    cooperation: optionalQuery(z.enum(COOPERATION_MODES, { error: `合作方式只能是：${COOPERATION_MODES.join('、')}` })),
    minBudgetWan: optionalQuery(
      z.coerce
        .number({ error: '最低经费必须是数字' })
        .check(
          z.gte(0, { error: '最低经费不能小于 0' }),
          z.lte(1_000_000, { error: '最低经费不能超过 1,000,000 万元' }),
          z.refine(storable, { error: `最低经费的最小单位是 ${MIN_FRACTION} 万元` }),
        ),
    ),
    q: optionalQueryText(50, '搜索词不能超过 50 个字'),
    track: optionalQuery(queryText().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '专场编号格式无效' }))),
    cursor: optionalQuery(queryText().check(z.maxLength(2000, { error: '翻页参数无效' }))),
    limit: optionalCount(LIST_LIMIT.max, '每页数量'),
  },
  { error: '查询参数无效' },
);
export type DemandListQuery = z.output<typeof demandListQuerySchema>;

export const pageQuerySchema = z.strictObject(
  {
    cursor: optionalQuery(queryText().check(z.maxLength(2000, { error: '翻页参数无效' }))),
    limit: demandListQuerySchema.shape.limit,
  },
  { error: englishMessage },
);
export type PageQuery = z.output<typeof pageQuerySchema>;

/** The inbox: a page, all alerts or those of one tier (主题相关 / 提及). */
export const notificationsQuerySchema = z.extend(pageQuerySchema, {
  tier: optionalQuery(z.enum(MATCH_TIERS, { error: '提醒类别只能是 main（主题相关）或 mentioned（提及）' })),
});
export type NotificationsQuery = z.output<typeof notificationsQuerySchema>;

/** GET /concepts/expand?keyword=: the keyword is checked like a subscription's. */
export const conceptExpandQuerySchema = z.strictObject(
  {
    keyword: preprocess(
      (v) => (v === undefined ? '' : v),
      z.string({ error: '关键词必须是文字' }).check(
        cleanLine(),
        z.superRefine((v, ctx) => {
          const n = [...v].length;
          if (n === 0) ctx.addIssue({ code: 'custom', message: '请提供关键词 keyword' });
          else if (n < 2 || n > 20) ctx.addIssue({ code: 'custom', message: `关键词应为 2–20 个字（“${v}”为 ${n} 个字）` });
        }),
      ),
    ),
  },
  { error: englishMessage },
);
export type ConceptExpandQuery = z.output<typeof conceptExpandQuerySchema>;

/** The review queue's order: oldest first (first come, first served) by default, or the newest submissions first. */
export const REVIEW_ORDERS = ['oldest', 'newest'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];
export const reviewQueueQuerySchema = z.extend(pageQuerySchema, {
  order: optionalQuery(z.enum(REVIEW_ORDERS, { error: '排序方式只能是 oldest（最早提交）或 newest（最新提交）' })),
  // Demands, 成果, or both (absent) merged by submission time.
  kind: optionalQuery(z.enum(LISTING_KINDS, { error: '类型只能是 demand（需求）或 achievement（成果）' })),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const validateDevLogin = (input: unknown): Validated<DevLoginRequest> => runSchema(devLoginSchema, input);
export const validateWechatLogin = (input: unknown): Validated<WechatLoginRequest> => runSchema(wechatLoginSchema, input);
export const validateReview = (input: unknown): Validated<ReviewRequest> => runSchema(reviewSchema, input);
export const validateDemandListQuery = (input: unknown): Validated<DemandListQuery> => runSchema(demandListQuerySchema, input);
export const validatePageQuery = (input: unknown): Validated<PageQuery> => runSchema(pageQuerySchema, input);
export const validateNotificationsQuery = (input: unknown): Validated<NotificationsQuery> =>
  runSchema(notificationsQuerySchema, input);
export const validateConceptExpandQuery = (input: unknown): Validated<ConceptExpandQuery> =>
  runSchema(conceptExpandQuerySchema, input);
export const validateReviewQueueQuery = (input: unknown): Validated<ReviewQueueQuery> => runSchema(reviewQueueQuerySchema, input);
