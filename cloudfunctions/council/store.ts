/** 议事协商 as stored: series (`council_series`) and the holiday table per community and year (`council_holidays/<communityId>:<year>`). */
import { COUNCIL_AGENDAS, COUNCIL_HOLIDAYS, COUNCIL_SERIES, EVENTS } from '../../core/collections'
import { chinaYear } from '../../core/china-time'
import type { HolidayTable } from '../../core/council/calendar'
import type { seriesInput } from '../../core/council/contract'
import { sessionsAhead, WEEKS_AHEAD, type SessionPlan } from '../../core/council/sessions'
import { rows, type Db } from '../../server/db'
import type * as z from 'zod'

export { COUNCIL_HOLIDAYS, COUNCIL_SERIES }

export type SeriesDoc = Omit<z.output<typeof seriesInput>, 'seriesId'> & {
  _id: string
  communityId: string
  streetId: string
  createdBy: string
  createdAt: number
  updatedAt: number
}

export const holidaysId = (communityId: string, year: number) => `${communityId}:${year}`

/** The community's table for the years the window ahead touches (this year and, near its end, the next). */
export async function holidayTable(db: Db, communityId: string, now: number): Promise<HolidayTable> {
  const years = [...new Set([chinaYear(now), chinaYear(now + WEEKS_AHEAD * 7 * 86_400_000)])]
  const docs = await rows<HolidayTable>(db.collection(COUNCIL_HOLIDAYS).where({ _id: db.command.in(years.map((y) => holidaysId(communityId, y))) }).limit(10))
  return { holidays: docs.flatMap((d) => d.holidays), workdays: docs.flatMap((d) => d.workdays) }
}

export const activeSeries = (db: Db, communityId: string) => rows<SeriesDoc>(db.collection(COUNCIL_SERIES).where({ communityId, active: true }).limit(100))

/** A series as staff see it, with its next sessions as planned now. */
export function seriesViewOf(s: SeriesDoc, table: HolidayTable, now: number, next: SessionPlan[] = sessionsAhead(s, table, now)) {
  const { streetId: _street, createdBy: _by, createdAt: _at, updatedAt: _up, ...view } = s
  return { ...view, next: s.active ? next.map((p) => ({ id: p.id, day: p.day, startAt: p.startAt })) : [] }
}

/**
 * The earliest coming session of the community's 议事会 series: for a topic just accepted, one whose
 * topic cutoff is still ahead and whose agenda is not yet set; for a topic carried over, any other
 * that has not started (it needs no supports).
 */
export async function nextSession(db: Db, communityId: string, now: number, need: 'cutoff' | 'start', other?: string): Promise<{ id: string; cutoffAt: number } | null> {
  const [series, table] = await Promise.all([activeSeries(db, communityId), holidayTable(db, communityId, now)])
  const open = series
    .filter((s) => s.kind === 'decide')
    .flatMap((s) => sessionsAhead(s, table, now))
    .filter((p) => (need === 'cutoff' ? p.cutoffAt : p.startAt) > now && p.id !== other)
    .sort((a, b) => a.cutoffAt - b.cutoffAt || a.id.localeCompare(b.id))
    .slice(0, 20)
  if (!open.length) return null
  const ids = open.map((p) => p.id)
  // as made: a session already started, cancelled, or with its agenda set takes no more topics
  const [events, agendas] = await Promise.all([
    rows<{ _id: string; startAt: number; status: string }>(db.collection(EVENTS).where({ _id: db.command.in(ids) }).field({ startAt: true, status: true }).limit(20)),
    need === 'cutoff' ? rows<{ _id: string }>(db.collection(COUNCIL_AGENDAS).where({ _id: db.command.in(ids) }).field({ _id: true }).limit(20)) : [],
  ])
  const made = new Map(events.map((e) => [e._id, e]))
  const closed = new Set(agendas.map((a) => a._id))
  const first = open.find((p) => !closed.has(p.id) && (!made.has(p.id) || (made.get(p.id)!.status === 'published' && made.get(p.id)!.startAt > now)))
  return first ? { id: first.id, cutoffAt: first.cutoffAt } : null
}
