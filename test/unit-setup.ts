// The unit project: a passing run prints nothing. Services log their expected failures (a rejected push, WeChat busy)
// as they would in a Lambda; the tests that are about such a line read it through functions/test/support/log-capture.ts,
// which sees every line whatever the level. LOG_LEVEL=debug npx jest … prints them all again when looking into a failure.
process.env.LOG_LEVEL ??= 'silent';
