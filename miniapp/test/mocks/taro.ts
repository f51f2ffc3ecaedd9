// A small, controllable stand-in for @tarojs/taro under jest: storage in memory, request through a handler the test
// sets, and the page lifecycle hooks run the way a page sees them (useLoad/useDidShow once on mount).
import { useEffect } from 'react';

type RequestOptions = { url: string; method?: string; data?: unknown; header?: Record<string, string> };
type RequestResult = { statusCode: number; data: unknown };

const storage = new Map<string, unknown>();
let requestHandler: (options: RequestOptions) => Promise<RequestResult> = async () => ({ statusCode: 404, data: {} });
let router: { params: Record<string, string> } = { params: {} };
const pullDownHandlers = new Set<() => void>();
const reachBottomHandlers = new Set<() => void>();
let modalAnswer = true;

export const calls = {
  toasts: [] as { title: string; icon?: string }[],
  navigations: [] as string[],
  tabBadges: [] as (string | null)[],
  requests: [] as RequestOptions[],
  subscribeRequests: [] as string[][],
  modals: [] as { title?: string; content?: string }[],
};

export const __test = {
  reset() {
    storage.clear();
    calls.toasts.length = 0;
    calls.navigations.length = 0;
    calls.tabBadges.length = 0;
    calls.requests.length = 0;
    calls.subscribeRequests.length = 0;
    calls.modals.length = 0;
    modalAnswer = true;
    router = { params: {} };
    pullDownHandlers.clear();
    reachBottomHandlers.clear();
  },
  onRequest(handler: (options: RequestOptions) => Promise<RequestResult> | RequestResult) {
    requestHandler = async (o) => handler(o);
  },
  /** What the person taps in the next modals: 确定 (true) or 取消. */
  answerModal(confirm: boolean) {
    modalAnswer = confirm;
  },
  setRouterParams(params: Record<string, string>) {
    router = { params };
  },
  pullDown() {
    for (const h of pullDownHandlers) h();
  },
  reachBottom() {
    for (const h of reachBottomHandlers) h();
  },
  storage,
};

const Taro = {
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  async request(options: RequestOptions): Promise<RequestResult> {
    calls.requests.push(options);
    return requestHandler(options);
  },
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  showToast: async (o: { title: string; icon?: string }) => void calls.toasts.push(o),
  showLoading: async () => undefined,
  hideLoading: async () => undefined,
  showModal: async (o: { title?: string; content?: string }) => {
    calls.modals.push({ title: o.title, content: o.content });
    return { confirm: modalAnswer, cancel: !modalAnswer };
  },
  navigateTo: async (o: { url: string }) => void calls.navigations.push(o.url),
  redirectTo: async (o: { url: string }) => void calls.navigations.push(o.url),
  switchTab: async (o: { url: string }) => void calls.navigations.push(o.url),
  navigateBack: async () => undefined,
  stopPullDownRefresh: () => undefined,
  setTabBarBadge: async (o: { text: string }) => void calls.tabBadges.push(o.text),
  removeTabBarBadge: async () => void calls.tabBadges.push(null),
  setNavigationBarTitle: async () => undefined,
  login: async () => ({ code: 'test-code' }),
  requestSubscribeMessage: async (o: { tmplIds: string[] }) => {
    calls.subscribeRequests.push(o.tmplIds);
    return Object.fromEntries(o.tmplIds.map((id) => [id, 'accept']));
  },
  getCurrentInstance: () => ({ router }),
  useRouter: () => router,
  useLoad: (fn: (params: Record<string, string>) => void) => useEffect(() => fn(router.params), []),
  useDidShow: (fn: () => void) => useEffect(() => fn(), []),
  useDidHide: () => undefined,
  useReady: (fn: () => void) => useEffect(() => fn(), []),
  usePullDownRefresh: (fn: () => void) =>
    useEffect(() => {
      pullDownHandlers.add(fn);
      return () => void pullDownHandlers.delete(fn);
    }),
  useReachBottom: (fn: () => void) =>
    useEffect(() => {
      reachBottomHandlers.add(fn);
      return () => void reachBottomHandlers.delete(fn);
    }),
  useShareAppMessage: () => undefined,
};

export default Taro;
export const {
  useLoad,
  useDidShow,
  useDidHide,
  useReady,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useRouter,
  getCurrentInstance,
} = Taro;
