import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { allows } from '../../../infra/functions.cjs';
import type { Config } from '../config/config';
import { addFaultInjection } from './fault-injection';
import { addIamSimulation } from './iam-simulation';

type ClientConfig = Pick<Config, 'AWS_REGION' | 'DYNAMODB_ENDPOINT'> &
  Partial<Pick<Config, 'IAM_SIMULATE' | 'IAM_RECORD_FILE' | 'TABLE_PREFIX' | 'FAULT_DYNAMODB_RATE' | 'FAULT_LOG_FILE'>>;

export function createDocumentClient(cfg: ClientConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: cfg.AWS_REGION,
    ...(cfg.DYNAMODB_ENDPOINT
      ? // DynamoDB Local accepts any credentials; these keep the SDK from looking for real ones.
        { endpoint: cfg.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  if (cfg.IAM_SIMULATE && cfg.IAM_SIMULATE !== 'off' && cfg.TABLE_PREFIX) {
    const prefix = `${cfg.TABLE_PREFIX}-`;
    addIamSimulation(client, {
      allows: (fn, access) => access.table.startsWith(prefix) && allows(fn, access.table.slice(prefix.length), access.action),
      recordOnly: cfg.IAM_SIMULATE === 'record',
      ...(cfg.IAM_RECORD_FILE ? { recordFile: cfg.IAM_RECORD_FILE } : {}),
    });
  }
  if (cfg.FAULT_DYNAMODB_RATE) {
    addFaultInjection(client, { rate: cfg.FAULT_DYNAMODB_RATE, ...(cfg.FAULT_LOG_FILE ? { logFile: cfg.FAULT_LOG_FILE } : {}) });
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
