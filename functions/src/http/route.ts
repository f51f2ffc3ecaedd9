// Every handler is `route(name, fn)`: the route's entry in the shared table (shared/src/api/routes.ts) says who may
// call it, how its body and query are checked, its success status and its answer's type. This wrapper reads the
// token, the body, the query, the path parameters and If-Match, checks them, calls the service and maps its Result.
// Bad input is a 4xx here and never reaches the domain.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  ROUTES,
  validatorsOf,
  type Access,
  type AppError,
  type BodyOf,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type Result,
  type RouteDef,
  type RouteName,
  type Routes,
} from '@cic/shared';
import { functionKey, runAs } from '../common/invocation';
import type { RateAction, RateSubject } from '../ratelimit/rate-limiter';
import type { AuthUser } from '../auth/auth-user';
import { errorData, log } from '../log/logger';
import { ifMatch } from './if-match';
import { duplicateKeyMessage, findDuplicateKey } from './json-duplicate-keys';
import { errorResponse, json } from './respond';

type UserFor<A extends Access> = A extends 'user' | 'admin' ? AuthUser : AuthUser | undefined;

export interface RouteRequest<N extends RouteName> {
  user: UserFor<Routes[N]['access']>;
  body: BodyOf<N>;
  query: QueryOf<N>;
  params: ParamsOf<N>;
  /** The version the client edited (If-Match), on a route that edits under a version check. */
  version: number | undefined;
  headers: Record<string, string | undefined>;
}

/** What only the server decides about a route. */
export interface ServerOptions {
  /** Limits the route per client IP and per user: 429 with Retry-After beyond it (see createRoute for whose budget). */
  rateLimit?: RateAction;
}

export interface RouteDeps {
  verifyToken(token: string): Promise<AuthUser | undefined>;
  maxBodyBytes: number;
  limit(action: RateAction, subject: RateSubject): Promise<Result<void>>;
}

/** Ids in paths are ours (ulids, seed ids): anything else cannot exist, and must not reach DynamoDB as a key. */
/** Our ids: letters, digits, _ and -, and # inside a notification's id (new_match#<demand id>), sent as %23. */
const SAFE_PATH_PARAM = /^[A-Za-z0-9_#-]{1,80}$/;

/** A path parameter as sent, percent-decoded when the gateway left it encoded; undefined when it cannot be decoded. */
function decodedParam(value: string): string | undefined {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

const validationError = (failed: { fields: Record<string, string>; message?: string }): AppError => ({
  code: 'REQUEST.VALIDATION',
  fields: failed.fields,
  ...(failed.message ? { message: failed.message } : {}),
});

async function authenticate(access: Access, header: string | undefined, deps: RouteDeps): Promise<Result<AuthUser | undefined>> {
  if (access === 'public') return { ok: true, value: undefined };
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) {
    return header || access !== 'optional'
      ? { ok: false, error: { code: header ? 'AUTH.INVALID_TOKEN' : 'AUTH.REQUIRED' } }
      : { ok: true, value: undefined };
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

type RouteHandler<N extends RouteName> = (req: RouteRequest<N>) => Promise<Result<ResponseOf<N>>>;

/** A Lambda handler of the HTTP API, marked with the route it serves (a test checks it against infra/functions.cjs). */
export type Handler = ((
  event: APIGatewayProxyEventV2,
  context?: Pick<Context, 'functionName'>,
) => Promise<APIGatewayProxyStructuredResultV2>) & {
  routeName: RouteName;
};

/** The path parameters the route names, each of the shape our ids have; undefined when one is missing or not an id. */
function pathParams(def: RouteDef, given: Record<string, string | undefined>): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [, name] of def.path.matchAll(/\{(\w+)\}/g)) {
    const sent = name ? given[name] : undefined;
    const value = sent === undefined ? undefined : decodedParam(sent);
    if (!name || value === undefined || !SAFE_PATH_PARAM.test(value)) return undefined;
    params[name] = value;
  }
  return params;
}

export function createRoute(getDeps: () => RouteDeps) {
  function route<N extends RouteName>(name: N, fn: RouteHandler<N>): Handler;
  function route<N extends RouteName>(name: N, options: ServerOptions, fn: RouteHandler<N>): Handler;
  function route<N extends RouteName>(name: N, ...rest: [RouteHandler<N>] | [ServerOptions, RouteHandler<N>]): Handler {
    const [options, fn] = rest.length === 1 ? [{} as ServerOptions, rest[0]] : rest;
    const def: RouteDef = ROUTES[name];
    const validators = validatorsOf(name);
    const handler = (event: APIGatewayProxyEventV2, context?: Pick<Context, 'functionName'>) =>
      runAs(functionKey(context), async (): Promise<APIGatewayProxyStructuredResultV2> => {
        try {
          const deps = getDeps();
          const params = pathParams(def, event.pathParameters ?? {});
          if (!params) return errorResponse({ code: 'REQUEST.NOT_FOUND' });
          const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
          // The client's address as API Gateway saw it (not a header the client could set).
          const ip = event.requestContext?.http?.sourceIp;
          // A login counts every attempt per IP, refused or not: that is what guessing would spend.
          if (options.rateLimit && def.access === 'public' && ip) {
            const allowed = await deps.limit(options.rateLimit, { kind: 'ip', id: ip });
            if (!allowed.ok) return errorResponse(allowed.error);
          }
          const auth = await authenticate(def.access, headers.authorization, deps);
          if (!auth.ok) return errorResponse(auth.error);

          let body: unknown = undefined;
          if (validators.body) {
            const raw = readBody(event, deps.maxBodyBytes);
            if (!raw.ok) return errorResponse(raw.error);
            const checked = validators.body(raw.value);
            if (!checked.ok) return errorResponse(validationError(checked));
            body = checked.value;
          }

          let query: unknown = undefined;
          if (validators.query) {
            const checked = validators.query(event.queryStringParameters ?? {});
            if (!checked.ok) return errorResponse(validationError(checked));
            query = checked.value;
          }

          let version: number | undefined;
          if (def.ifMatch) {
            const read = ifMatch(headers['if-match']);
            if (!read.ok) return errorResponse(read.error);
            version = read.value;
          }

          // Posting and 揭榜 spend the budgets only once the request could do something: a missing or bad token, or bad
          // input, is answered without touching the IP's budget, which a campus or a carrier NAT shares, so a stranger
          // cannot lock everyone behind it out by sending junk.
          if (options.rateLimit && def.access !== 'public' && auth.value) {
            if (ip) {
              const allowed = await deps.limit(options.rateLimit, { kind: 'ip', id: ip });
              if (!allowed.ok) return errorResponse(allowed.error);
            }
            const allowed = await deps.limit(options.rateLimit, { kind: 'user', id: auth.value.id });
            if (!allowed.ok) return errorResponse(allowed.error);
          }

          const result = await fn({
            user: auth.value as UserFor<Routes[N]['access']>,
            body: body as BodyOf<N>,
            query: query as QueryOf<N>,
            params: params as ParamsOf<N>,
            version,
            headers,
          });
          return result.ok ? json(def.status ?? 200, result.value, def.cacheControl) : errorResponse(result.error);
        } catch (err) {
          log.error('http.unhandled', { route: event.routeKey, ...errorData(err) });
          return errorResponse({ code: 'INTERNAL' });
        }
      });
    return Object.assign(handler, { routeName: name });
  }
  return route;
}
