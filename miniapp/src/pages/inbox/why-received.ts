// "为什么收到这条": the reasons behind one inbox item, one line each, from what the matcher recorded.
import { DECISION_STATUS, MATCH_TIER_LABELS, SOLUTION_STATUS_LABELS, type MatchTier, type Notification } from '@cic/shared';
import { matchesUrl, matchLines, statusLabel } from '../../format';

export const REASON_LABELS: Record<Notification['reason'], string> = {
  new_match: '订阅提醒',
  status_closed: '关注动态',
  status_published: '关注动态',
  solution_new: '揭榜动态',
  solution_decision: '揭榜结果',
  achievement_match: '成果匹配',
  new_achievement: '新成果',
  invitation: '揭榜邀请',
};

/** The alerts that come from the matching engine, with a tier and an explanation, and what each says first. */
const MATCH_HEADLINES: Partial<Record<Notification['reason'], string>> = {
  new_match: '符合您订阅的条件',
  achievement_match: '新发布的需求与您的成果匹配',
  new_achievement: '新发布的成果与您的需求匹配',
};

/** Why an alert is only a 提及, and whether it reached WeChat. */
export function mentionLine(n: Notification): string | undefined {
  const e = n.explanation;
  if (tierOf(n) !== 'mentioned') return undefined;
  const keywords = e?.keywords ?? [];
  const why =
    keywords.length > 0 && keywords.every((k) => k.where === 'description')
      ? '仅在描述中提及'
      : keywords.some((k) => k.relation === 'related')
        ? '只出现了相关词，算作提及'
        : `只是${MATCH_TIER_LABELS.mentioned}，不是需求的主题`;
  if (n.push === 'inbox_only') return `${why}，未推送到微信`;
  return why;
}

export function whyReceived(n: Notification): string[] {
  if (n.reason === 'solution_new') return ['你的需求收到新的揭榜方案'];
  if (n.reason === 'solution_decision') {
    const result = n.decision ? `你的揭榜方案${SOLUTION_STATUS_LABELS[DECISION_STATUS[n.decision]]}` : '你的揭榜方案有了新进展';
    // The losing challenger reads the owner's reason here.
    return n.note ? [result, `${n.decision === 'decline' ? '婉拒原因' : '需求方留言'}：${n.note}`] : [result];
  }
  const headline = MATCH_HEADLINES[n.reason];
  if (headline) {
    const lines = n.explanation ? matchLines(n.explanation) : [];
    const mention = mentionLine(n);
    return [headline, ...lines, ...(mention ? [mention] : [])];
  }
  if (n.reason === 'invitation') {
    // The inviter's message, when they left one, travels in the note.
    return n.note ? ['需求方邀请您的成果参与揭榜', `邀请留言：${n.note}`] : ['需求方邀请您的成果参与揭榜'];
  }
  const status = n.status ?? (n.reason === 'status_closed' ? 'closed' : 'published');
  return [`您关注的需求${statusLabel(status)}`];
}

/** The tier of a match alert (a subscription's or a 成果's), for its badge and its tab; none on alerts from before tiers. */
export function tierOf(n: Notification): MatchTier | undefined {
  return MATCH_HEADLINES[n.reason] ? (n.tier ?? n.explanation?.tier) : undefined;
}

/**
 * Where tapping an item leads: the owner to the solutions or to the demand's 匹配成果, the challenger to 我的揭榜, the
 * invited holder to 邀请, else the demand.
 */
export function targetOf(n: Notification): string {
  const id = encodeURIComponent(n.demandId);
  if (n.reason === 'solution_new') return `/contest/solutions/index?demandId=${id}`;
  if (n.reason === 'solution_decision') return '/contest/my-solutions/index';
  if (n.reason === 'new_achievement') return matchesUrl(n.demandId);
  if (n.reason === 'invitation') return '/achievements/invitations/index';
  return `/pages/demand/index?id=${id}`;
}
