// Asks before something that cannot be taken back (关闭, 删除, 注销): WeChat's modal with its confirm button in the brand
// red (--color-brand; the modal takes a literal colour, not a CSS variable).
import Taro from '@tarojs/taro';

export interface ConfirmOptions {
  title: string;
  content: string;
  /** The verb on the button: 关闭, 删除, 注销. */
  confirmText: string;
}

/** Resolves true when the person confirms. */
export async function confirmDestructive(options: ConfirmOptions): Promise<boolean> {
  const { confirm } = await Taro.showModal({ ...options, confirmColor: '#c8102e' });
  return confirm;
}
