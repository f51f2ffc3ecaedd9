// The tags that say what a 成果 is, on its card in the hall and atop its detail page: 示例 on the demo 成果, its field
// and its 技术成熟度.
import type { AchievementSummary } from '@cic/shared';
import { Tag } from '../../components/tag';
import { fieldLabel } from '../../format';
import { trlTag } from './achievement-labels';

type Tagged = Pick<AchievementSummary, 'example' | 'field' | 'fieldOther' | 'trl'>;

export function AchievementTags({ a }: { a: Tagged }) {
  const field = fieldLabel(a.field, a.fieldOther);
  return (
    <>
      {a.example ? <Tag tone='success'>示例</Tag> : null}
      {field ? <Tag tone='primary'>{field}</Tag> : null}
      {a.trl !== undefined ? <Tag>{trlTag(a.trl)}</Tag> : null}
    </>
  );
}
