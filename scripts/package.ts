// npm run package: what `serverless deploy` would upload, built offline with no AWS credentials and no secret in the
// environment (osls `package` with esbuild), then checked: one zip per function, each ≤ 300 KB, one IAM role each,
// no secret value in the CloudFormation template (only references resolved by CloudFormation at deploy time), and
// only the environment credential provider and the services each function calls in its bundle.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { functions } from '../infra/functions.cjs';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, '.package', 'serverless');
const WORK = join('.package', 'esbuild');
export const ZIP_LIMIT_KB = 300;

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

export function packageService(stage = 'prod'): { zips: { name: string; kb: number }[]; template: Template } {
  rmSync(OUT, { recursive: true, force: true });
  rmSync(join(ROOT, WORK), { recursive: true, force: true });
  // Only what a CI runner has: no AWS credentials, no secrets, no local-stack variables.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    CI: '1',
    ESBUILD_WORK_FOLDER: WORK,
  };
  execFileSync(join(ROOT, 'node_modules', '.bin', 'serverless'), ['package', '--stage', stage, '--package', OUT], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

export function problemsOf(zips: { name: string; kb: number }[], template: Template): string[] {
  const problems: string[] = [];
  const expected = Object.keys(functions);
  const missing = expected.filter((name) => !zips.some((z) => z.name === name));
  if (missing.length) problems.push(`no zip for: ${missing.join(', ')}`);
  for (const z of zips) if (z.kb > ZIP_LIMIT_KB) problems.push(`${z.name}.zip is ${z.kb.toFixed(1)} KB (limit ${ZIP_LIMIT_KB} KB)`);

  const lambdas = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  const roles = new Set<string>();
  for (const fn of lambdas) {
    const role = JSON.stringify(fn.Properties.Role);
    if (roles.has(role)) problems.push(`two functions share the role ${role}`);
    roles.add(role);
    const vars = ((fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {});
    for (const key of ['JWT_SECRET', 'WECHAT_SECRET']) {
      const raw = vars[key];
      const value = typeof raw === 'string' ? raw : JSON.stringify(raw ?? '');
      if (!value.startsWith('{{resolve:secretsmanager:')) problems.push(`${key} is not a Secrets Manager reference: ${value.slice(0, 12)}…`);
    }
    if (vars.DEV_LOGIN !== '0') problems.push('DEV_LOGIN is not off');
    if (vars.IAM_SIMULATE !== 'off') problems.push('IAM_SIMULATE is not off');
    if (vars.FAULT_DYNAMODB_RATE !== '0') problems.push('FAULT_DYNAMODB_RATE is not 0');
  }
  if (lambdas.length !== expected.length) problems.push(`${lambdas.length} Lambda functions in the template, ${expected.length} defined`);
  for (const name of expected.filter((n) => zips.some((z) => z.name === n))) {
    const code = handlerCode(name);
    // Markers of the SDK's full credential chain (its STS client and the SSO provider): the alias in serverless.yml
    // leaves only the environment provider, and a bundle that has them again pays for them at every cold start.
    if (/AssumeRoleWithWebIdentity|fromSSO/.test(code)) problems.push(`${name}.zip bundles the SDK's whole credential chain`);
    if (!code.includes('Unable to find environment variable credentials')) problems.push(`${name}.zip has no environment credential provider`);
  }
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
  const { zips, template } = packageService(process.argv[2] ?? 'prod');
  console.log(`Packaged ${zips.length} functions in ${((Date.now() - started) / 1000).toFixed(1)} s (no credentials).`);
  console.log(`  largest ${zips[0]?.name}.zip ${zips[0]?.kb.toFixed(1)} KB, smallest ${zips.at(-1)?.name}.zip ${zips.at(-1)?.kb.toFixed(1)} KB, limit ${ZIP_LIMIT_KB} KB`);
  const problems = problemsOf(zips, template);
  for (const p of problems) console.error(`  ✗ ${p}`);
  if (problems.length) process.exit(1);
  console.log('  ✓ one zip and one IAM role per function, no Scan, secrets only as references');
}
