// Decodes DynamoDB stream records into the domain's types.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Demand, Notification } from '@cic/shared';
import { fromDemandItem } from './demand.keys';
import { fromNotificationItem } from './notification.dynamo';

const decode = (image: unknown): Record<string, unknown> | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

export interface DemandChange {
  id: string;
  /** The record's place in the demand's stream, zero-padded so that later changes sort after earlier ones as text. */
  order: string;
  before?: Demand;
  after?: Demand;
}

/** Stream sequence numbers are decimal strings of up to 40 digits, increasing per item. */
export const streamOrder = (sequenceNumber: string | undefined): string => (sequenceNumber ?? '').padStart(40, '0');

export function demandChangesOf(event: DynamoDBStreamEvent): DemandChange[] {
  return event.Records.map((record) => {
    const before = decode(record.dynamodb?.OldImage);
    const after = decode(record.dynamodb?.NewImage);
    const keys = decode(record.dynamodb?.Keys);
    return {
      id: [keys?.id, after?.id, before?.id].find((v): v is string => typeof v === 'string') ?? '',
      order: streamOrder(record.dynamodb?.SequenceNumber),
      ...(before ? { before: fromDemandItem(before) } : {}),
      ...(after ? { after: fromDemandItem(after) } : {}),
    };
  });
}

export function insertedNotificationsOf(event: DynamoDBStreamEvent): Notification[] {
  return event.Records.flatMap((record) => {
    if (record.eventName !== 'INSERT') return [];
    const created = decode(record.dynamodb?.NewImage);
    if (!created) return [];
    return [fromNotificationItem(created)];
  });
}
