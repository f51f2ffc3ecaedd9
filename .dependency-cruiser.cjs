// Boundaries, checked in CI: the domain does not import adapters or handlers; shared/ imports nothing of ours;
// the mini-program never imports the functions.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-a-leaf',
      comment: 'shared/ is imported by both sides and must not depend on either.',
      severity: 'error',
      from: { path: '^shared/src' },
      to: { path: '^(functions|miniapp|scripts|infra)/' },
    },
    {
      name: 'domain-not-to-adapters',
      comment: 'Domain code talks to ports (repository interfaces), never to DynamoDB, HTTP or the composition.',
      severity: 'error',
      from: { path: '^functions/src/(auth|demands|follows|search|common|alerts|contest|stats|ratelimit)/', pathNot: '\\.adapter\\.ts$' },
      to: { path: '^functions/src/(db|http|handlers|composition)/|^functions/src/app\\.ts$|@aws-sdk' },
    },
    {
      name: 'handlers-stay-thin',
      comment:
        'Handlers reach the domain only through the parts of the composition they call (functions/src/composition), ' +
        'never through app.ts, which composes all of it: each function bundles and builds only what it uses.',
      severity: 'error',
      from: { path: '^functions/src/handlers/' },
      to: { path: '^functions/src/(db|auth|demands|follows|search|alerts|contest|stats|ratelimit|wechat)/|^functions/src/app\\.ts$' },
    },
    {
      name: 'miniapp-not-to-functions',
      comment: 'The mini-program shares types through shared/, never by importing server code.',
      severity: 'error',
      from: { path: '^miniapp/src' },
      to: { path: '^(functions|scripts|infra)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|\\.esbuild|\\.serverless|\\.local|dist)/' },
  },
};
