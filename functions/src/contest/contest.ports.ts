// The stores of 揭榜比拼. Each method is one named access pattern on a key or an index.
import type { Award, Demand, Final, Score, Solution, Track } from '@cic/shared';

export interface SolutionRepository {
  /**
   * Stores a new solution and counts it on its demand, in one transaction: 'exists' when the submitter already has
   * one for this demand, 'not_open' when the demand is not published any more.
   */
  create(solution: Solution): Promise<'created' | 'exists' | 'not_open'>;
  get(id: string): Promise<Solution | undefined>;
  /** Writes `next` only if the stored version is still `expectedVersion`. */
  updateIfVersion(next: Solution, expectedVersion: number): Promise<boolean>;
  /**
   * The intent agreement: the solution and its demand move together (both under their version checks), or neither.
   * 'conflict' when either changed since it was read.
   */
  recordIntent(
    solution: { next: Solution; expectedVersion: number },
    demand: { next: Demand; expectedVersion: number },
  ): Promise<'stored' | 'conflict'>;
  /** Every solution of a demand, oldest first. */
  listByDemand(demandId: string): Promise<Solution[]>;
  /** A submitter's solutions, newest first. */
  listBySubmitter(submitterId: string): Promise<Solution[]>;
}

export interface FinalState {
  final?: Final;
  scores: Score[];
}

export interface FinalRepository {
  /** The final of a demand and all its scores: one Query of the demand's partition. */
  load(demandId: string): Promise<FinalState>;
  /** Stores the final and its judge entries; judges no longer listed are removed. False if the final was closed meanwhile. */
  assign(final: Final, removedJudgeIds: readonly string[]): Promise<boolean>;
  /** Closes the final unless it is closed already: false then. */
  close(demandId: string, at: string): Promise<boolean>;
  /** Stores (or replaces) one judge's score of one solution, only while the final is open: 'closed' otherwise. */
  putScore(score: Score): Promise<'stored' | 'closed'>;
  /** The demands whose finals a judge is assigned to. */
  listDemandsOfJudge(judgeId: string): Promise<string[]>;
  /**
   * A judge's place in a final, and every score they gave, pass to `anonymousId` (their account is erased): the
   * ranking stays as it was, and the final no longer names them. Safe to run again after an interruption.
   */
  replaceJudge(demandId: string, judgeId: string, anonymousId: string): Promise<void>;
}

export interface TrackRepository {
  create(track: Track): Promise<void>;
  get(id: string): Promise<Track | undefined>;
  /** Every track, newest first. */
  list(): Promise<Track[]>;
}

/** An award as stored: who received it, when a user did (a solution's submitter, a demand's owner). */
export type StoredAward = Award & { winnerId?: string };

export interface AwardRepository {
  create(award: StoredAward): Promise<void>;
  listByDemand(demandId: string): Promise<StoredAward[]>;
  /** A winner's awards, newest first. */
  listByWinner(userId: string): Promise<StoredAward[]>;
  /** The award stays (an anonymised contest record) but no longer names the winner's account. */
  clearWinner(award: Pick<StoredAward, 'demandId' | 'id'>): Promise<void>;
}
