/**
 * 003 我报名的按日期: "my sign-ups" page by their events' dates (registrations' `eventStartKey`,
 * regStartKey(event's startAt, id), written with each sign-up since). Registrations written before
 * have none and would not be listed: each gets the key of its event's start.
 */
import { EVENTS, REGISTRATIONS } from '../../core/collections'
import { regStartKey } from '../../core/events/model'
import type { Doc } from '../../server/db'
import { eachPage, fillEach, type MigrationContext, type PatchOf } from './pages'

/** The key a registration should hold, given its event's start (null: its event is gone, nothing to list). */
export const signUpKey = (starts: Map<string, number>): PatchOf => (r: Doc) => {
  const startAt = starts.get(r.eventId)
  if (startAt === undefined) return null
  const key = regStartKey(startAt, r._id)
  return r.eventStartKey === key ? null : { eventStartKey: key }
}

export async function signUpsByDate(m: MigrationContext): Promise<void> {
  const starts = new Map<string, number>()
  await eachPage(m, EVENTS, async (events) => void events.forEach((e) => starts.set(e._id, e.startAt ?? 0)))
  await fillEach(m, REGISTRATIONS, signUpKey(starts))
}
