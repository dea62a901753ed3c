import Taro from '@tarojs/taro'
import type { Category } from '@core/orders/categories'
import type { Relation, Urgency, When } from '@core/orders/vocab'

export interface Neighbour {
  name: string
  phone: string
  buildingId: string
  unitId: string
  room: string
  relation: Relation | ''
}

/** The form as typed so far; kept on the phone so a failed submit (or a closed app) loses nothing. */
export interface Draft {
  category: Category | null
  description: string
  urgency: Urgency
  when: When
  /** 代下单 */
  proxy: boolean
  /** The neighbour, as the contract's onBehalfOf (empty texts mean "not given"). */
  nb: Neighbour
  /** 门牌号 of one's own order: null until typed (the profile's then). */
  room: string | null
  /** Booked time (appointment categories), ms. */
  appointmentAt: number | null
}

const KEY = 'order-draft'
export const EMPTY: Draft = {
  category: null,
  description: '',
  urgency: 'normal',
  when: 'asap',
  proxy: false,
  nb: { name: '', phone: '', buildingId: '', unitId: '', room: '', relation: '' },
  room: null,
  appointmentAt: null,
}

export function loadDraft(): Draft {
  try {
    return { ...EMPTY, ...(Taro.getStorageSync(KEY) as Partial<Draft>) }
  } catch {
    return EMPTY
  }
}
export const saveDraft = (d: Draft) => Taro.setStorageSync(KEY, d)
export const clearDraft = () => Taro.removeStorageSync(KEY)
