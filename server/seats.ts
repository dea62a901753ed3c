/** An event's seat documents (core/events/model: `seat:<eventId>:<n>`, each held by at most one registration). */
import { SEATS, seatId } from '../core/events'
import { errorText, type Db } from './db'

/**
 * Create the seats an event has, each only if it is missing: a seat that exists (someone may hold
 * it) is never written again, so making the seats twice — a timer run and an admin's overlapping —
 * cannot free a held seat.
 */
export async function createSeats(db: Db, eventId: string, capacity: number, communityId: string): Promise<void> {
  for (let i = 0; i < capacity; i += 20) {
    const n = Math.min(20, capacity - i)
    await Promise.all(
      Array.from({ length: n }, async (_, k) => {
        try {
          await db.collection(SEATS).add({ data: { _id: seatId(eventId, i + k), communityId, eventId, n: i + k, holder: null } })
        } catch (err) {
          if (!/duplicate key/i.test(errorText(err))) throw err
        }
      }),
    )
  }
}
