// The rate budgets in route(): a login counts every attempt per IP, but posting and 揭榜 spend the IP's shared budget
// (and the user's) only on a request that is authenticated and well-formed, so junk from a stranger behind the same
// NAT spends nothing.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { fail, ok, type AuthResponse, type Demand, type Result } from '@cic/shared';
import type { AuthUser } from '../../../src/auth/auth-user';
import { createRoute } from '../../../src/http/route';
import type { RateAction, RateSubject } from '../../../src/ratelimit/rate-limiter';

const USER: AuthUser = { id: 'u1', role: 'user' };
const spent: string[] = [];
let refuse = false;

const route = createRoute(() => ({
  verifyToken: async (token) => (token === 'good' ? USER : undefined),
  maxBodyBytes: 64 * 1024,
  limit: async (action: RateAction, subject: RateSubject): Promise<Result<void>> => {
    spent.push(`${action}#${subject.kind}#${subject.id}`);
    return refuse ? fail('RATE.LIMITED', { retryAfter: 60 }) : ok(undefined);
  },
}));

// The real routes, with services that only answer.
const post = route('demandsCreate', { rateLimit: 'post' }, async () => ok({ id: 'd1' } as Demand));
const login = route('authDev', { rateLimit: 'login' }, async () => ok({ token: 't' } as AuthResponse));

function event(body: string, token?: string): APIGatewayProxyEventV2 {
  return {
    body,
    isBase64Encoded: false,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    routeKey: 'POST /test',
    requestContext: { http: { sourceIp: '198.51.100.7' } },
  } as unknown as APIGatewayProxyEventV2;
}

beforeEach(() => {
  spent.length = 0;
  refuse = false;
});

describe('route: whose budget a request spends', () => {
  it.each([
    ['no token', event('{"title":"钛合金"}'), 401],
    ['a bad token', event('{"title":"钛合金"}', 'forged'), 401],
    ['bad input', event('{"title":42}', 'good'), 400],
    ['an unknown field', event('{"title":"钛合金","x":1}', 'good'), 400],
    ['no JSON', event('not json', 'good'), 400],
  ])('posting with %s spends no budget', async (_case, request, status) => {
    expect((await post(request)).statusCode).toBe(status);
    expect(spent).toEqual([]);
  });

  it('a valid post by a known user spends the IP budget and the user budget', async () => {
    expect((await post(event('{"title":"钛合金"}', 'good'))).statusCode).toBe(201);
    expect(spent).toEqual(['post#ip#198.51.100.7', 'post#user#u1']);
  });

  it('a valid post over the budget is 429 and never reaches the service', async () => {
    refuse = true;
    const response = await post(event('{"title":"钛合金"}', 'good'));
    expect(response.statusCode).toBe(429);
    expect(response.headers?.['retry-after']).toBe('60');
  });

  it('a login counts every attempt per IP, bad input included (brute-force protection)', async () => {
    expect((await login(event('{"nickname":42,"role":"user"}'))).statusCode).toBe(400);
    expect((await login(event('{"nickname":"张三","role":"user"}'))).statusCode).toBe(200);
    expect(spent).toEqual(['login#ip#198.51.100.7', 'login#ip#198.51.100.7']);
  });
});
