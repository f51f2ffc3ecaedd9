// Rate limits: login, posting and solution submission are limited per user and per IP, with a clear 429 and
// Retry-After. The shared stack raises every limit (its tests log in hundreds of users from 127.0.0.1), so these run
// the real handlers in-process with the real limits, against the same DynamoDB Local, as API Gateway would call them.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Demand } from '@cic/shared';
import { counterKey, RATE_RULES, type RateAction } from '../../functions/src/ratelimit/rate-limiter';
import { call, completeForm, login, published, uniq } from '../../functions/test/support/api';
import { solutionForm } from '../../functions/test/support/contest';
import { stackPartition } from '../../functions/test/support/stack-env';
import { recordFigure } from './figures';

type Handler = (event: APIGatewayProxyEventV2, context: { functionName: string }) => Promise<APIGatewayProxyStructuredResultV2>;
let handlers: { dev: Handler; createDemand: Handler; submitSolution: Handler };

const SECTION = 'rate limits';
/** Records that the request over the limit was refused with 429. */
const recordRefused = (name: string, over: APIGatewayProxyStructuredResultV2) =>
  recordFigure({ section: SECTION, name, value: over.statusCode ?? 0, target: '429', pass: over.statusCode === 429 });

const randomIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

function event(
  routeKey: string,
  opts: { ip: string; body?: unknown; token?: string; pathParameters?: Record<string, string> },
): APIGatewayProxyEventV2 {
  const [method, path] = routeKey.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    body: JSON.stringify(opts.body ?? {}),
    isBase64Encoded: false,
    ...(opts.pathParameters ? { pathParameters: opts.pathParameters } : {}),
    requestContext: { http: { method, path, sourceIp: opts.ip, protocol: 'HTTP/1.1', userAgent: 'reliability' } },
  } as unknown as APIGatewayProxyEventV2;
}

const fn = (name: string) => ({ functionName: `innovation-challenge-local-${name}` });
const bodyOf = (res: APIGatewayProxyStructuredResultV2) =>
  JSON.parse(String(res.body)) as { error?: { code: string; message: string } };

/** Fixed windows: start a check early in a window, so that it cannot roll over halfway. */
async function freshWindow(seconds: number, needed: number): Promise<void> {
  const left = seconds - ((Date.now() / 1000) % seconds);
  if (left < needed) await new Promise((r) => setTimeout(r, left * 1000 + 200));
}

function expectLimited(res: APIGatewayProxyStructuredResultV2, seconds: number, words: string): void {
  expect(res.statusCode).toBe(429);
  const retryAfter = Number(res.headers?.['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(seconds);
  expect(bodyOf(res).error).toMatchObject({ code: 'RATE.LIMITED' });
  expect(bodyOf(res).error?.message).toContain(words);
}

beforeAll(async () => {
  Object.assign(process.env, JSON.parse(process.env.STACK_FUNCTION_ENV as string) as Record<string, string>, {
    RATE_LIMIT_SCALE: '1',
  });
  const auth = (await import('../../functions/src/handlers/auth')) as unknown as { dev: Handler };
  const demands = (await import('../../functions/src/handlers/demands')) as unknown as { create: Handler };
  const solutions = (await import('../../functions/src/handlers/solutions')) as unknown as { submit: Handler };
  handlers = { dev: auth.dev, createDemand: demands.create, submitSolution: solutions.submit };
});

/** The hits an IP's windows of an action hold, read from the table. */
async function hitsOf(action: RateAction, ip: string): Promise<number> {
  const windows = await stackPartition('rateLimits', 'key', counterKey(action, { kind: 'ip', id: ip }));
  return windows.reduce((sum, item) => sum + Number(item.hits ?? 0), 0);
}

describe('rate limits', () => {
  it('login: per IP, then 429 with Retry-After; another IP goes on', async () => {
    const rule = RATE_RULES.login.ip;
    await freshWindow(rule.seconds, 20);
    const ip = randomIp();
    for (let i = 0; i < rule.limit; i += 1) {
      const res = await handlers.dev(
        event('POST /auth/dev', { ip, body: { nickname: uniq('ip'), role: 'user' } }),
        fn('authDev'),
      );
      expect(res.statusCode).toBe(200);
    }
    const over = await handlers.dev(event('POST /auth/dev', { ip, body: { nickname: uniq('ip'), role: 'user' } }), fn('authDev'));
    expectLimited(over, rule.seconds, '登录过于频繁');
    const other = await handlers.dev(
      event('POST /auth/dev', { ip: randomIp(), body: { nickname: uniq('ip'), role: 'user' } }),
      fn('authDev'),
    );
    expect(other.statusCode).toBe(200);
    recordFigure({
      section: SECTION,
      name: `login per IP: request ${rule.limit + 1} in ${rule.seconds} s`,
      value: `${over.statusCode}, Retry-After ${over.headers?.['retry-after']}`,
      target: '429 + Retry-After',
      pass: over.statusCode === 429,
    });
  }, 120_000);

  it('login: per user, from any number of IPs', async () => {
    const rule = RATE_RULES.login.user;
    await freshWindow(rule.seconds, 20);
    const nickname = uniq('user');
    for (let i = 0; i < rule.limit; i += 1) {
      const res = await handlers.dev(
        event('POST /auth/dev', { ip: randomIp(), body: { nickname, role: 'user' } }),
        fn('authDev'),
      );
      expect(res.statusCode).toBe(200);
    }
    const over = await handlers.dev(event('POST /auth/dev', { ip: randomIp(), body: { nickname, role: 'user' } }), fn('authDev'));
    expectLimited(over, rule.seconds, '登录过于频繁');
    recordRefused(`login per user: login ${rule.limit + 1} in ${rule.seconds} s`, over);
  }, 120_000);

  it('posting: per user; the refused demand is not stored', async () => {
    const rule = RATE_RULES.post.user;
    await freshWindow(rule.seconds, 60);
    const { token } = await login('user');
    for (let i = 0; i < rule.limit; i += 1) {
      const res = await handlers.createDemand(
        event('POST /demands', { ip: randomIp(), token, body: { title: `限流测试 ${i}` } }),
        fn('demandsCreate'),
      );
      expect(res.statusCode).toBe(201);
    }
    const over = await handlers.createDemand(
      event('POST /demands', { ip: randomIp(), token, body: { title: '限流测试 超出' } }),
      fn('demandsCreate'),
    );
    expectLimited(over, rule.seconds, '发布需求过于频繁');
    const mine = await call<{ items: Demand[] }>('GET', '/me/demands?limit=50', { token });
    expect(mine.body.items).toHaveLength(rule.limit);
    recordFigure({
      section: SECTION,
      name: `posting per user: demand ${rule.limit + 1} in an hour`,
      value: `${over.statusCode}, ${mine.body.items.length} stored`,
      target: `429, ${rule.limit} stored`,
      pass: over.statusCode === 429 && mine.body.items.length === rule.limit,
    });
  }, 180_000);

  it('posting: per IP, across users', async () => {
    const rule = RATE_RULES.post.ip;
    await freshWindow(rule.seconds, 90);
    const ip = randomIp();
    const perUser = RATE_RULES.post.user.limit;
    const users = await Promise.all(
      Array.from({ length: Math.ceil(rule.limit / perUser) + 1 }, () => login('user').then((a) => a.token)),
    );
    for (let i = 0; i < rule.limit; i += 1) {
      const token = users[Math.floor(i / perUser)] as string;
      const res = await handlers.createDemand(
        event('POST /demands', { ip, token, body: { title: `按IP限流 ${i}` } }),
        fn('demandsCreate'),
      );
      expect(res.statusCode).toBe(201);
    }
    const fresh = users[users.length - 1] as string;
    const over = await handlers.createDemand(
      event('POST /demands', { ip, token: fresh, body: { title: '按IP限流 超出' } }),
      fn('demandsCreate'),
    );
    expectLimited(over, rule.seconds, '发布需求过于频繁');
    recordRefused(`posting per IP: demand ${rule.limit + 1} in an hour (new user)`, over);
  }, 300_000);

  it('junk (no token, a bad token, bad input) spends nothing of an IP’s shared budgets', async () => {
    const ip = randomIp();
    const owner = (await login('user')).token;
    const demand = await published(
      owner,
      (await login('admin')).token,
      completeForm({ title: `限流垃圾请求 ${uniq()}`.slice(0, 60) }),
    );
    const { token } = await login('user');
    const asPost = (opts: { token?: string; body: unknown }) =>
      handlers.createDemand(event('POST /demands', { ip, ...opts }), fn('demandsCreate'));
    const asSolution = (opts: { token?: string; body: unknown }) =>
      handlers.submitSolution(
        event('POST /demands/{id}/solutions', { ip, ...opts, pathParameters: { id: demand.id } }),
        fn('solutionsSubmit'),
      );
    // More junk than either IP budget allows, of each kind.
    const rounds = Math.max(RATE_RULES.post.ip.limit, RATE_RULES.solution.ip.limit) + 5;
    const statuses = new Map<number, number>();
    for (let i = 0; i < rounds; i += 1) {
      for (const send of [asPost, asSolution]) {
        for (const opts of [
          { body: { title: '垃圾请求' } },
          { token: `${token}x`, body: { title: '垃圾请求' } },
          { token, body: { title: 42 } },
        ]) {
          const res = await send(opts);
          statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
        }
      }
    }
    const spent = (await hitsOf('post', ip)) + (await hitsOf('solution', ip));
    // Someone real behind the same address still gets through.
    const real = await asPost({ token, body: { title: '同一出口的真实需求' } });
    expect([...statuses.keys()].sort()).toEqual([400, 401]);
    expect({ spent, real: real.statusCode }).toEqual({ spent: 0, real: 201 });
    recordFigure({
      section: SECTION,
      name: `junk requests (${rounds * 6}, from one IP) that spent a budget`,
      value: spent,
      target: '0',
      pass: spent === 0,
    });
  }, 300_000);

  it('solutions: per user', async () => {
    const rule = RATE_RULES.solution.user;
    await freshWindow(rule.seconds, 90);
    const admin = (await login('admin')).token;
    const owner = (await login('user')).token;
    const demands = await Promise.all(
      Array.from({ length: rule.limit + 1 }, (_, i) =>
        published(owner, admin, completeForm({ title: `限流揭榜需求 ${i} ${uniq()}`.slice(0, 60) })),
      ),
    );
    const { token } = await login('user');
    const submit = (d: Demand) =>
      handlers.submitSolution(
        event('POST /demands/{id}/solutions', { ip: randomIp(), token, body: solutionForm(), pathParameters: { id: d.id } }),
        fn('solutionsSubmit'),
      );
    for (const d of demands.slice(0, rule.limit)) expect((await submit(d)).statusCode).toBe(201);
    const over = await submit(demands[rule.limit] as Demand);
    expectLimited(over, rule.seconds, '提交方案过于频繁');
    recordRefused(`solutions per user: solution ${rule.limit + 1} in an hour`, over);
  }, 300_000);
});
