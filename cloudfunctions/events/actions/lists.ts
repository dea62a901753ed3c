import { EVENTS, partySize, REGISTRATIONS, regStartKey, visibleAudiences, waitOrder, type EventDoc, type eventsFn, type RegistrationDoc } from '../../../core/events'
import type { ParsedInputOf } from '../../../core/contract/define'
import type { Page } from '../../../core/contract/paging'
import type { Ctx } from '../../../server/context'
import { rows } from '../../../server/db'
import { pageBy, pageInTurn } from '../../../server/paging'
import { startOfChinaDay } from '../../../core/china-time'
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

/**
 * The events of a tab, a page at a time, by the events' dates: my sign-ups from today (China day) on
 * soonest first, then the earlier ones latest first; upcoming soonest first, past latest first.
 */
async function eventsOf(ctx: Ctx, input: ParsedInputOf<typeof eventsFn.list>): Promise<Page<EventDoc>> {
  const _ = ctx.db.command
  if (input.tab === 'mine') {
    const mine = { openid: ctx.openid, status: _.neq('cancelled') }
    const today = regStartKey(startOfChinaDay(ctx.now()), '')
    const key = 'eventStartKey'
    const coming = { collection: REGISTRATIONS, where: _.and([mine, { [key]: _.gte(today) }]), key, dir: 'asc' as const }
    const earlier = { collection: REGISTRATIONS, where: _.and([mine, { [key]: _.lt(today) }]), key, dir: 'desc' as const }
    const regs = await pageInTurn<RegistrationDoc>(ctx.db, input, coming, earlier, (cursor) => cursor >= today)
    const ids = regs.items.map((r) => r.eventId)
    const docs = ids.length ? await rows<EventDoc>(ctx.db.collection(EVENTS).where({ _id: _.in(ids) }).limit(ids.length)) : []
    return { items: ids.map((id) => docs.find((d) => d._id === id)).filter((d): d is EventDoc => !!d), next: regs.next }
  }
  const upcoming = input.tab === 'upcoming'
  // the community acted in (a resident's: home)
  const here = { communityId: mustPlace(ctx.caller).communityId }
  const when = upcoming ? { ...here, endAt: _.gt(ctx.now()), status: 'published' } : { ...here, endAt: _.lte(ctx.now()) }
  return pageBy<EventDoc>(ctx.db, input, { collection: EVENTS, where: _.and([when, audienceFilter(ctx)]), key: 'startKey', dir: upcoming ? 'asc' : 'desc' })
}

export const list: Handler<typeof eventsFn.list> = async (ctx, input) => {
  const _ = ctx.db.command
  const { items: events, next } = await eventsOf(ctx, input)
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
  return { items, next }
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

