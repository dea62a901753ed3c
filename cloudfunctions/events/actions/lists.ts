import { EVENTS, partySize, REGISTRATIONS, waitOrder, type EventDoc, type eventsFn, type RegistrationDoc } from '../../../core/events'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { eventView, mustGetEvent } from '../store'

/** Events the caller may see: everyone's, their grid's, volunteers' if they are one; staff see all. */
function audienceFilter(ctx: Parameters<Handler<typeof eventsFn.list>>[0]) {
  const _ = ctx.db.command
  if (ctx.roles.includes('staff') || ctx.roles.includes('admin')) return {}
  const any = [{ 'audience.kind': 'everyone' }, { 'audience.kind': 'grid', 'audience.gridId': ctx.user?.gridId ?? '-' }]
  if (ctx.roles.includes('volunteer')) any.push({ 'audience.kind': 'volunteers' } as never)
  return _.or(any)
}

export const list: Handler<typeof eventsFn.list> = async (ctx, input) => {
  const _ = ctx.db.command
  const now = ctx.now()
  const skip = (input.page - 1) * input.pageSize
  let events: EventDoc[]
  let hasMore: boolean
  if (input.tab === 'mine') {
    const regs = await rows<RegistrationDoc>(
      ctx.db.collection(REGISTRATIONS).where({ openid: ctx.openid, status: _.neq('cancelled') }).orderBy('createdAt', 'desc').skip(skip).limit(input.pageSize + 1),
    )
    hasMore = regs.length > input.pageSize
    const ids = regs.slice(0, input.pageSize).map((r) => r.eventId)
    const docs = ids.length ? await rows<EventDoc>(ctx.db.collection(EVENTS).where({ _id: _.in(ids) }).limit(ids.length)) : []
    events = ids.map((id) => docs.find((d) => d._id === id)).filter((d): d is EventDoc => !!d)
  } else {
    const when = input.tab === 'upcoming' ? { endAt: _.gt(now), status: 'published' } : { endAt: _.lte(now) }
    const docs = await rows<EventDoc>(
      ctx.db
        .collection(EVENTS)
        .where(_.and([when, audienceFilter(ctx)]))
        .orderBy('startAt', input.tab === 'upcoming' ? 'asc' : 'desc')
        .skip(skip)
        .limit(input.pageSize + 1),
    )
    hasMore = docs.length > input.pageSize
    events = docs.slice(0, input.pageSize)
  }
  const mine = events.length
    ? await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ _id: _.in(events.map((e) => `reg:${e._id}:${ctx.openid}`)) }).limit(events.length))
    : []
  const items = await Promise.all(
    events.map(async (e) => {
      const r = mine.find((x) => x.eventId === e._id)
      const view = await eventView(ctx.db, e)
      return { ...view, mine: r ? { status: r.status, family: r.family, position: null, checkedInAt: r.checkedInAt ?? null } : null }
    }),
  )
  return { items, hasMore }
}

export const detail: Handler<typeof eventsFn.detail> = async (ctx, input) =>
  eventView(ctx.db, await mustGetEvent(ctx.db, input.eventId), { detail: true, openid: ctx.openid })

export const attendees: Handler<typeof eventsFn.attendees> = async (ctx, input) => {
  const e = await mustGetEvent(ctx.db, input.eventId)
  const regs = await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ eventId: e._id }).orderBy('createdAt', 'asc').limit(1000))
  const waiting = regs.filter((r) => r.status === 'waiting').sort(waitOrder)
  const seated = regs.filter((r) => r.seats?.length).reduce((a, r) => a + partySize(r), 0)
  const items = regs.map((r) => ({
    openid: r.openid,
    name: r.name,
    family: r.family,
    status: r.status,
    position: r.status === 'waiting' ? waiting.indexOf(r) + 1 : null,
    walkIn: !!r.walkIn,
    checkedInAt: r.checkedInAt ?? null,
  }))
  return { items, capacity: e.capacity, seated }
}
