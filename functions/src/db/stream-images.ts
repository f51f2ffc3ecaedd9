// Decodes DynamoDB stream records into the domain's types.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Demand, Notification } from '@cic/shared';
import { fromDemandItem } from './demand.keys';

const decode = (image: unknown): Record<string, unknown> | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

export function demandChangesOf(event: DynamoDBStreamEvent): { before?: Demand; after?: Demand }[] {
  return event.Records.map((record) => {
    const before = decode(record.dynamodb?.OldImage);
    const after = decode(record.dynamodb?.NewImage);
    return { ...(before ? { before: fromDemandItem(before) } : {}), ...(after ? { after: fromDemandItem(after) } : {}) };
  });
}

export function insertedNotificationsOf(event: DynamoDBStreamEvent): Notification[] {
  return event.Records.flatMap((record) => {
    if (record.eventName !== 'INSERT') return [];
    const created = decode(record.dynamodb?.NewImage);
    if (!created) return [];
    const { createdKey: _c, unreadUser: _u, ...notification } = created;
    return [notification as unknown as Notification];
  });
}
