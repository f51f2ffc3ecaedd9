// Boundaries, checked in CI: the domain does not import adapters or handlers, and adapters do not reach into each other;
// shared/ imports nothing of ours; the mini-program never imports the functions; production code uses no
// devDependency; every module is imported by something or is an entry point named below.

/** The domain: services and their ports. */
const DOMAIN = '^functions/src/(auth|demands|follows|search|common|alerts|contest|stats|ratelimit|account)/';

/**
 * Modules that nothing imports because something else starts them: each entry says what. Tests are found by jest's
 * testMatch, so any `*.test.ts(x)` is one.
 */
const ENTRY_POINTS = [
  // Tests, found by jest.
  '\\.test\\.tsx?$',
  // The Lambda handlers: infra/functions.cjs names them for serverless.yml.
  '^functions/src/handlers/',
  // Put in place of the SDK's credential chain by the esbuild alias in serverless.yml.
  '^functions/src/db/lambda-credentials\\.ts$',
  // The whole composition for tests that drive the services in-process (test/reliability/, outside the cruised folders).
  '^functions/src/app\\.ts$',
  // Preloaded by path into serverless-offline's process (scripts/lib/stack.ts), and a jest setup file of test/.
  '^scripts/lib/dynamo-instrumentation\\.ts$',
  // Commands: each top-level file of scripts/ is run by an npm script or by hand (`npx tsx scripts/…`), as are the
  // WeChat build check and the benchmarks scripts/bench/index.ts runs by path.
  '^scripts/[^/]+\\.ts$',
  '^scripts/weapp/check\\.ts$',
  '^scripts/bench/[^/]+\\.ts$',
  // npm run eval:match: the matcher measured on the labelled set (data/eval).
  '^scripts/eval/match\\.ts$',
  // The mini-program's build: Taro's configuration, the app, and each page's configuration (app.config.ts lists the
  // pages by path; Taro finds `index.config.ts` beside each), miniapp/package.json's post-build script, Babel's config.
  '^miniapp/config/index\\.ts$',
  '^miniapp/src/app(\\.config)?\\.ts$',
  '^miniapp/src/.+\\.config\\.ts$',
  '^miniapp/scripts/[^/]+\\.cjs$',
  '^miniapp/babel\\.config\\.js$',
  // Ambient type declarations, read by tsc through tsconfig's include.
  '\\.d\\.ts$',
  // The miniapp jest project's setup file and style mock (jest.config.ts names them).
  '^miniapp/test/setup\\.ts$',
  '^miniapp/test/mocks/style\\.ts$',
  // Loaded by the page tests through jest.mock('@tarojs/components', () => jest.requireActual(...)).
  '^miniapp/test/components/click-through\\.tsx$',
];

/** A boundary: modules whose path matches `from` must not import those whose path matches `to`. */
function boundary(name, comment, from, to) {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: to } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    boundary(
      'shared-is-a-leaf',
      'shared/ is imported by both sides and must not depend on either.',
      '^shared/src',
      '^(functions|miniapp|scripts|infra)/',
    ),
    boundary(
      'domain-not-to-adapters',
      'Domain code talks to ports (repository and gateway interfaces), never to DynamoDB, WeChat, HTTP or the ' +
        'composition: an adapter implements a port next to the domain that uses it, and the composition wires them.',
      DOMAIN,
      '^functions/src/(db|wechat|http|handlers|composition)/|^functions/src/app\\.ts$|@aws-sdk',
    ),
    boundary(
      'wechat-adapter-not-to-other-adapters',
      "The WeChat adapters speak HTTP to WeChat and implement the domain's ports; what they store (the access " +
        'token) goes through a port of theirs that a DynamoDB adapter in db/ implements.',
      '^functions/src/wechat/',
      '^functions/src/(db|http|handlers|composition)/|^functions/src/app\\.ts$|@aws-sdk',
    ),
    boundary(
      'handlers-stay-thin',
      'Handlers reach the domain only through the parts of the composition they call (functions/src/composition), ' +
        'never through app.ts, which composes all of it: each function bundles and builds only what it uses.',
      '^functions/src/handlers/',
      '^functions/src/(db|auth|demands|follows|search|alerts|contest|stats|ratelimit|wechat|account)/|^functions/src/app\\.ts$',
    ),
    boundary(
      'miniapp-not-to-functions',
      'The mini-program shares types through shared/, never by importing server code.',
      '^miniapp/src',
      '^(functions|scripts|infra)/',
    ),
    {
      name: 'not-to-dev-dep',
      comment:
        'Production code (what the Lambda bundles and the mini-program ship) uses only dependencies: a devDependency ' +
        'is not installed where it runs. Type-only imports are erased when compiled, so types from a devDependency ' +
        '(an @types package, for one) are fine.',
      severity: 'error',
      from: { path: '^(functions/src|shared/src|miniapp/src)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/@types/' },
    },
    {
      name: 'no-orphans',
      comment:
        'A module nothing imports is dead code, or is started by something this check cannot see: then it is an entry ' +
        'point, listed in ENTRY_POINTS with what starts it.',
      severity: 'error',
      module: { pathNot: ENTRY_POINTS, numberOfDependentsLessThan: 1 },
      from: {},
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
    // node_modules is not followed, but kept: the rules on packages (not-to-dev-dep, @aws-sdk) need to see them.
    exclude: { path: '(^|/)(\\.esbuild|\\.serverless|\\.local|dist)/' },
  },
};
