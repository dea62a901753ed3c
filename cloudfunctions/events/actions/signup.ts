/**
 * Sign up and cancel. Contention: a caller reads a few free seat ids outside the transaction and
 * claims `1 + family` of them at random inside it; a lost seat means pick again; no seats → the
 * waitlist (ordered by server time + a random tie-breaker). Overbooking is impossible: a seat
 * document holds one registration.
 */
import { randomBytes, randomInt } from 'node:crypto'
import { commonError } from '../../../core/contract/errors'
import { timeKey } from '../../../core/contract/paging'
import { canCancel, canSignUp, newCheckinToken, pickSeats, REGISTRATIONS, regId, regStartKey, SEATS, type eventsFn, type RegistrationDoc, type SeatDoc } from '../../../core/events'
import { eventsError } from '../../../core/events/contract'
import { takesPartHere } from '../../../core/users/caller'
import { getOrNull, setDoc, tx } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustSeeEvent } from '../../../server/event-access'
import { freeSeats, mustGetEvent, myRegView, settle } from '../store'

const ATTEMPTS = 8
const live = (r: RegistrationDoc | null): r is RegistrationDoc => !!r && r.status !== 'cancelled'

export const signUp: Handler<typeof eventsFn.signUp> = async (ctx, input) => {
  const now = ctx.now()
  const e = await mustSeeEvent(ctx, input.eventId)
  // a street admin reads the events of the communities they oversee; they sign up at home
  if (!takesPartHere(ctx.caller)) throw commonError('OTHER_COMMUNITY')
  const refusal = canSignUp(e, { roles: ctx.roles, gridId: ctx.user?.gridId }, now)
  if (refusal) throw eventsError(refusal)
  const id = regId(e._id, ctx.openid)
  const fresh: RegistrationDoc = {
    _id: id, communityId: e.communityId, eventId: e._id, openid: ctx.openid, name: ctx.user?.name ?? '', family: input.family, status: 'registered', seats: [],
    subscribed: input.subscribed, ciToken: newCheckinToken(randomBytes(10)), createdAt: now, updatedAt: now, sortKey: timeKey(now, id), eventStartKey: regStartKey(e.startAt, id),
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seats = pickSeats((await freeSeats(ctx.db, e)).map((s) => s._id), 1 + input.family)
    const saved = await tx(ctx.db, async (t) => {
      const [reg, ...ss] = await Promise.all([getOrNull<RegistrationDoc>(t, REGISTRATIONS, id), ...(seats ?? []).map((s) => getOrNull<SeatDoc>(t, SEATS, s))])
      // a retried sign-up is the same sign-up (read here, not before: one round trip fewer)
      if (live(reg)) return { ...reg, _id: id }
      // signing up again keeps the check-in code already shown (a screenshot still works)
      const before = reg as RegistrationDoc | null // a cancelled one
      const createdAt = before?.createdAt ?? now
      const base = { ...fresh, ciToken: before?.ciToken ?? fresh.ciToken, createdAt, sortKey: timeKey(createdAt, id) }
      if (!seats) {
        const waiting = { ...base, status: 'waiting' as const, waitAt: now, waitSeq: randomInt(1, 2 ** 47) }
        await setDoc(t, REGISTRATIONS, waiting)
        return waiting
      }
      if (ss.some((s) => !s || s.holder)) return null // lost a seat to someone else: pick again
      await Promise.all([setDoc(t, REGISTRATIONS, { ...base, seats }), ...ss.map((s, i) => setDoc(t, SEATS, { ...s!, _id: seats[i], holder: id }))])
      return { ...base, seats }
    })
    if (!saved) continue
    // a seat may have been freed between our read and joining the waitlist
    if (saved.status === 'waiting' && (await settle(ctx, e))) {
      const now2 = await getOrNull<RegistrationDoc>(ctx.db, REGISTRATIONS, id)
      return myRegView(ctx.db, now2 ?? saved)
    }
    return myRegView(ctx.db, saved)
  }
  throw commonError('BUSY')
}

export const cancel: Handler<typeof eventsFn.cancel> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  const id = regId(e._id, ctx.openid)
  const saved = await tx(ctx.db, async (t) => {
    const reg = await getOrNull<RegistrationDoc>(t, REGISTRATIONS, id)
    const refusal = canCancel(e, reg, ctx.now())
    if (refusal) throw eventsError(refusal)
    const r = { ...reg!, _id: id }
    const ss = await Promise.all(r.seats.map((s) => getOrNull<SeatDoc>(t, SEATS, s)))
    const out = { ...r, status: 'cancelled' as const, seats: [], updatedAt: ctx.now() }
    await Promise.all([
      setDoc(t, REGISTRATIONS, out),
      ...ss.map((s, i) => (s && s.holder === id ? setDoc(t, SEATS, { ...s, _id: r.seats[i], holder: null }) : null)),
    ])
    return out
  })
  await settle(ctx, e)
  return myRegView(ctx.db, saved)
}
