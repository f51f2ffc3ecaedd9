import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { currentFunction } from '../common/invocation';
import type { Config } from '../config/config';

/**
 * What the local stack may add to every DynamoDB client the functions create (the IAM simulation, fault injection:
 * scripts/lib/dynamo-instrumentation.ts, loaded before the functions). It is told which function is calling, since
 * what it checks depends on that. Nothing installs it on AWS, so a deployed client is the SDK's alone and no deployed
 * bundle carries the local checks (`npm run package` makes sure of it).
 */
export type DynamoInstrumentation = (client: DynamoDBClient, context: { currentFunction: () => string | undefined }) => void;

declare global {
  // A global, not an import: the functions run from their own bundles, which the local stack cannot reach into.
  var __cicInstrumentDynamo: DynamoInstrumentation | undefined;
}

export function createDocumentClient(cfg: Pick<Config, 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: cfg.AWS_REGION,
    ...(cfg.DYNAMODB_ENDPOINT
      ? // DynamoDB Local accepts any credentials; these keep the SDK from looking for real ones.
        { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  globalThis.__cicInstrumentDynamo?.(client, { currentFunction });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
