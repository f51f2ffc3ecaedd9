// The rounded action button of the contest and 成果 pages (pill-button.css): outlined, or filled in the brand colour
// for the main action. Taro's Button takes `disabled` only as true or absent.
import type { ReactNode } from 'react';
import { Button } from '@tarojs/components';
import './pill-button.css';

export interface PillButtonProps {
  /** The main action: filled in the brand colour. */
  primary?: boolean;
  /** Spins while its action runs. */
  loading?: boolean;
  /** Takes no tap, for example while another action is on its way. */
  disabled?: boolean;
  /** The compact size of a card's actions. */
  mini?: boolean;
  /** The page's own class beside pill-button (invite-button). */
  className?: string;
  onClick: () => void;
  children: ReactNode;
}

export function PillButton({ primary, loading, disabled, mini, className, onClick, children }: PillButtonProps) {
  const classes = ['pill-button', className, primary ? 'is-primary' : ''].filter(Boolean).join(' ');
  return (
    <Button
      className={classes}
      size={mini ? 'mini' : undefined}
      loading={loading}
      disabled={disabled || undefined}
      onClick={() => onClick()}
    >
      {children}
    </Button>
  );
}
