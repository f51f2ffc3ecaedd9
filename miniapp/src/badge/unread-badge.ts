// The red number on the 消息 tab. It is decoration: nothing here may fail a page, so every call is guarded
// (H5 without a tab bar, a page that is not a tab page, a logged-out user, a network error).
import Taro from '@tarojs/taro';
import { call } from '../api/client';
import { getSession } from '../session/session';

/** Position of 消息 in app.config.ts's tabBar list. */
export const INBOX_TAB_INDEX = 2;

export function badgeText(unread: number): string {
  return unread > 99 ? '99+' : String(unread);
}

/** Shows a known unread count (for example the one POST /me/notifications/read returns). */
export async function showUnreadBadge(unread: number): Promise<void> {
  try {
    if (unread > 0) await Taro.setTabBarBadge({ index: INBOX_TAB_INDEX, text: badgeText(unread) });
    else await Taro.removeTabBarBadge({ index: INBOX_TAB_INDEX });
  } catch {
    // No tab bar on this page or platform: there is nothing to update.
  }
}

export interface RefreshOptions {
  /**
   * Unread items the caller has just shown (a page of the inbox). The total cannot be lower, so the badge never
   * reads less than the list beside it, even if the count's index has not caught up yet.
   */
  atLeast?: number;
}

let running: Promise<void> | undefined;
let queued: Promise<void> | undefined;
let queuedFloor = 0;

async function fetchAndShow(atLeast: number): Promise<void> {
  try {
    const { unread } = await call('meNotificationsUnread');
    await showUnreadBadge(Math.max(unread, atLeast));
  } catch {
    // Keep the last badge: a failed count is not zero.
  } finally {
    running = undefined;
  }
}

/**
 * Asks the API for the unread count and shows it; clears the badge when nobody is logged in. The count shown is
 * always one asked for after the call: a count already on its way may predate what the caller has just seen (an alert
 * that arrived between the two requests), so a call made meanwhile asks once more when it is back. Calls made
 * meanwhile share that one request.
 */
export function refreshUnreadBadge({ atLeast = 0 }: RefreshOptions = {}): Promise<void> {
  if (!getSession()) return showUnreadBadge(0);
  if (!running) {
    running = fetchAndShow(atLeast);
    return running;
  }
  queuedFloor = Math.max(queuedFloor, atLeast);
  queued ??= running.then(() => {
    const floor = queuedFloor;
    queued = undefined;
    queuedFloor = 0;
    return refreshUnreadBadge({ atLeast: floor });
  });
  return queued;
}
