// The part of WeChat's `wx` that the built pages touch, as a test double: requests go to the local stack's API (so a
// page shows what the real API answers), or fail the way WeChat reports a dead network, or never answer (so the page
// stays in its loading state). Storage is real storage in memory; navigation, toasts and modals are recorded.
// Everything else falls through to miniprogram-simulate's own mock of `wx`.
import { call } from '../../../../functions/test/support/api';
export type Network = 'online' | 'offline' | 'hanging';

export interface RecordedRequest {
  method: string;
  /** Path and query, as the API sees them. */
  path: string;
  status?: number;
}

export interface Navigation {
  kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack';
  url?: string;
}

interface Callbacks<T> {
  success?: (res: T) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: T | { errMsg: string }) => void;
}

interface RequestOptions extends Callbacks<RequestSuccess> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  dataType?: string;
}

interface RequestSuccess {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
  errMsg: string;
}

export interface WxDouble {
  /** What becomes the global `wx`. */
  readonly api: Record<string, unknown>;
  network: Network;
  /** The person behind the next `wx.login` code (the fake WeChat server gives one openid per person). */
  person: string;
  readonly requests: RecordedRequest[];
  readonly navigations: Navigation[];
  readonly toasts: string[];
  readonly modals: { title?: string; content?: string }[];
  /** How many times the page ended its pull-down refresh. */
  pullDownStops: number;
  readonly storage: Map<string, unknown>;
}

function succeed<T>(options: Callbacks<T>, res: T): void {
  // WeChat answers asynchronously; so does the double.
  setTimeout(() => {
    options.success?.(res);
    options.complete?.(res);
  }, 0);
}

function failWith<T>(options: Callbacks<T>, errMsg: string): void {
  setTimeout(() => {
    options.fail?.({ errMsg });
    options.complete?.({ errMsg });
  }, 0);
}

export function createWxDouble(apiUrl: string): WxDouble {
  let codes = 0;
  const double: WxDouble = {
    api: {},
    network: 'online',
    person: 'weapp',
    requests: [],
    navigations: [],
    toasts: [],
    modals: [],
    pullDownStops: 0,
    storage: new Map(),
  };

  function request(options: RequestOptions) {
    const target = new URL(options.url);
    const record: RecordedRequest = { method: (options.method ?? 'GET').toUpperCase(), path: target.pathname + target.search };
    double.requests.push(record);
    const task = { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
    if (double.network === 'hanging') return task;
    if (double.network === 'offline') {
      failWith(options, 'request:fail -102:net::ERR_CONNECTION_REFUSED');
      return task;
    }
    const body =
      options.data === undefined ? undefined : typeof options.data === 'string' ? options.data : JSON.stringify(options.data);
    // As WeChat's own wx.request: a body goes as JSON unless the page says otherwise.
    call(record.method, record.path, { api: apiUrl, headers: options.header ?? {}, ...(body !== undefined ? { raw: body } : {}) })
      .then((res) => {
        record.status = res.status;
        const text = res.text;
        let data: unknown = text;
        if (options.dataType !== 'text') {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
        succeed(options, { data, statusCode: res.status, header: res.headers, cookies: [], errMsg: 'request:ok' });
      })
      .catch((err: Error) => failWith(options, `request:fail ${err.message}`));
    return task;
  }

  const navigate = (kind: Navigation['kind']) => (options: Callbacks<{ errMsg: string }> & { url?: string }) => {
    double.navigations.push({ kind, ...(options.url !== undefined ? { url: options.url } : {}) });
    succeed(options, { errMsg: `${kind}:ok` });
  };

  Object.assign(double.api, {
    request,
    login(options: Callbacks<{ code: string; errMsg: string }>) {
      codes += 1;
      succeed(options, { code: `user-${double.person}-${codes}`, errMsg: 'login:ok' });
    },
    getStorageSync: (key: string) => (double.storage.has(key) ? double.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void double.storage.set(key, value),
    removeStorageSync: (key: string) => void double.storage.delete(key),
    clearStorageSync: () => double.storage.clear(),
    getStorage(options: Callbacks<{ data: unknown; errMsg: string }> & { key: string }) {
      if (double.storage.has(options.key)) succeed(options, { data: double.storage.get(options.key), errMsg: 'getStorage:ok' });
      else failWith(options, 'getStorage:fail data not found');
    },
    setStorage(options: Callbacks<{ errMsg: string }> & { key: string; data: unknown }) {
      double.storage.set(options.key, options.data);
      succeed(options, { errMsg: 'setStorage:ok' });
    },
    removeStorage(options: Callbacks<{ errMsg: string }> & { key: string }) {
      double.storage.delete(options.key);
      succeed(options, { errMsg: 'removeStorage:ok' });
    },
    showToast(options: Callbacks<{ errMsg: string }> & { title: string }) {
      double.toasts.push(options.title);
      succeed(options, { errMsg: 'showToast:ok' });
    },
    showModal(options: Callbacks<{ confirm: boolean; cancel: boolean; errMsg: string }> & { title?: string; content?: string }) {
      double.modals.push({
        ...(options.title ? { title: options.title } : {}),
        ...(options.content ? { content: options.content } : {}),
      });
      succeed(options, { confirm: true, cancel: false, errMsg: 'showModal:ok' });
    },
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    stopPullDownRefresh: () => void (double.pullDownStops += 1),
  });
  return double;
}
