// subscribe/send over HTTP, with every answer classified for the caller (see SendOutcome in the port). The caller owns
// retries and backoff: this adapter sends at most twice, and only when WeChat rejected the access token the first time.
// The alerts hand it their message (title, reason or status, demand, time); template-data.ts lays that out in WeChat's
// template keywords.
import type { PushMessage, SendOutcome, WechatMessagePort } from '../alerts/wechat-message.port';
import { log } from '../log/logger';
import { postWithAccessToken, type AccessTokenProvider } from './access-token.provider';
import { subscribeMessageOf, type SubscribeMessage } from './template-data';

/** 43101: the user refused the template or has no one-time quota left. */
const NO_QUOTA = 43101;
/** 47003 bad data, 40003 bad openid, 40037 bad template, 41030 bad page: the message itself is wrong. */
const REJECTED: ReadonlySet<number> = new Set([47003, 40003, 40037, 41030]);
/** -1 busy; 45009 daily API limit and 45011 API frequency limit pass with time. */
const RETRYABLE: ReadonlySet<number> = new Set([-1, 45009, 45011]);

export type MiniprogramState = 'developer' | 'trial' | 'formal';

export interface SubscribeSenderOptions {
  baseUrl: string;
  tokens: AccessTokenProvider;
  timeoutMs: number;
  /** Which version of the mini-program the message opens: developer (开发版), trial (体验版) or formal (正式版). */
  miniprogramState: MiniprogramState;
  fetchImpl?: typeof fetch;
}

/** subscribe/send of a message already in WeChat's shape. */
export interface SubscribeSender {
  send(message: SubscribeMessage): Promise<SendOutcome>;
}

/** The alerts' port: each message laid out in its template, then sent. */
export function createWechatMessageAdapter(opts: SubscribeSenderOptions): WechatMessagePort {
  const sender = createSubscribeSender(opts);
  return {
    send: (message: PushMessage) => sender.send(subscribeMessageOf(message)),
  };
}

export function createSubscribeSender(opts: SubscribeSenderOptions): SubscribeSender {
  return {
    async send(message): Promise<SendOutcome> {
      const result = await postWithAccessToken({
        api: 'subscribe_send',
        baseUrl: opts.baseUrl,
        path: '/cgi-bin/message/subscribe/send',
        body: {
          touser: message.touser,
          template_id: message.templateId,
          page: message.page,
          data: message.data,
          miniprogram_state: opts.miniprogramState,
          lang: 'zh_CN',
        },
        tokens: opts.tokens,
        timeoutMs: opts.timeoutMs,
        ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
      });
      if (result.kind === 'failed') {
        return { kind: 'retryable', detail: result.detail, ...(result.errcode !== undefined ? { errcode: result.errcode } : {}) };
      }
      const { errcode, errmsg } = result;
      if (errcode === 0) return { kind: 'sent' };
      const where = { template: message.templateId, errcode, errmsg };
      if (errcode === NO_QUOTA) {
        log.info('wechat.subscribe_send_no_quota', where);
        return { kind: 'no_quota', errcode };
      }
      if (errcode === undefined) {
        // WeChat always answers with an errcode. Retrying is safe: if it did send, the retry gets 43101 (quota used).
        log.warn('wechat.subscribe_send_unexpected', { template: message.templateId, fields: Object.keys(result.body) });
        return { kind: 'retryable', detail: 'answer without errcode' };
      }
      if (RETRYABLE.has(errcode)) {
        log.warn('wechat.subscribe_send_busy', where);
        return { kind: 'retryable', errcode, detail: errmsg || 'system busy' };
      }
      // The listed rejections and any other errcode: retrying the same message cannot help.
      log.error(REJECTED.has(errcode) ? 'wechat.subscribe_send_rejected' : 'wechat.subscribe_send_unknown_error', where);
      return { kind: 'rejected', errcode, errmsg };
    },
  };
}
