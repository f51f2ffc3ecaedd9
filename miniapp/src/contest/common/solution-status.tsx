// A solution's state as a tag, in the words of SOLUTION_STATUS_LABELS.
import { SOLUTION_STATUS_LABELS, type SolutionStatus } from '@cic/shared';
import { Tag, type TagTone } from '../../components';

const TONES: Record<SolutionStatus, TagTone> = {
  submitted: 'neutral',
  shortlisted: 'primary',
  declined: 'muted',
  intent: 'success',
};

export function SolutionStatusTag({ status }: { status: SolutionStatus }) {
  return <Tag tone={TONES[status]}>{SOLUTION_STATUS_LABELS[status]}</Tag>;
}
