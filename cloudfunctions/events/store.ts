/** Events on the database: loading, views, notices and waitlist promotion (shared by the actions and timers). */
import { createHmac } from 'node:crypto'
import { commonError } from '../../core/contract/errors'
import {
  EVENTS,
  planPromotions,
  REGISTRATIONS,
  SEATS,
  waitOrder,
  type EventDoc,
  type RegistrationDoc,
  type SeatDoc,
} from '../../core/events'
import { GIFTS, type GiftDoc } from '../../core/gifts'
import type { Ctx } from '../../server/context'
import { countOf, getOrNull, rows, setDoc, tx, type Db } from '../../server/db'
import { boothRemaining, spreadFree } from '../../server/booth'
import { notify } from '../../server/event-changes'

export { notify }

export const hmacOf = (e: Pick<EventDoc, 'secret'>) => (m: string) => createHmac('sha256', e.secret).update(m).digest('hex')

export async function mustGetEvent(db: Db, id: string): Promise<EventDoc> {
  const e = await getOrNull<EventDoc>(db, EVENTS, id)
  if (!e) throw commonError('NOT_FOUND')
  return { ...e, _id: id }
}

export const freeSeats = (db: Db, e: Pick<EventDoc, '_id' | 'capacity'>, limit = 40) => spreadFree<SeatDoc>(db, SEATS, { eventId: e._id, holder: null }, e.capacity, limit)

/** 1-based place in the waitlist (server time, then tie-breaker). */
export async function waitPosition(db: Db, r: RegistrationDoc): Promise<number | null> {
  if (r.status !== 'waiting') return null
  const _ = db.command
  const ahead = _.or([{ waitAt: _.lt(r.waitAt ?? 0) }, { waitAt: r.waitAt ?? 0, waitSeq: _.lt(r.waitSeq ?? 0) }])
  return 1 + (await countOf(db.collection(REGISTRATIONS).where(_.and([{ eventId: r.eventId, status: 'waiting' }, ahead]))))
}

export async function myRegView(db: Db, r: RegistrationDoc) {
  return { status: r.status, family: r.family, position: await waitPosition(db, r), checkedInAt: r.checkedInAt ?? null }
}

export async function eventView(db: Db, e: EventDoc, opts: { openid?: string; detail?: boolean } = {}) {
  const _ = db.command
  const gifts = e.booths.length ? await rows<GiftDoc>(db.collection(GIFTS).where({ _id: _.in(e.booths.map((b) => b.giftId)) }).limit(20)) : []
  const booths = await Promise.all(
    e.booths.map(async (b) => {
      const g = gifts.find((x) => x._id === b.giftId)
      const left = opts.detail ? await boothRemaining(db, e._id, b.giftId) : undefined
      return { giftId: b.giftId, giftName: g?.name ?? '礼品', price: g?.price ?? 0, stock: b.stock, left }
    }),
  )
  const base = {
    id: e._id, kind: e.kind, title: e.title, place: e.place, startAt: e.startAt, endAt: e.endAt, deadline: e.deadline,
    capacity: e.capacity, audience: e.audience, points: e.points, booths, status: e.status, cancelReason: e.cancelReason ?? null,
  }
  if (!opts.detail) return base
  const [seatsLeft, reg] = await Promise.all([
    countOf(db.collection(SEATS).where({ eventId: e._id, holder: null })),
    opts.openid ? getOrNull<RegistrationDoc>(db, REGISTRATIONS, `reg:${e._id}:${opts.openid}`) : null,
  ])
  return { ...base, seatsLeft, mine: reg ? await myRegView(db, reg) : null }
}

/**
 * Fill free seats from the waitlist, in order. Each promotion is its own transaction on known ids
 * (the registration and its seats), so racing promoters and cancellers can never double-book.
 */
export async function settle(ctx: Pick<Ctx, 'db' | 'now'>, e: EventDoc): Promise<number> {
  let promoted = 0
  for (let round = 0; round < 10; round++) {
    const waiting = await rows<RegistrationDoc>(
      ctx.db.collection(REGISTRATIONS).where({ eventId: e._id, status: 'waiting' }).orderBy('waitAt', 'asc').orderBy('waitSeq', 'asc').limit(20),
    )
    if (!waiting.length) return promoted
    const free = (await freeSeats(ctx.db, e)).map((s) => s._id)
    const plan = planPromotions(waiting.sort(waitOrder), free.length)
    if (!plan.length) return promoted
    let lost = false
    for (const r of plan) {
      const seats = free.splice(0, 1 + r.family)
      const ok = await tx(ctx.db, async (t) => {
        const [reg, ...ss] = await Promise.all([getOrNull<RegistrationDoc>(t, REGISTRATIONS, r._id), ...seats.map((id) => getOrNull<SeatDoc>(t, SEATS, id))])
        if (!reg || reg.status !== 'waiting' || ss.some((s) => !s || s.holder)) return false
        await Promise.all([
          setDoc(t, REGISTRATIONS, { ...reg, _id: r._id, status: 'registered', seats, updatedAt: ctx.now() }),
          ...ss.map((s, i) => setDoc(t, SEATS, { ...s!, _id: seats[i], holder: r._id })),
        ])
        return true
      }).catch(() => false)
      if (!ok) {
        lost = true
        break
      }
      promoted++
      await notify(ctx.db, { id: `promoted:${r._id}`, to: r.openid, kind: 'event_promoted', title: '候补成功，您已报上名', body: `「${e.title}」有人取消，您已从候补转为报名成功`, eventId: e._id, communityId: e.communityId, at: ctx.now() })
    }
    if (!lost && plan.length === waiting.length) return promoted
  }
  return promoted
}
