/**
 * How an event travels outside the app: the share card a WeChat friend or group sees, and the
 * poster code (wxacode) on the notice board, whose `scene` carries the event id to the event page.
 */
import { dateLabel, toPicked } from './times'

export const EVENT_PAGE = 'pages/events/detail/index'

export interface Shareable {
  id: string
  title: string
  place: string
  startAt: number
  status: string
}

/** '重阳节义诊｜12月8日 周二 14:30｜社区活动室': what, when (China time), where; a cancelled one says so. */
export function shareCard(e: Shareable): { title: string; path: string } {
  const { date, time } = toPicked(e.startAt)
  const title = `${e.status === 'cancelled' ? '（已取消）' : ''}${e.title}｜${dateLabel(date)} ${time}｜${e.place}`
  return { title, path: `/${EVENT_PAGE}?id=${encodeURIComponent(e.id)}` }
}

/** The poster code's scene: the event id itself (WeChat allows 32 visible characters). */
export const posterScene = (eventId: string): string => eventId

/**
 * The event a page was opened for: `id` from a link or a share card, or `scene` from a poster code
 * (WeChat hands it over URL-encoded).
 */
export function eventIdOf(params: { id?: string; scene?: string }): string {
  if (params.id) return params.id
  if (!params.scene) return ''
  try {
    return decodeURIComponent(params.scene)
  } catch {
    return ''
  }
}
