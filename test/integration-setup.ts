// Integration tests make real HTTP calls to a local stack on a shared 2-core machine: allow them time.
jest.setTimeout(60_000);

// Handlers called in-process log like Lambdas; the test output only needs what went wrong.
process.env.LOG_LEVEL ??= 'error';
