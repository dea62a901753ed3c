/**
 * Check-in: the attendee types/scans the event's rotating code, or staff scan the attendee's
 * personal code, or staff add a walk-in. The registration flips to attended and the attendance
 * award rides in the same transaction with key `award:event:<eventId>:<openid>`: exactly once.
 */
import { acceptsCode, MAX_CODE_TRIES, personalCode, REGISTRATIONS, regId, rotatingCode, verifyPersonalCode, type EventDoc, type eventsFn, type RegistrationDoc } from '../../../core/events'
import { eventsError } from '../../../core/events/contract'
import { attendanceKey, awardTransfer } from '../../../core/points'
import type { UserDoc } from '../../../core/users/model'
import { USERS } from '../../../server/context'
import type { Ctx } from '../../../server/context'
import { getOrNull, setDoc, tx } from '../../../server/db'
import { applyTransfer, communityId, loadRules } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { hmacOf, mustGetEvent } from '../store'

/** Check-in opens an hour before the start and closes at the end. */
const OPEN_BEFORE_MS = 3600 * 1000

function mustBeOpen(e: EventDoc, now: number): void {
  if (now < e.startAt - OPEN_BEFORE_MS || now > e.endAt) throw eventsError('NOT_OPEN')
}

type Via = 'event-code' | 'staff'

async function attend(ctx: Ctx, e: EventDoc, who: { openid: string; name: string }, walkIn: boolean, via: Via) {
  const rules = await loadRules(ctx.db)
  const id = regId(e._id, who.openid)
  const now = ctx.now()
  return tx(ctx.db, async (t) => {
    const reg = await getOrNull<RegistrationDoc>(t, REGISTRATIONS, id)
    if (reg?.status === 'attended') return { name: reg.name, status: reg.status, awarded: 0, already: true }
    if (!walkIn && reg?.status !== 'registered') throw eventsError('NOT_SIGNED_UP')
    if (via === 'event-code' && (reg?.codeTries ?? 0) >= MAX_CODE_TRIES) throw eventsError('TOO_MANY_TRIES')
    const out: RegistrationDoc = {
      ...(reg ?? { eventId: e._id, openid: who.openid, name: who.name, family: 0, seats: [], createdAt: now, walkIn: true }),
      _id: id,
      status: 'attended',
      checkedInAt: now,
      checkedInBy: ctx.openid,
      updatedAt: now,
    }
    let awarded = 0
    if (e.points > 0) {
      const award = awardTransfer({ communityId: communityId(), openid: who.openid, amount: e.points, at: now, source: { kind: 'event', id: e._id }, reason: `参加活动：${e.title}`, key: attendanceKey(e._id, who.openid) })
      const r = await applyTransfer(t, award, rules, { guarded: true }) // the registration read above is written with the award
      if (r.ok && !r.replay) awarded = r.transfer.amount
    }
    await setDoc(t, REGISTRATIONS, out)
    return { name: out.name, status: out.status, awarded, already: false }
  })
}

export const checkIn: Handler<typeof eventsFn.checkIn> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  mustBeOpen(e, ctx.now())
  if (!acceptsCode(hmacOf(e), e._id, input.code, ctx.now())) {
    // Counted on the registration (no extra read on the right-code path); a missing one updates nothing.
    await ctx.db.collection(REGISTRATIONS).doc(regId(e._id, ctx.openid)).update({ data: { codeTries: ctx.db.command.inc(1) } })
    throw eventsError('CODE_WRONG')
  }
  return attend(ctx, e, { openid: ctx.openid, name: ctx.user?.name ?? '' }, false, 'event-code')
}

export const staffCheckIn: Handler<typeof eventsFn.staffCheckIn> = async (ctx, input) => {
  if ('code' in input) {
    const eventId = /^linli:ci:([^:]+):/.exec(input.code)?.[1]
    const e = eventId ? await getOrNull<EventDoc>(ctx.db, 'events', eventId) : null
    const who = e && verifyPersonalCode(hmacOf(e), input.code)
    if (!e || !who) throw eventsError('CODE_WRONG')
    mustBeOpen({ ...e, _id: eventId! }, ctx.now())
    return attend(ctx, { ...e, _id: eventId! }, { openid: who.openid, name: '' }, false, 'staff')
  }
  const e = await mustGetEvent(ctx.db, input.eventId)
  mustBeOpen(e, ctx.now())
  const user = await getOrNull<UserDoc>(ctx.db, USERS, input.openid)
  if (!user) throw eventsError('TARGET_NOT_REGISTERED')
  return attend(ctx, e, { openid: input.openid, name: user.name }, true, 'staff')
}

export const myCode: Handler<typeof eventsFn.myCode> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  const reg = await getOrNull<RegistrationDoc>(ctx.db, REGISTRATIONS, regId(e._id, ctx.openid))
  if (!reg || (reg.status !== 'registered' && reg.status !== 'attended')) throw eventsError('NOT_SIGNED_UP')
  return { code: personalCode(hmacOf(e), e._id, ctx.openid) }
}

export const checkinCode: Handler<typeof eventsFn.checkinCode> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  return rotatingCode(hmacOf(e), e._id, ctx.now())
}
