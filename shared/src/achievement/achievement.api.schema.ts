// Query strings and bodies of the routes about 成果, matches, invitations and the field suggestion.
import * as z from 'zod/mini';
import { pageQuerySchema } from '../api/api.schema';
import { INDUSTRY_FIELDS } from '../demand/demand.enums';
import { cleanLine, cleanLines, maxChars } from '../validation/clean-checks';
import { runSchema, type Validated } from '../validation/field-errors';
import { optionalCount, optionalQuery, optionalQueryText } from '../validation/query-params';
import { englishMessage } from '../validation/zod-mini';
import { TRL_MAX, TRL_MIN } from './achievement.enums';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** GET /achievements: filters, a search (成果搜索) and a page. */
export const achievementListQuerySchema = z.extend(pageQuerySchema, {
  field: optionalQuery(z.enum(INDUSTRY_FIELDS, { error: `产业领域只能是：${INDUSTRY_FIELDS.join('、')}` })),
  region: optionalQueryText(50, '地区不能超过 50 个字'),
  trlMin: optionalQuery(
    z.coerce
      .number({ error: '技术成熟度必须是数字' })
      .check(
        z.int({ error: `技术成熟度必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
        z.gte(TRL_MIN, { error: `技术成熟度必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
        z.lte(TRL_MAX, { error: `技术成熟度必须是 ${TRL_MIN}–${TRL_MAX} 的整数` }),
      ),
  ),
  q: optionalQueryText(50, '搜索词不能超过 50 个字'),
});
export type AchievementListQuery = z.output<typeof achievementListQuerySchema>;

/** GET /demands/{id}/matches and /achievements/{id}/matches: how many, best first. */
export const MATCHES_LIMIT = { default: 10, max: 30 } as const;
export const matchesQuerySchema = z.strictObject(
  {
    limit: optionalCount(MATCHES_LIMIT.max, '数量'),
  },
  { error: englishMessage },
);
export type MatchesQuery = z.output<typeof matchesQuerySchema>;

export const INVITATION_MESSAGE_MAX = 200;
export const invitationSchema = z.strictObject(
  {
    achievementId: z
      .string({ error: (i) => (i.input === undefined ? '请选择要邀请的成果' : '成果编号必须是文字') })
      .check(z.regex(ID, { error: '成果编号格式无效' })),
    message: z.optional(
      z
        .string({ error: '邀请留言必须是文字' })
        .check(cleanLines(), maxChars(INVITATION_MESSAGE_MAX, `邀请留言不能超过 ${INVITATION_MESSAGE_MAX} 个字`)),
    ),
  },
  { error: '请求内容必须是一个对象' },
);
export type InvitationRequest = z.output<typeof invitationSchema>;

export const invitationRespondSchema = z.strictObject(
  { decision: z.enum(['accept', 'decline'], { error: '答复只能是 accept（接受）或 decline（婉拒）' }) },
  { error: '请求内容必须是一个对象' },
);
export type InvitationRespondRequest = z.output<typeof invitationRespondSchema>;

export const suggestFieldSchema = z.strictObject(
  {
    title: z
      .string({ error: (i) => (i.input === undefined ? '请填写名称' : '名称必须是文字') })
      .check(cleanLine(), maxChars(60, '名称不能超过 60 个字')),
    description: z._default(
      z.string({ error: '描述必须是文字' }).check(cleanLines(), maxChars(5000, '描述不能超过 5000 个字')),
      '',
    ),
  },
  { error: '请求内容必须是一个对象' },
);
export type SuggestFieldRequest = z.output<typeof suggestFieldSchema>;

export const validateAchievementListQuery = (input: unknown): Validated<AchievementListQuery> =>
  runSchema(achievementListQuerySchema, input);
export const validateMatchesQuery = (input: unknown): Validated<MatchesQuery> => runSchema(matchesQuerySchema, input);
export const validateInvitation = (input: unknown): Validated<InvitationRequest> => runSchema(invitationSchema, input);
export const validateInvitationRespond = (input: unknown): Validated<InvitationRespondRequest> =>
  runSchema(invitationRespondSchema, input);
export const validateSuggestField = (input: unknown): Validated<SuggestFieldRequest> => runSchema(suggestFieldSchema, input);
