// The one route table (shared/src/api/routes.ts) and what deploys it agree: every HTTP function of
// infra/functions.cjs is a route of the table under the same name, method and path, the functions serverless.yml
// builds carry those routes, and each function's handler serves the route it is named for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, validatorsOf, type RouteName } from '@cic/shared';
import { functions, serverlessFunctions } from '../../../../infra/functions.cjs';

const ROOT = join(__dirname, '..', '..', '..', '..');
const httpFunctions = Object.entries(functions).filter(([, f]) => f.http !== undefined);

describe('the route table', () => {
  it('has a route for every HTTP function of infra/functions.cjs, by the same name, method and path', () => {
    const declared = Object.fromEntries(Object.entries(ROUTES).map(([name, r]) => [name, `${r.method} ${r.path}`]));
    const deployed = Object.fromEntries(httpFunctions.map(([name, f]) => [name, f.http]));
    expect(declared).toEqual(deployed);
  });

  it('is what serverless.yml deploys: its functions come from infra/functions.cjs, with these routes', async () => {
    expect(readFileSync(join(ROOT, 'serverless.yml'), 'utf8')).toMatch(
      /^functions: \$\{file\(\.\/infra\/functions\.cjs\):serverlessFunctions\}$/m,
    );
    const built = (await serverlessFunctions({ resolveVariable: async (name: string) => `<${name}>` })) as Record<
      string,
      { events: { httpApi?: string }[] }
    >;
    for (const [name, route] of Object.entries(ROUTES)) {
      expect({ name, events: built[name]?.events.map((e) => e.httpApi).filter(Boolean) }).toEqual({
        name,
        events: [`${route.method} ${route.path}`],
      });
    }
  });

  it.each(httpFunctions.map(([name, f]) => [name, f.handler] as const))(
    '%s is served by %s, built for that route',
    (name, handler) => {
      const file = join(ROOT, handler.slice(0, handler.lastIndexOf('.')));
      const exported = handler.slice(handler.lastIndexOf('.') + 1);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the handler named by a string in infra/functions.cjs
      const module = require(file) as Record<string, { routeName?: RouteName } | undefined>;
      expect(module[exported]?.routeName).toBe(name);
    },
  );

  it('wires a validator for each body and query the table names, and none it does not', () => {
    for (const [name, route] of Object.entries(ROUTES)) {
      const wired = validatorsOf(name as RouteName);
      expect({ name, body: typeof wired.body, query: typeof wired.query }).toEqual({
        name,
        body: 'body' in route ? 'function' : 'undefined',
        query: 'query' in route ? 'function' : 'undefined',
      });
    }
  });

  it('names each path parameter once, in braces', () => {
    for (const route of Object.values(ROUTES)) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(new Set(names).size).toBe(names.length);
      expect(route.path).not.toMatch(/\{(?!\w+\})/);
    }
  });
});
