/**
 * Check-in: the attendee types/scans the event's rotating code, or staff scan the attendee's
 * personal code, or staff add a walk-in. One transaction reads the registration and the counter that
 * applies (the person's wrong tries, or the staff member's walk-ins for this event), decides with
 * the pure planCheckIn, and writes: the registration as attended, the counter, and the attendance
 * award with key `award:event:<eventId>:<openid>` — exactly once. A refusal that counts a wrong try
 * commits the count first and is then answered.
 */
import { randomBytes } from 'node:crypto'
import {
  acceptsCode,
  attendeeCode,
  regStartKey,
  CODE_TRIES,
  newCheckinToken,
  earnsAttendance,
  inAudience,
  planCheckIn,
  REGISTRATIONS,
  regId,
  rotatingCode,
  tokenOf,
  triesId,
  WALKINS,
  walkInsId,
  type CheckInRefusal,
  type CounterDoc,
  type EventDoc,
  type eventsFn,
  type RegistrationDoc,
} from '../../../core/events'
import { timeKey } from '../../../core/contract/paging'
import { eventsError } from '../../../core/events/contract'
import { commonError } from '../../../core/contract/errors'
import { ADJUST_QUOTA, attendanceKey, awardTransfer, quotaId } from '../../../core/points'
import { callerFrom } from '../../../core/users/caller'
import { rolesOf, type UserDoc } from '../../../core/users/model'
import { USERS, type Ctx } from '../../../server/context'
import { getOrNull, rows, setDoc, tx } from '../../../server/db'
import { applyTransfer, loadRules } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'
import { mustGetManaged } from '../../../server/event-access'
import { hmacOf, mustGetEvent } from '../store'

/** Check-in opens an hour before the start and closes at the end; walk-ins only once it has started. */
const OPEN_BEFORE_MS = 3600 * 1000

function mustBeOpen(e: EventDoc, now: number, walkIn = false): void {
  if (e.status !== 'published') throw eventsError('EVENT_CANCELLED')
  if (now > e.endAt || now < e.startAt - (walkIn ? 0 : OPEN_BEFORE_MS)) throw eventsError(walkIn ? 'WALKIN_NOT_OPEN' : 'NOT_OPEN')
}


type Way = { kind: 'code'; right: boolean } | { kind: 'staff'; token: string } | { kind: 'walk-in' }
interface Attendee {
  openid: string
  name: string
  /** false for staff who run this event: attendance recorded, no points. */
  earns: boolean
}

async function attend(ctx: Ctx, e: EventDoc, who: Attendee, way: Way) {
  const rules = await loadRules(ctx.db, { communityId: e.communityId, streetId: e.streetId })
  const id = regId(e._id, who.openid)
  const now = ctx.now()
  const counter =
    way.kind === 'code' ? { c: CODE_TRIES, id: triesId(e._id, who.openid) } : way.kind === 'walk-in' ? { c: WALKINS, id: walkInsId(e._id, ctx.openid) } : null
  // points for a walk-in are decided by the staff member alone, like an adjustment: they count
  // against the same daily allowance (core/points/adjustments), read and raised in this transaction
  const quota = way.kind === 'walk-in' && e.points > 0 && who.earns ? quotaId(ctx.openid, now) : null
  const out = await tx(ctx.db, async (t) => {
    const [reg, count, used] = await Promise.all([
      getOrNull<RegistrationDoc>(t, REGISTRATIONS, id),
      counter ? getOrNull<CounterDoc>(t, counter.c, counter.id) : null,
      quota ? getOrNull<{ used: number }>(t, ADJUST_QUOTA, quota) : null,
    ])
    const n = count?.count ?? 0
    const plan = planCheckIn(
      reg,
      way.kind === 'code' ? { ...way, tries: n } : way.kind === 'walk-in' ? { kind: 'walk-in', added: n, limit: rules.walkInLimit } : way,
    )
    // the scanned code must still be this registration's (read again here, in the transaction)
    if (way.kind === 'staff' && reg?.ciToken !== way.token) return { refused: 'CODE_WRONG' as const }
    if (plan.kind === 'already') return { name: reg!.name, status: reg!.status, awarded: 0, already: true, note: null }
    if (plan.kind === 'refuse') {
      if (plan.countTry) await setDoc(t, counter!.c, { _id: counter!.id, communityId: e.communityId, count: n + 1 })
      return { refused: plan.code }
    }
    const saved: RegistrationDoc = {
      ...(reg ?? { communityId: e.communityId, eventId: e._id, openid: who.openid, name: who.name, family: 0, seats: [], createdAt: now, sortKey: timeKey(now, id), eventStartKey: regStartKey(e.startAt, id) }),
      _id: id,
      status: 'attended',
      walkIn: plan.walkIn || !!reg?.walkIn,
      ...(plan.walkIn ? { walkInBy: ctx.openid } : {}),
      checkedInAt: now,
      checkedInBy: ctx.openid,
      updatedAt: now,
    }
    let awarded = 0
    const allowance = plan.walkIn && quota ? rules.adjustDailyLimit - (used?.used ?? 0) : Infinity
    if (e.points > 0 && who.earns && e.points <= allowance) {
      const award = awardTransfer({ communityId: e.communityId, openid: who.openid, amount: e.points, at: now, source: { kind: 'event', id: e._id }, reason: `参加活动：${e.title}`, key: attendanceKey(e._id, who.openid) })
      const r = await applyTransfer(t, award, rules, { guarded: true }) // the registration read above is written with the award
      if (r.ok && !r.replay) awarded = r.transfer.amount
    }
    // a code check-in counts as a try too: racing guesses then all write the same document and
    // conflict, so a burst cannot slip a right code past the limit (each try is serialised)
    const counts = plan.walkIn || way.kind === 'code'
    await Promise.all([
      setDoc(t, REGISTRATIONS, { ...saved, awarded }),
      counts ? setDoc(t, counter!.c, { _id: counter!.id, communityId: e.communityId, count: n + 1 }) : null,
      plan.walkIn && quota && awarded ? setDoc(t, ADJUST_QUOTA, { _id: quota, communityId: e.communityId, used: (used?.used ?? 0) + awarded }) : null,
    ])
    const note = e.points === 0 || awarded > 0 ? null : !who.earns ? '工作人员不获得自己负责的活动的签到积分' : e.points > allowance ? '您今天登记发放的积分已到上限，这次只记到场、不发积分' : '今天获得的积分已达上限，签到积分没有发放'
    return { name: saved.name, status: saved.status, awarded, already: false, note }
  })
  if ('refused' in out) throw eventsError(out.refused as CheckInRefusal)
  return out
}

export const checkIn: Handler<typeof eventsFn.checkIn> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  mustBeOpen(e, ctx.now())
  const right = acceptsCode(hmacOf(e), e._id, input.code, ctx.now())
  return attend(ctx, e, { openid: ctx.openid, name: ctx.user?.name ?? '', earns: earnsAttendance(ctx.caller, e) }, { kind: 'code', right })
}

/** Staff only check in for events they run, never themselves; the person must be registered. */
async function mustBeAttendee(ctx: Ctx, openid: string): Promise<UserDoc> {
  if (openid === ctx.openid) throw eventsError('SELF_DEALING')
  const user = await getOrNull<UserDoc>(ctx.db, USERS, openid)
  if (!user) throw eventsError('TARGET_NOT_REGISTERED')
  return { ...user, _id: openid }
}

/** The attendee as a caller acting in the event's community (staff who run it there earn nothing, wherever they chose to act). */
const attendeeAt = (e: EventDoc, user: UserDoc) => callerFrom(user._id, { ...user, acting: { communityId: e.communityId, streetId: e.streetId } })

/** The registration a scanned attendee code belongs to: this event's, another event's, or none. */
async function registrationOfToken(ctx: Ctx, e: EventDoc, code: string): Promise<RegistrationDoc> {
  const token = tokenOf(code)
  const [reg] = token ? await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ ciToken: token }).limit(1)) : []
  if (!reg) throw eventsError('CODE_WRONG')
  if (reg.eventId !== e._id) throw eventsError('OTHER_EVENT')
  return reg
}

export const staffCheckIn: Handler<typeof eventsFn.staffCheckIn> = async (ctx, input) => {
  if ('code' in input) {
    const e = await mustGetManaged(ctx, ctx.db, input.eventId)
    const reg = await registrationOfToken(ctx, e, input.code)
    const user = await mustBeAttendee(ctx, reg.openid)
    mustBeOpen(e, ctx.now())
    return attend(ctx, e, { openid: reg.openid, name: user.name, earns: earnsAttendance(attendeeAt(e, user), e) }, { kind: 'staff', token: reg.ciToken! })
  }
  const e = await mustGetManaged(ctx, ctx.db, input.eventId)
  const user = await mustBeAttendee(ctx, input.openid)
  // walk-in points are the staff member's word alone: only for people of the event's community
  if (user.communityId !== e.communityId) throw commonError('OTHER_COMMUNITY')
  mustBeOpen(e, ctx.now(), true)
  if (!inAudience(e.audience, { roles: rolesOf(user), gridId: user.gridId })) throw eventsError('NOT_IN_AUDIENCE')
  return attend(ctx, e, { openid: input.openid, name: user.name, earns: earnsAttendance(attendeeAt(e, user), e) }, { kind: 'walk-in' })
}

/** The attendee's QR text; a registration from before tokens gets its token here, once. */
export const myCode: Handler<typeof eventsFn.myCode> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  const id = regId(e._id, ctx.openid)
  const token = await tx(ctx.db, async (t) => {
    const reg = await getOrNull<RegistrationDoc>(t, REGISTRATIONS, id)
    if (!reg || (reg.status !== 'registered' && reg.status !== 'attended')) return null
    if (reg.ciToken) return reg.ciToken
    const fresh = newCheckinToken(randomBytes(10))
    await setDoc(t, REGISTRATIONS, { ...reg, _id: id, ciToken: fresh })
    return fresh
  })
  if (!token) throw eventsError('NOT_SIGNED_UP')
  return { code: attendeeCode(token) }
}

export const checkinCode: Handler<typeof eventsFn.checkinCode> = async (ctx, input) => {
  const e = await mustGetManaged(ctx, ctx.db, input.eventId)
  return rotatingCode(hmacOf(e), e._id, ctx.now())
}
