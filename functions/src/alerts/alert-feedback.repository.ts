import type { AlertFeedback, MatchTier } from '@cic/shared';

/** The verdicts on alerts of one concept, per tier. */
export interface FeedbackCounters {
  concept: string;
  main: { relevant: number; notRelevant: number };
  mentioned: { relevant: number; notRelevant: number };
}

export interface FeedbackRecord {
  userId: string;
  notificationId: string;
  feedback: AlertFeedback;
  /** The verdict the notification holds now (undefined: none): the write applies only if it still does. */
  previous: boolean | undefined;
  /** The concepts of the keywords that matched, each counted once. */
  concepts: readonly string[];
  tier: MatchTier;
}

export interface AlertFeedbackRepository {
  /**
   * Stores the verdict on the notification and moves its concepts' counters (one more for the new verdict, one fewer
   * for the one it replaces) together. 'changed' when the notification's verdict is no longer `previous` or it is gone.
   */
  record(input: FeedbackRecord): Promise<'recorded' | 'changed'>;
  /** Every concept's counters. */
  counters(): Promise<FeedbackCounters[]>;
}
