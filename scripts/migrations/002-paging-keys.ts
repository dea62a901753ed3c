/**
 * 002 翻页键: the lists page by a cursor over a stored key (core/contract/paging.ts: `timeKey(time, id)`),
 * written with each row since the paging change; rows written before it have none and would never be
 * listed (`key > cursor` leaves out a missing key). Each gets the key it would have been written with.
 */
import { EVENT_NOTICES, EVENTS, NOTICES, REGISTRATIONS, ADJUSTMENTS, TRANSFERS, USERS } from '../../core/collections'
import { timeKey } from '../../core/contract/paging'
import type { Doc } from '../../server/db'
import { fillEach, type MigrationContext, type PatchOf } from './pages'

/** `field` = timeKey(doc[time], _id) where it is missing. */
const keyed = (field: string, time: string): PatchOf => (d) => (d[field] === undefined ? { [field]: timeKey(d[time] ?? 0, d._id) } : null)

/** A person: the residents list (registered at), the volunteer applications (applied at). */
export function userKeys(u: Doc): Doc | null {
  const patch: Doc = { ...keyed('sortKey', 'createdAt')(u) }
  const v = u.volunteer
  if (v && v.sortKey === undefined) patch.volunteer = { ...v, sortKey: timeKey(v.appliedAt ?? 0, u._id) }
  return Object.keys(patch).length ? patch : null
}

/** An event: the events lists, by start time (kept with it: an event moved later gets its key again). */
export const eventKeys: PatchOf = (e) => {
  const key = timeKey(e.startAt ?? 0, e._id)
  return e.startKey === key ? null : { startKey: key }
}

export async function pagingKeys(m: MigrationContext): Promise<void> {
  await fillEach(m, USERS, userKeys)
  await fillEach(m, EVENTS, eventKeys)
  await fillEach(m, REGISTRATIONS, keyed('sortKey', 'createdAt'))
  await fillEach(m, ADJUSTMENTS, keyed('sortKey', 'createdAt'))
  await fillEach(m, TRANSFERS, keyed('sortKey', 'at'))
  await fillEach(m, NOTICES, keyed('sortKey', 'at'))
  await fillEach(m, EVENT_NOTICES, keyed('sortKey', 'at'))
}
