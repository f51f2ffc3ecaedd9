// A WeChat host for the built weapp (miniapp/dist/weapp) in Node: jsdom for the view layer, WeChat's component
// framework (miniprogram-simulate, j-component and miniprogram-exparser) for the pages, the WXML templates compiled by
// WeChat's own wcc, and the `wx` double of wx-double.ts. The app's JS runs as built: Taro's runtime, React and our code.
//
// Each host loads the app afresh (jest.isolateModules): webpack runs a page's module once per load, so a page can be
// opened once per host. Taro builds pages with Page(); WeChat's component framework only knows Component(), so the
// host maps one onto the other and calls the page lifecycle (onLoad with the query, onShow, onReady) as WeChat does.
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { AuthResponse } from '@cic/shared';
import { WEAPP_DIST } from '../../../../scripts/weapp/build-files';
import { SESSION_STORAGE_KEY, sessionOf } from '../../../src/session/session-record';
import { createWxDouble, type Network, type WxDouble } from './wx-double';

export { WEAPP_DIST };

export function stackApiUrl(): string {
  const url = process.env.STACK_API_URL;
  if (!url)
    throw new Error('STACK_API_URL is not set: run through jest --selectProjects weapp (its global setup starts the stack)');
  return url;
}

interface Simulate {
  load(componentPath: string, options: { rootPath: string }): string;
  render(id: string): SimulatedComponent;
}

interface SimulatedComponent {
  readonly dom: HTMLElement | undefined;
  readonly instance: PageInstance;
  attach(parent: Element): void;
  detach(): void;
}

interface ExparserEvents {
  Event: {
    create(name: string, detail: object, options: object): unknown;
    dispatchEvent(target: unknown, event: unknown): void;
  };
}

type PageMethod = (this: PageInstance, ...args: unknown[]) => unknown;

interface PageInstance {
  route?: string;
  __route__?: string;
  options?: Record<string, string>;
  onLoad?: PageMethod;
  onShow?: PageMethod;
  onReady?: PageMethod;
  onHide?: PageMethod;
  onUnload?: PageMethod;
  onPullDownRefresh?: PageMethod;
  onReachBottom?: PageMethod;
}

type WxElement = HTMLElement & { __wxElement?: unknown };

const JSDOM_GLOBALS = [
  'Event',
  'CustomEvent',
  'TouchEvent',
  'MouseEvent',
  'Element',
  'HTMLElement',
  'Node',
  'Text',
  'MutationObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;

let domInstalled = false;

/** jsdom's window as the global one. Node's own Event and CustomEvent must go too, or exparser's dispatch fails. */
function installDom(): void {
  if (domInstalled) return;
  domInstalled = true;
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'https://servicewechat.com/touristappid/devtools/page-frame.html',
  });
  const g = globalThis as Record<string, unknown>;
  g.window = window;
  g.document = window.document;
  const source = window as unknown as Record<string, unknown>;
  for (const name of JSDOM_GLOBALS) {
    Object.defineProperty(globalThis, name, { value: source[name], configurable: true, writable: true });
  }
}

export interface PageHandle {
  readonly route: string;
  readonly root: HTMLElement;
  /** Everything the page shows, as one string. */
  text(): string;
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<void>;
  waitFor(what: string, predicate: () => boolean, timeoutMs?: number): Promise<void>;
  /** The innermost element showing exactly this text (or matching it). */
  byText(text: string | RegExp): HTMLElement | undefined;
  /** Elements whose class list has this class (Taro's classes, before the component framework's prefix). */
  byClass(name: string): HTMLElement[];
  /** A tap, as WeChat delivers it: through the component framework to Taro's event handler. */
  tap(target: string | RegExp | HTMLElement): Promise<void>;
  /** Typing into an input or textarea: WeChat's `input` event with the new value. */
  type(input: HTMLElement, value: string): Promise<void>;
  /** The page comes back to the front (tab switch, navigateBack). */
  show(): void;
  pullDownRefresh(): void;
}

export interface Host {
  readonly wx: WxDouble;
  /** The WXML runtime's warnings (WXMLRT_…) and anything logged as an error, while this host ran. */
  readonly problems: string[];
  open(route: string, query?: Record<string, string>): PageHandle;
  /** Every request made so far has its answer (online). */
  settled(timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface HostOptions {
  network?: Network;
  /** Logged in as this user from the start, as if the app had stored the session earlier. */
  session?: AuthResponse;
}

const TICK_MS = 20;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function classMatches(el: Element, name: string): boolean {
  // miniprogram-simulate prefixes each class with the component's tag: `main--hall`.
  return Array.from(el.classList).some((c) => c === name || c.endsWith(`--${name}`));
}

export function startHost(options: HostOptions = {}): Host {
  installDom();
  const wx = createWxDouble(stackApiUrl());
  wx.network = options.network ?? 'online';
  if (options.session) wx.storage.set(SESSION_STORAGE_KEY, sessionOf(options.session));

  const problems: string[] = [];
  const original = { warn: console.warn, error: console.error };
  console.warn = (...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.includes('WXMLRT')) problems.push(text);
  };
  console.error = (...args: unknown[]) =>
    problems.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));

  const g = globalThis as Record<string, unknown>;
  g.wx = wx.api;
  const stack: PageInstance[] = [];
  let app: Record<string, PageMethod> | undefined;
  let opening: { route: string; query: Record<string, string> } | undefined;
  g.App = (config: Record<string, PageMethod>) => void (app = config);
  g.getApp = () => app;
  g.getCurrentPages = () => stack;

  let simulate: Simulate | undefined;
  let exparser: ExparserEvents | undefined;
  jest.isolateModules(() => {
    // Fresh copies of the component framework and of the built app for this host (see the note at the top).
    /* eslint-disable @typescript-eslint/no-require-imports */
    simulate = require('miniprogram-simulate') as Simulate;
    exparser = require('miniprogram-exparser') as ExparserEvents;
    g.Page = (config: Record<string, unknown>) => {
      const target = opening;
      if (!target) throw new Error('Page() called outside host.open()');
      const methods: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
      (g.Component as (definition: object) => void)({
        data: config.data ?? {},
        methods,
        lifetimes: {
          attached(this: PageInstance) {
            Object.assign(this, { route: target.route, __route__: target.route, options: target.query });
            stack.push(this);
            this.onLoad?.(target.query);
            this.onShow?.();
          },
          ready(this: PageInstance) {
            this.onReady?.();
          },
          detached(this: PageInstance) {
            this.onUnload?.();
            stack.splice(stack.indexOf(this), 1);
          },
        },
      });
    };
    require(join(WEAPP_DIST, 'app.js'));
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  if (!simulate || !exparser || !app) throw new Error(`${WEAPP_DIST}/app.js did not call App()`);
  app.onLaunch?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
  app.onShow?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });

  const opened = new Set<string>();
  const mounted: SimulatedComponent[] = [];

  function open(route: string, query: Record<string, string> = {}): PageHandle {
    if (opened.has(route)) throw new Error(`${route} was opened before in this host: start another host`);
    opened.add(route);
    opening = { route, query };
    let rendered: SimulatedComponent | undefined;
    // The page's script runs in a fresh module registry, so that a page another host opened runs again here.
    jest.isolateModules(() => {
      rendered = simulate!.render(simulate!.load(join(WEAPP_DIST, route), { rootPath: WEAPP_DIST }));
    });
    const component = rendered!;
    const parent = document.createElement('page-wrapper');
    document.body.appendChild(parent);
    component.attach(parent);
    opening = undefined;
    mounted.push(component);
    const root = component.dom;
    if (!root) throw new Error(`${route} rendered no DOM`);
    return pageHandle(route, root, component.instance, exparser!);
  }

  return {
    wx,
    problems,
    open,
    async settled(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (wx.requests.some((r) => r.status === undefined)) {
        if (Date.now() > until)
          throw new Error(`requests still unanswered after ${timeoutMs} ms: ${JSON.stringify(wx.requests)}`);
        await sleep(TICK_MS);
      }
    },
    close() {
      for (const c of mounted.splice(0)) c.detach();
      document.body.innerHTML = '';
      console.warn = original.warn;
      console.error = original.error;
    },
  };
}

function pageHandle(route: string, root: HTMLElement, instance: PageInstance, exparser: ExparserEvents): PageHandle {
  const text = () => (root.textContent ?? '').replace(/\s+/g, ' ');
  const elements = () => Array.from(root.querySelectorAll<HTMLElement>('*'));
  const shows = (el: HTMLElement, wanted: string | RegExp) => {
    const own = (el.textContent ?? '').trim();
    return typeof wanted === 'string' ? own === wanted : wanted.test(own);
  };
  const byText = (wanted: string | RegExp) => {
    const candidates = elements().filter((el) => shows(el, wanted));
    // The innermost: the last in document order among those that contain no other candidate.
    return candidates.filter((el) => !candidates.some((other) => other !== el && el.contains(other))).pop();
  };
  async function waitFor(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until)
        throw new Error(`${route}: waited ${timeoutMs} ms for ${what}; the page shows: ${text().slice(0, 600)}`);
      await sleep(TICK_MS);
    }
  }
  /** As j-component's own dispatchEvent: the DOM event, then exparser's, which reaches Taro's bind…="eh". */
  async function dispatch(el: WxElement, name: string, detail: object): Promise<void> {
    let node: WxElement | null = el;
    while (node && !node.__wxElement) node = node.parentElement;
    if (!node) throw new Error(`${route}: the ${name} target is not part of a WeChat component`);
    const original = new CustomEvent(name, { bubbles: true });
    node.dispatchEvent(original);
    exparser.Event.dispatchEvent(
      node.__wxElement,
      exparser.Event.create(name, detail, {
        originalEvent: original,
        bubbles: true,
        capturePhase: true,
        composed: true,
        extraFields: { touches: {}, changedTouches: {} },
      }),
    );
    await sleep(TICK_MS);
  }
  return {
    route,
    root,
    text,
    byText,
    byClass: (name) => elements().filter((el) => classMatches(el, name)),
    waitFor,
    waitForText: (wanted, timeoutMs) =>
      waitFor(
        `"${String(wanted)}"`,
        () => (typeof wanted === 'string' ? text().includes(wanted) : wanted.test(text())),
        timeoutMs,
      ),
    async tap(target) {
      if (typeof target === 'object' && 'nodeType' in target) return dispatch(target, 'tap', {});
      const el = byText(target);
      if (!el) throw new Error(`${route}: nothing to tap shows "${String(target)}"; the page shows: ${text().slice(0, 600)}`);
      await dispatch(el, 'tap', {});
    },
    type: (input, value) => dispatch(input, 'input', { value, cursor: value.length, keyCode: 0 }),
    show: () => void instance.onShow?.call(instance),
    pullDownRefresh: () => void instance.onPullDownRefresh?.call(instance),
  };
}
