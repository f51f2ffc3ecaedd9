// Decodes DynamoDB stream records into the domain's types.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { Achievement, Demand, Notification } from '@cic/shared';
import { ACHIEVEMENT_ITEMS } from './achievement.dynamo';
import { fromDemandItem } from './demand.keys';
import { fromNotificationItem } from './notification.dynamo';

const decode = (image: unknown): Record<string, unknown> | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

/** A change to one listing (a demand, a 成果): its old and new image. */
export interface ListingChange<L> {
  id: string;
  /** The record's place in the listing's stream, zero-padded so that later changes sort after earlier ones as text. */
  order: string;
  before?: L;
  after?: L;
}
export type DemandChange = ListingChange<Demand>;
export type AchievementChange = ListingChange<Achievement>;

/** Stream sequence numbers are decimal strings of up to 40 digits, increasing per item. */
export const streamOrder = (sequenceNumber: string | undefined): string => (sequenceNumber ?? '').padStart(40, '0');

function listingChangesOf<L>(event: DynamoDBStreamEvent, fromItem: (item: Record<string, unknown>) => L): ListingChange<L>[] {
  return event.Records.map((record) => {
    const before = decode(record.dynamodb?.OldImage);
    const after = decode(record.dynamodb?.NewImage);
    const keys = decode(record.dynamodb?.Keys);
    return {
      id: [keys?.id, after?.id, before?.id].find((v): v is string => typeof v === 'string') ?? '',
      order: streamOrder(record.dynamodb?.SequenceNumber),
      ...(before ? { before: fromItem(before) } : {}),
      ...(after ? { after: fromItem(after) } : {}),
    };
  });
}

export const demandChangesOf = (event: DynamoDBStreamEvent): DemandChange[] => listingChangesOf(event, fromDemandItem);
export const achievementChangesOf = (event: DynamoDBStreamEvent): AchievementChange[] =>
  listingChangesOf(event, (item) => ACHIEVEMENT_ITEMS.fromItem(item));

export function insertedNotificationsOf(event: DynamoDBStreamEvent): Notification[] {
  return event.Records.flatMap((record) => {
    if (record.eventName !== 'INSERT') return [];
    const created = decode(record.dynamodb?.NewImage);
    if (!created) return [];
    return [fromNotificationItem(created)];
  });
}
