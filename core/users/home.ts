/**
 * Home's "等您办": what needs the person's own action, first on the page. Pure: the handler reads
 * the documents, these rules pick and order what to show.
 */
import { chinaDay } from '../china-time'
import type { EventDoc, RegistrationDoc } from '../events/model'

/** Registrations that still bring the person to an event (the waitlist does not). */
const COMING: RegistrationDoc['status'][] = ['registered', 'attended']

export interface TodayEvent {
  id: string
  title: string
  place: string
  startAt: number
  endAt: number
  checkedIn: boolean
}

/**
 * Events the person signed up for that are on today (China time) and not over yet, or running
 * now: soonest first.
 */
export function eventsToday(events: readonly EventDoc[], regs: readonly RegistrationDoc[], now: number): TodayEvent[] {
  const today = chinaDay(now)
  return regs
    .filter((r) => COMING.includes(r.status))
    .map((r) => ({ r, e: events.find((e) => e._id === r.eventId) }))
    .filter((x): x is { r: RegistrationDoc; e: EventDoc } => !!x.e && x.e.status === 'published' && x.e.endAt > now)
    .filter(({ e }) => chinaDay(e.startAt) === today || e.startAt <= now)
    .sort((a, b) => a.e.startAt - b.e.startAt)
    .map(({ r, e }) => ({ id: e._id, title: e.title, place: e.place, startAt: e.startAt, endAt: e.endAt, checkedIn: r.status === 'attended' }))
}
