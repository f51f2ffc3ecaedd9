// The organisers' figures (GET /stats): counters kept from the demands and 成果 streams, the inbox items that tell of a
// match, and the invitations' own writes; read with one GetItem, cached briefly.
import { createHash } from 'node:crypto';
import {
  DEMAND_STATUSES,
  INDUSTRY_FIELDS,
  ok,
  type Achievement,
  type Demand,
  type DemandStatus,
  type IndustryField,
  type Notification,
  type NotificationReason,
  type Result,
  type StatsResponse,
} from '@cic/shared';
import type { Clock } from '../common/clock';
import {
  achievementContributionOf,
  achievementKey,
  contributionOf,
  demandKey,
  difference,
  type Contribution,
} from './contribution';
import type { StatsRepository } from './stats.ports';

export function toStatsResponse(counters: Contribution, at: string): StatsResponse {
  const n = (key: string) => Math.max(0, counters[key] ?? 0);
  const byRegion: Record<string, number> = {};
  for (const [key, value] of Object.entries(counters)) {
    if (key.startsWith('region#') && value > 0) byRegion[key.slice('region#'.length)] = value;
  }
  return {
    at,
    demands: {
      byStatus: Object.fromEntries(DEMAND_STATUSES.map((s) => [s, n(`status#${s}`)])) as Record<DemandStatus, number>,
      published: n('published'),
      byField: Object.fromEntries(INDUSTRY_FIELDS.map((f) => [f, n(`field#${f}`)])) as Record<IndustryField, number>,
      byRegion,
    },
    budgetWan: Math.round(n('budgetWan') * 10_000) / 10_000,
    solutions: n('solutions'),
    demandsWithSolutions: n('withSolutions'),
    matched: n('matched'),
    achievements: n('achievements'),
    matches: n('matches'),
    invitations: n('invitations'),
    invitationsAccepted: n('invitationsAccepted'),
  };
}

/** The inbox items that tell someone of a match between a demand and a 成果: each is one match in the figures. */
export const MATCH_REASONS: readonly NotificationReason[] = ['achievement_match', 'new_achievement'];

/**
 * The once-only marker of an inbox item that told of a match. It outlives an erased account, so it names the item by a
 * digest of the person's id and the item's, never by the id itself.
 */
export function matchMarkerOf(n: Pick<Notification, 'userId' | 'id'>): string {
  return `notification#${createHash('sha256').update(`${n.userId}\u0000${n.id}`).digest('base64url')}`;
}

/**
 * The once-only marker of an invitation's first sending (`sent`) or of its acceptance: counted with the invitation's own
 * write. It outlives the invitation, which an erasure deletes, so it names it by a digest of its id.
 */
export function invitationMarkerOf(invitationId: string, event: 'sent' | 'accepted'): string {
  return `invitation-${event}#${createHash('sha256').update(invitationId).digest('base64url')}`;
}

export function createStatsService(deps: { stats: StatsRepository; clock: Clock; cacheMs: number }) {
  let cached: { at: number; value: StatsResponse } | undefined;

  return {
    /**
     * Called for each change on the demands stream (and by the seed for the demands it writes, with no `before`).
     * A change that moves no figure (a follow, an edit of a draft's text) costs no write.
     */
    async onDemandChange(
      demandId: string,
      order: string,
      before: Demand | undefined,
      after: Demand | undefined,
    ): Promise<Contribution> {
      const next = contributionOf(after);
      if (before && Object.keys(difference(next, contributionOf(before))).length === 0) return {};
      return deps.stats.apply(demandKey(demandId), order, next);
    },

    /** The same for each change on the 成果 stream (and the seed's 示例 成果): a 成果 counts once it is or was public. */
    async onAchievementChange(
      achievementId: string,
      order: string,
      before: Achievement | undefined,
      after: Achievement | undefined,
    ): Promise<Contribution> {
      const next = achievementContributionOf(after);
      // Drafts and reviews move no figure: a 成果 that was never public costs no write at all.
      if (Object.keys(difference(next, achievementContributionOf(before))).length === 0) return {};
      return deps.stats.apply(achievementKey(achievementId), order, next);
    },

    /**
     * Called for each new inbox item (the notifications stream): one that tells of a match counts once, however often
     * its record is replayed. True when it was counted now.
     */
    async onNotificationCreated(n: Pick<Notification, 'userId' | 'id' | 'reason'>): Promise<boolean> {
      if (!MATCH_REASONS.includes(n.reason)) return false;
      return deps.stats.countOnce(matchMarkerOf(n), 'matches');
    },

    async read(): Promise<Result<StatsResponse>> {
      const now = deps.clock.now();
      if (cached && now.getTime() - cached.at < deps.cacheMs) return ok(cached.value);
      const value = toStatsResponse(await deps.stats.read(), now.toISOString());
      cached = { at: now.getTime(), value };
      return ok(value);
    },
  };
}

export type StatsService = ReturnType<typeof createStatsService>;
