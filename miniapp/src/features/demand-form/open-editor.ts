// Opens 发布需求 on an existing demand (a draft to finish, or a rejected one to fix and resubmit).
// 发布需求 is a tab page: WeChat's navigateTo refuses tab pages and switchTab drops the query string, so the editor
// is reached with reLaunch, which accepts both (and gives the page a fresh load with the id).
import Taro from '@tarojs/taro';

export function editorUrl(demandId: string): string {
  return `/pages/post/index?id=${encodeURIComponent(demandId)}`;
}

export function openDemandEditor(demandId: string): Promise<unknown> {
  return Taro.reLaunch({ url: editorUrl(demandId) });
}
