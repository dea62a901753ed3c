/** Helpers for the orders integration tests: people, orders in any state, ledger reads. */
import { DEMO_COMMUNITY, DEMO_STREET } from '../../core/demo/community'
import { timeKey, type Page } from '../../core/contract/paging'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { APPOINTMENT } from '../../core/orders/categories'
import type { OrderSummary } from '../../core/orders/schemas'
import type { InputOf } from '../../core/contract/define'
import type { UserDoc } from '../../core/users/model'
import type { Skill, Team } from '../../core/users/vocab'
import type { ActionContract, OutputOf } from '../../core/contract/define'
import { freshOpenid, sdkDb, untilFinal } from '../support/call'
import { walkPages } from '../support/paging'
import { DEFAULT_SLA, type SlaConfig } from '../../core/orders/sla'

export const P = {
  wang: PERSONAS.residentWang.openid, // b3 / g1
  sun: PERSONAS.residentSun.openid, // b6 / g2
  li: PERSONAS.volunteerLi.openid, // red_steward, repairs
  huang: 'demo-r-04', // another approved red_steward volunteer
  zhang: PERSONAS.staffZhang.openid, // staff g1
  chen: PERSONAS.staffChen.openid, // staff g2
  zhao: PERSONAS.leadZhao.openid, // 楼栋长 b3
  admin: PERSONAS.admin.openid,
  newcomer: PERSONAS.newcomer.openid,
}

/** Registered users written straight into `users` (fast setup for hundreds of people). */
export async function makeUsers(
  n: number,
  opts: { prefix: string; buildingId?: string; gridId?: string; volunteer?: { skills: Skill[]; team?: Team } },
): Promise<string[]> {
  const db = sdkDb()
  const now = Date.now()
  const ids = Array.from({ length: n }, () => freshOpenid(opts.prefix))
  const buildingId = opts.buildingId ?? 'b2'
  const gridId = opts.gridId ?? (['b1', 'b2', 'b3', 'b4'].includes(buildingId) ? 'g1' : 'g2')
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(
      ids.slice(i, i + 50).map((id, k) => {
        const doc: Omit<UserDoc, '_id'> = {
          name: `测试${opts.volunteer ? '志愿者' : '居民'}${i + k + 1}`,
          phone: `136${String(i + k).padStart(8, '0')}`,
          buildingId,
          unitId: `${buildingId}-1`,
          room: '101',
          gridId,
          communityId: DEMO_COMMUNITY.id,
          streetId: DEMO_STREET.id,
          roles: opts.volunteer ? ['resident', 'volunteer'] : ['resident'],
          grids: [],
          buildings: [],
          volunteer: opts.volunteer
            ? { status: 'approved', skills: opts.volunteer.skills, availableTimes: ['weekend_morning'], team: opts.volunteer.team, appliedAt: now, sortKey: timeKey(now, id), reviewedAt: now }
            : null,
          createdAt: now,
          updatedAt: now,
          sortKey: timeKey(now, id),
        }
        return db.collection('users').doc(id).set({ data: doc })
      }),
    )
  }
  return ids
}

/** okAs, retrying BUSY the way the app's client does (setups run many calls at once). */
export async function okAs<C extends ActionContract>(openid: string, c: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await untilFinal(openid, c, input, 21)
  if (r.ok) return r.data
  throw new Error(`${c.fn}.${c.action} as ${openid}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`)
}

export function orderInput(over: Partial<InputOf<typeof orders.create>> = {}): InputOf<typeof orders.create> {
  const input: InputOf<typeof orders.create> = { category: 'repair_pipe', description: '厨房下水道堵了，水下不去', urgency: 'normal', ...over }
  // what the contract asks of these orders: a booked time (陪诊…) and, by proxy, the neighbour's unit and room
  const booked = APPOINTMENT.includes(input.category) && !input.appointmentAt ? { appointmentAt: Date.now() + 86_400_000 } : {}
  const proxy = input.onBehalfOf ? { onBehalfOf: { unitId: `${input.onBehalfOf.buildingId}-1`, room: '101', ...input.onBehalfOf } } : {}
  return { ...input, ...booked, ...proxy }
}

export const newOrder = (openid: string, over: Partial<InputOf<typeof orders.create>> = {}) => okAs(openid, orders.create, orderInput(over))

/** An order of `owner` (grid g1 by default) taken by `volunteer` and reported done. */
export async function doneOrder(owner: string, volunteer: string, staff: string = P.zhang, over: Partial<InputOf<typeof orders.create>> = {}) {
  const o = await newOrder(owner, over)
  await okAs(staff, orders.publish, { orderId: o._id, points: 10 })
  await okAs(volunteer, orders.accept, { orderId: o._id })
  await okAs(volunteer, orders.reportDone, { orderId: o._id, note: '已处理好' })
  return o._id
}

/**
 * The ledger's collections, in case database/indexes.json does not declare them yet (the points
 * feature owns that declaration); createCollection on an existing one is refused and ignored.
 */
export async function ensureLedgerCollections(): Promise<void> {
  const db = sdkDb()
  for (const c of ['points_accounts', 'points_transfers', 'points_rules']) await db.createCollection(c).catch(() => undefined)
}

type PageOf = (cursor?: string) => Promise<Page<OrderSummary>>

/** Walk a paged list to find an order (other test files fill the shared lists too). */
async function findIn(pageOf: PageOf, orderId: string): Promise<OrderSummary | undefined> {
  const hit = (o: OrderSummary) => o._id === orderId
  return (await walkPages(pageOf, { until: (seen) => seen.some(hit) })).find(hit)
}

export const findInQueue = (staff: string, orderId: string) => findIn((cursor) => okAs(staff, orders.triageQueue, { cursor, limit: 50 }), orderId)

export const findInPool = (volunteer: string, orderId: string, filters: { urgency?: 'urgent' | 'normal'; gridId?: string } = {}) =>
  findIn((cursor) => okAs(volunteer, orders.pool, { cursor, limit: 50, ...filters }), orderId)

/** A person's 爱心银行 balance, read straight from the ledger. */
export { balanceOf } from './points-support'

export async function transfersFor(orderId: string): Promise<{ _id: string; amount: number; to: string }[]> {
  const res = await sdkDb().collection('points_transfers').where({ 'source.id': orderId, 'source.kind': 'order' }).limit(100).get()
  return res.data
}

export async function rawOrder(orderId: string): Promise<Record<string, unknown>> {
  return (await sdkDb().collection('orders').doc(orderId).get()).data
}

/**
 * The SLA integration tests write (admin): the default plus 家政 urgent triage in 5 hours. Every file
 * that calls setSla writes this same value, so files running at once cannot change each other's clocks.
 */
export const TEST_SLA: SlaConfig = { ...DEFAULT_SLA, byCategory: { ...DEFAULT_SLA.byCategory, housekeeping: { urgent: { triage: 5 } } } }
