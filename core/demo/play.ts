/**
 * Play the demo activity (core/demo/activity.ts) through the functions, as the personas would in
 * the app: every rule, transaction and ledger transfer applies. `call` is any way of calling a
 * function as a user (the dev entry's POST /dev/call in scripts/seed.ts).
 */
import type { ActionContract, InputOf, OutputOf } from '../contract/define'
import { eventsFn } from '../events/contract'
import { orders } from '../orders/contract'
import { pointsFn } from '../points/contract'
import { DEMO_ADJUSTMENTS, DEMO_GIFTS, DEMO_ORDERS, DEMO_REDEMPTION, DEMO_RULES, demoEvents, type DemoOrder } from './activity'
import { PERSONAS } from './personas'
import { NEIGHBOUR_PLAYS, type NeighbourPlay } from './neighbour-activity'
import { chinaAt, DAY_MS as DAY, HOUR_MS } from '../china-time'

export type CallAs = <C extends ActionContract>(openid: string, contract: C, input: InputOf<C>) => Promise<OutputOf<C>>

export interface PlayReport {
  skipped: boolean
  gifts: number
  events: number
  signUps: number
  orders: number
  adjustments: number
  calls: number
  /** 和平 and 春晖 (core/demo/neighbour-activity.ts). */
  neighbours: { gifts: number; events: number; orders: number; toStreet: number; streetPool: number }
}

const ADMIN = PERSONAS.admin.openid

/**
 * Idempotent: the gifts have fixed ids, and when the first one is already there the community was
 * played before (events and orders get ids from the functions), so nothing else is done.
 */
export async function playDemo(callAs: CallAs, now = Date.now()): Promise<PlayReport> {
  let calls = 0
  const call: CallAs = (openid, c, input) => {
    calls++
    return callAs(openid, c, input)
  }
  const report = { skipped: false, gifts: 0, events: 0, signUps: 0, orders: 0, adjustments: 0 }
  const existing = await call(ADMIN, pointsFn.gifts, { all: true })
  const neighbours = { gifts: 0, events: 0, orders: 0, toStreet: 0, streetPool: 0 }
  if (existing.items.some((g) => g.id === DEMO_GIFTS[0]!.id)) return { ...report, skipped: true, calls, neighbours }

  await call(ADMIN, pointsFn.setRules, DEMO_RULES)
  await Promise.all(
    DEMO_GIFTS.map((g) => call(ADMIN, pointsFn.upsertGift, { ...g, photo: '', activeFrom: now - 30 * DAY, activeTo: now + 180 * DAY })),
  )
  report.gifts = DEMO_GIFTS.length

  const eventIds: Record<string, string> = {}
  const signUps: Promise<unknown>[] = []
  for (const e of demoEvents(now)) {
    const { key, by, signUps: people, ...input } = e
    const published = await call(by, eventsFn.publish, { ...input, audience: { kind: 'everyone' } })
    eventIds[key] = published.id
    signUps.push(...people.map(([openid, family]) => call(openid, eventsFn.signUp, { eventId: published.id, family, subscribed: false })))
    report.signUps += people.length
  }
  report.events = Object.keys(eventIds).length

  // orders run side by side (each its own chain); sign-ups and adjustments alongside
  await Promise.all([
    ...signUps,
    ...DEMO_ORDERS.map((o) => playOrder(call, o)),
    ...DEMO_ADJUSTMENTS.map((a) => call(ADMIN, pointsFn.adjust, a)),
  ])
  report.orders = DEMO_ORDERS.length
  report.adjustments = DEMO_ADJUSTMENTS.length

  // after the confirmed orders and adjustments credited the volunteer
  const r = DEMO_REDEMPTION
  await call(r.openid, pointsFn.redeem, { eventId: eventIds[r.eventKey]!, giftId: r.giftId, requestId: r.requestId })
  await Promise.all(NEIGHBOUR_PLAYS.map((n) => playNeighbour(call, n, now, neighbours)))
  return { ...report, calls, neighbours }
}

/** One of the other communities: its rules, gifts, an event with a booth and its orders. */
async function playNeighbour(call: CallAs, n: NeighbourPlay, now: number, count: PlayReport['neighbours']): Promise<void> {
  await call(n.admin, pointsFn.setRules, DEMO_RULES)
  await Promise.all(n.gifts.map((g) => call(n.admin, pointsFn.upsertGift, { ...g, photo: '', activeFrom: now - 30 * DAY, activeTo: now + 180 * DAY })))
  const start = chinaAt(now, 5, 9)
  const e = await call(n.event.by, eventsFn.publish, {
    kind: 'clinic',
    title: n.event.title,
    place: n.event.place,
    startAt: start,
    endAt: start + 2 * HOUR_MS,
    deadline: chinaAt(now, 4, 20),
    capacity: 30,
    points: 5,
    audience: { kind: 'everyone' },
    booths: n.gifts.map((g) => ({ giftId: g.id, stock: 5 })),
  })
  await Promise.all([
    ...n.event.signUps.map((openid) => call(openid, eventsFn.signUp, { eventId: e.id, family: 0, subscribed: false })),
    ...n.orders.map((o) => playOrder(call, o)),
  ])
  count.gifts += n.gifts.length
  count.events += 1
  count.orders += n.orders.length
  count.toStreet += n.orders.filter((o) => o.escalate).length
  count.streetPool += n.orders.filter((o) => o.toStreet).length
}

/** One order from 点单 to the stage it shows in the demo (or sent up to the street, or into the street pool). */
async function playOrder(call: CallAs, o: DemoOrder & { toStreet?: boolean; escalate?: string }): Promise<void> {
  const created = await call(o.by, orders.create, {
    category: o.category,
    description: o.description,
    photos: [],
    when: o.when ?? 'asap',
    urgency: o.urgency ?? 'normal',
    ...(o.onBehalfOf ? { onBehalfOf: o.onBehalfOf } : {}),
    // booked on the hour, some days after the seed runs (a booking cannot be in the past)
    ...(o.appointmentInDays ? { appointmentAt: Math.ceil(Date.now() / 3_600_000) * 3_600_000 + o.appointmentInDays * 86_400_000 } : {}),
  })
  const orderId = created._id
  if (o.escalate) {
    await call(o.staff, orders.escalate, { orderId, department: '街道办事处', note: o.escalate, toStreet: true })
    return
  }
  if (o.stage === 'submitted') return
  if (o.volunteer && o.stage !== 'open') {
    await call(o.staff, orders.assign, { orderId, volunteerId: o.volunteer })
  } else {
    await call(o.staff, orders.publish, { orderId, ...(o.team ? { team: o.team } : {}), ...(o.toStreet ? { toStreet: true } : {}) })
  }
  if (o.stage === 'open') return
  await call(o.volunteer!, orders.accept, { orderId })
  if (o.stage === 'accepted') return
  await call(o.volunteer!, orders.start, { orderId })
  await call(o.volunteer!, orders.reportDone, { orderId, note: o.doneNote ?? '已完成', photos: [] })
  if (o.stage === 'done') return
  const resident = o.onBehalfOf?.openid ?? o.by
  await call(resident, orders.confirm, { orderId, ...(o.rating ?? {}) })
}
