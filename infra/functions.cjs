// Every Lambda function, its trigger and the exact DynamoDB access it needs, defined once.
// serverless.yml builds its `functions` and one IAM role per function from this file; the local stack checks every
// DynamoDB call against the same table (functions/src/db/iam-simulation.ts), so the tests run under these policies.
'use strict';

/** @typedef {'GetItem'|'Query'|'BatchGetItem'|'PutItem'|'UpdateItem'|'DeleteItem'|'ConditionCheckItem'} Action */

// Access shorthands, by what a function does with a table.
const READ = ['GetItem', 'Query', 'BatchGetItem'];
const GET = ['GetItem'];
const QUERY = ['Query'];
/** The in-memory search index loads and refreshes from the demands indexes (byStatus, byChange). */
const SEARCH = { demands: ['Query'] };
/** Reading a demand and its contest for the caller: the demand, its final (judges), and the solutions. */
const CONTEST_READ = { demands: GET, finals: QUERY };
/** A token is checked against the stored user and its open sessions (erased accounts, logouts and changed roles take effect at once). */
const AUTH = { users: ['GetItem'] };
/** A login finds or creates the account of an identity (in one transaction) and opens a session on it. */
const LOGIN = { users: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'] };
/** Login, posting and solutions count each request in a rate-limit window. */
const RATE_LIMITED = { rateLimits: ['UpdateItem'] };

const h = (file, fn) => `functions/src/handlers/${file}.${fn}`;

/**
 * @type {Record<string, { handler: string, http?: string, stream?: 'demands' | 'achievements' | 'notifications',
 *   access: Record<string, Action[]>, timeout?: number }>}
 */
const functions = {
  health: { handler: h('health', 'handler'), http: 'GET /health', access: {} },
  authWechat: {
    handler: h('auth', 'wechat'),
    http: 'POST /auth/wechat',
    access: { ...LOGIN, ...RATE_LIMITED },
  },
  authDev: { handler: h('auth', 'dev'), http: 'POST /auth/dev', access: { ...LOGIN, ...RATE_LIMITED } },
  authLogout: { handler: h('auth', 'logout'), http: 'POST /auth/logout', access: { users: ['GetItem', 'UpdateItem'] } },

  demandsList: { handler: h('demands', 'list'), http: 'GET /demands', access: { demands: ['Query', 'BatchGetItem'] } },
  demandsCreate: {
    handler: h('demands', 'create'),
    http: 'POST /demands',
    access: { ...AUTH, demands: ['PutItem'], ...RATE_LIMITED },
  },
  demandsDetail: {
    handler: h('demands', 'detail'),
    http: 'GET /demands/{id}',
    access: { ...AUTH, demands: GET, follows: GET, awards: QUERY, tracks: GET, solutions: GET, finals: QUERY },
  },
  demandsUpdate: {
    handler: h('demands', 'update'),
    http: 'PUT /demands/{id}',
    access: { ...AUTH, demands: ['GetItem', 'UpdateItem'] },
  },
  demandsSubmit: {
    handler: h('demands', 'submit'),
    http: 'POST /demands/{id}/submit',
    // The content check needs the submitter's openid and a WeChat access token (cached in `system`).
    access: { ...AUTH, demands: ['GetItem', 'UpdateItem'], users: GET, system: ['GetItem', 'PutItem'], ...RATE_LIMITED },
  },
  demandsClose: {
    handler: h('demands', 'close'),
    http: 'POST /demands/{id}/close',
    access: { ...AUTH, demands: ['GetItem', 'UpdateItem'] },
  },
  demandsFollow: {
    handler: h('follows', 'follow'),
    http: 'PUT /demands/{id}/follow',
    access: { ...AUTH, follows: ['PutItem'], demands: ['UpdateItem', 'GetItem'] },
  },
  demandsUnfollow: {
    handler: h('follows', 'unfollow'),
    http: 'DELETE /demands/{id}/follow',
    access: { ...AUTH, follows: ['DeleteItem'], demands: ['UpdateItem', 'GetItem'] },
  },
  meDelete: {
    handler: h('me', 'remove'),
    http: 'DELETE /me',
    // 注销: everything of the person, in every table that holds any (functions/src/account/).
    access: {
      ...AUTH,
      users: ['GetItem', 'UpdateItem', 'DeleteItem'],
      subscriptions: ['Query', 'DeleteItem'],
      percolator: ['DeleteItem', 'UpdateItem'],
      follows: ['Query', 'DeleteItem'],
      demands: ['Query', 'GetItem', 'UpdateItem', 'DeleteItem'],
      achievements: ['Query', 'GetItem', 'UpdateItem', 'DeleteItem'],
      invitations: ['Query', 'DeleteItem'],
      solutions: ['Query', 'GetItem', 'PutItem'],
      finals: ['Query', 'PutItem', 'UpdateItem', 'DeleteItem'],
      awards: ['Query', 'UpdateItem'],
      notifications: ['Query', 'DeleteItem'],
      quotas: ['Query', 'DeleteItem'],
      deadLetters: ['Query', 'DeleteItem'],
      rateLimits: ['Query', 'DeleteItem'],
    },
    // Under the HTTP API's 30 s: a person with an unusually large history can call it again to finish (it resumes).
    timeout: 28,
  },
  meDemands: { handler: h('me', 'demands'), http: 'GET /me/demands', access: { ...AUTH, demands: QUERY } },
  meFollows: {
    handler: h('follows', 'mine'),
    http: 'GET /me/follows',
    access: { ...AUTH, follows: QUERY, demands: ['BatchGetItem'] },
  },
  adminReviews: {
    handler: h('review', 'queue'),
    http: 'GET /admin/reviews',
    access: { ...AUTH, demands: QUERY, achievements: QUERY },
  },
  adminReview: {
    handler: h('review', 'decide'),
    http: 'POST /admin/demands/{id}/review',
    access: { ...AUTH, demands: ['GetItem', 'UpdateItem'] },
  },

  meSubscriptionsCreate: {
    handler: h('subscriptions', 'create'),
    http: 'POST /me/subscriptions',
    // The subscription, its percolator entries and the user's counter move in one transaction; the rarest keyword is
    // chosen with the search index.
    access: {
      ...AUTH,
      subscriptions: ['PutItem'],
      percolator: ['PutItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      ...SEARCH,
    },
  },
  meSubscriptionsList: {
    handler: h('subscriptions', 'list'),
    http: 'GET /me/subscriptions',
    access: { ...AUTH, subscriptions: QUERY },
  },
  meSubscriptionsPreview: {
    handler: h('subscriptions', 'preview'),
    http: 'POST /me/subscriptions/preview',
    // The most recent published demands (byStatus): the newest one per preview, the 200 when it changed.
    access: { ...AUTH, demands: QUERY },
  },
  conceptsExpand: { handler: h('subscriptions', 'expand'), http: 'GET /concepts/expand', access: {} },
  meSubscriptionsDelete: {
    handler: h('subscriptions', 'remove'),
    http: 'DELETE /me/subscriptions/{id}',
    access: {
      ...AUTH,
      subscriptions: ['Query', 'DeleteItem'],
      percolator: ['DeleteItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
    },
  },
  meSubscribeQuota: {
    handler: h('subscriptions', 'quota'),
    http: 'POST /me/subscribe-quota',
    access: { ...AUTH, quotas: ['UpdateItem', 'Query'] },
  },
  meNotifications: {
    handler: h('notifications', 'list'),
    http: 'GET /me/notifications',
    access: { ...AUTH, notifications: QUERY },
  },
  meNotificationsUnread: {
    handler: h('notifications', 'unreadCount'),
    http: 'GET /me/notifications/unread-count',
    access: { ...AUTH, notifications: QUERY },
  },
  meNotificationsRead: {
    handler: h('notifications', 'markRead'),
    http: 'POST /me/notifications/read',
    access: { ...AUTH, notifications: ['Query', 'UpdateItem'] },
  },
  meNotificationsFeedback: {
    handler: h('notifications', 'feedback'),
    http: 'POST /me/notifications/{id}/feedback',
    // The verdict on the inbox item and its concepts' counters, in one transaction.
    access: { ...AUTH, notifications: ['GetItem', 'UpdateItem'], alertFeedback: ['UpdateItem'] },
  },
  adminAlertsFeedback: {
    handler: h('notifications', 'feedbackFigures'),
    http: 'GET /admin/alerts/feedback',
    access: { ...AUTH, alertFeedback: QUERY },
  },

  solutionsSubmit: {
    handler: h('solutions', 'submit'),
    http: 'POST /demands/{id}/solutions',
    // The solution and the demand's solutionCount in one transaction; the owner's inbox item.
    access: {
      ...AUTH,
      ...CONTEST_READ,
      demands: ['GetItem', 'UpdateItem'],
      solutions: ['PutItem'],
      notifications: ['PutItem'],
      ...RATE_LIMITED,
    },
  },
  solutionsForDemand: {
    handler: h('solutions', 'listForDemand'),
    http: 'GET /demands/{id}/solutions',
    // Fit to the demand weighs words by how many published demands use them: the search index.
    access: { ...AUTH, ...CONTEST_READ, solutions: QUERY, demands: ['GetItem', 'Query'] },
  },
  solutionsUpdate: {
    handler: h('solutions', 'update'),
    http: 'PUT /solutions/{id}',
    access: { ...AUTH, solutions: ['GetItem', 'PutItem'] },
  },
  solutionsDetail: {
    handler: h('solutions', 'detail'),
    http: 'GET /solutions/{id}',
    access: { ...AUTH, ...CONTEST_READ, solutions: GET, demands: ['GetItem', 'Query'] },
  },
  solutionsDecide: {
    handler: h('solutions', 'decide'),
    http: 'POST /solutions/{id}/decision',
    // An intent moves the solution and the demand together.
    access: {
      ...AUTH,
      ...CONTEST_READ,
      solutions: ['GetItem', 'PutItem'],
      demands: ['GetItem', 'UpdateItem'],
      notifications: ['PutItem'],
    },
  },
  meSolutions: {
    handler: h('solutions', 'mine'),
    http: 'GET /me/solutions',
    access: { ...AUTH, solutions: QUERY, demands: ['BatchGetItem'] },
  },
  finalsAssignJudges: {
    handler: h('finals', 'assignJudges'),
    http: 'POST /admin/demands/{id}/judges',
    access: { ...AUTH, demands: GET, users: GET, solutions: GET, finals: ['Query', 'PutItem', 'DeleteItem'] },
  },
  finalsScore: {
    handler: h('finals', 'score'),
    http: 'PUT /solutions/{id}/score',
    access: { ...AUTH, solutions: GET, demands: GET, finals: ['Query', 'PutItem', 'ConditionCheckItem'] },
  },
  finalsRanking: {
    handler: h('finals', 'ranking'),
    http: 'GET /demands/{id}/ranking',
    access: { ...AUTH, ...CONTEST_READ, solutions: QUERY },
  },
  finalsClose: {
    handler: h('finals', 'close'),
    http: 'POST /admin/demands/{id}/final/close',
    access: { ...AUTH, demands: GET, finals: ['Query', 'UpdateItem'] },
  },
  meJudging: {
    handler: h('finals', 'judging'),
    http: 'GET /me/judging',
    access: { ...AUTH, finals: QUERY, demands: ['BatchGetItem'], solutions: QUERY },
  },
  tracksCreate: { handler: h('tracks', 'create'), http: 'POST /admin/tracks', access: { ...AUTH, tracks: ['PutItem'] } },
  tracksList: { handler: h('tracks', 'list'), http: 'GET /tracks', access: { tracks: QUERY } },
  tracksAssign: {
    handler: h('tracks', 'assign'),
    http: 'PUT /admin/demands/{id}/track',
    access: { ...AUTH, demands: ['GetItem', 'UpdateItem'], tracks: GET },
  },
  awardsCreate: {
    handler: h('awards', 'create'),
    http: 'POST /admin/awards',
    access: { ...AUTH, demands: GET, solutions: GET, awards: ['PutItem'] },
  },
  meAwards: {
    handler: h('awards', 'mine'),
    http: 'GET /me/awards',
    access: { ...AUTH, awards: QUERY, demands: ['BatchGetItem'] },
  },
  stats: { handler: h('stats', 'read'), http: 'GET /stats', access: { stats: GET } },

  // 成果库 (functions/src/achievements/): the demands' lifecycle, review and anonymity, on the achievements table.
  achievementsList: {
    handler: h('achievements', 'list'),
    http: 'GET /achievements',
    access: { achievements: ['Query', 'BatchGetItem'] },
  },
  achievementsCreate: {
    handler: h('achievements', 'create'),
    http: 'POST /achievements',
    access: { ...AUTH, achievements: ['PutItem'], ...RATE_LIMITED },
  },
  achievementsDetail: {
    handler: h('achievements', 'detail'),
    http: 'GET /achievements/{id}',
    access: { ...AUTH, achievements: GET },
  },
  achievementsUpdate: {
    handler: h('achievements', 'update'),
    http: 'PUT /achievements/{id}',
    access: { ...AUTH, achievements: ['GetItem', 'UpdateItem'] },
  },
  achievementsSubmit: {
    handler: h('achievements', 'submit'),
    http: 'POST /achievements/{id}/submit',
    // The content check, as for demands.
    access: { ...AUTH, achievements: ['GetItem', 'UpdateItem'], users: GET, system: ['GetItem', 'PutItem'], ...RATE_LIMITED },
  },
  achievementsClose: {
    handler: h('achievements', 'close'),
    http: 'POST /achievements/{id}/close',
    access: { ...AUTH, achievements: ['GetItem', 'UpdateItem'] },
  },
  meAchievements: { handler: h('achievements', 'mine'), http: 'GET /me/achievements', access: { ...AUTH, achievements: QUERY } },
  adminAchievementReview: {
    handler: h('achievements', 'review'),
    http: 'POST /admin/achievements/{id}/review',
    access: { ...AUTH, achievements: ['GetItem', 'UpdateItem'] },
  },

  // 成果粗匹配 and 成果粗评估 (functions/src/matchmaking/).
  demandMatches: {
    handler: h('matches', 'forDemand'),
    http: 'GET /demands/{id}/matches',
    // Candidates from the 成果 percolator (its concepts' partitions), read whole to be scored.
    access: { ...AUTH, demands: GET, percolator: QUERY, achievements: ['BatchGetItem'] },
  },
  demandMatchScorecard: {
    handler: h('matches', 'scorecard'),
    http: 'GET /demands/{id}/matches/{achievementId}',
    access: { ...AUTH, demands: GET, achievements: GET },
  },
  achievementMatches: {
    handler: h('matches', 'forAchievement'),
    http: 'GET /achievements/{id}/matches',
    // Candidates from the demands search index (byStatus, byChange), read whole to be scored.
    access: { ...AUTH, achievements: GET, demands: ['Query', 'BatchGetItem'] },
  },
  demandsSimilar: {
    handler: h('matches', 'similar'),
    http: 'GET /demands/{id}/similar',
    // The demand, the search index (byStatus, byChange) and the similar ones' titles.
    access: { demands: ['GetItem', 'Query', 'BatchGetItem'] },
  },
  suggestField: { handler: h('suggest', 'field'), http: 'POST /suggest/field', access: {} },

  // 动员揭榜 (functions/src/invitations/).
  invitationsCreate: {
    handler: h('invitations', 'create'),
    http: 'POST /demands/{id}/invitations',
    // The invitation, the figures' counter and its marker in one transaction; then the holder's inbox item.
    access: {
      ...AUTH,
      demands: GET,
      achievements: GET,
      invitations: ['PutItem'],
      stats: ['UpdateItem', 'PutItem'],
      notifications: ['PutItem'],
      ...RATE_LIMITED,
    },
  },
  meInvitations: {
    handler: h('invitations', 'mine'),
    http: 'GET /me/invitations',
    access: { ...AUTH, invitations: QUERY },
  },
  invitationsRespond: {
    handler: h('invitations', 'respond'),
    http: 'POST /invitations/{id}/respond',
    // An acceptance, the figures' counter and its marker in one transaction; the 揭榜 form is filled from the 成果.
    access: {
      ...AUTH,
      invitations: ['GetItem', 'UpdateItem'],
      stats: ['UpdateItem', 'PutItem'],
      achievements: GET,
      demands: GET,
    },
  },

  // Matching: a demand that becomes published is matched against the percolator; every change moves the stats.
  alertsOnDemandChange: {
    handler: h('streams', 'onDemandChange'),
    stream: 'demands',
    timeout: 60,
    // The subscriptions' and the 成果's percolator entries, the 成果 they lead to, the inbox items.
    access: {
      percolator: QUERY,
      achievements: ['BatchGetItem'],
      notifications: ['PutItem'],
      follows: QUERY,
      stats: ['GetItem', 'PutItem', 'UpdateItem'],
    },
  },
  // 成果粗匹配: a 成果 that becomes published is filed in the 成果 percolator (entries and the dictionary's counts in one
  // transaction) and matched against the open demands (the search index, then the demands read whole); one that stops
  // being published is taken out.
  matchOnAchievementChange: {
    handler: h('streams', 'onAchievementChange'),
    stream: 'achievements',
    timeout: 60,
    access: {
      percolator: ['PutItem', 'UpdateItem', 'DeleteItem'],
      demands: ['Query', 'BatchGetItem'],
      notifications: ['PutItem'],
      // A 成果 that becomes public counts once in the figures (its contribution and the counters, as for demands).
      stats: ['GetItem', 'PutItem', 'UpdateItem'],
    },
  },
  // Push: each new inbox item may become one WeChat subscribe message.
  alertsOnNotification: {
    handler: h('streams', 'onNotificationCreated'),
    stream: 'notifications',
    timeout: 60,
    access: {
      notifications: ['UpdateItem'],
      quotas: ['UpdateItem', 'PutItem'],
      users: GET,
      system: ['GetItem', 'PutItem'],
      deadLetters: ['PutItem'],
      // An inbox item that tells of a match counts once in the figures: its marker and the counter, in one transaction.
      stats: ['PutItem', 'UpdateItem'],
    },
  },
};

/** Is the function allowed `dynamodb:<action>` on the logical table? (The local IAM simulation asks this.) */
function allows(functionName, logicalTable, action) {
  const fn = functions[functionName];
  if (!fn) return false;
  return (fn.access[logicalTable] || []).includes(action.replace(/^dynamodb:/, ''));
}

const STREAMS = {
  // Seeded and older records are history, not news: alert on what changes from now on.
  demands: { param: 'param:demandsStream', startingPosition: 'LATEST' },
  // Likewise for 成果: the seeded examples are filed in the 成果 percolator by the seed itself.
  achievements: { param: 'param:achievementsStream', startingPosition: 'LATEST' },
  // Every inbox item ever written may still owe its push (the push is claimed once, so a re-read is harmless).
  notifications: { param: 'param:notificationsStream', startingPosition: 'TRIM_HORIZON' },
};

const logicalId = (name) => `${name[0].toUpperCase()}${name.slice(1)}`;
const tableResource = (table) => `${logicalId(table)}Table`;
const roleOf = (name) => `${logicalId(name)}Role`;

/** `functions:` of serverless.yml. */
async function serverlessFunctions({ resolveVariable }) {
  const out = {};
  for (const [name, fn] of Object.entries(functions)) {
    const events = [];
    if (fn.http) events.push({ httpApi: fn.http });
    if (fn.stream) {
      const s = STREAMS[fn.stream];
      events.push({
        stream: {
          type: 'dynamodb',
          arn: await resolveVariable(s.param),
          batchSize: 25,
          startingPosition: s.startingPosition,
          maximumRetryAttempts: 5,
          bisectBatchOnFunctionError: true,
          destinations: { onFailure: { type: 'sqs', arn: { 'Fn::GetAtt': ['AlertsDeadLetterQueue', 'Arn'] } } },
        },
      });
    }
    out[name] = { handler: fn.handler, role: roleOf(name), events, ...(fn.timeout ? { timeout: fn.timeout } : {}) };
  }
  return out;
}

/** One IAM role per function: its own log group, and only the tables and actions listed above. */
async function roleResources({ resolveVariable }) {
  const service = await resolveVariable('self:service');
  const stage = await resolveVariable('sls:stage');
  const resources = {};
  for (const [name, fn] of Object.entries(functions)) {
    const statements = [
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: {
          'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${service}-${stage}-${name}:*`,
        },
      },
    ];
    for (const [table, actions] of Object.entries(fn.access)) {
      const resource = [{ 'Fn::GetAtt': [tableResource(table), 'Arn'] }];
      if (actions.includes('Query')) resource.push({ 'Fn::Sub': `\${${tableResource(table)}.Arn}/index/*` });
      statements.push({ Effect: 'Allow', Action: actions.map((a) => `dynamodb:${a}`), Resource: resource });
    }
    if (fn.stream) {
      statements.push({
        Effect: 'Allow',
        Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
        Resource: [{ 'Fn::GetAtt': [tableResource(fn.stream), 'StreamArn'] }],
      });
      statements.push({
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [{ 'Fn::GetAtt': ['AlertsDeadLetterQueue', 'Arn'] }],
      });
    }
    resources[roleOf(name)] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
        Policies: [{ PolicyName: `${name}-least-privilege`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
      },
    };
  }
  return { Resources: resources };
}

module.exports = { functions, STREAMS, allows, serverlessFunctions, roleResources };
