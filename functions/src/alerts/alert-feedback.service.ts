// 有用 / 不相关 on an alert: the subscriber's verdict is kept on the inbox item and counted by the concept of each
// keyword that matched and the alert's tier, so the organisers see live precision by concept (GET
// /admin/alerts/feedback) and can curate the thesaurus from real use (data/thesaurus.md).
import {
  fail,
  ok,
  type AlertFeedbackResponse,
  type AlertFeedbackResult,
  type FeedbackCounts,
  type MatchTier,
  type Result,
} from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import type { Clock } from '../common/clock';
import type { AlertFeedbackRepository, FeedbackCounters } from './alert-feedback.repository';
import { conceptLabelOf } from './matching/concepts';
import type { NotificationRepository } from './notification.repository';

/** What an alert from a subscription without keywords (a field, region or budget) is counted under. */
export const NO_KEYWORD_CONCEPT = '（无关键词订阅）';
/**
 * What a keyword outside the thesaurus is counted under: a typed word may be anything (a name, a number), and the
 * counters outlive the person's account, so only the thesaurus's own terms are kept by name.
 */
export const OTHER_KEYWORDS_CONCEPT = '（词表外关键词）';
/** How many times a verdict is tried again when another verdict on the same alert landed in between. */
const ATTEMPTS = 3;

const counts = (relevant: number, notRelevant: number): FeedbackCounts => ({
  relevant,
  notRelevant,
  ...(relevant + notRelevant > 0 ? { precision: Math.round((relevant / (relevant + notRelevant)) * 1000) / 1000 } : {}),
});

function figuresOf(c: Pick<FeedbackCounters, 'main' | 'mentioned'>) {
  return {
    main: counts(c.main.relevant, c.main.notRelevant),
    mentioned: counts(c.mentioned.relevant, c.mentioned.notRelevant),
    all: counts(c.main.relevant + c.mentioned.relevant, c.main.notRelevant + c.mentioned.notRelevant),
  };
}

export function createAlertFeedbackService(deps: {
  notifications: Pick<NotificationRepository, 'get'>;
  feedback: AlertFeedbackRepository;
  clock: Clock;
}) {
  return {
    async record(user: AuthUser, id: string, relevant: boolean): Promise<Result<AlertFeedbackResult>> {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
        const n = await deps.notifications.get(user.id, id);
        // Only alerts of a subscription are judged; a status change of a followed demand is not a match.
        if (!n || n.reason !== 'new_match') return fail('NOTIFICATION.NOT_FOUND');
        if (n.feedback?.relevant === relevant) return ok({ id, feedback: n.feedback });
        const keywords = n.explanation?.keywords ?? [];
        const concepts =
          keywords.length > 0
            ? [...new Set(keywords.map((k) => conceptLabelOf(k.keyword) ?? OTHER_KEYWORDS_CONCEPT))]
            : [NO_KEYWORD_CONCEPT];
        const tier: MatchTier = n.tier ?? n.explanation?.tier ?? 'main';
        const feedback = { relevant, at: deps.clock.now().toISOString() };
        const outcome = await deps.feedback.record({
          userId: user.id,
          notificationId: id,
          feedback,
          previous: n.feedback?.relevant,
          concepts,
          tier,
        });
        if (outcome === 'recorded') return ok({ id, feedback });
      }
      return fail('NOTIFICATION.BUSY');
    },

    async figures(): Promise<Result<AlertFeedbackResponse>> {
      const all = await deps.feedback.counters();
      const judged = (c: FeedbackCounters) =>
        c.main.relevant + c.main.notRelevant + c.mentioned.relevant + c.mentioned.notRelevant;
      const sum = (pick: (c: FeedbackCounters) => { relevant: number; notRelevant: number }) => ({
        relevant: all.reduce((n, c) => n + pick(c).relevant, 0),
        notRelevant: all.reduce((n, c) => n + pick(c).notRelevant, 0),
      });
      return ok({
        items: all
          .filter((c) => judged(c) > 0)
          .sort((a, b) => judged(b) - judged(a) || (a.concept < b.concept ? -1 : 1))
          .map((c) => ({ concept: c.concept, ...figuresOf(c) })),
        total: figuresOf({ main: sum((c) => c.main), mentioned: sum((c) => c.mentioned) }),
      });
    },
  };
}

export type AlertFeedbackService = ReturnType<typeof createAlertFeedbackService>;
