// npm run package: what `serverless deploy` would upload, built offline with no AWS credentials (osls `package` with
// esbuild), then checked: one zip per function, each ≤ 300 KB, one IAM role each, no secret value in the
// CloudFormation template (only references resolved by CloudFormation at deploy time), and only the environment
// credential provider and the services each function calls in its bundle (never the local stack's DynamoDB checks).
// The shell it packages from is hostile: it carries the local stack's variables (a JWT_SECRET, DEV_LOGIN=1, a DynamoDB
// endpoint, ...) as a developer's shell may, and none may reach a deployed stage's functions (serverless.yml takes
// them from params, never from the environment, except on `local`); nor may CORS allow any origin there.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrigins } from '../infra/cors.cjs';
import { functions } from '../infra/functions.cjs';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, '.package', 'serverless');
const WORK = join('.package', 'esbuild');
export const ZIP_LIMIT_KB = 300;
const SERVICE = 'innovation-challenge';

export interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

/** What the packaged stage was given on the command line, as a deploy would be. */
export interface Deployment {
  stage: string;
  /** --param="h5Origins=..." */
  h5Origins: string[];
}

/** Stand-ins for the H5 build's origins: the packaging run shows the deploy-time list is what CORS allows. */
export const PACKAGED: Deployment = { stage: 'prod', h5Origins: ['https://h5.example.cn', 'https://admin.example.cn'] };

/**
 * In the environment of every packaging run. Each is a value the local stack or a test really sets, or worse. The
 * strings are distinctive, and none is part of another, so one found anywhere in the template came from here.
 */
export const HOSTILE_ENV: Readonly<Record<string, string>> = {
  JWT_SECRET: 'hostile-jwt-secret-from-the-shell-0123456789',
  WECHAT_SECRET: 'hostile-wechat-secret-from-the-shell',
  WECHAT_APPID: 'wx_hostile_appid',
  WECHAT_TEMPLATE_NEW_MATCH: 'hostile-template-new-match',
  WECHAT_TEMPLATE_STATUS: 'hostile-template-status',
  WECHAT_API_BASE: 'http://evil-wechat.example',
  WECHAT_MINIPROGRAM_STATE: 'developer',
  DYNAMODB_ENDPOINT: 'http://evil-dynamodb.example:8000',
  DEV_LOGIN: '1',
  RATE_LIMIT_SCALE: '1000',
  IAM_SIMULATE: 'record',
  IAM_RECORD_FILE: '/tmp/hostile-iam-record.jsonl',
  FAULT_DYNAMODB_RATE: '0.5',
  FAULT_LOG_FILE: '/tmp/hostile-fault-log.jsonl',
  SEARCH_REFRESH_MS: '1',
  STATS_CACHE_MS: '1',
  PUSH_RETRY_ATTEMPTS: '10',
  PUSH_RETRY_BASE_MS: '1',
  STAGE: 'hostile-stage',
  TABLE_PREFIX: 'hostile-prefix',
};

/** The exact value every function of a deployed stage must have, for the variables that decide its security. */
export function deployedEnvironment(stage: string): Record<string, string> {
  const secret = (key: string) => `{{resolve:secretsmanager:${SERVICE}/${stage}:SecretString:${key}}}`;
  const ssm = (name: string) => `{{resolve:ssm:/${SERVICE}/${stage}/${name}}}`;
  return {
    STAGE: stage,
    TABLE_PREFIX: `${SERVICE}-${stage}`,
    JWT_SECRET: secret('jwtSecret'),
    WECHAT_SECRET: secret('wechatSecret'),
    WECHAT_APPID: ssm('wechat-appid'),
    WECHAT_TEMPLATE_NEW_MATCH: ssm('wechat-template-new-match'),
    WECHAT_TEMPLATE_STATUS: ssm('wechat-template-status'),
    WECHAT_API_BASE: 'https://api.weixin.qq.com',
    WECHAT_MINIPROGRAM_STATE: 'formal',
    DYNAMODB_ENDPOINT: '',
    DEV_LOGIN: '0',
    RATE_LIMIT_SCALE: '1',
    IAM_SIMULATE: 'off',
    IAM_RECORD_FILE: '',
    FAULT_DYNAMODB_RATE: '0',
    FAULT_LOG_FILE: '',
  };
}

/** Fixed per stage in serverless.yml (params.default), free to change there: checked only against the shell. */
export const TUNABLES = ['SEARCH_REFRESH_MS', 'STATS_CACHE_MS', 'PUSH_RETRY_ATTEMPTS', 'PUSH_RETRY_BASE_MS'];

/** Never printed: a real secret may be what leaked, and CI logs are read by many. */
const HIDDEN = new Set(['JWT_SECRET', 'WECHAT_SECRET']);
const shown = (key: string, value: unknown) => (HIDDEN.has(key) ? '(value hidden)' : JSON.stringify(value));

export function packageService(deployment: Deployment = PACKAGED): { zips: { name: string; kb: number }[]; template: Template } {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(join(ROOT, WORK), { recursive: true, force: true });
  // What a CI runner has (no AWS credentials, no secrets), in a shell that also carries the local stack's variables.
  const env: Record<string, string> = {
    ...HOSTILE_ENV,
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    CI: '1',
    ESBUILD_WORK_FOLDER: WORK,
  };
  const params = deployment.h5Origins.length ? ['--param', `h5Origins=${deployment.h5Origins.join(',')}`] : [];
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'serverless'),
    ['package', '--stage', deployment.stage, ...params, '--package', OUT],
    { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const zips = readdirSync(OUT)
    .filter((f) => f.endsWith('.zip'))
    .map((f) => ({ name: f.replace(/\.zip$/, ''), kb: statSync(join(OUT, f)).size / 1024 }))
    .sort((a, b) => b.kb - a.kb);
  const template = JSON.parse(readFileSync(join(OUT, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  return { zips, template };
}

/** The bundled handler file of one function, read from its zip. */
export function handlerCode(name: string): string {
  const handler = functions[name]?.handler ?? '';
  const file = `${handler.slice(0, handler.lastIndexOf('.'))}.js`;
  return execFileSync('unzip', ['-p', join(OUT, `${name}.zip`), file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

/** What a deployed stage's functions and HTTP API must not take from the shell, nor allow. */
export function deploymentProblems(template: Template, deployment: Deployment = PACKAGED): string[] {
  const problems = new Set<string>();
  const lambdas = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
  const pinned = deployedEnvironment(deployment.stage);
  // One line per finding, naming the functions it concerns (usually all of them, as they share provider.environment).
  const found = new Map<string, string[]>();
  const note = (finding: string, fn: string) => found.set(finding, [...(found.get(finding) ?? []), fn]);
  for (const [id, fn] of lambdas) {
    const vars = (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
    for (const key of [...Object.keys(pinned), ...TUNABLES]) {
      const value = vars[key];
      const want = pinned[key];
      if (!(key in vars)) note(`${key} is missing`, id);
      else if (value === HOSTILE_ENV[key]) note(`${key} came from the packaging shell's environment: ${shown(key, value)}`, id);
      else if (want !== undefined && value !== want)
        note(`${key} is ${shown(key, value)}, deployed stages need ${JSON.stringify(want)}`, id);
    }
    // A variable added to serverless.yml is checked from the day it is added: its deployed value is pinned above.
    for (const key of Object.keys(vars).filter((k) => !(k in pinned) && !TUNABLES.includes(k))) {
      note(`${key} is not checked for deployed stages: add it to deployedEnvironment or TUNABLES in scripts/package.ts`, id);
    }
  }
  for (const [finding, ids] of found) {
    problems.add(`${finding} (${ids.length === lambdas.length ? 'every function' : ids.join(', ')})`);
  }
  // Anywhere else in the template (a resource, an output), the distinctive shell values are just as out of place.
  const text = JSON.stringify(template);
  for (const [key, value] of Object.entries(HOSTILE_ENV)) {
    if (/hostile|evil/.test(value) && text.includes(value)) problems.add(`the packaging shell's ${key} is in the template`);
  }

  const apis = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Api');
  if (!apis.length) problems.add('no HTTP API in the template to check CORS on');
  for (const [id, api] of apis) {
    const origins = (api.Properties.CorsConfiguration as { AllowOrigins?: unknown } | undefined)?.AllowOrigins ?? [];
    // Anything but a list of strings (a CloudFormation function, say) is shown as JSON and fails the checks below.
    const list = Array.isArray(origins)
      ? origins.map((o) => (typeof o === 'string' ? o : JSON.stringify(o)))
      : [JSON.stringify(origins)];
    if (list.includes('*')) problems.add(`${id}: CORS allows any origin ('*')`);
    for (const origin of list.filter((o) => o !== '*')) {
      try {
        parseOrigins(origin);
      } catch (err) {
        problems.add(`${id}: CORS ${(err as Error).message}`);
      }
    }
    if (JSON.stringify([...list].sort()) !== JSON.stringify([...deployment.h5Origins].sort())) {
      problems.add(`${id}: CORS allows ${JSON.stringify(list)}, the deploy asked for ${JSON.stringify(deployment.h5Origins)}`);
    }
  }
  return [...problems];
}

/**
 * A string each of the local stack's DynamoDB checks holds, and nothing a function needs does: they reach the functions
 * only through the instrumentation hook the local stack installs (functions/src/db/client.ts), so a bundle that holds
 * one imported them, and ships code (and a file write) that no deployed function may run.
 */
export const LOCAL_ONLY_MARKERS: Readonly<Record<string, { file: string; marker: string }>> = {
  'the IAM simulation': { file: 'functions/src/db/iam-simulation.ts', marker: 'IAM simulation: add it to infra/functions.cjs' },
  'the DynamoDB fault injection': { file: 'functions/src/db/fault-injection.ts', marker: 'faultInjection' },
};

/** What is wrong with one function's bundled code. */
export function bundleProblems(name: string, code: string): string[] {
  const problems: string[] = [];
  // Markers of the SDK's full credential chain (its STS client and the SSO provider): the alias in serverless.yml
  // leaves only the environment provider, and a bundle that has them again pays for them at every cold start.
  if (/AssumeRoleWithWebIdentity|fromSSO/.test(code)) problems.push(`${name}.zip bundles the SDK's whole credential chain`);
  if (!code.includes('Unable to find environment variable credentials'))
    problems.push(`${name}.zip has no environment credential provider`);
  for (const [what, { file, marker }] of Object.entries(LOCAL_ONLY_MARKERS)) {
    if (code.includes(marker)) problems.push(`${name}.zip bundles ${what} (${file}), which only the local stack may load`);
  }
  return problems;
}

export function problemsOf(
  zips: { name: string; kb: number }[],
  template: Template,
  deployment: Deployment = PACKAGED,
): string[] {
  const problems: string[] = [];
  const expected = Object.keys(functions);
  const missing = expected.filter((name) => !zips.some((z) => z.name === name));
  if (missing.length) problems.push(`no zip for: ${missing.join(', ')}`);
  for (const z of zips)
    if (z.kb > ZIP_LIMIT_KB) problems.push(`${z.name}.zip is ${z.kb.toFixed(1)} KB (limit ${ZIP_LIMIT_KB} KB)`);

  const lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  const roles = new Set<string>();
  for (const fn of lambdas) {
    const role = JSON.stringify(fn.Properties.Role);
    if (roles.has(role)) problems.push(`two functions share the role ${role}`);
    roles.add(role);
  }
  problems.push(...deploymentProblems(template, deployment));
  if (lambdas.length !== expected.length)
    problems.push(`${lambdas.length} Lambda functions in the template, ${expected.length} defined`);
  for (const name of expected.filter((n) => zips.some((z) => z.name === n)))
    problems.push(...bundleProblems(name, handlerCode(name)));
  // Each handler bundles only the parts of the composition it calls (functions/src/composition): GET /health calls
  // none but the route's token check, so a domain service in its bundle means a handler reached for all of them.
  if (zips.some((z) => z.name === 'health')) {
    const services = handlerCode('health').match(/"create(?!Auth|Token)[A-Za-z]*Service"/g) ?? [];
    if (services.length) problems.push(`health.zip bundles services it never calls: ${services.join(', ')}`);
  }
  const text = JSON.stringify(template);
  if (/dynamodb:(Scan|\*)/.test(text)) problems.push('a role allows dynamodb:Scan or dynamodb:*');
  return problems;
}

if (require.main === module) {
  const started = Date.now();
  const deployment: Deployment = { ...PACKAGED, stage: process.argv[2] ?? PACKAGED.stage };
  const { zips, template } = packageService(deployment);
  console.log(
    `Packaged ${zips.length} functions in ${((Date.now() - started) / 1000).toFixed(1)} s (no credentials, hostile environment).`,
  );
  console.log(
    `  largest ${zips[0]?.name}.zip ${zips[0]?.kb.toFixed(1)} KB, smallest ${zips.at(-1)?.name}.zip ${zips.at(-1)?.kb.toFixed(1)} KB, limit ${ZIP_LIMIT_KB} KB`,
  );
  const problems = problemsOf(zips, template, deployment);
  for (const p of problems) console.error(`  ✗ ${p}`);
  if (problems.length) process.exit(1);
  console.log('  ✓ one zip and one IAM role per function, no Scan, secrets only as references');
  console.log(`  ✓ no bundle holds ${Object.keys(LOCAL_ONLY_MARKERS).join(' or ')}`);
  console.log(`  ✓ nothing from the shell's environment in the template; CORS allows only ${deployment.h5Origins.join(', ')}`);
}
