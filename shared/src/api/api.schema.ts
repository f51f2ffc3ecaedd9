// Request bodies and query strings of the HTTP API other than the 附件3 form itself.
import * as z from 'zod';
import { COOPERATION_MODES, INDUSTRY_FIELDS, USER_ROLES } from '../demand/demand.enums';
import { runSchema, type Validated } from '../validation/field-errors';
import { MIN_FRACTION, storable } from '../validation/numbers';

export const LIST_LIMIT = { default: 20, max: 50 } as const;

export const devLoginSchema = z.strictObject(
  {
    nickname: z
      .string({ error: '昵称必须是文字' })
      .trim()
      .min(1, { message: '请填写昵称' })
      .max(30, { message: '昵称不能超过 30 个字' }),
    role: z.enum(USER_ROLES, { error: '角色只能是 user、admin 或 judge' }),
  },
  { error: '请求内容必须是一个对象' },
);
export type DevLoginRequest = z.output<typeof devLoginSchema>;

export const wechatLoginSchema = z.strictObject(
  {
    code: z
      .string({ error: '请提供微信登录凭证 code' })
      .trim()
      .min(1, { message: '请提供微信登录凭证 code' })
      .max(128, { message: '微信登录凭证 code 过长' }),
  },
  { error: '请求内容必须是一个对象' },
);
export type WechatLoginRequest = z.output<typeof wechatLoginSchema>;

export const reviewSchema = z.strictObject(
  {
    decision: z.enum(['approve', 'reject'], { error: '审核结果只能是 approve（通过）或 reject（驳回）' }),
    reason: z.string({ error: '驳回原因必须是文字' }).trim().max(500, { message: '驳回原因不能超过 500 个字' }).optional(),
  },
  { error: '请求内容必须是一个对象' },
);
export type ReviewRequest = z.output<typeof reviewSchema>;

const optionalQuery = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());

export const demandListQuerySchema = z.strictObject(
  {
    field: optionalQuery(z.enum(INDUSTRY_FIELDS, { error: `产业领域只能是：${INDUSTRY_FIELDS.join('、')}` })),
    region: optionalQuery(z.string().trim().max(50, { message: '地区不能超过 50 个字' })),
    cooperation: optionalQuery(
      z.enum(COOPERATION_MODES, { error: `合作方式只能是：${COOPERATION_MODES.join('、')}` }),
    ),
    minBudgetWan: optionalQuery(
      z.coerce
        .number({ error: '最低经费必须是数字' })
        .min(0, { message: '最低经费不能小于 0' })
        .max(1_000_000, { message: '最低经费不能超过 1,000,000 万元' })
        .refine(storable, { message: `最低经费的最小单位是 ${MIN_FRACTION} 万元` }),
    ),
    q: optionalQuery(z.string().trim().max(50, { message: '搜索词不能超过 50 个字' })),
    track: optionalQuery(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '专场编号格式无效' })),
    cursor: optionalQuery(z.string().max(2000, { message: '翻页参数无效' })),
    limit: optionalQuery(
      z.coerce
        .number({ error: '每页数量必须是数字' })
        .int({ message: '每页数量必须是整数' })
        .min(1, { message: '每页数量至少为 1' })
        .max(LIST_LIMIT.max, { message: `每页数量不能超过 ${LIST_LIMIT.max}` }),
    ),
  },
  { error: '查询参数无效' },
);
export type DemandListQuery = z.output<typeof demandListQuerySchema>;

export const pageQuerySchema = z.strictObject({
  cursor: optionalQuery(z.string().max(2000, { message: '翻页参数无效' })),
  limit: demandListQuerySchema.shape.limit,
});
export type PageQuery = z.output<typeof pageQuerySchema>;

/** The review queue's order: oldest first (first come, first served) by default, or the newest submissions first. */
export const REVIEW_ORDERS = ['oldest', 'newest'] as const;
export type ReviewOrder = (typeof REVIEW_ORDERS)[number];
export const reviewQueueQuerySchema = pageQuerySchema.extend({
  order: optionalQuery(z.enum(REVIEW_ORDERS, { error: '排序方式只能是 oldest（最早提交）或 newest（最新提交）' })),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

export const validateDevLogin = (input: unknown): Validated<DevLoginRequest> => runSchema(devLoginSchema, input);
export const validateWechatLogin = (input: unknown): Validated<WechatLoginRequest> =>
  runSchema(wechatLoginSchema, input);
export const validateReview = (input: unknown): Validated<ReviewRequest> => runSchema(reviewSchema, input);
export const validateDemandListQuery = (input: unknown): Validated<DemandListQuery> =>
  runSchema(demandListQuerySchema, input);
export const validatePageQuery = (input: unknown): Validated<PageQuery> => runSchema(pageQuerySchema, input);
export const validateReviewQueueQuery = (input: unknown): Validated<ReviewQueueQuery> =>
  runSchema(reviewQueueQuerySchema, input);
