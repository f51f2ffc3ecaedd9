// WeChat's content-safety check (msg_sec_check v2), as the screening of a submitted demand sees it.

export type SafetyVerdict =
  { kind: 'checked'; suggest: 'pass' | 'review' | 'risky'; label: number } | { kind: 'unavailable'; detail: string };

export interface ContentSafetyPort {
  /** msg_sec_check v2. scene 1 = 资料 (profile/listing text). */
  check(input: { openid: string; title: string; content: string }): Promise<SafetyVerdict>;
}
