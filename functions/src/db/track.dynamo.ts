import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Track } from '@cic/shared';
import type { TrackRepository } from '../contest/contest.ports';
import { queryAll } from './query-page';
import { keysOf, partitionOf } from './table-keys';

const TRACKS = keysOf('tracks');

/** All tracks share one partition: a contest has a handful a year. Ids are ulids, so the sort key is their age. */
const SCOPE = 'tracks';

function fromItem(item: Record<string, unknown>): Track {
  const { scope: _s, ...track } = item;
  return track as unknown as Track;
}

export function createTrackDynamoRepository(doc: DynamoDBDocumentClient, table: string): TrackRepository {
  return {
    async create(track) {
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...track, scope: SCOPE }, ConditionExpression: 'attribute_not_exists(id)' }),
      );
    },
    async get(id) {
      const out = await doc.send(new GetCommand({ TableName: table, Key: TRACKS.key({ scope: SCOPE, id }) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    async list() {
      const items = await queryAll(doc, { TableName: table, ...partitionOf(TRACKS, SCOPE), ScanIndexForward: false });
      return items.map(fromItem);
    },
  };
}
