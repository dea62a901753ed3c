/**
 * The sessions a series keeps ahead: the timer makes each one an event (kind 议事会) under the id
 * planned here, so making the window twice writes nothing new, and a session moved by the holiday
 * table keeps its id (its rule day).
 */
import { chinaDay, chinaInstant, DAY_MS } from '../china-time'
import { plannedDays, type HolidayPolicy, type HolidayTable, type SeriesRule } from './calendar'

/** How far ahead sessions are kept. */
export const WEEKS_AHEAD = 8

export interface SeriesTimes {
  _id: string
  rule: SeriesRule
  holidays: HolidayPolicy
  /** China time of day it starts, 'HH:mm'. */
  startTime: string
  minutes: number
  /** Topics (and supports) close this many hours before it starts. */
  cutoffHours: number
}

export interface SessionPlan {
  /** `<seriesId>-<ruleDay as YYYYMMDD>`: the event's id (letters, digits and '-', as ids are). */
  id: string
  ruleDay: string
  day: string
  startAt: number
  endAt: number
  /** Topics and supports for it close here. */
  cutoffAt: number
}

export const sessionId = (seriesId: string, ruleDay: string): string => `${seriesId}-${ruleDay.replace(/-/g, '')}`

/** The series' sessions from today (China day of `now`) for WEEKS_AHEAD weeks, those not yet started. */
export function sessionsAhead(s: SeriesTimes, table: HolidayTable, now: number, weeks = WEEKS_AHEAD): SessionPlan[] {
  const from = chinaDay(now)
  const to = chinaDay(now + (weeks * 7 - 1) * DAY_MS)
  const [h, min] = s.startTime.split(':').map(Number)
  return plannedDays(s.rule, s.holidays, table, from, to)
    .map(({ day, ruleDay }) => {
      const [y, m, d] = day.split('-').map(Number)
      const startAt = chinaInstant({ y, m, d, h, min })
      return { id: sessionId(s._id, ruleDay), ruleDay, day, startAt, endAt: startAt + s.minutes * 60_000, cutoffAt: startAt - s.cutoffHours * 3_600_000 }
    })
    .filter((p) => p.startAt > now)
}
