// What one demand (or 成果) adds to the organisers' figures. The stream consumer stores each item's last contribution
// and applies only the difference to the counters, so a replayed or repeated change adds nothing, and the counters are
// always the sum of the stored contributions.
import { isPubliclyVisible, provinceOf, type Achievement, type Demand } from '@cic/shared';

/** Counter name → amount. Names: `status#<s>`, `field#<f>`, `region#<province>`, and the totals below. */
export type Contribution = Record<string, number>;

export const TOTALS = ['published', 'budgetWan', 'solutions', 'withSolutions', 'matched'] as const;

/**
 * Counters kept outside the contributions, each moved once by the write it counts: an invitation sent and one accepted
 * (in the invitation's own transaction), and a match someone was told about (once per inbox item, marked as counted).
 */
export const EVENT_COUNTERS = ['matches', 'invitations', 'invitationsAccepted'] as const;
export type EventCounter = (typeof EVENT_COUNTERS)[number];

/** Whose contribution a stored one is: `demand#<id>` or `achievement#<id>`. */
export type ContributionKey = `${'demand' | 'achievement'}#${string}`;
export const demandKey = (id: string): ContributionKey => `demand#${id}`;
export const achievementKey = (id: string): ContributionKey => `achievement#${id}`;

export function contributionOf(demand: Demand | undefined): Contribution {
  if (!demand) return {};
  const c: Contribution = { [`status#${demand.status}`]: 1 };
  if (isPubliclyVisible(demand.status, demand.publishedAt)) {
    c.published = 1;
    if (demand.field) c[`field#${demand.field}`] = 1;
    const province = demand.region ? provinceOf(demand.region) : undefined;
    c[`region#${province ?? '其他'}`] = 1;
    if (demand.budgetWan) c.budgetWan = demand.budgetWan;
  }
  const solutions = demand.solutionCount ?? 0;
  if (solutions > 0) {
    c.solutions = solutions;
    c.withSolutions = 1;
  }
  if (demand.matchedAt) c.matched = 1;
  return c;
}

/** A 成果 counts once it is or was public, as a demand counts in `published`. */
export function achievementContributionOf(achievement: Achievement | undefined): Contribution {
  if (!achievement || !isPubliclyVisible(achievement.status, achievement.publishedAt)) return {};
  return { achievements: 1 };
}

/** `next − previous`, without the zeros. */
export function difference(next: Contribution, previous: Contribution): Contribution {
  const delta: Contribution = {};
  for (const key of new Set([...Object.keys(next), ...Object.keys(previous)])) {
    const d = (next[key] ?? 0) - (previous[key] ?? 0);
    // Budgets carry up to 4 decimals: round away binary noise so equal contributions cancel exactly.
    const rounded = Math.round(d * 10_000) / 10_000;
    if (rounded !== 0) delta[key] = rounded;
  }
  return delta;
}
