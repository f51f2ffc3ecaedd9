// Precision and recall of a matcher on the labelled set: per subscription, per half, for the pushed tier and for the
// whole inbox. Demands outside a subscription's judged set count as not relevant, and the alerts on them are counted
// apart (`outside`) so that assumption can be weighed.
import type { EvalDemand, LabelledSet, LabelledSubscription, Split } from './labelled-set';

export interface Decision {
  /** The demand reaches the subscriber's inbox. */
  inbox: boolean;
  /** The demand is pushed (a WeChat subscribe message). A one-tier matcher pushes everything it alerts. */
  pushed: boolean;
}

export interface Matcher {
  name: string;
  decide(subscription: LabelledSubscription, demand: EvalDemand): Decision;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SubscriptionScore {
  subscription: LabelledSubscription;
  relevant: number;
  pushed: Counts;
  inbox: Counts;
  /** Alerts on demands outside the judged set. */
  outside: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

function add(c: Counts, alerted: boolean, relevant: boolean): void {
  if (alerted && relevant) c.tp += 1;
  else if (alerted) c.fp += 1;
  else if (relevant) c.fn += 1;
}

/** Precision, or undefined when nothing was alerted (no alert is no wrong alert; it is shown as —). */
export const precision = (c: Counts): number | undefined => (c.tp + c.fp === 0 ? undefined : c.tp / (c.tp + c.fp));
/** Recall, or undefined when nothing is relevant. */
export const recall = (c: Counts): number | undefined => (c.tp + c.fn === 0 ? undefined : c.tp / (c.tp + c.fn));

export function scoreSubscription(
  matcher: Matcher,
  sub: LabelledSubscription,
  demands: readonly EvalDemand[],
): SubscriptionScore {
  const score: SubscriptionScore = { subscription: sub, relevant: 0, pushed: zero(), inbox: zero(), outside: 0 };
  for (const demand of demands) {
    const judgment = sub.judged.get(demand.id);
    const decision = matcher.decide(sub, demand);
    if (!judgment) {
      if (decision.inbox) score.outside += 1;
      continue;
    }
    if (judgment.relevant) score.relevant += 1;
    add(score.pushed, decision.pushed, judgment.relevant);
    add(score.inbox, decision.inbox, judgment.relevant);
  }
  return score;
}

export interface SplitScore {
  split: Split;
  subscriptions: SubscriptionScore[];
  /** Summed over the half's subscriptions (micro-averaged: each judged pair weighs the same). */
  pushed: Counts;
  inbox: Counts;
  outside: number;
}

const sum = (cs: readonly Counts[]): Counts =>
  cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());

export function scoreSplit(matcher: Matcher, set: LabelledSet, split: Split): SplitScore {
  const subscriptions = set.subscriptions.filter((s) => s.split === split).map((s) => scoreSubscription(matcher, s, set.demands));
  return {
    split,
    subscriptions,
    pushed: sum(subscriptions.map((s) => s.pushed)),
    inbox: sum(subscriptions.map((s) => s.inbox)),
    outside: subscriptions.reduce((n, s) => n + s.outside, 0),
  };
}
