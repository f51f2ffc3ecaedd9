/** Where a push goes when its retries are spent, so it is kept for an operator instead of dropped. */
export interface DeadLetterPort {
  put(entry: {
    id: string;
    userId: string;
    kind: 'push';
    payload: Record<string, unknown>;
    error: string;
    at: string;
  }): Promise<void>;
  /** The dead letters of a person whose account is erased (注销). */
  deleteAllOf(userId: string): Promise<number>;
}
