// For the jest projects whose tests also call handlers in-process with the stack's environment (STACK_FUNCTION_ENV):
// those calls run under the same IAM simulation as the stack's serverless-offline process, which gets this hook as a
// preload (scripts/lib/offline.ts). Each test file's sandbox has its own global, so each installs it.
import '../scripts/lib/dynamo-instrumentation';
