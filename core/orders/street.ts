/**
 * The street office's clocks on an escalated 大事: answer within a day, see it closed within a
 * week, counted from when the community sent it up. Late is judged at `now` (no timer writes it).
 */
import type { Order } from './model'

const HOUR = 3_600_000
export const STREET_CLOCKS = { respondHours: 24, solveHours: 7 * 24 }

export function streetClock(o: Pick<Order, 'street' | 'status' | 'updatedAt'>, now: number, clocks = STREET_CLOCKS) {
  const since = o.street?.since ?? o.updatedAt
  const respondBy = since + clocks.respondHours * HOUR
  const solveBy = since + clocks.solveHours * HOUR
  const answeredAt = o.street?.answeredAt ?? null
  const closedAt = o.status === 'closed' ? o.updatedAt : null
  return {
    respondBy,
    solveBy,
    respondLate: (answeredAt ?? now) > respondBy,
    solveLate: (closedAt ?? now) > solveBy,
  }
}
