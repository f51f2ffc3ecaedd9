// Every error a client can see: a stable code, the HTTP status it maps to, and a message a person can read.
// Clients switch on `code`; `message` is shown as is.

export const ERRORS = {
  'REQUEST.INVALID_JSON': { status: 400, message: '请求内容不是有效的 JSON' },
  'REQUEST.TOO_LARGE': { status: 413, message: '请求内容过大' },
  'REQUEST.VALIDATION': { status: 400, message: '填写的内容有误，请检查标出的字段' },
  'REQUEST.NOT_FOUND': { status: 404, message: '请求的内容不存在' },
  'REQUEST.CURSOR_INVALID': { status: 400, message: '翻页参数无效，请刷新后重试' },
  'AUTH.REQUIRED': { status: 401, message: '请先登录' },
  'AUTH.INVALID_TOKEN': { status: 401, message: '登录已失效，请重新登录' },
  'AUTH.FORBIDDEN': { status: 403, message: '没有权限进行此操作' },
  'AUTH.DEV_LOGIN_DISABLED': { status: 403, message: '开发登录未开启' },
  'AUTH.WECHAT_CODE_INVALID': { status: 401, message: '微信登录凭证无效或已过期，请重试' },
  'AUTH.WECHAT_UNAVAILABLE': { status: 503, message: '微信登录暂时不可用，请稍后重试' },
  'DEMAND.NOT_FOUND': { status: 404, message: '需求不存在或尚未发布' },
  'DEMAND.NOT_EDITABLE': { status: 409, message: '当前状态的需求不能修改' },
  'DEMAND.INVALID_TRANSITION': { status: 409, message: '当前状态不允许此操作' },
  'DEMAND.VERSION_CONFLICT': { status: 409, message: '需求已在别处被修改，请刷新后再试' },
  'DEMAND.INCOMPLETE': { status: 400, message: '需求信息不完整，请补充标出的字段后再提交' },
  'DEMAND.NOT_PUBLISHED': { status: 409, message: '只能关注已发布的需求' },
  'REVIEW.REASON_REQUIRED': { status: 400, message: '驳回时请填写原因' },
  'DEMAND.CONTENT_RISKY': { status: 400, message: '需求内容未通过内容安全检测，请修改标题或描述后再提交' },
  'SUBSCRIPTION.LIMIT': { status: 409, message: '订阅数量已达上限（每人 20 个），请先删除不需要的订阅' },
  'SUBSCRIPTION.NOT_FOUND': { status: 404, message: '订阅不存在' },
  'NOTIFICATION.NOT_FOUND': { status: 404, message: '提醒不存在' },
  'NOTIFICATION.BUSY': { status: 409, message: '这条提醒正在被修改，请稍后重试' },
  'QUOTA.UNKNOWN_TEMPLATE': { status: 400, message: '未知的订阅消息模板' },
  'SOLUTION.NOT_FOUND': { status: 404, message: '方案不存在' },
  'SOLUTION.DEMAND_NOT_OPEN': { status: 409, message: '只能对正在揭榜的需求（已发布）提交方案' },
  'SOLUTION.OWN_DEMAND': { status: 409, message: '不能对自己发布的需求揭榜' },
  'SOLUTION.EXISTS': { status: 409, message: '你已对该需求揭榜，请在“我的揭榜”中修改方案' },
  'SOLUTION.NOT_EDITABLE': { status: 409, message: '方案已被需求方处理，不能再修改' },
  'SOLUTION.VERSION_CONFLICT': { status: 409, message: '方案已在别处被修改，请刷新后再试' },
  'SOLUTION.INVALID_DECISION': { status: 409, message: '该方案当前的状态不能这样处理' },
  'SOLUTION.MATCHED': { status: 409, message: '该需求已与其他方案签订意向协议' },
  'SOLUTION.JUDGE_CONFLICT': { status: 409, message: '你是该需求的评委，不能对其揭榜' },
  'FINAL.JUDGE_INVALID': { status: 400, message: '指定的评委不存在或不是评委身份' },
  'FINAL.NOT_ASSIGNED': { status: 403, message: '你不是该需求的评委' },
  'FINAL.CLOSED': { status: 409, message: '评审已结束，评分不能再修改' },
  'SCORE.SELF': { status: 403, message: '不能给自己提交的方案评分' },
  'SCORE.NOT_SHORTLISTED': { status: 409, message: '只能给入围的方案评分' },
  'TRACK.NOT_FOUND': { status: 404, message: '专场不存在' },
  'AWARD.TARGET_INVALID': { status: 400, message: '获奖对象与需求不符' },
  'ACHIEVEMENT.NOT_FOUND': { status: 404, message: '成果不存在或尚未发布' },
  'ACHIEVEMENT.NOT_EDITABLE': { status: 409, message: '当前状态的成果不能修改' },
  'ACHIEVEMENT.INVALID_TRANSITION': { status: 409, message: '当前状态不允许此操作' },
  'ACHIEVEMENT.VERSION_CONFLICT': { status: 409, message: '成果已在别处被修改，请刷新后再试' },
  'ACHIEVEMENT.INCOMPLETE': { status: 400, message: '成果信息不完整，请补充标出的字段后再提交' },
  'ACHIEVEMENT.CONTENT_RISKY': { status: 400, message: '成果内容未通过内容安全检测，请修改名称或简介后再提交' },
  'ACHIEVEMENT.NOT_PUBLISHED': { status: 409, message: '只能邀请已发布成果的持有方' },
  'INVITATION.NOT_FOUND': { status: 404, message: '邀请不存在' },
  'INVITATION.EXISTS': { status: 409, message: '已向该成果发出邀请，请等待对方答复' },
  'INVITATION.DEMAND_NOT_OPEN': { status: 409, message: '只能为正在揭榜的需求（已发布）发出邀请' },
  'INVITATION.OWN_ACHIEVEMENT': { status: 409, message: '不能邀请自己的成果揭榜自己的需求' },
  'INVITATION.ANSWERED': { status: 409, message: '该邀请已答复，不能再次答复' },
  'RATE.LIMITED': { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务暂时出错，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The body of every error response. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Field key → message naming the field, for validation errors. */
    fields?: Record<string, string>;
  };
}

/** An expected failure, returned (not thrown) by domain code. */
export interface AppError {
  code: ErrorCode;
  fields?: Record<string, string>;
  /** Overrides the code's default message when the case needs a more specific one. */
  message?: string;
  /** For RATE.LIMITED: seconds until the client may try again (sent as Retry-After). */
  retryAfter?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, extra: Omit<AppError, 'code'> = {}): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, ...extra },
});

/**
 * What only a client can meet: no answer at all (the network), an answer it cannot read, or a failure of its own
 * making before anything was sent. Never sent by the server, so kept apart from ERRORS and their HTTP statuses.
 */
export const CLIENT_ERRORS = {
  'CLIENT.NETWORK': { message: '网络连接失败，请检查网络后重试' },
  'CLIENT.UNKNOWN': { message: '请求失败，请稍后重试' },
} as const;

export type ClientErrorCode = ErrorCode | keyof typeof CLIENT_ERRORS;

/** A code the server may send, as opposed to any string. */
export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERRORS, code);
