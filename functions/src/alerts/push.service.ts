// Sends the WeChat subscribe message for a new inbox item, at most once, and only with quota left.
//
// Order of steps, and why:
// 1. claim the notification's push (pending → claimed, conditional): a replayed stream record stops here;
// 2. a broad subscription (no keywords) takes the user's one digest slot of the day, or pushes nothing;
// 3. take one send from the (user, template) quota with a conditional decrement: no quota, no push;
// 4. send. 43101 zeroes the quota; 47003/40003/40037/41030 are logged and not retried; -1, 5xx and network errors give
//    the send back and retry with backoff, and after the last attempt the push goes to the dead-letter store.
// The inbox item exists before any of this, so a push that is never sent loses no alert.
import type { Notification, PushState } from '@cic/shared';
import type { UserRepository } from '../auth/user.repository';
import type { Clock } from '../common/clock';
import { log } from '../log/logger';
import type { DeadLetterPort } from './dead-letter.port';
import type { NotificationRepository } from './notification.repository';
import type { QuotaRepository } from './quota.repository';
import type { PushMessage, WechatMessagePort } from './wechat-message.port';

export interface PushTemplates {
  newMatch: string;
  statusChange: string;
}

export interface PushRetry {
  attempts: number;
  baseMs: number;
}

const STATUS_LABELS: Record<string, string> = { closed: '已关闭', published: '已发布' };
/** The phrase (≤5 Chinese characters) a solution's news is sent as, in the status-change template. */
const SOLUTION_LABELS: Record<string, string> = {
  shortlist: '方案入围',
  decline: '方案未入选',
  intent: '签订意向',
  new: '收到新方案',
};

/** The phrase of the news about 成果 (动员揭榜, a new matching 成果), in the status-change template. */
const ACHIEVEMENT_LABELS: Partial<Record<Notification['reason'], string>> = {
  invitation: '邀请揭榜',
  new_achievement: '有匹配成果',
};

function statusText(n: Notification): string {
  const achievementNews = ACHIEVEMENT_LABELS[n.reason];
  if (achievementNews) return achievementNews;
  if (n.reason === 'solution_new') return SOLUTION_LABELS.new as string;
  if (n.reason === 'solution_decision') return SOLUTION_LABELS[n.decision ?? ''] ?? '方案有更新';
  return STATUS_LABELS[n.status ?? ''] ?? '有更新';
}

/** The calendar day in China, which is when "once a day" turns over for a user there. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function reasonText(n: Notification): string {
  const e = n.explanation;
  if (!e) return n.reason === 'achievement_match' ? '与你发布的成果相匹配' : '你关注的需求有新动态';
  if (e.keywords.length > 0) return `关键词：${e.keywords.map((k) => k.keyword).join('、')}`;
  if (n.broad) return '你订阅的领域或地区有新需求（每日汇总）';
  return '符合你的订阅条件';
}

export function createPushService(deps: {
  notifications: Pick<NotificationRepository, 'claimPush' | 'setPush' | 'releasePush'>;
  quotas: QuotaRepository;
  users: Pick<UserRepository, 'get'>;
  wechat: WechatMessagePort;
  deadLetters: DeadLetterPort;
  templates: PushTemplates;
  retry: PushRetry;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  function messageFor(n: Notification, openid: string): PushMessage {
    const about = {
      openid,
      demandId: n.demandId,
      title: n.title,
      at: n.createdAt,
      ...(n.reason === 'invitation' && n.invitationId ? { invitationId: n.invitationId } : {}),
    };
    // A demand that matches a 成果 is news of a matching demand, as for a saved search.
    if (n.reason === 'new_match' || n.reason === 'achievement_match')
      return { kind: 'new_match', templateId: deps.templates.newMatch, ...about, reason: reasonText(n) };
    return { kind: 'status_change', templateId: deps.templates.statusChange, ...about, status: statusText(n) };
  }

  async function finish(n: Notification, state: PushState): Promise<PushState> {
    await deps.notifications.setPush(n.userId, n.id, state);
    return state;
  }

  /** What a failed push must undo: a send of quota taken and not used; whether WeChat already answered for good. */
  interface Held {
    templateId: string | undefined;
    final: boolean;
  }

  /** The push of a claimed notification. */
  async function push(n: Notification, held: Held): Promise<PushState> {
    const user = await deps.users.get(n.userId);
    if (!user?.openid) return finish(n, 'no_openid');
    if (n.broad && !(await deps.quotas.claimDigest(n.userId, chinaDate(deps.clock.now())))) {
      return finish(n, 'digest_skipped');
    }
    const message = messageFor(n, user.openid);
    const templateId = message.templateId;

    for (let attempt = 1; ; attempt += 1) {
      if (!(await deps.quotas.consume(n.userId, templateId))) return finish(n, 'no_quota');
      held.templateId = templateId;
      const outcome = await deps.wechat.send(message);
      // The send was used (or, for a retryable failure, is given back just below).
      held.templateId = undefined;
      held.final = outcome.kind !== 'retryable';
      switch (outcome.kind) {
        case 'sent':
          return finish(n, 'sent');
        case 'no_quota':
          await deps.quotas.zero(n.userId, templateId);
          return finish(n, 'no_quota');
        case 'rejected':
          log.error('push.rejected', { notification: n.id, userId: n.userId, errcode: outcome.errcode, errmsg: outcome.errmsg });
          return finish(n, 'rejected');
        case 'retryable':
          await deps.quotas.giveBack(n.userId, templateId);
          if (attempt < deps.retry.attempts) {
            log.warn('push.retry', { notification: n.id, attempt, errcode: outcome.errcode, detail: outcome.detail });
            await sleep(deps.retry.baseMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
            continue;
          }
          await deps.deadLetters.put({
            id: `push#${n.userId}#${n.id}`,
            userId: n.userId,
            kind: 'push',
            payload: { userId: n.userId, notificationId: n.id, templateId, message: { ...message, openid: '(redacted)' } },
            error: `${outcome.errcode ?? ''} ${outcome.detail}`.trim(),
            at: deps.clock.now().toISOString(),
          });
          log.error('push.dead_letter', { notification: n.id, attempts: attempt, detail: outcome.detail });
          return finish(n, 'dead_letter');
      }
    }
  }

  return {
    async onNotificationCreated(n: Notification): Promise<PushState | 'replayed'> {
      if (n.push !== 'pending') return 'replayed';
      if (!(await deps.notifications.claimPush(n.userId, n.id))) return 'replayed';
      // From here on an error (a DynamoDB call that failed after the SDK's retries) must not strand the claim: the
      // quota taken for an unsent message goes back, the claim is released, and the stream's retry pushes it.
      // Once WeChat has given a final answer (sent, no quota, rejected), the claim is kept even if recording the state
      // fails: releasing it then could send the same message twice.
      const held: Held = { templateId: undefined, final: false };
      try {
        return await push(n, held);
      } catch (err) {
        if (held.templateId) await deps.quotas.giveBack(n.userId, held.templateId).catch(() => undefined);
        if (!held.final) await deps.notifications.releasePush(n.userId, n.id).catch(() => undefined);
        throw err;
      }
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
