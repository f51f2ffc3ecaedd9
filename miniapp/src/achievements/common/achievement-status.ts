// The colour of a 成果's status tag, as for demands.
import type { AchievementStatus } from '@cic/shared';
import type { TagTone } from '../../components/tag';

export const STATUS_TONES: Record<AchievementStatus, TagTone> = {
  draft: 'muted',
  pending_review: 'neutral',
  rejected: 'primary',
  published: 'success',
  closed: 'muted',
};
