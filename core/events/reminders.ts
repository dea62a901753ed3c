/** Reminders before the start (pure): which events a timer run should remind about. */
import type { EventDoc } from './model'

export const REMIND_BEFORE_MS = 24 * 3600 * 1000

export function dueForReminder(e: Pick<EventDoc, 'status' | 'startAt' | 'remindedAt'>, now: number): boolean {
  return e.status === 'published' && !e.remindedAt && e.startAt > now && e.startAt - now <= REMIND_BEFORE_MS
}

export function reminderText(e: Pick<EventDoc, 'title' | 'place' | 'startAt'>): string {
  const d = new Date(e.startAt + 8 * 3600 * 1000)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `您报名的「${e.title}」将于${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm} 在${e.place}开始，记得准时参加`
}

/** An event's end closes it: unused booth reservations expire, registered-but-absent become no-shows. */
export function dueForClose(e: Pick<EventDoc, 'endAt' | 'closedAt'>, now: number): boolean {
  return !e.closedAt && now >= e.endAt
}
