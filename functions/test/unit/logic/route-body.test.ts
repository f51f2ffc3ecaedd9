// The body as the route reads it: a key said twice is refused with a 400 that names it, in the same shape as a
// prototype key, before any schema or service sees the body.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ok, type ApiErrorBody, type Demand } from '@cic/shared';
import { createRoute } from '../../../src/http/route';

const route = createRoute(() => ({
  verifyToken: async () => ({ id: 'u1', role: 'user' }),
  maxBodyBytes: 64 * 1024,
  limit: async () => ok(undefined),
}));

// POST /demands as it is declared (a draft may hold any subset of the form), with a service that only records.
const seen: unknown[] = [];
const echo = route('demandsCreate', async ({ body }) => {
  seen.push(body);
  return ok(body as unknown as Demand);
});

function event(body: string, isBase64Encoded = false): APIGatewayProxyEventV2 {
  return {
    body,
    isBase64Encoded,
    headers: { authorization: 'Bearer t' },
    routeKey: 'POST /demands',
    requestContext: { http: { sourceIp: '192.0.2.1' } },
  } as unknown as APIGatewayProxyEventV2;
}

function errorOf(response: APIGatewayProxyStructuredResultV2): ApiErrorBody['error'] {
  return (JSON.parse(response.body as string) as ApiErrorBody).error;
}

beforeEach(() => {
  seen.length = 0;
});

describe('route: repeated keys in a JSON body', () => {
  it('refuses {"budgetWan": 1, "budgetWan": 99999} with 400 REQUEST.VALIDATION naming the key', async () => {
    const response = await echo(event('{"budgetWan": 1, "budgetWan": 99999}'));
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toEqual({
      code: 'REQUEST.VALIDATION',
      message: '填写的内容有误，请检查标出的字段',
      fields: { budgetWan: '字段“budgetWan”重复出现' },
    });
    expect(seen).toEqual([]);
  });

  it('refuses a repeat spelled with an escape, and one in a nested object, saying where', async () => {
    expect(errorOf(await echo(event('{"title":"a","\\u0074itle":"b"}'))).fields).toEqual({ title: '字段“title”重复出现' });
    expect(errorOf(await echo(event('{"weights":{"fit":1,"fit":2}}'))).fields).toEqual({ fit: '字段“fit”在 weights 中重复出现' });
  });

  it('reads a base64 body before looking for repeats', async () => {
    const response = await echo(event(Buffer.from('{"a":1,"a":2}').toString('base64'), true));
    expect(errorOf(response).fields).toEqual({ a: '字段“a”重复出现' });
  });

  it('passes a body with no key twice (values repeated in a list are not keys)', async () => {
    const response = await echo(event('{"title":"钛合金焊接","cooperationModes":["co_develop","transfer"]}'));
    expect(response.statusCode).toBe(201);
    expect(seen).toEqual([{ title: '钛合金焊接', cooperationModes: ['co_develop', 'transfer'] }]);
  });

  it('still reports a prototype key as before, and invalid JSON as invalid JSON', async () => {
    // A computed key: `{ __proto__: … }` would set the expected object's prototype instead of a property.
    expect(errorOf(await echo(event('{"__proto__":{"x":1},"__proto__":{}}'))).fields).toEqual({
      ['__proto__']: '不支持的字段“__proto__”',
    });
    expect(errorOf(await echo(event('{"a":1,"a":}'))).code).toBe('REQUEST.INVALID_JSON');
  });
});
