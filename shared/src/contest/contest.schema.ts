// Request bodies of 揭榜比拼, written once: the mini-program forms and the Lambda input checks both use them.
import * as z from 'zod/mini';
import { isMainlandPhone } from '../validation/form-rules';
import { cleanLine, cleanLines, maxChars } from '../validation/clean-checks';
import { charCount, runSchema, type Validated } from '../validation/field-errors';
import { groupDigits, MIN_FRACTION, storable } from '../validation/numbers';
import { preprocess } from '../validation/zod-mini';
import type { SCORE_CRITERIA } from './contest.enums';
import {
  AWARD_KINDS,
  AWARD_TARGETS,
  SCORE_CRITERION_LABELS,
  SOLUTION_DECISIONS,
  SOLUTION_STATUSES,
  TRACK_KINDS,
} from './contest.enums';

export const SOLUTION_LIMITS = {
  title: { min: 4, max: 60 },
  summary: { min: 100, max: 3000 },
  organisation: { min: 2, max: 100 },
  team: { min: 2, max: 300 },
  contactName: { min: 1, max: 30 },
  costWan: { min: 0, max: 1_000_000 },
  months: { min: 1, max: 120 },
} as const;

export const SOLUTION_FIELD_LABELS = {
  title: '方案名称',
  summary: '方案简介',
  organisation: '单位名称',
  team: '团队成员',
  contactName: '联系人',
  contactPhone: '联系电话',
  costWan: '预计费用',
  months: '实施周期',
  ndaAccepted: '保密协议和免责声明',
} as const;
export type SolutionFieldKey = keyof typeof SOLUTION_FIELD_LABELS;

const L = SOLUTION_FIELD_LABELS;
const OBJECT = { error: '请求内容必须是一个对象' };

function typeError(label: string, kind: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? `请填写${label}` : `${label}必须是${kind}`);
}

/**
 * Text counted in characters as a person counts them, once cleaned, with the field named in every message. A
 * multi-line field is one the forms type in a text area, whose line breaks are the person's paragraphs.
 */
function text(label: string, min: number, max: number, multiline = false) {
  return z.string({ error: typeError(label, '文字') }).check(
    multiline ? cleanLines() : cleanLine(),
    z.superRefine((value, ctx) => {
      const n = charCount(value);
      if (n === 0) ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      else if (n > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过 ${max} 个字（当前 ${n} 个字）` });
      else if (n < min) ctx.addIssue({ code: 'custom', message: `${label}至少需要 ${min} 个字（当前 ${n} 个字）` });
    }),
  );
}

function number(label: string, unit: string, min: number, max: number, integer = false) {
  const schema = z.number({ error: typeError(label, '数字') }).check(
    z.refine(Number.isFinite, { error: `${label}必须是数字` }),
    z.refine((v) => v >= min, { error: `${label}不能小于 ${min}${unit}` }),
    z.refine((v) => v <= max, { error: `${label}不能超过 ${groupDigits(max)}${unit}` }),
    z.refine(storable, { error: `${label}的最小单位是 ${MIN_FRACTION}${unit}` }),
  );
  return integer ? schema.check(z.refine(Number.isInteger, { error: `${label}必须是整数（${unit.trim()}）` })) : schema;
}

/**
 * Cleaned text with a maximum in characters, the message naming the field. Blank text comes out as '', as an empty
 * string always did: the rules of each schema say when that counts as missing (a decline without its reason).
 */
const cleaned = (notText: string, max: number, tooLong: string, multiline: boolean) =>
  z.string({ error: notText }).check(multiline ? cleanLines() : cleanLine(), maxChars(max, tooLong));

export const solutionFormSchema = z.strictObject(
  {
    title: text(L.title, SOLUTION_LIMITS.title.min, SOLUTION_LIMITS.title.max),
    summary: text(L.summary, SOLUTION_LIMITS.summary.min, SOLUTION_LIMITS.summary.max, true),
    organisation: text(L.organisation, SOLUTION_LIMITS.organisation.min, SOLUTION_LIMITS.organisation.max),
    team: text(L.team, SOLUTION_LIMITS.team.min, SOLUTION_LIMITS.team.max, true),
    contactName: text(L.contactName, SOLUTION_LIMITS.contactName.min, SOLUTION_LIMITS.contactName.max),
    contactPhone: z.string({ error: typeError(L.contactPhone, '文字') }).check(
      cleanLine(),
      z.refine((v) => v !== '', { error: `请填写${L.contactPhone}` }),
      z.refine((v) => v === '' || isMainlandPhone(v), { error: `${L.contactPhone}应为手机号或带区号的座机号` }),
    ),
    costWan: number(L.costWan, ' 万元', SOLUTION_LIMITS.costWan.min, SOLUTION_LIMITS.costWan.max),
    months: number(L.months, ' 个月', SOLUTION_LIMITS.months.min, SOLUTION_LIMITS.months.max, true),
    ndaAccepted: z.literal(true, { error: `请阅读并同意${L.ndaAccepted}` }),
  },
  OBJECT,
);
export type SolutionForm = z.output<typeof solutionFormSchema>;

export const decisionSchema = z
  .strictObject(
    {
      decision: z.enum(SOLUTION_DECISIONS, {
        error: '处理结果只能是 shortlist（入围）、decline（婉拒）或 intent（签订意向协议）',
      }),
      reason: z.optional(cleaned('说明必须是文字', 500, '说明不能超过 500 个字', true)),
    },
    OBJECT,
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.decision === 'decline' && !v.reason) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: '婉拒时请填写原因，揭榜方会看到它' });
      }
    }),
  );
export type DecisionRequest = z.output<typeof decisionSchema>;

// z.int() as a check, as classic zod's .int() is: after the type check, before the range.
const score = (c: (typeof SCORE_CRITERIA)[number]) =>
  z
    .number({ error: typeError(SCORE_CRITERION_LABELS[c], '数字') })
    .check(
      z.int({ error: `${SCORE_CRITERION_LABELS[c]}必须是整数` }),
      z.gte(0, { error: `${SCORE_CRITERION_LABELS[c]}的分数在 0–100 之间` }),
      z.lte(100, { error: `${SCORE_CRITERION_LABELS[c]}的分数在 0–100 之间` }),
    );

export const scoreSchema = z.strictObject(
  { completeness: score('completeness'), feasibility: score('feasibility'), fit: score('fit') },
  OBJECT,
);
export type ScoreRequest = z.output<typeof scoreSchema>;

const weight = (c: (typeof SCORE_CRITERIA)[number]) =>
  z
    .number({ error: `${SCORE_CRITERION_LABELS[c]}的权重必须是数字` })
    .check(
      z.gte(0, { error: `${SCORE_CRITERION_LABELS[c]}的权重不能小于 0` }),
      z.lte(100, { error: `${SCORE_CRITERION_LABELS[c]}的权重不能超过 100` }),
      z.refine(storable, { error: `${SCORE_CRITERION_LABELS[c]}的权重最小为 ${MIN_FRACTION}` }),
    );

/** Ids in request bodies are ours (ulids, user ids): the same shape that paths accept. */
const id = (label: string) =>
  z.string({ error: `${label}必须是文字` }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: `${label}格式无效` }));

export const assignJudgesSchema = z.strictObject(
  {
    judgeIds: z.array(id('评委编号'), { error: '请选择评委（judgeIds 为评委编号列表）' }).check(
      z.minLength(1, { error: '请至少指定 1 位评委' }),
      z.maxLength(15, { error: '评委不能超过 15 位' }),
      z.refine((ids) => new Set(ids).size === ids.length, { error: '评委不能重复' }),
    ),
    weights: z.optional(
      z
        .strictObject(
          { completeness: weight('completeness'), feasibility: weight('feasibility'), fit: weight('fit') },
          {
            error: '权重必须是对象，包含完备性、可实施性、匹配性',
          },
        )
        .check(z.refine((w) => w.completeness + w.feasibility + w.fit > 0, { error: '三项权重不能全为 0' })),
    ),
  },
  OBJECT,
);
export type AssignJudgesRequest = z.output<typeof assignJudgesSchema>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (label: string) =>
  z.string({ error: typeError(label, '日期') }).check(
    z.refine(
      (v) =>
        DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        error: `${label}应为 YYYY-MM-DD 格式的日期`,
      },
    ),
  );

export const trackSchema = z
  .strictObject(
    {
      name: text('专场名称', 2, 40),
      kind: z.enum(TRACK_KINDS, { error: '专场类型只能是：大企业开放创新、特色行业、长三角区域、海外创新' }),
      startDate: date('开始日期'),
      endDate: date('结束日期'),
      description: z._default(cleaned('专场介绍必须是文字', 500, '专场介绍不能超过 500 个字', true), ''),
    },
    OBJECT,
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
    }),
  );
export type TrackRequest = z.output<typeof trackSchema>;

export const assignTrackSchema = z.strictObject(
  { trackId: z.union([id('专场编号'), z.null()], { error: '专场编号必须是文字，或为 null 表示移出专场' }) },
  OBJECT,
);
export type AssignTrackRequest = z.output<typeof assignTrackSchema>;

export const awardSchema = z
  .strictObject(
    {
      demandId: id('需求编号'),
      kind: z.enum(AWARD_KINDS, {
        error: '奖项只能是：最佳解决方案奖、最佳开放式创新企业奖、最佳服务团队奖、技术经纪人匠心奖、其他奖项',
      }),
      kindOther: z.optional(cleaned('奖项名称必须是文字', 30, '奖项名称不能超过 30 个字', false)),
      target: z.enum(AWARD_TARGETS, { error: '获奖对象只能是 solution（方案团队）、owner（需求企业）或 broker（技术经纪人）' }),
      solutionId: z.optional(id('方案编号')),
      year: z
        .number({ error: '年度必须是数字' })
        .check(
          z.int({ error: '年度必须是整数' }),
          z.gte(2015, { error: '年度不能早于 2015' }),
          z.lte(2100, { error: '年度无效' }),
        ),
      note: z.optional(cleaned('颁奖词必须是文字', 200, '颁奖词不能超过 200 个字', true)),
    },
    OBJECT,
  )
  .check(
    z.superRefine((v, ctx) => {
      if (v.target === 'solution' && !v.solutionId) {
        ctx.addIssue({ code: 'custom', path: ['solutionId'], message: '颁给方案团队时请指定方案' });
      }
      if (v.kind === 'other' && !v.kindOther) ctx.addIssue({ code: 'custom', path: ['kindOther'], message: '请填写奖项名称' });
    }),
  );
export type AwardRequest = z.output<typeof awardSchema>;

export const SOLUTION_SORTS = ['fit', 'score', 'time'] as const;
export type SolutionSort = (typeof SOLUTION_SORTS)[number];

export const solutionListQuerySchema = z.strictObject(
  {
    sort: preprocess(
      (v) => (v === '' ? undefined : v),
      z._default(z.enum(SOLUTION_SORTS, { error: '排序只能是 fit（匹配度）、score（评分）或 time（时间）' }), 'time'),
    ),
    status: preprocess(
      (v) => (v === '' ? undefined : v),
      z.optional(z.enum(SOLUTION_STATUSES, { error: '状态只能是：submitted、shortlisted、declined、intent' })),
    ),
  },
  { error: '查询参数无效' },
);
export type SolutionListQuery = z.output<typeof solutionListQuerySchema>;

export const validateSolutionForm = (input: unknown): Validated<SolutionForm> => runSchema(solutionFormSchema, input);
export const validateDecision = (input: unknown): Validated<DecisionRequest> => runSchema(decisionSchema, input);
export const validateScore = (input: unknown): Validated<ScoreRequest> => runSchema(scoreSchema, input);
export const validateAssignJudges = (input: unknown): Validated<AssignJudgesRequest> => runSchema(assignJudgesSchema, input);
export const validateTrack = (input: unknown): Validated<TrackRequest> => runSchema(trackSchema, input);
export const validateAssignTrack = (input: unknown): Validated<AssignTrackRequest> => runSchema(assignTrackSchema, input);
export const validateAward = (input: unknown): Validated<AwardRequest> => runSchema(awardSchema, input);
export const validateSolutionListQuery = (input: unknown): Validated<SolutionListQuery> =>
  runSchema(solutionListQuerySchema, input);
