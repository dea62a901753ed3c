import Taro from '@tarojs/taro'
import type { Category } from '@core/orders/categories'
import type { Urgency, When } from '@core/orders/vocab'

/** The form as typed so far; kept on the phone so a failed submit (or a closed app) loses nothing. */
export interface Draft {
  category: Category | null
  description: string
  urgency: Urgency
  when: When
  /** 代下单 */
  proxy: boolean
  neighbourName: string
  neighbourPhone: string
  neighbourBuilding: string
}

const KEY = 'order-draft'
export const EMPTY: Draft = { category: null, description: '', urgency: 'normal', when: 'asap', proxy: false, neighbourName: '', neighbourPhone: '', neighbourBuilding: '' }

export function loadDraft(): Draft {
  try {
    return { ...EMPTY, ...(Taro.getStorageSync(KEY) as Partial<Draft>) }
  } catch {
    return EMPTY
  }
}
export const saveDraft = (d: Draft) => Taro.setStorageSync(KEY, d)
export const clearDraft = () => Taro.removeStorageSync(KEY)
