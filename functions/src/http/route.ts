// Every handler is `route(options, fn)`: this wrapper reads the token, the body and the query, checks them with the
// shared schemas, calls the service and maps its Result. Bad input is a 4xx here and never reaches the domain.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { functionKey, runAs } from '../common/invocation';
import type { RateAction, RateSubject } from '../ratelimit/rate-limiter';
import type { AppError, Result, Validated } from '@cic/shared';
import type { AuthUser } from '../auth/auth-user';
import { errorData, log } from '../log/logger';
import { duplicateKeyMessage, findDuplicateKey } from './json-duplicate-keys';
import { errorResponse, json } from './respond';

export type Access = 'public' | 'optional' | 'user' | 'admin';

type UserFor<A extends Access> = A extends 'user' | 'admin' ? AuthUser : AuthUser | undefined;

export interface RouteRequest<A extends Access, B, Q> {
  user: UserFor<A>;
  body: B;
  query: Q;
  params: Record<string, string>;
  headers: Record<string, string | undefined>;
}

export interface RouteOptions<A extends Access, B, Q> {
  access: A;
  body?: (input: unknown) => Validated<B>;
  query?: (input: unknown) => Validated<Q>;
  /** The status of a success; 200 unless given. */
  status?: number;
  /** Cache-Control of a success; `no-store` unless given. */
  cacheControl?: string;
  /** Limits the route per client IP and, once the caller is known, per user: 429 with Retry-After beyond it. */
  rateLimit?: RateAction;
}

export interface RouteDeps {
  verifyToken(token: string): Promise<AuthUser | undefined>;
  maxBodyBytes: number;
  limit(action: RateAction, subject: RateSubject): Promise<Result<void>>;
}

/** Ids in paths are ours (ulids, seed ids): anything else cannot exist, and must not reach DynamoDB as a key. */
const SAFE_PATH_PARAM = /^[A-Za-z0-9_-]{1,64}$/;

type Handler = (event: APIGatewayProxyEventV2, context?: Pick<Context, 'functionName'>) => Promise<APIGatewayProxyStructuredResultV2>;

const validationError = (failed: { fields: Record<string, string>; message?: string }): AppError => ({
  code: 'REQUEST.VALIDATION',
  fields: failed.fields,
  ...(failed.message ? { message: failed.message } : {}),
});

async function authenticate(
  access: Access,
  header: string | undefined,
  deps: RouteDeps,
): Promise<Result<AuthUser | undefined>> {
  if (access === 'public') return { ok: true, value: undefined };
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    return header || access !== 'optional' ? { ok: false, error: { code: header ? 'AUTH.INVALID_TOKEN' : 'AUTH.REQUIRED' } } : { ok: true, value: undefined };
  }
  const user = await deps.verifyToken(match[1] as string);
  if (!user) return { ok: false, error: { code: 'AUTH.INVALID_TOKEN' } };
  if (access === 'admin' && user.role !== 'admin') return { ok: false, error: { code: 'AUTH.FORBIDDEN' } };
  return { ok: true, value: user };
}

/** Keys that could reach an object's prototype if some code merged the body: refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function readBody(event: APIGatewayProxyEventV2, maxBytes: number): Result<unknown> {
  // API Gateway always passes the body as text; serverless-offline passes a JSON body it could parse as the value.
  const body: unknown = event.body;
  const raw = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    return { ok: false, error: { code: 'REQUEST.TOO_LARGE', message: `请求内容过大（上限 ${Math.floor(maxBytes / 1024)} KB）` } };
  }
  if (text.trim() === '') return { ok: false, error: { code: 'REQUEST.INVALID_JSON', message: '请求内容为空，应为 JSON 对象' } };
  let value: unknown;
  let forbiddenKey: string | undefined;
  try {
    value = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbiddenKey ??= key;
      return v;
    });
  } catch {
    return { ok: false, error: { code: 'REQUEST.INVALID_JSON' } };
  }
  if (forbiddenKey !== undefined) {
    return {
      ok: false,
      error: { code: 'REQUEST.VALIDATION', fields: { [forbiddenKey]: `不支持的字段“${forbiddenKey}”` } },
    };
  }
  // JSON.parse kept the last of two equal keys; the one before it may be what a reviewer's tooling showed.
  const duplicate = findDuplicateKey(text);
  if (duplicate !== undefined) {
    return { ok: false, error: { code: 'REQUEST.VALIDATION', fields: { [duplicate.key]: duplicateKeyMessage(duplicate) } } };
  }
  return { ok: true, value };
}

export function createRoute(getDeps: () => RouteDeps) {
  return function route<A extends Access, B = undefined, Q = undefined, T = unknown>(
    options: RouteOptions<A, B, Q>,
    fn: (req: RouteRequest<A, B, Q>) => Promise<Result<T>>,
  ): Handler {
    return (event, context) => runAs(functionKey(context), async () => {
      try {
        const deps = getDeps();
        const params = (event.pathParameters ?? {}) as Record<string, string>;
        if (Object.values(params).some((v) => !SAFE_PATH_PARAM.test(v))) {
          return errorResponse({ code: 'REQUEST.NOT_FOUND' });
        }
        const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        // The client's address as API Gateway saw it (not a header the client could set).
        const ip = event.requestContext?.http?.sourceIp;
        // A login counts every attempt per IP, refused or not: that is what guessing would spend.
        if (options.rateLimit && options.access === 'public' && ip) {
          const allowed = await deps.limit(options.rateLimit, { kind: 'ip', id: ip });
          if (!allowed.ok) return errorResponse(allowed.error);
        }
        const auth = await authenticate(options.access, headers.authorization, deps);
        if (!auth.ok) return errorResponse(auth.error);

        let body = undefined as B;
        if (options.body) {
          const raw = readBody(event, deps.maxBodyBytes);
          if (!raw.ok) return errorResponse(raw.error);
          const checked = options.body(raw.value);
          if (!checked.ok) return errorResponse(validationError(checked));
          body = checked.value;
        }

        let query = undefined as Q;
        if (options.query) {
          const checked = options.query(event.queryStringParameters ?? {});
          if (!checked.ok) return errorResponse(validationError(checked));
          query = checked.value;
        }

        // Posting and 揭榜 spend the budgets only once the request could do something: a missing or bad token, or bad
        // input, is answered without touching the IP's budget, which a campus or a carrier NAT shares, so a stranger
        // cannot lock everyone behind it out by sending junk.
        if (options.rateLimit && options.access !== 'public' && auth.value) {
          if (ip) {
            const allowed = await deps.limit(options.rateLimit, { kind: 'ip', id: ip });
            if (!allowed.ok) return errorResponse(allowed.error);
          }
          const allowed = await deps.limit(options.rateLimit, { kind: 'user', id: auth.value.id });
          if (!allowed.ok) return errorResponse(allowed.error);
        }

        const result = await fn({
          user: auth.value as UserFor<A>,
          body,
          query,
          params,
          headers,
        });
        return result.ok ? json(options.status ?? 200, result.value, options.cacheControl) : errorResponse(result.error);
      } catch (err) {
        log.error('http.unhandled', { route: event.routeKey, ...errorData(err) });
        return errorResponse({ code: 'INTERNAL' });
      }
    });
  };
}
