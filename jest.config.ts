import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

/**
 * unit: pure logic with in-memory fakes (fast, no services).
 * integration: the DynamoDB adapters and the HTTP API against a real local stack (DynamoDB Local + serverless-offline),
 * started once by test/global-setup.ts.
 */
// jose ships only as an ES module; jest on Node 20 loads CommonJS, so it is transformed like our own code.
const transformIgnorePatterns = ['/node_modules/(?!(jose)/)'];

const config: Config = {
  reporters: ['default', '<rootDir>/test/summary-reporter.cjs', '<rootDir>/test/reliability-reporter.cjs'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: [
        '<rootDir>/shared/test/**/*.test.ts',
        '<rootDir>/functions/test/unit/**/*.test.ts',
        '<rootDir>/scripts/test/**/*.test.ts',
        '<rootDir>/miniapp/test/**/*.test.ts',
      ],
      testPathIgnorePatterns: ['/node_modules/', '\\.test\\.tsx$', '\\.browser\\.test\\.ts$', '\\.weapp\\.test\\.ts$'],
      // A passing run prints nothing: the services' expected failure logs are off (LOG_LEVEL=silent).
      setupFiles: ['<rootDir>/test/unit-setup.ts'],
    },
    {
      // Pages and components of the mini-program, rendered with React into jsdom; Taro's runtime is replaced by the
      // small mocks in miniapp/test/mocks (the real components need the mini-program host).
      displayName: 'miniapp',
      testEnvironment: 'jsdom',
      transform: {
        '^.+\\.(t|j)sx?$': [
          '@swc/jest',
          {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              target: 'es2022',
              transform: { react: { runtime: 'automatic' } },
            },
            module: { type: 'commonjs' },
          },
        ],
      },
      transformIgnorePatterns,
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/miniapp/test/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/miniapp/test/mocks/taro-components.tsx',
        '\\.(css|scss)$': '<rootDir>/miniapp/test/mocks/style.ts',
        '^@/(.*)$': '<rootDir>/miniapp/src/$1',
      },
      testMatch: ['<rootDir>/miniapp/test/**/*.test.tsx'],
      setupFiles: ['<rootDir>/miniapp/test/setup.ts'],
    },
    {
      // The H5 build in Debian's Chromium (playwright-core), as a person uses it, against the local stack.
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/miniapp/test/browser/**/*.browser.test.ts'],
      globalSetup: '<rootDir>/test/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration-setup.ts'],
    },
    {
      // The reliability suite: fuzzing, the authorisation matrix, the confidentiality crawl, faults, concurrency
      // and rate limits, against the local stack, each recording its figures for one closing table.
      displayName: 'reliability',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
      globalSetup: '<rootDir>/test/reliability-global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      // Handlers called in-process run under the stack's IAM simulation, as in serverless-offline.
      setupFiles: ['<rootDir>/test/setup-dynamo-instrumentation.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/integration-setup.ts'],
    },
    {
      // The WeChat build (miniapp/dist/weapp) in WeChat's component framework (miniprogram-simulate) under jsdom:
      // every page of app.json renders, with the taps of the main flows, against the local stack. Run by
      // `npm run check:weapp` after the compilers' checks (scripts/weapp/check.ts).
      displayName: 'weapp',
      testEnvironment: 'node',
      transform,
      // The built app runs as WeChat runs it, untransformed.
      transformIgnorePatterns: [...transformIgnorePatterns, '/dist/weapp/'],
      testMatch: ['<rootDir>/miniapp/test/weapp/**/*.weapp.test.ts', '<rootDir>/scripts/test/**/*.weapp.test.ts'],
      globalSetup: '<rootDir>/test/weapp-global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration-setup.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/functions/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      // Handlers called in-process run under the stack's IAM simulation, as in serverless-offline.
      setupFiles: ['<rootDir>/test/setup-dynamo-instrumentation.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/integration-setup.ts'],
    },
  ],
};

export default config;
