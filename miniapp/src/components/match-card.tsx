// One match of the matching engine in a list: a 成果 on a demand's 匹配成果, a demand on a 成果's 匹配需求. Its title and
// score out of 100, the tier (主题相关 / 提及), a few facts, and the chain of why it matches (the inbox's wording). The
// body opens it; actions (邀请揭榜) go below.
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { HOLDER_TYPE, MATCH_TIER_LABELS, type AchievementMatch, type MatchExplanation, type MatchTier } from '@cic/shared';
import { matchLines, scorePercent } from '../format';
import { Tag } from './tag';
import './hall-card.css';
import './card.css';
import './text.css';
import './match-card.css';

/** What a 成果's card says of it besides the match: who holds it and how mature it is (技术成熟度). */
export function achievementFacts(m: Pick<AchievementMatch, 'holderType' | 'trl'>): string[] {
  return [...(m.holderType ? [HOLDER_TYPE.label(m.holderType)] : []), ...(m.trl === undefined ? [] : [`TRL ${m.trl} 级`])];
}

export interface MatchCardProps {
  /** A 成果 or a demand on a match list: its title, score (0–1), tier and explanation. */
  match: { title: string; score: number; tier: MatchTier; explanation: MatchExplanation };
  /** Short facts shown as tags after the tier: 高校, TRL 6 级, 120万元 … */
  facts?: readonly string[];
  /** At most this many lines of the chain (a short list keeps to a few). */
  maxLines?: number;
  onOpen: () => void;
  children?: ReactNode;
}

export function MatchCard({ match, facts = [], maxLines, onOpen, children }: MatchCardProps) {
  const { title, score, tier, explanation } = match;
  const lines = matchLines(explanation);
  const shown = maxLines === undefined ? lines : lines.slice(0, maxLines);
  const percent = scorePercent(score);
  return (
    <View className='hall-card match-card'>
      <View className='match-card__body' role='link' aria-label={title} hoverClass='match-card--pressed' onClick={onOpen}>
        <View className='card-head'>
          <Text className='card-title match-card__title'>{title}</Text>
          <Text className='match-card__score' aria-label={`匹配度 ${percent} 分`}>
            {`${percent}分`}
          </Text>
        </View>
        <View className='match-card__tags'>
          <Tag tone={tier === 'main' ? 'primary' : 'muted'}>{MATCH_TIER_LABELS[tier]}</Tag>
          {facts.map((f) => (
            <Tag key={f}>{f}</Tag>
          ))}
        </View>
        {shown.length > 0 ? (
          <View className='match-card__why'>
            <Text className='match-card__why-label'>匹配依据</Text>
            {shown.map((line) => (
              <Text key={line} className='text-explain match-card__why-line'>
                {line}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
      {children ? <View className='match-card__actions'>{children}</View> : null}
    </View>
  );
}
