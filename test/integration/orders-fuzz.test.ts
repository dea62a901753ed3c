/**
 * Fuzz the orders actions against REAL orders (the shared fuzz test only reaches "not found"):
 * schema-shaped random payloads whose orderId names an order in each state, sent by each kind of
 * person → always a structured result, never INTERNAL, and every order still a valid document.
 * FUZZ_SEED=random (or a number) explores; the seed is printed.
 */
import { orders } from '../../core/orders/contract'
import { orderDoc } from '../../core/orders/model'
import type { ActionContract } from '../../core/contract/define'
import { callAs } from '../support/call'
import { FUZZ_SEED, inBatches, isStructured, samples, shapedPayload } from '../support/fuzz'
import { doneOrder, ensureLedgerCollections, makeUsers, newOrder, okAs, P, rawOrder } from './orders-support'

const RUNS = Number(process.env.FUZZ_RUNS ?? 12)
const BY_ORDER = Object.entries(orders as unknown as Record<string, ActionContract>).filter(([, c]) => 'orderId' in ((c.input as { shape?: object }).shape ?? {}))

const ids: Record<string, string> = {}
const people: Record<string, string> = {}

beforeAll(async () => {
  await ensureLedgerCollections()
  const [v] = await makeUsers(1, { prefix: 'fz-v', volunteer: { skills: ['repair_pipe'] } })
  people.owner = P.wang
  people.staff = P.zhang
  people.volunteer = v
  people.admin = P.admin
  ids.submitted = (await newOrder(P.wang))._id
  ids.open = (await newOrder(P.wang))._id
  await okAs(P.zhang, orders.publish, { orderId: ids.open })
  ids.accepted = (await newOrder(P.wang))._id
  await okAs(P.zhang, orders.publish, { orderId: ids.accepted })
  await okAs(v, orders.accept, { orderId: ids.accepted })
  ids.done = await doneOrder(P.wang, v)
  ids.escalated = (await newOrder(P.wang))._id
  await okAs(P.zhang, orders.escalate, { orderId: ids.escalated, department: '街道', note: '公共设施' })
  console.log(`orders fuzz: ${BY_ORDER.length} actions × ${Object.keys(ids).length} states × ${RUNS} payloads, FUZZ_SEED=${FUZZ_SEED}`)
})

describe.each(BY_ORDER.map(([name, c], i) => [name, c, i] as const))('orders.%s on real orders', (_name, c, i) => {
  it('structured result, never INTERNAL; orders stay valid', async () => {
    const payloads = samples(shapedPayload(c), RUNS, 5000 + i)
    const who = Object.values(people)
    const cases = Object.values(ids).flatMap((orderId, s) =>
      payloads.map((p, k) => {
        const data = { ...(p && typeof p === 'object' ? p : {}), orderId } as Record<string, unknown>
        // half of the targets are a real volunteer, so assign / reassign reach the transaction
        if ('volunteerId' in data && k % 2 === 0) data.volunteerId = people.volunteer
        return { as: who[(k + s) % who.length], data }
      }),
    )
    const results = await inBatches(cases, 6, (x) => callAs(x.as, c, x.data as never))
    results.forEach((r, k) => {
      if (!isStructured(r) || (!r.ok && r.error.code === 'INTERNAL')) throw new Error(`${JSON.stringify(cases[k]).slice(0, 300)} → ${JSON.stringify(r).slice(0, 300)}`)
    })
    for (const id of Object.values(ids)) {
      const doc = await rawOrder(id)
      expect(orderDoc.safeParse({ ...doc, _id: id }).success).toBe(true)
    }
  })
})
