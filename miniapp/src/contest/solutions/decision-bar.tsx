// The owner's decisions on one solution: 入围, 婉拒 (a reason is required and the submitter will read it) and
// 签订意向协议 (confirmed first: it marks the demand 已对接). Only the decisions its state allows are offered.
import { useState } from 'react';
import { View } from '@tarojs/components';
import {
  DECISION_FROM,
  DEMAND_STATUS_LABELS,
  SOLUTION_DECISION_LABELS as DECISION,
  validateDecision,
  type DecisionRequest,
  type SolutionDecision,
  type TriagedSolution,
} from '@cic/shared';
import { confirmDestructive } from '../../components/confirm';
import { FormError, ReasonField } from '../../components/form-fields';
import { PillButton } from '../common/pill-button';

export interface DecisionBarProps {
  item: TriagedSolution;
  busy: boolean;
  /** The API's refusal of the last decision on this solution. */
  error?: string;
  onDecide: (item: TriagedSolution, request: DecisionRequest) => void;
}

export function DecisionBar({ item, busy, error, onDecide }: DecisionBarProps) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const can = (d: keyof typeof DECISION_FROM) => DECISION_FROM[d].includes(item.status);
  if (!can('shortlist') && !can('decline') && !can('intent')) return null;

  function decline() {
    const checked = validateDecision({ decision: 'decline', reason });
    if (!checked.ok) return setReasonError(checked.fields.reason ?? Object.values(checked.fields)[0]);
    onDecide(item, checked.value);
  }

  async function intent() {
    const confirmed = await confirmDestructive({
      title: DECISION.intent,
      content: `确认与“${item.organisation}”签订意向协议？需求将标记为“${DEMAND_STATUS_LABELS.matched}”，不能再与其他方案签订。`,
      confirmText: '确认签订',
    });
    if (confirmed) onDecide(item, { decision: 'intent' });
  }

  /** The button of one decision, off while a decision is on its way. */
  const decide = (decision: SolutionDecision, onClick: () => void, primary = false) => (
    <PillButton primary={primary} mini disabled={busy} onClick={onClick}>
      {DECISION[decision]}
    </PillButton>
  );

  return (
    <View className='decision'>
      {declining && (
        <ReasonField
          label='婉拒原因'
          multiline
          value={reason}
          placeholder='必填，揭榜方会看到这段说明'
          error={reasonError}
          onInput={(v) => {
            setReason(v);
            setReasonError(undefined);
          }}
        />
      )}
      <FormError message={error} />
      <View className='contest-actions'>
        {declining ? (
          <>
            <PillButton mini onClick={() => setDeclining(false)}>
              取消
            </PillButton>
            <PillButton primary mini disabled={busy} onClick={decline}>
              确认婉拒
            </PillButton>
          </>
        ) : (
          <>
            {can('decline') && decide('decline', () => setDeclining(true))}
            {can('shortlist') && decide('shortlist', () => onDecide(item, { decision: 'shortlist' }))}
            {can('intent') && decide('intent', () => void intent(), true)}
          </>
        )}
      </View>
    </View>
  );
}
