// 关注 / 已关注 on a demand: needs a login, asks for status alerts on weapp, and shows the server's exact count.
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { toApiError } from '../../hooks/use-paged-list';
import { getSession } from '../../session/session';
import { askForStatusAlerts } from './status-alerts';

export interface FollowState {
  following: boolean;
  followerCount: number;
}

function askToLogIn(): void {
  void Taro.showToast({ title: '请先登录', icon: 'none' });
  void Taro.switchTab({ url: '/pages/me/index' });
}

export function useFollow(demandId: string, loaded: FollowState | undefined) {
  const [state, setState] = useState<FollowState | undefined>(loaded);
  const [busy, setBusy] = useState(false);
  // A second tap before the re-render must not send a second request.
  const inFlight = useRef(false);
  useEffect(() => setState(loaded), [loaded]);

  // Until the effect has copied the loaded state, the loaded one is the truth: a tap right after the page appears counts.
  const current = state ?? loaded;

  async function toggle(): Promise<void> {
    if (inFlight.current || !current) return;
    if (!getSession()) return askToLogIn();
    const follow = !current.following;
    inFlight.current = true;
    setBusy(true);
    try {
      // First, while still inside the tap (see status-alerts.ts).
      if (follow) await askForStatusAlerts();
      const res = follow
        ? await call('demandsFollow', { params: { id: demandId } })
        : await call('demandsUnfollow', { params: { id: demandId } });
      setState({ following: res.following, followerCount: res.followerCount });
      void Taro.showToast({ title: res.following ? '已关注' : '已取消关注', icon: 'none' });
    } catch (err) {
      const error = toApiError(err);
      if (error.status === 401) askToLogIn();
      else void Taro.showToast({ title: error.message, icon: 'none' });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return { state: current, busy, toggle };
}
