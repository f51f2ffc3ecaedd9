// The push of an alert through WeChat's subscribe messages, as the alerts see it. The domain says what to tell whom;
// laying it out in a template's keywords, within WeChat's limits, is the WeChat adapter's business
// (functions/src/wechat/template-data.ts).

/** One alert to push: to whom, with which granted template, about which demand, and what to say. */
export type PushMessage = {
  /** The recipient's WeChat openid. */
  openid: string;
  /** The subscribe-message template the user granted a send for (the quota is counted per template). */
  templateId: string;
  demandId: string;
  /** The demand's title as the inbox shows it (masked where the demand is anonymous). */
  title: string;
  /** When it happened, ISO 8601: the demand's publication for a new match, the change for a status change. */
  at: string;
  /** An invitation to 揭榜 the demand: the message opens the holder's invitations at this one, not the demand. */
  invitationId?: string;
} & (
  | {
      kind: 'new_match';
      /** Why it matched, in a short line (the keywords, or the daily digest). */
      reason: string;
    }
  | {
      kind: 'status_change';
      /** The new status in a few Chinese characters (已关闭, 方案入围, …). */
      status: string;
    }
);

/**
 * The outcome of one send, already classified:
 * - sent: delivered;
 * - no_quota: 43101 (the user refused or has no quota left): zero the quota, never retry;
 * - rejected: 47003 bad data, 40003 bad openid, 40037 bad template, 41030 bad page: never retry, log the cause;
 * - retryable: -1 busy, HTTP 5xx, network failure or timeout: retry with backoff.
 * Token expiry (40001/42001/40014) never comes out: the adapter refreshes the token once and resends once.
 */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'no_quota'; errcode: number }
  | { kind: 'rejected'; errcode: number; errmsg: string }
  | { kind: 'retryable'; errcode?: number; detail: string };

export interface WechatMessagePort {
  send(message: PushMessage): Promise<SendOutcome>;
}
