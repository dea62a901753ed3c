import { EVENTS, partySize, REGISTRATIONS, visibleAudiences, waitOrder, type EventDoc, type eventsFn, type RegistrationDoc } from '../../../core/events'
import type { Ctx } from '../../../server/context'
import { rows } from '../../../server/db'
import type { Handler } from '../../../server/runtime'
import { mustGetManaged, mustSeeEvent } from '../../../server/event-access'
import { staffNames } from '../../../server/people'
import { mustPlace } from '../../../server/community'
import { eventView } from '../store'

/** The list's query for the same rule the detail checks (visibleAudiences). */
function audienceFilter(ctx: Ctx) {
  const seen = visibleAudiences(ctx.caller)
  if (seen === 'all') return {}
  return ctx.db.command.or(seen.map((a) => (a.kind === 'grid' ? { 'audience.kind': 'grid', 'audience.gridId': a.gridId } : { 'audience.kind': a.kind })))
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
    // the community acted in (a resident's: home)
    const here = { communityId: mustPlace(ctx.caller).communityId }
    const when = input.tab === 'upcoming' ? { ...here, endAt: _.gt(now), status: 'published' } : { ...here, endAt: _.lte(now) }
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
  eventView(ctx.db, await mustSeeEvent(ctx, input.eventId), { detail: true, openid: ctx.openid })

export const attendees: Handler<typeof eventsFn.attendees> = async (ctx, input) => {
  const e = await mustGetManaged(ctx, ctx.db, input.eventId)
  const regs = await rows<RegistrationDoc>(ctx.db.collection(REGISTRATIONS).where({ eventId: e._id }).orderBy('createdAt', 'asc').limit(1000))
  const names = await staffNames(ctx, regs.map((r) => r.walkInBy))
  const waiting = regs.filter((r) => r.status === 'waiting').sort(waitOrder)
  const seated = regs.filter((r) => r.seats?.length).reduce((a, r) => a + partySize(r), 0)
  const items = regs.map((r) => ({
    openid: r.openid,
    name: r.name,
    family: r.family,
    status: r.status,
    position: r.status === 'waiting' ? waiting.indexOf(r) + 1 : null,
    walkIn: !!r.walkIn,
    walkInBy: r.walkInBy ? (names.get(r.walkInBy) ?? '工作人员') : null,
    checkedInAt: r.checkedInAt ?? null,
    awarded: r.awarded ?? 0,
  }))
  return { items, capacity: e.capacity, seated }
}

