import { createDemandAlerts } from '../alerts/demand-alerts.service';
import { createPushService } from '../alerts/push.service';
import { once } from '../common/once';
import { createDeadLetterDynamoAdapter } from '../db/dead-letter.dynamo';
import { createNotificationDynamoRepository } from '../db/notification.dynamo';
import { createQuotaDynamoRepository } from '../db/quota.dynamo';
import { createSubscriptionDynamoRepository } from '../db/subscription.dynamo';
import { createWechatMessageAdapter } from '../wechat/wechat-message.adapter';
import { base, type Base } from './base';
import { followRepository } from './repositories';
import { templatesOf, wechatTokens, type WechatTokens } from './wechat';

/** The streams' work: a published or changed demand becomes inbox items, and an inbox item a WeChat push. */
export function createAlerts(b: Base, deps: { wechatTokens: WechatTokens }) {
  const { cfg, doc, names } = b;
  const notifications = createNotificationDynamoRepository(doc, names.notifications);
  const follows = followRepository(b);
  const alerts = createDemandAlerts({
    percolator: createSubscriptionDynamoRepository(doc, names),
    notifications,
    followers: (demandId) => follows.listFollowers(demandId),
    clock: b.clock,
  });
  const push = createPushService({
    notifications,
    quotas: createQuotaDynamoRepository(doc, names.quotas),
    users: b.users,
    wechat: createWechatMessageAdapter({
      baseUrl: cfg.WECHAT_API_BASE,
      tokens: deps.wechatTokens,
      timeoutMs: cfg.WECHAT_TIMEOUT_MS,
      miniprogramState: cfg.WECHAT_MINIPROGRAM_STATE,
    }),
    deadLetters: createDeadLetterDynamoAdapter(doc, names.deadLetters),
    templates: templatesOf(b),
    retry: { attempts: cfg.PUSH_RETRY_ATTEMPTS, baseMs: cfg.PUSH_RETRY_BASE_MS },
    clock: b.clock,
  });
  return { alerts, push };
}

/** The records of a stream event, as the stream handlers read them. */
export { demandChangesOf, insertedNotificationsOf } from '../db/stream-images';

export const alerts = once(() => createAlerts(base(), { wechatTokens: wechatTokens() }));
