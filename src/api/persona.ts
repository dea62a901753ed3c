import Taro from '@tarojs/taro'
import { queries } from '@/lib/query-cache'

/**
 * H5 dev only: which demo persona (OPENID) the browser acts as. The local cloud's dev entry
 * takes it as the caller. The weapp build takes persona.weapp.ts instead (the caller is the real WeChat user).
 */
const KEY = 'linli.dev.openid'

export function getDevOpenid(): string {
  try {
    return (Taro.getStorageSync(KEY) as string) || ''
  } catch {
    return ''
  }
}

/** Act as another person: what was fetched for the last one is forgotten. */
export function setDevOpenid(openid: string): void {
  Taro.setStorageSync(KEY, openid)
  queries.clear()
}
