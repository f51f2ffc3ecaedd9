// The one client of the HTTP API: `call(route, {params, query, body, version})`, typed by the shared route table
// (shared/src/api/routes.ts), so a page cannot send what a route does not take or expect what it does not answer.
// Pages call it; none of them calls Taro.request itself. Errors come back as ApiError with the server's stable code,
// its Chinese message and the per-field messages.
import Taro from '@tarojs/taro';
import {
  CLIENT_ERRORS,
  isErrorCode,
  pathOf,
  ROUTES,
  type ApiErrorBody,
  type BodyOf,
  type ClientErrorCode,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteName,
  type Routes,
} from '@cic/shared';
import { getSession, setSession } from '../session/session';

export const API_BASE = process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:3000';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A failure of the client's own, with its Chinese message (or a more specific one). */
export const clientError = (code: keyof typeof CLIENT_ERRORS, message?: string): ApiError =>
  new ApiError(0, code, message ?? CLIENT_ERRORS[code].message);

type ParamsArg<N extends RouteName> = keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> };
type BodyArg<N extends RouteName> = BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> };
type QueryArg<N extends RouteName> = QueryOf<N> extends undefined ? { query?: undefined } : { query?: Partial<QueryOf<N>> };
/** The version the page edited, for a route that edits under a version check (a 409 instead of a lost update). */
type VersionArg<N extends RouteName> = Routes[N] extends { ifMatch: true }
  ? { version?: number | undefined }
  : { version?: undefined };

export type CallOptions<N extends RouteName> = ParamsArg<N> & BodyArg<N> & QueryArg<N> & VersionArg<N>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "a route that needs no option at all"
type CallArgs<N extends RouteName> = {} extends CallOptions<N> ? [options?: CallOptions<N>] : [options: CallOptions<N>];

function queryString(query: object | undefined): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function call<N extends RouteName>(name: N, ...[options]: CallArgs<N>): Promise<ResponseOf<N>> {
  const route = ROUTES[name];
  const { params, query, body, version } = (options ?? {}) as {
    params?: ParamsOf<N>;
    query?: object;
    body?: unknown;
    version?: number;
  };
  const path = `${pathOf(name, (params ?? {}) as ParamsOf<N>)}${queryString(query)}`;
  const session = getSession();
  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject>;
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}`,
      method: route.method,
      data: body === undefined ? undefined : JSON.stringify(body),
      header: {
        'content-type': 'application/json',
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
        ...(version === undefined ? {} : { 'if-match': String(version) }),
      },
      dataType: 'json',
      timeout: 15_000,
    });
  } catch {
    throw clientError('CLIENT.NETWORK');
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as ResponseOf<N>;
  const error = (res.data as Partial<ApiErrorBody> | undefined)?.error;
  if (res.statusCode === 401 && session) setSession(undefined);
  const code = isErrorCode(error?.code) ? error.code : 'CLIENT.UNKNOWN';
  throw new ApiError(res.statusCode, code, error?.message ?? `请求失败（${res.statusCode}）`, error?.fields ?? {});
}
