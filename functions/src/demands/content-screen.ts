// Screens a demand's text with WeChat's msg_sec_check before it reaches the review queue. The check needs the
// submitter's openid; without one (a dev login) or when WeChat cannot be reached, the demand is not lost: it goes to
// the queue flagged "unchecked" for a person to look at.
import type { UserRepository } from '../auth/user.repository';
import { log } from '../log/logger';
import type { ContentSafetyPort } from './content-safety.port';
import type { ContentScreen } from './demand.service';

export function createContentScreen(deps: { users: Pick<UserRepository, 'get'>; safety: ContentSafetyPort }): ContentScreen {
  return async (author, text) => {
    const user = await deps.users.get(author.id);
    if (!user?.openid) return 'unchecked';
    const verdict = await deps.safety.check({ openid: user.openid, title: text.title, content: text.description });
    if (verdict.kind === 'unavailable') {
      log.warn('content_check.unavailable', { detail: verdict.detail });
      return 'unchecked';
    }
    return verdict.suggest === 'pass' ? 'pass' : verdict.suggest;
  };
}
