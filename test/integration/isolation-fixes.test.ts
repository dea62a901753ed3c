/**
 * What the isolation and abuse matrices found, one focused test each (each failed before its fix):
 * a manual tick by another community's admin moved 幸福里's orders; another community's admin
 * cancelled (refunded) a 幸福里 reservation; the street admin acting in 幸福里 signed up for its
 * event, was paid attendance from 幸福里's pool, and spent at its booth; a released hold lost its
 * community.
 */
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { holdId } from '../../core/gifts'
import { orders } from '../../core/orders/contract'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { callAs, sdkDb } from '../support/call'
import { balanceOf, creditFrom, HP, poolShards, streetAdminOfXingfu } from '../support/communities'
import { orderMaker, person } from '../support/isolation'
import { newOrder, okAs, P, rawOrder } from './orders-support'
import { newGift, publishBase, requestId } from './points-support'

const running = () => ({ startAt: Date.now() - 60e3, endAt: Date.now() + 3 * 3600e3, deadline: Date.now() + 2 * 3600e3 })

test('a manual tick moves only the orders of the community acted in', async () => {
  const res = await person('fix-t', 'b1')
  const id = await orderMaker(res.openid).due()
  const before = await rawOrder(id)
  await okAs(HP.admin, orders.tick, {})
  expect(await rawOrder(id)).toEqual(before)
  await okAs(P.admin, orders.tick, {})
  expect(await rawOrder(id)).toMatchObject({ overdue: true })
})

test('an admin cancels reservations of the community acted in only', async () => {
  const res = await person('fix-r', 'b1')
  const gift = await newGift({ price: 10, totalStock: 10, perPersonLimit: 5 })
  const e = await okAs(P.admin, eventsFn.publish, { ...publishBase(), booths: [{ giftId: gift.id, stock: 5 }] })
  await creditFrom('xingfuli', [res.openid], 20)
  const { code } = await okAs(res.openid, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })
  expect(await callAs(HP.admin, pointsFn.cancelRedemption, { code, reason: '居民不要了' })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
  expect(await balanceOf(res.openid)).toBe(10)
  expect(await okAs(P.admin, pointsFn.cancelRedemption, { code, reason: '居民不要了' })).toMatchObject({ status: 'cancelled' })
  expect(await balanceOf(res.openid)).toBe(20)
  // the hold the release rewrote still says whose community it is
  const hold = await sdkDb().collection('gift_holds').doc(holdId(gift.id, res.openid)).get()
  expect(hold.data).toMatchObject({ communityId: 'xingfuli', count: 0 })
})

test('the street admin reads 幸福里\'s events where they act, and takes part (signs up, earns, spends) only at home', async () => {
  const streetAdmin = await streetAdminOfXingfu('xingfuli')
  await creditFrom('chunhui', [streetAdmin], 30)
  const gift = await newGift({ price: 10, totalStock: 10, perPersonLimit: 5 })
  const e = await okAs(P.admin, eventsFn.publish, { ...publishBase(), ...running(), points: 5, booths: [{ giftId: gift.id, stock: 5 }] })
  expect(await okAs(streetAdmin, eventsFn.detail, { eventId: e.id })).toMatchObject({ id: e.id })
  const pool = await poolShards('xingfuli')
  expect(await callAs(streetAdmin, eventsFn.signUp, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
  const { code } = await okAs(P.admin, eventsFn.checkinCode, { eventId: e.id })
  expect(await callAs(streetAdmin, eventsFn.checkIn, { eventId: e.id, code })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_UP' } })
  expect(await callAs(streetAdmin, pointsFn.redeem, { eventId: e.id, giftId: gift.id, requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
  expect({ balance: await balanceOf(streetAdmin), pool: await poolShards('xingfuli') }).toEqual({ balance: 30, pool })
  // at home (春晖) they take part like any resident
  await okAs(streetAdmin, users.actIn, { communityId: 'chunhui' })
  const home = await okAs('demo-ch-admin', eventsFn.publish, { ...publishBase(), title: '春晖社区活动' })
  expect(await okAs(streetAdmin, eventsFn.signUp, { eventId: home.id })).toMatchObject({ status: 'registered' })
})

test('staff who work in a second community still take part there (they act there by right)', async () => {
  const staff = (await person('fix-s', 'hp-b1')).openid
  await okAs(HP.admin, users.grantRole, { openid: staff, role: 'staff', grids: ['hp-g1'] })
  await okAs(PERSONAS.admin.openid, users.grantRole, { openid: staff, role: 'staff', grids: ['g2'] })
  await okAs(staff, users.actIn, { communityId: 'xingfuli' })
  const e = await okAs(P.admin, eventsFn.publish, { ...publishBase(), title: '幸福里社区活动' })
  expect(await okAs(staff, eventsFn.signUp, { eventId: e.id })).toMatchObject({ status: 'registered' })
})

test('a 楼栋长 who moves to another community no longer reads the orders of their old building', async () => {
  const lead = await person('fix-l', 'b3')
  await okAs(P.admin, users.grantRole, { openid: lead.openid, role: 'building_lead', buildings: ['b3'] })
  const order = await newOrder(P.wang, { description: '楼栋长能看到的单子' })
  expect((await okAs(lead.openid, orders.get, { orderId: order._id })).contactPhone).not.toMatch(/\*/)
  await okAs(lead.openid, users.updateProfile, { name: lead.name, phone: lead.phone, buildingId: 'hp-b2', unitId: 'hp-b2-1' })
  expect(await callAs(lead.openid, orders.get, { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
