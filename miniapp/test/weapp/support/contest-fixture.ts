// One small contest on the local stack, made through its API, so that each page has something real to show: an owner's
// published demand in a track, another waiting for review, a provider's solution to it, a judge assigned to its final and a follower.
import type { Achievement, AuthResponse, Demand, Invitation, Solution, Track } from '@cic/shared';
import {
  achievementForm,
  call,
  completeForm,
  login,
  published,
  publishedAchievement,
  submitted,
  uniq,
} from '../../../../functions/test/support/api';
import { assignJudges, createTrack, submitSolution } from '../../../../functions/test/support/contest';

/** A published or submitted demand always has its title. */
type Titled = Demand & { title: string };

function titled(demand: Demand): Titled {
  if (!demand.title) throw new Error(`demand ${demand.id} has no title`);
  return { ...demand, title: demand.title };
}

export interface ContestFixture {
  admin: AuthResponse;
  owner: AuthResponse;
  provider: AuthResponse;
  judge: AuthResponse;
  /** Logged in, follows nothing, posted nothing: the empty states. */
  newcomer: AuthResponse;
  demand: Titled;
  /** Submitted by the owner, waiting in the review queue. */
  pending: Titled;
  solution: Solution;
  track: Track;
  /** The provider's published 成果 on the demand's subject, and the owner's invitation to it (动员揭榜). */
  achievement: Achievement;
  invitation: Invitation;
}

export async function contestFixture(): Promise<ContestFixture> {
  const tag = uniq('wx');
  const [admin, owner, provider, judge, newcomer] = await Promise.all([
    login('admin', `${tag}管理员`),
    login('user', `${tag}企业`),
    login('user', `${tag}团队`),
    login('judge', `${tag}评委`),
    login('user', `${tag}新人`),
  ]);
  const demand = await published(
    owner.token,
    admin.token,
    completeForm({ title: `钛合金薄板激光焊接变形控制${tag}`.slice(0, 60) }),
  );
  const pending = await submitted(owner.token, completeForm({ title: `待审核的激光熔覆修复需求${tag}`.slice(0, 60) }));
  const solution = await submitSolution(provider.token, demand.id);
  await assignJudges(admin.token, demand.id, [judge.user.id]);
  const track = await createTrack(admin.token, { name: `长三角专场${tag}`.slice(0, 40) });
  const put = await call('PUT', `/admin/demands/${demand.id}/track`, { token: admin.token, json: { trackId: track.id } });
  if (put.status !== 200) throw new Error(`assign track: ${put.status} ${put.text}`);
  const follow = await call('PUT', `/demands/${demand.id}/follow`, { token: provider.token });
  if (follow.status !== 200) throw new Error(`follow: ${follow.status} ${follow.text}`);
  const achievement = await publishedAchievement(
    provider.token,
    admin.token,
    achievementForm({ title: `钛合金薄板激光焊接工艺${tag}`.slice(0, 60) }),
  );
  const invite = await call<Invitation>('POST', `/demands/${demand.id}/invitations`, {
    token: owner.token,
    json: { achievementId: achievement.id, message: '欢迎揭榜' },
  });
  if (invite.status !== 201) throw new Error(`invite: ${invite.status} ${invite.text}`);
  return {
    admin,
    owner,
    provider,
    judge,
    newcomer,
    demand: titled(demand),
    pending: titled(pending),
    solution,
    track,
    achievement,
    invitation: invite.body,
  };
}
