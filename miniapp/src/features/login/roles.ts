// The roles a person may pick at the local stack's dev login, with the words the UI uses for them.
import type { UserRole } from '@cic/shared';

export const ROLE_CHOICES: readonly { role: UserRole; label: string }[] = [
  { role: 'user', label: '普通用户' },
  { role: 'admin', label: '管理员' },
  { role: 'judge', label: '评委' },
];

export function roleLabel(role: UserRole): string {
  return ROLE_CHOICES.find((c) => c.role === role)?.label ?? role;
}
