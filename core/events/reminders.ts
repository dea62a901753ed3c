/** Reminders before the start (pure): which events a timer run should remind about. */
import type { EventDoc } from './model'
import { chinaClock, chinaParts, DAY_MS } from '../china-time'

export const REMIND_BEFORE_MS = DAY_MS

export function dueForReminder(e: Pick<EventDoc, 'status' | 'startAt' | 'remindedAt'>, now: number): boolean {
  return e.status === 'published' && !e.remindedAt && e.startAt > now && e.startAt - now <= REMIND_BEFORE_MS
}

export function reminderText(e: Pick<EventDoc, 'title' | 'place' | 'startAt'>): string {
  const { m, d } = chinaParts(e.startAt)
  return `您报名的「${e.title}」将于${m}月${d}日 ${chinaClock(e.startAt)} 在${e.place}开始，记得准时参加`
}

/** An event's end closes it: unused booth reservations expire, registered-but-absent become no-shows. */
export function dueForClose(e: Pick<EventDoc, 'endAt' | 'closedAt'>, now: number): boolean {
  return !e.closedAt && now >= e.endAt
}
