/**
 * Orders with a life, for the KPI benchmarks: each is created like orders.create does (source,
 * triage deadline) and then lived through the real state machine (core/orders/machine.ts) —
 * triaged late or in time, published or assigned, accepted, released, done, confirmed by the
 * resident or the 72-hour timer, rated, reopened, escalated and closed with a 回访 answer, referred,
 * rejected, withdrawn, marked overdue — up to `now`: what would happen later has not happened yet.
 * A step the machine refuses stops the generator (figures over broken histories are no figures).
 */
import { chinaInstant, chinaParts, DAY_MS, HOUR_MS, MINUTE_MS } from '../../../core/china-time'
import type { Category } from '../../../core/orders/categories'
import { withKeys } from '../../../core/orders/keys'
import { transition, type OrderEvent } from '../../../core/orders/machine'
import type { Actor, Order } from '../../../core/orders/model'
import { dueAt } from '../../../core/orders/sla'
import type { CheckAnswer, Source } from '../../../core/orders/vocab'
import { SKILLS, TEAMS } from '../../../core/users/vocab'
import { benchOrder } from '../lib/order'
import { DEMO_COMMUNITY } from '../../../core/demo/community'
import { PERSONAS } from '../../../core/demo/personas'
import { demoSeedDocs } from '../../../core/demo/seed-docs'

export interface Place {
  communityId: string
  streetId: string
  buildings: { _id: string; name: string; gridId: string }[]
  /** The 网格员 of each grid (who triages its orders). */
  staffOf: (gridId: string) => string
  /** The community's admin (triages what a 网格员 ordered for a neighbour). */
  admin: string
}

/** Hours drawn from a few bands: [share, from, to]. */
type Bands = [number, number, number][]
const RESPONSE: Bands = [
  [0.55, 0.05, 2],
  [0.3, 2, 20],
  [0.1, 20, 30],
  [0.05, 30, 96],
]
const ACCEPT: Bands = [
  [0.6, 0.1, 4],
  [0.3, 4, 24],
  [0.1, 24, 72],
]
const SERVE: Bands = [
  [0.7, 0.5, 8],
  [0.3, 8, 72],
]

const SOURCES: [Source, number][] = [
  ['self', 0.8],
  ['lead', 0.08],
  ['staff', 0.08],
  ['visit_day', 0.025],
  ['council', 0.015],
]

export interface Lived {
  order: Order
  /** Machine steps applied. */
  steps: number
}

export function historyMaker(now: number, rnd: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const between = (a: number, b: number) => a + rnd() * (b - a)
  const hours = (bands: Bands) => {
    let r = rnd()
    for (const [share, a, b] of bands) if ((r -= share) < 0) return between(a, b) * HOUR_MS
    return bands[bands.length - 1][2] * HOUR_MS
  }
  const weighted = <T>(xs: [T, number][]): T => {
    let r = rnd()
    for (const [x, share] of xs) if ((r -= share) < 0) return x
    return xs[xs.length - 1][0]
  }

  return (place: Place, createdAt: number): Lived => {
    const b = pick(place.buildings)
    const { communityId } = place
    const resident = `r-${communityId}-${Math.floor(rnd() * 3000)}`
    const staff = place.staffOf(b.gridId)
    const source = weighted(SOURCES)
    const proxy = source === 'lead' || source === 'staff'
    const orderedBy = source === 'lead' ? `lead-${b._id}` : source === 'staff' ? staff : resident
    const category = pick(SKILLS) as Category
    const urgency = rnd() < 0.1 ? 'urgent' : 'normal'
    const base: Order = {
      ...benchOrder({ communityId, streetId: place.streetId, building: b, createdAt, orderedBy, category, urgent: urgency === 'urgent', rnd }),
      contactName: proxy ? (source === 'lead' ? '楼栋长' : '网格员') : '居民',
      servedName: proxy ? '居民' : null,
      residentId: proxy && rnd() < 0.5 ? null : resident,
      proxy,
      source,
      timeline: [{ seq: 1, at: createdAt, by: orderedBy, actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: proxy ? `${source === 'lead' ? '楼栋长' : '网格员'}代居民下单` : null }],
    }
    const due = dueAt(base)
    let o = withKeys({ ...base, dueAt: due, respondBy: due })
    let at = createdAt
    let steps = 0
    const owner = o.residentId ?? o.orderedBy
    // a 网格员 does not dispatch an order they placed: the community's admin does
    const triager = orderedBy === staff ? place.admin : staff
    /** One step at `when` (it has not happened if `when` is after now); false once time has run out. */
    const step = (event: OrderEvent, actor: Actor, by: string, time: number): boolean => {
      const when = Math.round(time)
      if (when > now) return false
      // overdue first, as the timer would have marked it when the stage's deadline passed
      if (o.dueAt !== null && !o.overdue && when > o.dueAt && o.dueAt <= now && event.type !== 'MARK_OVERDUE') {
        if (!step({ type: 'MARK_OVERDUE' }, 'system', 'system', o.dueAt + MINUTE_MS)) return false
      }
      const s = transition(o, event, { by, actor, now: when })
      if (!s.ok) throw new Error(`history: ${event.type} by ${actor} refused (${s.code}) on ${o.status} ${o._id}`)
      o = s.next
      at = when
      steps++
      return true
    }
    /** The 回访 three days after done or closed, answered by some residents. */
    const check = (answer: CheckAnswer) => {
      const asked = at + 3 * DAY_MS
      if (asked > now) return
      const answeredAt = Math.round(asked + between(0.5, 30) * HOUR_MS)
      o = withKeys({ ...o, check: { dueAt: asked, askedAt: asked, answer: answeredAt <= now ? answer : null, answeredAt: answeredAt <= now ? answeredAt : null, by: answeredAt <= now ? owner : null } })
      o.updatedAt = Math.max(o.updatedAt, o.check!.answeredAt ?? asked)
    }
    const live = () => {
      const r = rnd()
      if (r < 0.03) return void step({ type: 'CANCEL', reason: '不需要了' }, 'owner', owner, at + between(0.1, 3) * HOUR_MS)
      // a few nobody ever answers
      if (r < 0.04) return void step({ type: 'MARK_OVERDUE' }, 'system', 'system', o.dueAt! + MINUTE_MS)
      const answer = at + hours(RESPONSE) * (urgency === 'urgent' ? 0.1 : 1)
      if (r < 0.06) return void step({ type: 'REJECT', reason: '重复提交' }, 'staff', triager, answer)
      if (r < 0.09) return void step({ type: 'REFER', guidance: '请联系物业' }, 'staff', triager, answer)
      if (r < 0.15) {
        if (!step({ type: 'ESCALATE', department: '街道城管科', note: '需要协调' }, 'staff', triager, answer)) return
        if (rnd() < 0.2 || !step({ type: 'CLOSE', note: '已协调解决' }, 'staff', triager, at + between(1, 20) * DAY_MS)) return
        return check(weighted<CheckAnswer>([['solved', 0.6], ['partly', 0.25], ['not', 0.15]]))
      }
      let volunteer = `v-${communityId}-${Math.floor(rnd() * 300)}`
      /** To the pool (most) or to one volunteer; the first time at the triage answer, later a few hours on. */
      const dispatch = (when: number): boolean =>
        rnd() < 0.85
          ? step({ type: 'PUBLISH', skill: rnd() < 0.3 ? category : null, team: rnd() < 0.1 ? pick(TEAMS) : null, toStreet: rnd() < 0.03 }, 'staff', triager, when)
          : step({ type: 'ASSIGN', volunteerId: volunteer, volunteerName: '志愿者' }, 'staff', triager, when)
      const serve = (when: number): boolean => {
        if (!dispatch(when)) return false
        if (rnd() < 0.02) {
          step({ type: 'CANCEL', reason: '已自行解决' }, 'owner', owner, at + between(0.5, 10) * HOUR_MS)
          return false
        }
        if (!step({ type: 'ACCEPT', volunteerName: '志愿者' }, 'candidate', volunteer, at + hours(ACCEPT))) return false
        if (rnd() < 0.05) {
          if (!step({ type: 'RELEASE', reason: '临时有事' }, 'volunteer', volunteer, at + between(0.5, 12) * HOUR_MS)) return false
          volunteer = `v-${communityId}-${300 + Math.floor(rnd() * 300)}`
          // an assigned order goes back to staff, a published one back to the pool
          if (o.status === 'submitted' && !dispatch(at + between(0.2, 6) * HOUR_MS)) return false
          if (!step({ type: 'ACCEPT', volunteerName: '志愿者' }, 'candidate', volunteer, at + hours(ACCEPT))) return false
        }
        if (rnd() < 0.7 && !step({ type: 'START' }, 'volunteer', volunteer, at + between(0.2, 4) * HOUR_MS)) return false
        return step({ type: 'REPORT_DONE', note: '已修好' }, 'volunteer', volunteer, at + hours(SERVE))
      }
      const confirm = (): boolean => {
        const done = at
        if (rnd() < 0.3) return step({ type: 'AUTO_CONFIRM' }, 'system', 'system', done + 72 * HOUR_MS + between(0, 0.5) * HOUR_MS)
        const stars = rnd() < 0.65 ? { stars: weighted([[5, 0.7], [4, 0.2], [3, 0.06], [2, 0.02], [1, 0.02]]) } : {}
        return step({ type: 'CONFIRM', ...stars }, 'owner', owner, done + between(0.5, 70) * HOUR_MS)
      }
      if (!serve(answer) || !confirm()) return
      if (rnd() < 0.04 && step({ type: 'REOPEN', reason: '又坏了' }, 'owner', owner, at + between(2, 120) * HOUR_MS)) {
        if (!serve(at + between(0.2, 6) * HOUR_MS) || !confirm()) return
      }
      if (rnd() < 0.3) check(weighted<CheckAnswer>([['solved', 0.85], ['partly', 0.1], ['not', 0.05]]))
    }
    live()
    // the timer has asked every 回访 whose day has come (check() answers some)
    if (o.check && o.check.askedAt === null && o.check.dueAt <= now) o = withKeys({ ...o, check: { ...o.check, askedAt: o.check.dueAt } })
    return { order: o, steps }
  }
}

/**
 * Creation times: `total` orders over the `days` China days that end with the day of `now`, more on
 * weekdays than at weekends, between 7:00 and 22:00 (today only up to `now`), in time order.
 */
export function creationTimes(now: number, days: number, total: number, rnd: () => number): number[] {
  const today = chinaParts(now)
  const starts = Array.from({ length: days }, (_, k) => chinaInstant({ y: today.y, m: today.m, d: today.d }) - (days - 1 - k) * DAY_MS)
  const weight = starts.map((s, k) => {
    const weekday = new Date(s + 8 * HOUR_MS).getUTCDay()
    const share = weekday === 0 || weekday === 6 ? 0.7 : 1.1
    // today: only the part of the day that has passed
    return k === days - 1 ? share * Math.max(0, Math.min(1, (now - s - 7 * HOUR_MS) / (15 * HOUR_MS))) : share
  })
  const sum = weight.reduce((a, w) => a + w, 0)
  const out: number[] = []
  starts.forEach((s, k) => {
    const n = k === days - 1 ? total - out.length : Math.round((total * weight[k]) / sum)
    // today: never after now (before 07:00 China time, between midnight and now)
    const from = k === days - 1 ? Math.min(s + 7 * HOUR_MS, now) : s + 7 * HOUR_MS
    const end = k === days - 1 ? Math.min(now, s + 22 * HOUR_MS) : s + 22 * HOUR_MS
    const day = Array.from({ length: Math.max(0, n) }, () => Math.floor(from + rnd() * Math.max(0, end - from)))
    out.push(...day.sort((a, b) => a - b))
  })
  return out.slice(0, total)
}

/** A community of the demo street as the generator needs it (its buildings, each grid's 网格员). */
export function placeOf(communityId: string): Place {
  const docs = demoSeedDocs()
  const community = docs.communities.find((c) => c._id === communityId)
  if (!community) throw new Error(`no demo community ${communityId}`)
  const people = Object.values(PERSONAS) as { openid: string; grids?: string[] }[]
  return {
    communityId,
    streetId: community.streetId,
    buildings: docs.buildings.filter((b) => b.communityId === communityId),
    staffOf: (gridId) => people.find((p) => p.grids?.includes(gridId))?.openid ?? `staff-${gridId}`,
    admin: communityId === DEMO_COMMUNITY.id ? PERSONAS.admin.openid : `admin-${communityId}`,
  }
}
