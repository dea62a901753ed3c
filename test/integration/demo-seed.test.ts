/**
 * `npm start`'s seed (scripts/seed.ts --demo) on a cloud of its own: the demo community shows what
 * core/demo/activity.ts promises — upcoming events with sign-ups and a gift booth, orders in every
 * state in both grids, volunteers whose balances came from real ledger transfers — and the ledger
 * invariants hold. Seeding again changes nothing.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { chinaParts } from '../../core/china-time'
import { DEMO_ADJUSTMENTS, DEMO_EXPECT, DEMO_GIFTS, DEMO_ORDERS, DEMO_REDEMPTION, neighbour } from '../../core/demo/activity'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import type { OrderSummary } from '../../core/orders/schemas'
import { pointsFn } from '../../core/points/contract'
import { startPrivateCloud, type PrivateCloud } from '../support/private-cloud'

const exec = promisify(execFile)
const { admin, staffZhang, staffChen, volunteerLi, residentWang, leadZhao } = PERSONAS

let pc: PrivateCloud
let firstRun = ''
const started = Date.now()

beforeAll(async () => {
  pc = await startPrivateCloud()
  // seeded in UTC, as a cloud function runs: the events still land at their China hours
  firstRun = (await exec('npx', ['tsx', 'scripts/seed.ts', '--url', pc.url, '--demo'], { env: { ...process.env, TZ: 'UTC' } })).stdout
})
afterAll(() => pc?.stop())

/** Every order the admin can see, from the staff views of both grids and each volunteer's tasks. */
async function allOrders(): Promise<OrderSummary[]> {
  const seen = new Map<string, OrderSummary>()
  const add = (items: OrderSummary[]) => items.forEach((o) => seen.set(o._id, o))
  add((await pc.okAs(admin.openid, orders.triageQueue, { limit: 50 })).items)
  const people = new Set(DEMO_ORDERS.flatMap((o) => [o.by, ...(o.onBehalfOf ? [o.onBehalfOf.openid] : [])]))
  for (const p of people) add((await pc.okAs(p, orders.mine, { limit: 50, scope: 'all' })).items)
  return [...seen.values()]
}

test('the seed plays the demo through the functions and says so', () => {
  expect(firstRun).toMatch(/demo: 4 events \(15 sign-ups\), 4 gifts, 8 orders, 5 point credits: \d+ calls in \d+ ms/)
})

test('orders: 8 in every state over both grids, with a 楼栋长 proxy order for an elderly neighbour', async () => {
  const all = await allOrders()
  expect(all).toHaveLength(DEMO_EXPECT.orders)
  const byStatus = all.reduce<Record<string, number>>((m, o) => ({ ...m, [o.status]: (m[o.status] ?? 0) + 1 }), {})
  expect(byStatus).toEqual({ submitted: 2, open: 2, accepted: 1, done: 1, confirmed: 2 })
  expect(byStatus).toEqual(DEMO_EXPECT.ordersByStage)
  expect(new Set(all.map((o) => o.gridId))).toEqual(new Set(['g1', 'g2']))

  const proxy = all.find((o) => o.proxy)!
  expect(proxy).toMatchObject({ status: 'submitted', contactName: leadZhao.name, servedName: '吴玉梅', buildingId: 'b3' })
  expect((await pc.okAs(leadZhao.openid, orders.mine, { limit: 50, scope: 'all' })).items.map((o) => o._id)).toContain(proxy._id)

  // each 网格员's queue holds the new one of their grid; volunteers see the open ones in the pool
  const queue = async (openid: string) => (await pc.okAs(openid, orders.triageQueue, { limit: 50 })).items.filter((o) => o.status === 'submitted')
  expect((await queue(staffZhang.openid)).map((o) => o.gridId)).toEqual(['g1'])
  expect((await queue(staffChen.openid)).map((o) => o.gridId)).toEqual(['g2'])
  // his community's two open orders, and 和平's burst pipe published to the street pool
  const pool = (await pc.okAs(volunteerLi.openid, orders.pool, { limit: 50 })).items
  expect(pool.map((o) => o.status)).toEqual(['open', 'open', 'open'])
  expect(pool.filter((o) => o.communityId === 'heping')).toEqual([expect.objectContaining({ pool: 'street', category: 'repair_pipe' })])
  expect(pool.find((o) => o.communityId === 'xingfuli')).toMatchObject({ urgency: 'urgent', category: 'repair_pipe' })
  const tasks = (await pc.okAs(volunteerLi.openid, orders.tasks, { limit: 50, scope: 'all' })).items
  expect(tasks.map((o) => o.status).sort()).toEqual(['accepted', 'confirmed'])
})

test('events: 4 upcoming (义诊, 义剪, 文艺小舞台 with a gift booth, 逢四议事会) with their sign-ups', async () => {
  const { items } = await pc.okAs(residentWang.openid, eventsFn.list, { tab: 'upcoming', limit: 20 })
  expect(items.map((e) => e.kind).sort()).toEqual(['clinic', 'council', 'haircut', 'stage'])
  for (const e of items) {
    expect(e.startAt).toBeGreaterThan(started)
    expect(e.startAt).toBeLessThan(started + 35 * 86_400_000)
  }
  const clinic = items.find((e) => e.kind === 'clinic')!
  expect(clinic.place).toContain('卫生服务站')
  expect(clinic.mine?.status).toBe('registered')
  // China wall-clock hours whatever the seeding process's zone: 义诊 8:30–11:30, sign-up until 20:00 the day before
  const hm = (at: number) => [chinaParts(at).h, chinaParts(at).min]
  expect([hm(clinic.startAt), hm(clinic.endAt), hm(clinic.deadline)]).toEqual([[8, 30], [11, 30], [20, 0]])
  expect(Object.fromEntries(items.map((e) => [e.kind, hm(e.startAt)]))).toEqual({ clinic: [8, 30], haircut: [9, 0], stage: [18, 30], council: [14, 30] })
  const council = items.find((e) => e.kind === 'council')!
  expect(chinaParts(council.startAt).d % 10).toBe(4)
  const stage = items.find((e) => e.kind === 'stage')!
  expect(stage.booths.map((b) => b.giftName).sort()).toEqual(DEMO_GIFTS.map((g) => g.name).sort())

  const seated = await Promise.all(items.map(async (e) => [e.kind, (await pc.okAs(admin.openid, eventsFn.attendees, { eventId: e.id })).items.length]))
  expect(Object.fromEntries(seated)).toEqual({ clinic: 4, haircut: 3, stage: 5, council: 3 })
})

test('爱心银行: rules, gifts, balances earned through orders and staff credits; the ledger checker passes', async () => {
  const rules = await pc.okAs(residentWang.openid, pointsFn.rules, {})
  expect(rules.categoryPoints).toMatchObject({ repair_water_electric: 10, repair_pipe: 10, elder_escort: 20 })
  const gifts = (await pc.okAs(residentWang.openid, pointsFn.gifts, { all: false })).items
  expect(gifts.map((g) => g.id).sort()).toEqual(DEMO_GIFTS.map((g) => g.id).sort())

  const balance = async (openid: string) => (await pc.okAs(openid, pointsFn.balance, {})).balance
  const credit = (openid: string) => DEMO_ADJUSTMENTS.filter((a) => a.openid === openid).reduce((s, a) => s + a.delta, 0)
  // 李建国: credited 40, earned 10 for the socket (confirmed), spent 10 on a towel at the booth
  expect(await balance(volunteerLi.openid)).toBe(credit(volunteerLi.openid) + 10 - 10)
  expect(await balance(neighbour('黄志明'))).toBe(10) // the confirmed drain order
  expect(await balance(neighbour('马志华'))).toBe(credit(neighbour('马志华'))) // escort reported done, not yet confirmed
  expect(await balance(neighbour('宋佳'))).toBe(50)
  expect(await balance(residentWang.openid)).toBe(15)
  const statement = (await pc.okAs(volunteerLi.openid, pointsFn.statement, { limit: 20 })).items
  expect(statement.map((e) => e.source.kind).sort()).toEqual(['adjustment', 'order', 'redemption'])
  const mine = (await pc.okAs(volunteerLi.openid, pointsFn.myRedemptions, {})).items
  expect(mine).toHaveLength(1)
  expect(mine[0]).toMatchObject({ giftId: DEMO_REDEMPTION.giftId, status: 'reserved' })

  const check = await exec('npx', ['tsx', 'scripts/check-ledger.ts'], { env: { ...process.env, LINLI_CLOUD_URL: pc.url } })
  expect(check.stdout).toContain('ledger OK')
})

test('the street: 和平 and 春晖 have their own orders, events and gifts; one 大事 waits for the street office', async () => {
  expect(firstRun).toMatch(/和平、春晖社区: 2 events, 3 gifts, 8 orders \(1 sent up to the street, 1 in the street pool\)/)
  const queue = (await pc.okAs(PERSONAS.streetAdmin.openid, orders.streetQueue, { limit: 50 })).items
  expect(queue).toEqual([expect.objectContaining({ communityId: 'heping', street: expect.objectContaining({ answeredAt: null }) })])
  const chunhui = (await pc.okAs('demo-ch-admin', orders.triageQueue, { limit: 50 })).items
  expect(chunhui.every((o) => o.communityId === 'chunhui')).toBe(true)
  const hepingEvents = (await pc.okAs('demo-hp-r1', eventsFn.list, { tab: 'upcoming', limit: 20 })).items
  expect(hepingEvents.map((e) => e.title)).toEqual(['和平社区义诊'])
  expect((await pc.okAs('demo-hp-r1', pointsFn.gifts, { all: false })).items.map((g) => g.id).sort()).toEqual(['hp-gift-noodle', 'hp-gift-soap'])
  expect((await pc.okAs('demo-hp-v1', pointsFn.balance, {})).balance).toBe(10) // the hall light, paid by 和平's pool
})

test('seeding again adds nothing', async () => {
  const before = pc.commitSeq()
  const again = (await exec('npx', ['tsx', 'scripts/seed.ts', '--url', pc.url, '--demo'], { env: { ...process.env } })).stdout
  expect(again).toContain('demo: already there')
  expect(await allOrders()).toHaveLength(DEMO_EXPECT.orders)
  expect((await pc.okAs(residentWang.openid, eventsFn.list, { tab: 'upcoming', limit: 20 })).items).toHaveLength(DEMO_EXPECT.events)
  expect(pc.commitSeq()).toBeGreaterThan(before) // the base documents are written again (set(), same content)
})
