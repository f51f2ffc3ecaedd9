// 注销: the invitations a person received (as a 成果's holder) or sent (as a demand's owner or an organiser) are
// deleted, found by the byHolder and byInviter indexes.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InvitationErasure } from '../account/account-erasure.service';
import { deleteQueried } from './delete-queried';
import { indexOf, keysOf, partitionOf } from './table-keys';

const INVITATIONS = keysOf('invitations');
const BY_HOLDER = indexOf('invitations', 'byHolder');
const BY_INVITER = indexOf('invitations', 'byInviter');

export function createInvitationErasureDynamo(doc: DynamoDBDocumentClient, table: string): InvitationErasure {
  return {
    async deleteAllOf(userId) {
      let deleted = 0;
      for (const index of [BY_HOLDER, BY_INVITER]) {
        deleted += await deleteQueried(doc, { TableName: table, ...partitionOf(index, userId) }, INVITATIONS.keyAttributes);
      }
      return deleted;
    },
  };
}
