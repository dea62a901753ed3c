/** Races through the real SDK: a burst of accepts has one winner; repeated confirmations credit once. */
import type { ActionContract, InputOf, OutputOf } from '../../core/contract/define'
import type { ActionResult } from '../../core/contract/errors'
import { orders } from '../../core/orders/contract'
import { callAs, okAs } from '../support/call'
import { balanceOf, doneOrder, ensureLedgerCollections, makeUsers, newOrder, P, transfersFor } from './orders-support'

/** What the app's client does: BUSY means "try again", a few times, with a short pause. */
async function withBusyRetry<C extends ActionContract>(openid: string, c: C, input: InputOf<C>, firstCodes: string[]): Promise<ActionResult<OutputOf<C>>> {
  for (let attempt = 0; ; attempt++) {
    const r = await callAs(openid, c, input)
    if (attempt === 0) firstCodes.push(r.ok ? 'OK' : r.error.code)
    if (r.ok || r.error.code !== 'BUSY' || attempt >= 30) return r
    await new Promise((res) => setTimeout(res, 20 + Math.random() * 80))
  }
}

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
    const first: string[] = []
    const results = await Promise.all(volunteers.map((v) => withBusyRetry(v, orders.accept, { orderId: o._id }, first)))
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
    const first: string[] = []
    const results = await Promise.all(Array.from({ length: 50 }, () => withBusyRetry(P.wang, orders.confirm, { orderId: id, stars: 5 }, first)))
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
      withBusyRetry(P.wang, orders.confirm, { orderId: id }, []),
      withBusyRetry(P.admin, orders.tick, {}, []),
      withBusyRetry(P.wang, orders.confirm, { orderId: id }, []),
      withBusyRetry(P.admin, orders.tick, {}, []),
    ])
    expect((await okAs(P.wang, orders.get, { orderId: id })).status).toBe('confirmed')
    expect(await balanceOf(vol)).toBe(before + 10)
    expect(await transfersFor(id)).toHaveLength(1)
  })
})
