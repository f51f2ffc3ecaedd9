// The two handlers that read If-Match (PUT /demands/{id}, PUT /solutions/{id}) answer a header that is not a version
// with 400 before the service runs, and hand the service the version of one that is.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiErrorBody } from '@cic/shared';
import * as demandHandlers from '../../../src/handlers/demands';
import * as solutionHandlers from '../../../src/handlers/solutions';
import type { createRoute as CreateRoute } from '../../../src/http/route';

// jest hoists these mocks above the imports: the handlers get a route with a fake token check and fake services.

const mockUpdateDraft = jest.fn(async (_user: unknown, _id: string, _body: unknown, version: number | undefined) => ({
  ok: true as const,
  value: { version },
}));
const mockUpdateSolution = jest.fn(async (_user: unknown, _id: string, _body: unknown, version: number | undefined) => ({
  ok: true as const,
  value: { version },
}));

jest.mock('../../../src/composition/demands', () => ({ demands: () => ({ demands: { updateDraft: mockUpdateDraft } }) }));
jest.mock('../../../src/composition/solutions', () => ({ solutions: () => ({ update: mockUpdateSolution }) }));
jest.mock('../../../src/composition/auth', () => {
  const { createRoute } = jest.requireActual<{ createRoute: typeof CreateRoute }>('../../../src/http/route');
  return {
    route: createRoute(() => ({
      verifyToken: async (token) => (token === 'good' ? { id: 'u1', role: 'user' } : undefined),
      maxBodyBytes: 64 * 1024,
      limit: async () => ({ ok: true, value: undefined }),
    })),
  };
});

const SOLUTION = {
  title: '激光熔覆修复方案',
  summary: '字'.repeat(120),
  organisation: '某某大学材料学院',
  team: '王教授、李博士',
  contactName: '王五',
  contactPhone: '13912345678',
  costWan: 80,
  months: 12,
  ndaAccepted: true,
};

function put(body: unknown, ifMatch: string | undefined): APIGatewayProxyEventV2 {
  return {
    body: JSON.stringify(body),
    isBase64Encoded: false,
    headers: { authorization: 'Bearer good', ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }) },
    pathParameters: { id: 'D1' },
    routeKey: 'PUT /x/{id}',
    requestContext: { http: { sourceIp: '192.0.2.1' } },
  } as unknown as APIGatewayProxyEventV2;
}

const parsed = (response: APIGatewayProxyStructuredResultV2) =>
  JSON.parse(response.body as string) as ApiErrorBody & { version?: number };

describe.each([
  ['PUT /demands/{id}', demandHandlers.update, { title: '钛合金焊接' }, mockUpdateDraft],
  ['PUT /solutions/{id}', solutionHandlers.update, SOLUTION, mockUpdateSolution],
] as const)('%s', (_route, handler, body, service) => {
  beforeEach(() => service.mockClear());

  it.each(['abc', '', '*', '-1', '1e3', '1, 2'])(
    'refuses If-Match %j with 400 naming the header, and does not update',
    async (header) => {
      const response = await handler(put(body, header));
      expect(response.statusCode).toBe(400);
      expect(parsed(response).error).toMatchObject({
        code: 'REQUEST.VALIDATION',
        fields: { 'If-Match': 'If-Match 必须是需求或方案的版本号（整数）' },
      });
      expect(service).not.toHaveBeenCalled();
    },
  );

  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['4', 4],
    ['W/"5"', 5],
  ])('passes If-Match %j to the service as version %s', async (header, version) => {
    const response = await handler(put(body, header));
    expect(response.statusCode).toBe(200);
    expect(service).toHaveBeenCalledTimes(1);
    expect(service.mock.calls[0]?.[3]).toBe(version);
  });
});
