// A deployed stage takes nothing from the shell that deploys it, and lets no origin but the H5 build's call it.
// `npm run package` checks the real template (scripts/package.ts); these feed its checks templates made by hand, so
// each hostile value is known to be caught, and check the CORS origins parser of infra/cors.cjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowedOrigins, parseOrigins } from '../../infra/cors.cjs';
import { functions } from '../../infra/functions.cjs';
import { deployedEnvironment, deploymentProblems, HOSTILE_ENV, PACKAGED, problemsOf, TUNABLES, type Template } from '../package';

const TUNED = Object.fromEntries(TUNABLES.map((k) => [k, '5'])) as Record<string, string>;
const cleanEnvironment = (): Record<string, unknown> => ({ ...deployedEnvironment(PACKAGED.stage), ...TUNED });

/** One Lambda per defined function, all with `env` (or `envOf(name)`), and the HTTP API with `origins`. */
function template(
  opts: { env?: Record<string, unknown>; envOf?: (name: string) => Record<string, unknown>; origins?: unknown } = {},
): Template {
  const resources: Template['Resources'] = {};
  for (const name of Object.keys(functions)) {
    const variables = opts.envOf?.(name) ?? opts.env ?? cleanEnvironment();
    resources[`${name}LambdaFunction`] = {
      Type: 'AWS::Lambda::Function',
      Properties: { Role: { 'Fn::GetAtt': [`${name}Role`, 'Arn'] }, Environment: { Variables: variables } },
    };
  }
  resources.HttpApi = {
    Type: 'AWS::ApiGatewayV2::Api',
    Properties: { CorsConfiguration: { AllowOrigins: opts.origins ?? PACKAGED.h5Origins } },
  };
  return { Resources: resources };
}

const mentions = (problems: string[], key: string) => problems.filter((p) => new RegExp(`\\b${key}\\b`).test(p));

describe('the packaging check of a deployed stage', () => {
  it('finds nothing wrong in a template with only the deployed values', () => {
    expect(deploymentProblems(template())).toEqual([]);
    // Without zips problemsOf adds only that; nothing about the environment or CORS.
    expect(problemsOf([], template())).toEqual([expect.stringMatching(/^no zip for: /)]);
  });

  it.each(Object.keys(HOSTILE_ENV))('reports %s when the shell value reaches the functions', (key) => {
    const problems = problemsOf([], template({ env: { ...cleanEnvironment(), [key]: HOSTILE_ENV[key] } }));
    expect(mentions(problems, key)).toContainEqual(
      expect.stringMatching(new RegExp(`^${key} came from the packaging shell's environment`)),
    );
    expect(problems.filter((p) => !p.startsWith('no zip for'))).toEqual(mentions(problems, key));
  });

  it('reports every hostile value at once, each by name, and never prints a secret', () => {
    const problems = problemsOf([], template({ env: { ...cleanEnvironment(), ...HOSTILE_ENV } }));
    for (const key of Object.keys(HOSTILE_ENV)) expect(mentions(problems, key).length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain(HOSTILE_ENV.JWT_SECRET);
    expect(problems.join('\n')).not.toContain(HOSTILE_ENV.WECHAT_SECRET);
  });

  it('names the function when only one has a hostile value', () => {
    const [first] = Object.keys(functions);
    const problems = deploymentProblems(
      template({ envOf: (name) => (name === first ? { ...cleanEnvironment(), DEV_LOGIN: '1' } : cleanEnvironment()) }),
    );
    expect(problems).toEqual([`DEV_LOGIN came from the packaging shell's environment: "1" (${first}LambdaFunction)`]);
  });

  it('reports a pinned variable that has another value, is missing, or a variable nobody checks', () => {
    const { DEV_LOGIN: _gone, ...withoutDevLogin } = cleanEnvironment();
    expect(deploymentProblems(template({ env: withoutDevLogin }))).toEqual(['DEV_LOGIN is missing (every function)']);
    const literal = deploymentProblems(
      template({ env: { ...cleanEnvironment(), JWT_SECRET: 'a-literal-secret-of-32-characters!!' } }),
    );
    expect(literal).toEqual([
      expect.stringMatching(/^JWT_SECRET is \(value hidden\), deployed stages need "\{\{resolve:secretsmanager:/),
    ]);
    expect(deploymentProblems(template({ env: { ...cleanEnvironment(), NEW_FLAG: '1' } }))).toEqual([
      expect.stringMatching(/^NEW_FLAG is not checked for deployed stages/),
    ]);
  });

  it('uses shell values that can be told apart wherever they turn up', () => {
    const distinctive = Object.values(HOSTILE_ENV).filter((v) => /hostile|evil/.test(v));
    expect(distinctive.length).toBeGreaterThan(8);
    for (const a of distinctive) for (const b of distinctive) if (a !== b) expect(a.includes(b)).toBe(false);
  });

  it('reports a shell value found elsewhere in the template', () => {
    const t = template();
    t.Resources.Extra = { Type: 'AWS::SSM::Parameter', Properties: { Value: HOSTILE_ENV.DYNAMODB_ENDPOINT } };
    expect(deploymentProblems(t)).toEqual(["the packaging shell's DYNAMODB_ENDPOINT is in the template"]);
  });

  it('reports CORS that allows any origin, an origin that is not a bare https origin, or other origins than asked', () => {
    expect(deploymentProblems(template({ origins: ['*'] }))).toContain("HttpApi: CORS allows any origin ('*')");
    expect(deploymentProblems(template({ origins: ['http://h5.example.cn'] }))).toContain(
      'HttpApi: CORS h5Origins: "http://h5.example.cn" is not https',
    );
    expect(deploymentProblems(template({ origins: ['https://other.example.cn'] }))).toEqual([
      `HttpApi: CORS allows ["https://other.example.cn"], the deploy asked for ${JSON.stringify(PACKAGED.h5Origins)}`,
    ]);
    expect(deploymentProblems(template({ origins: [] }), { ...PACKAGED, h5Origins: [] })).toEqual([]);
    const noApi = template();
    delete noApi.Resources.HttpApi;
    expect(deploymentProblems(noApi)).toEqual(['no HTTP API in the template to check CORS on']);
  });
});

describe('infra/cors.cjs', () => {
  const resolver = (stage: string, h5Origins: string) => ({
    resolveVariable: async (name: string) => ({ 'sls:stage': stage, 'param:h5Origins': h5Origins })[name],
  });

  it('allows any origin on the local stack, whatever the param says', async () => {
    expect(await allowedOrigins(resolver('local', ''))).toEqual(['*']);
    expect(await allowedOrigins(resolver('local', 'https://h5.example.cn'))).toEqual(['*']);
  });

  it('allows no origin on a deployed stage without the param, and exactly the listed ones with it', async () => {
    expect(await allowedOrigins(resolver('prod', ''))).toEqual([]);
    expect(await allowedOrigins(resolver('dev', ' https://h5.example.cn , https://b.example.cn:8443'))).toEqual([
      'https://h5.example.cn',
      'https://b.example.cn:8443',
    ]);
  });

  it.each([
    ['*', /wildcard/],
    ['https://*.example.cn', /wildcard/],
    ['http://h5.example.cn', /not https/],
    ['https://h5.example.cn/', /not a bare origin; write https:\/\/h5.example.cn$/],
    ['https://h5.example.cn/app', /not a bare origin/],
    ['https://h5.example.cn?x=1', /not a bare origin/],
    ['https://user@h5.example.cn', /not a bare origin/],
    ['https://H5.example.cn', /not a bare origin; write https:\/\/h5.example.cn$/],
    ['https://h5.example.cn:443', /not a bare origin/],
    ['h5.example.cn', /not a URL/],
    ['https://h5.example.cn,,https://b.example.cn', /empty/],
  ])('refuses %s, so packaging stops', async (list, reason) => {
    expect(() => parseOrigins(list)).toThrow(reason);
    await expect(allowedOrigins(resolver('prod', list))).rejects.toThrow(reason);
  });
});

describe('serverless.yml', () => {
  // The packaging run proves it on the real template; this says it in a second, and names the line.
  it('reads no ${env:} in the functions environment or in the params of deployed stages', () => {
    const yml = readFileSync(join(__dirname, '..', '..', 'serverless.yml'), 'utf8');
    const block = (start: RegExp) => {
      const lines = yml.split('\n');
      const from = lines.findIndex((l) => start.test(l));
      expect(from).toBeGreaterThanOrEqual(0);
      const indent = /^ */.exec(lines[from]!)![0].length;
      const end = lines.findIndex((l, i) => i > from && l.trim() !== '' && /^ */.exec(l)![0].length <= indent);
      return lines.slice(from + 1, end === -1 ? undefined : end).filter((l) => !l.trim().startsWith('#'));
    };
    expect(block(/^ {2}default:/).filter((l) => l.includes('${env:'))).toEqual([]);
    expect(block(/^ {2}environment:/).filter((l) => l.includes('${env:'))).toEqual([]);
    expect(block(/^ {2}environment:/).length).toBeGreaterThan(10);
  });
});
