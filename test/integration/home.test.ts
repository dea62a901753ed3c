/** users.home through the real SDK: what waits for the person's own action, counted and listed. */
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { users } from '../../core/users/contract'
import { sdkDb } from '../support/call'
import { newResident } from '../support/people'
import { doneOrder, okAs, P } from './orders-support'
import { newEvent, STAFF } from './points-support'

test('a new resident has nothing waiting; an order reported done, its notices and an event today show on home', async () => {
  const { openid } = await newResident({ prefix: 'home' })
  expect(await okAs(openid, users.home, {})).toEqual({ unread: 0, toConfirm: [], today: [], activeTasks: 0, toDispatch: 0 })

  const orderId = await doneOrder(openid, P.li)
  const e = await newEvent({ title: '今天的义诊' })
  await okAs(openid, eventsFn.signUp, { eventId: e.id, family: 0 })
  // under way now (so "today" whatever the hour the test runs at)
  await sdkDb().collection('events').doc(e.id).update({ data: { startAt: Date.now() - 60e3 } })
  const later = await newEvent({ title: '下周的讲座', startAt: Date.now() + 7 * 86400e3, endAt: Date.now() + 7 * 86400e3 + 3600e3, deadline: Date.now() + 6 * 86400e3 })
  await okAs(openid, eventsFn.signUp, { eventId: later.id, family: 0 })

  const home = await okAs(openid, users.home, {})
  expect(home.toConfirm).toEqual([expect.objectContaining({ _id: orderId, category: 'repair_pipe', doneAt: expect.any(Number) })])
  expect(home.today).toEqual([expect.objectContaining({ id: e.id, title: '今天的义诊', checkedIn: false })])
  // accepted, reported done: a notice for each
  expect(home.unread).toBeGreaterThanOrEqual(2)

  // read and confirmed: nothing waits any more
  await okAs(openid, orders.markRead, {})
  await okAs(openid, orders.confirm, { orderId, stars: 5 })
  const after = await okAs(openid, users.home, {})
  expect(after.toConfirm).toEqual([])
  expect(after.unread).toBe(0)
})

test('a volunteer sees how many tasks are under way; staff see their own home like anyone', async () => {
  const { openid } = await newResident({ prefix: 'home-vol' })
  const o = await okAs(openid, orders.create, { category: 'repair_pipe', description: '下水道堵了' })
  await okAs(STAFF, orders.assign, { orderId: o._id, volunteerId: P.li, points: 0 })
  await okAs(P.li, orders.accept, { orderId: o._id })
  expect((await okAs(P.li, users.home, {})).activeTasks).toBeGreaterThanOrEqual(1)
  expect(await okAs(P.zhang, users.home, {})).toMatchObject({ activeTasks: 0 })
})
