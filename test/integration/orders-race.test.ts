/** Races through the real SDK: a burst of accepts has one winner; repeated confirmations credit once. */
import { orders } from '../../core/orders/contract'
import { okAs, untilFinal } from '../support/call'
import { balanceOf, doneOrder, ensureLedgerCollections, makeUsers, newOrder, P, transfersFor } from './orders-support'

/** A BUSY answer is retried (as the app's client does); `firstAnswer` is what the first try said. */
const TRIES = 31
const firstAnswer = (r: { ok: boolean; busy: number; error?: { code: string } }) => (r.busy ? 'BUSY' : r.ok ? 'OK' : r.error!.code)

const tally = (codes: string[]) => codes.reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {})

describe('orders: races', () => {
  // a volunteer of this file only: other files award the demo volunteers too (daily cap, balances)
  let vol = ''
  beforeAll(async () => {
    await ensureLedgerCollections()
    ;[vol] = await makeUsers(1, { prefix: 'race-v', volunteer: { skills: ['repair_pipe'] } })
  })

  it('200 volunteers accept one order at once: exactly one wins, every other gets ORDER_TAKEN', async () => {
    const volunteers = await makeUsers(200, { prefix: 'race', volunteer: { skills: ['repair_pipe'], team: 'red_steward' } })
    const o = await newOrder(P.wang, { urgency: 'urgent' })
    await okAs(P.zhang, orders.publish, { orderId: o._id })
    const results = await Promise.all(volunteers.map((v) => untilFinal(v, orders.accept, { orderId: o._id }, TRIES)))
    const first = results.map(firstAnswer)
    const final = tally(results.map((r) => (r.ok ? 'OK' : r.error.code)))
    console.log('accept burst: first answers', tally(first), 'final', final)
    expect(final).toEqual({ OK: 1, ORDER_TAKEN: 199 })
    // before the client's retry, a loser saw only ORDER_TAKEN or BUSY — never a raw database error
    expect(Object.keys(tally(first)).sort()).toEqual(expect.arrayContaining(['OK', 'ORDER_TAKEN']))
    for (const code of first) expect(['OK', 'ORDER_TAKEN', 'BUSY']).toContain(code)
    const winner = volunteers[results.findIndex((r) => r.ok)]
    const detail = await okAs(winner, orders.get, { orderId: o._id })
    expect(detail).toMatchObject({ status: 'accepted', volunteerId: winner })
    expect(detail.timeline.filter((t) => t.event === 'ACCEPT')).toHaveLength(1)
    const loser = results.find((r) => !r.ok)
    expect(loser).toMatchObject({ ok: false, error: { code: 'ORDER_TAKEN', message: '已被接单，看看别的单子吧' } })
  })

  it('50 confirmations of one order at once: one succeeds, one credit', async () => {
    const id = await doneOrder(P.wang, vol)
    const before = await balanceOf(vol)
    const results = await Promise.all(Array.from({ length: 50 }, () => untilFinal(P.wang, orders.confirm, { orderId: id, stars: 5 }, TRIES)))
    const first = results.map(firstAnswer)
    const final = tally(results.map((r) => (r.ok ? 'OK' : r.error.code)))
    expect(final).toEqual({ OK: 1, BAD_STATE: 49 })
    for (const code of first) expect(['OK', 'BAD_STATE', 'BUSY']).toContain(code)
    expect(await balanceOf(vol)).toBe(before + 10)
    expect((await transfersFor(id)).map((t) => t._id)).toEqual([`award:order:${id}`])
  })

  it('the timer and the resident confirming at the same time credit once', async () => {
    const id = await doneOrder(P.wang, vol)
    const { sdkDb } = await import('../support/call')
    await sdkDb().collection('orders').doc(id).update({ data: { doneAt: Date.now() - 80 * 3_600_000 } })
    const before = await balanceOf(vol)
    await Promise.all([
      untilFinal(P.wang, orders.confirm, { orderId: id }, TRIES),
      untilFinal(P.admin, orders.tick, {}, TRIES),
      untilFinal(P.wang, orders.confirm, { orderId: id }, TRIES),
      untilFinal(P.admin, orders.tick, {}, TRIES),
    ])
    expect((await okAs(P.wang, orders.get, { orderId: id })).status).toBe('confirmed')
    expect(await balanceOf(vol)).toBe(before + 10)
    expect(await transfersFor(id)).toHaveLength(1)
  })
})
