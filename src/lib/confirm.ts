import Taro from '@tarojs/taro'

/** Ask before something that cannot be undone: plain words, the consequence, and two clear choices. */
export async function confirmFirst(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' }).catch(() => null)
  return !!r?.confirm
}
