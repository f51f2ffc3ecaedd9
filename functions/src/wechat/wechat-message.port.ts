// WeChat's server APIs for subscribe messages and content safety, as the domain sees them.

/** A subscribe message as WeChat's subscribe/send takes it (touser is the openid). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The mini-program page it opens, e.g. "pages/demand/index?id=…". */
  page: string;
  data: Record<string, { value: string }>;
}

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
  send(message: SubscribeMessage): Promise<SendOutcome>;
}

export type SafetyVerdict =
  | { kind: 'checked'; suggest: 'pass' | 'review' | 'risky'; label: number }
  | { kind: 'unavailable'; detail: string };

export interface ContentSafetyPort {
  /** msg_sec_check v2. scene 1 = 资料 (profile/listing text). */
  check(input: { openid: string; title: string; content: string }): Promise<SafetyVerdict>;
}

/** Where the access token is cached between Lambda containers (DynamoDB on AWS and locally). */
export interface AccessTokenCache {
  get(): Promise<{ token: string; expiresAt: number } | undefined>;
  put(entry: { token: string; expiresAt: number }): Promise<void>;
}
