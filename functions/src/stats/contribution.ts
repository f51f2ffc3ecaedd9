// What one demand adds to the organisers' figures. The stream consumer stores each demand's last contribution and
// applies only the difference to the counters, so a replayed or repeated change adds nothing, and the counters are
// always the sum of the stored contributions.
import { isPubliclyVisible, provinceOf, type Demand } from '@cic/shared';

/** Counter name → amount. Names: `status#<s>`, `field#<f>`, `region#<province>`, and the totals below. */
export type Contribution = Record<string, number>;

export const TOTALS = ['published', 'budgetWan', 'solutions', 'withSolutions', 'matched'] as const;

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
