// The invitations table: one item per (demand, 成果), its id derived from both, so that "one open invitation per pair"
// is the put's condition. A pair's first invitation and its acceptance are counted in the figures in their own
// transaction, each with a marker in the stats table, so the counters always equal a recount of the markers, which an
// erasure (deleting the invitations) leaves in place: the figures keep what happened.
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Invitation } from '@cic/shared';
import type { InvitationRepository } from '../invitations/invitation.repository';
import { conditionally } from './errors';
import { queryPage } from './query-page';
import { invitationMarkerOf } from '../stats/stats.service';
import { countedOnceWith } from './stats.dynamo';
import { indexOf, keysOf, partitionOf } from './table-keys';
import { conditionFailedAt, putNew, transact } from './transact';

const INVITATIONS = keysOf('invitations');
const BY_HOLDER = indexOf('invitations', 'byHolder');

const fromItem = (item: Record<string, unknown>): Invitation => item as unknown as Invitation;

export function createInvitationDynamoRepository(
  doc: DynamoDBDocumentClient,
  tables: { invitations: string; stats: string },
): InvitationRepository {
  return {
    async create(invitation) {
      // A pair invited for the first time counts in the figures, with its put. A pair counted before whose invitation
      // an erasure deleted is stored again, not counted again.
      const first = await transact(
        doc,
        [
          putNew(tables.invitations, invitation, 'id'),
          ...countedOnceWith(tables.stats, invitationMarkerOf(invitation.id, 'sent'), 'invitations'),
        ],
        (reasons) => (conditionFailedAt(reasons, 0) ? 'taken' : conditionFailedAt(reasons, 1) ? 'counted' : undefined),
      );
      if (first === 'done') return 'created';
      if (first === 'counted') {
        const stored = await conditionally(() =>
          doc.send(
            new PutCommand({ TableName: tables.invitations, Item: invitation, ConditionExpression: 'attribute_not_exists(id)' }),
          ),
        );
        if (stored) return 'created';
      }
      // A declined invitation may be sent again: the same invitation, renewed (counted once, when it was first sent).
      const renewed = await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tables.invitations,
            Item: invitation,
            ConditionExpression: '#status = :declined',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':declined': 'declined' },
          }),
        ),
      );
      return renewed ? 'created' : 'exists';
    },

    async get(id) {
      const out = await doc.send(
        new GetCommand({ TableName: tables.invitations, Key: INVITATIONS.key({ id }), ConsistentRead: true }),
      );
      return out.Item ? fromItem(out.Item) : undefined;
    },

    async answer(id, status, at) {
      const update = {
        TableName: tables.invitations,
        Key: INVITATIONS.key({ id }),
        UpdateExpression: 'SET #status = :status, respondedAt = :at',
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':at': at, ':open': 'open' },
      };
      if (status === 'declined') {
        return (await conditionally(() => doc.send(new UpdateCommand(update)))) ? 'stored' : 'answered';
      }
      const outcome = await transact(
        doc,
        [{ Update: update }, ...countedOnceWith(tables.stats, invitationMarkerOf(id, 'accepted'), 'invitationsAccepted')],
        (reasons) => (conditionFailedAt(reasons, 0) ? 'answered' : conditionFailedAt(reasons, 1) ? 'counted' : undefined),
      );
      // Accepted before, and stored again after an erasure: the acceptance is stored, not counted again.
      if (outcome === 'counted') return (await conditionally(() => doc.send(new UpdateCommand(update)))) ? 'stored' : 'answered';
      return outcome === 'done' ? 'stored' : outcome;
    },

    listByHolder(holderId, page) {
      return queryPage(
        doc,
        { TableName: tables.invitations, ...partitionOf(BY_HOLDER, holderId), ScanIndexForward: false },
        page,
        BY_HOLDER.cursorKeys,
        fromItem,
      );
    },
  };
}
