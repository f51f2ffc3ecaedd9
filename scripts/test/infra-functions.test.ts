// infra/functions.cjs is the single list of functions, routes and IAM grants that serverless.yml deploys and that the
// local IAM simulation enforces. These checks keep it consistent with the code and the tables.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { functions, roleResources, serverlessFunctions } from '../../infra/functions.cjs';
import { tables } from '../../infra/tables.cjs';

const ROOT = join(__dirname, '..', '..');
const ACTIONS = new Set(['GetItem', 'Query', 'BatchGetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem']);
const resolveVariable = async (name: string): Promise<unknown> =>
  ({
    'self:service': 'innovation-challenge',
    'sls:stage': 'prod',
    'param:demandsStream': 'DS',
    'param:achievementsStream': 'AS',
    'param:notificationsStream': 'NS',
  })[name];

interface Statement {
  Action: string[];
  Resource: unknown;
}
interface Role {
  Type: string;
  Properties: { Policies: { PolicyDocument: { Statement: Statement[] } }[] };
}

describe('infra/functions.cjs', () => {
  it.each(Object.entries(functions))('%s points at an exported handler', async (_name, fn) => {
    const [file, exported] = fn.handler.split(/\.(?=[^.]+$)/) as [string, string];
    expect(existsSync(join(ROOT, `${file}.ts`))).toBe(true);
    const mod = (await import(join(ROOT, file))) as Record<string, unknown>;
    expect(typeof mod[exported]).toBe('function');
  });

  it('gives every route one function, and every function an HTTP route or a stream', () => {
    const routes = Object.values(functions).flatMap((f) => (f.http ? [f.http] : []));
    expect(new Set(routes).size).toBe(routes.length);
    for (const fn of Object.values(functions)) expect(Boolean(fn.http) !== Boolean(fn.stream)).toBe(true);
  });

  it('grants only real tables and item-level actions: never Scan, never a wildcard', () => {
    for (const fn of Object.values(functions)) {
      for (const [table, actions] of Object.entries(fn.access)) {
        expect(Object.keys(tables)).toContain(table);
        for (const action of actions ?? []) expect(ACTIONS.has(action)).toBe(true);
      }
    }
  });

  it('builds one role per function, with exactly the tables it lists', async () => {
    const { Resources } = (await roleResources({ resolveVariable })) as { Resources: Record<string, Role> };
    expect(Object.keys(Resources)).toHaveLength(Object.keys(functions).length);
    const role = Resources.StatsRole as Role;
    const statements = role.Properties.Policies[0]?.PolicyDocument.Statement ?? [];
    expect(statements.map((s) => s.Action)).toEqual([['logs:CreateLogStream', 'logs:PutLogEvents'], ['dynamodb:GetItem']]);
    expect(JSON.stringify(statements)).toContain('log-group:/aws/lambda/innovation-challenge-prod-stats:*');
    expect(JSON.stringify(statements[1]?.Resource)).toBe(JSON.stringify([{ 'Fn::GetAtt': ['StatsTable', 'Arn'] }]));
    const health = Resources.HealthRole as Role;
    expect(health.Properties.Policies[0]?.PolicyDocument.Statement).toHaveLength(1);
  });

  it('gives the stream functions their stream, bisect-on-error and the SQS dead-letter queue', async () => {
    const out = (await serverlessFunctions({ resolveVariable })) as Record<
      string,
      { events: { stream?: Record<string, unknown> }[]; role: string }
    >;
    const stream = out.alertsOnDemandChange?.events[0]?.stream;
    expect(stream).toMatchObject({ type: 'dynamodb', arn: 'DS', bisectBatchOnFunctionError: true, startingPosition: 'LATEST' });
    expect(stream?.destinations).toEqual({ onFailure: { type: 'sqs', arn: { 'Fn::GetAtt': ['AlertsDeadLetterQueue', 'Arn'] } } });
    expect(out.alertsOnNotification?.events[0]?.stream).toMatchObject({ arn: 'NS', startingPosition: 'TRIM_HORIZON' });
    expect(out.matchOnAchievementChange?.events[0]?.stream).toMatchObject({ arn: 'AS', startingPosition: 'LATEST' });
    expect(out.stats?.role).toBe('StatsRole');
  });
});
