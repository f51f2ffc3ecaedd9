// The red number on the 消息 tab. It is decoration: nothing here may fail a page, so every call is guarded
// (H5 without a tab bar, a page that is not a tab page, a logged-out user, a network error).
import Taro from '@tarojs/taro';
import { api } from '../api/client';
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

let inFlight: Promise<void> | undefined;

/** Asks the API for the unread count and shows it; clears the badge when nobody is logged in. */
export function refreshUnreadBadge(): Promise<void> {
  if (!getSession()) return showUnreadBadge(0);
  // Two tab pages showing at once must not ask twice.
  inFlight ??= (async () => {
    try {
      const { unread } = await api.unreadCount();
      await showUnreadBadge(unread);
    } catch {
      // Keep the last badge: a failed count is not zero.
    } finally {
      inFlight = undefined;
    }
  })();
  return inFlight;
}
