import {
  fail,
  ok,
  type MarkReadRequest,
  type MatchTier,
  type Notification,
  type Page,
  type Result,
  type SubscribeQuotaRequest,
  type SubscribeQuotaResponse,
  type UnreadCountResponse,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { CursorCodec } from '../common/cursor';
import { readPage, type PageParams } from '../common/paging';
import type { NotificationRepository } from './notification.repository';
import type { QuotaRepository } from './quota.repository';

/** The inbox (source of truth for alerts) and the WeChat quota a user grants by accepting subscribe messages. */
export function createInboxService(deps: {
  notifications: NotificationRepository;
  quotas: QuotaRepository;
  templateIds: readonly string[];
  clock: Clock;
  cursors: CursorCodec;
}) {
  return {
    /** The inbox, newest first: everything, or the alerts of one tier (a cursor belongs to the list it came from). */
    list(user: AuthUser, params: PageParams & { tier?: MatchTier | undefined }): Promise<Result<Page<Notification>>> {
      const { tier } = params;
      return readPage(deps.cursors, `inbox:${user.id}${tier ? `:${tier}` : ''}`, params, (page) =>
        deps.notifications.listByUser(user.id, page, tier),
      );
    },

    async unreadCount(user: AuthUser): Promise<Result<UnreadCountResponse>> {
      return ok({ unread: await deps.notifications.unreadCount(user.id) });
    },

    async markRead(user: AuthUser, request: MarkReadRequest): Promise<Result<{ marked: number } & UnreadCountResponse>> {
      const at = deps.clock.now().toISOString();
      const marked =
        'all' in request
          ? await deps.notifications.markAllRead(user.id, at)
          : await deps.notifications.markRead(user.id, request.ids, at);
      return ok({ marked, unread: await deps.notifications.unreadCount(user.id) });
    },

    /** Records what requestSubscribeMessage returned: each accept allows one more push with that template. */
    async recordSubscribeResults(user: AuthUser, request: SubscribeQuotaRequest): Promise<Result<SubscribeQuotaResponse>> {
      const unknown = Object.keys(request.results).filter((id) => !deps.templateIds.includes(id));
      if (unknown.length > 0) {
        return fail('QUOTA.UNKNOWN_TEMPLATE', { fields: Object.fromEntries(unknown.map((id) => [id, `未知的模板 ID：${id}`])) });
      }
      for (const [templateId, result] of Object.entries(request.results)) {
        if (result === 'accept') await deps.quotas.add(user.id, templateId, 1);
        // 'ban': the user turned this template off in WeChat; every send would fail with 43101.
        if (result === 'ban') await deps.quotas.zero(user.id, templateId);
      }
      return ok({ quota: await deps.quotas.get(user.id) });
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
