// Domain code logs expected failures (a rejected push, say); unit tests assert outcomes, not log lines.
process.env.LOG_LEVEL ??= 'silent';
