/** WeChat subscribe-message quota per (user, template): each accept allows one send. There is no WeChat API to read it. */
export interface QuotaRepository {
  add(userId: string, templateId: string, count: number): Promise<void>;
  /** Takes one send atomically; false when none is left. */
  consume(userId: string, templateId: string): Promise<boolean>;
  /** Returns a send taken for a push that then failed in a way worth retrying. */
  giveBack(userId: string, templateId: string): Promise<void>;
  /** 43101: WeChat says the user has none left (or refused): believe it. */
  zero(userId: string, templateId: string): Promise<void>;
  get(userId: string): Promise<Record<string, number>>;
  /** The one digest push a user may get on a day (Asia/Shanghai date); true for the first caller only. */
  claimDigest(userId: string, date: string): Promise<boolean>;
  /** Every quota and digest marker of a person whose account is erased (注销). */
  deleteAllOf(userId: string): Promise<number>;
}
