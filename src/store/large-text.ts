import Taro from '@tarojs/taro'

/**
 * 大字模式: one remembered switch read by every page's <Page> wrapper. A tiny store (value +
 * listeners) because mini-program pages are separate trees with no shared React root.
 */
const KEY = 'linli.largeText'
const listeners = new Set<() => void>()
let value: boolean | undefined

export function isLargeText(): boolean {
  if (value === undefined) {
    try {
      value = Taro.getStorageSync(KEY) === true
    } catch {
      value = false
    }
  }
  return value
}

export function setLargeText(on: boolean): void {
  value = on
  Taro.setStorageSync(KEY, on)
  for (const l of listeners) l()
}

export function subscribeLargeText(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}
