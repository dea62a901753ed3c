/**
 * A person sees all the data kept about them and deletes their account: the ledger stays balanced,
 * the community's records keep the facts but lose the name, phone and WeChat id. Through the real SDK.
 */
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { orders } from '../../core/orders/contract'
import { personAccountId } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { GONE_NAME } from '../../core/users/deletion'
import { callAs, okAs, sdkDb } from '../support/call'
import { newResident } from '../support/people'
import { doneOrder, makeUsers, newOrder, P } from './orders-support'
import { balanceOf, credit, newEvent, newGift, pastEvent, quietCheck, requestId } from './points-support'

test('see everything kept, then delete: points back to the pool, records anonymised, a fresh start with the same WeChat id', async () => {
  const { openid } = await newResident({ buildingId: 'b1', name: '要注销的居民' })
  const [vol] = await makeUsers(1, { prefix: 'delv', buildingId: 'b2', volunteer: { skills: ['repair_pipe'] } })
  const orderId = await doneOrder(openid, vol)
  await okAs(openid, orders.confirm, { orderId, stars: 5 })
  await credit([openid], 40)
  const gift = await newGift({ price: 10, totalStock: 5 })
  const running = await newEvent({ startAt: Date.now() - 60e3, booths: [{ giftId: gift.id, stock: 2 }] })
  const reserved = await okAs(openid, pointsFn.redeem, { eventId: running.id, giftId: gift.id, requestId: requestId() })
  const past = await pastEvent()
  await sdkDb().collection('event_regs').doc(`reg:${past.id}:${openid}`).set({ data: { communityId: 'xingfuli', eventId: past.id, openid, name: '要注销的居民', family: 0, status: 'attended', seats: [], createdAt: 1, updatedAt: 1 } })

  const data = await okAs(openid, users.myData, {})
  expect(data).toMatchObject({ profile: { name: '要注销的居民' }, points: { balance: 30 }, blocker: null })
  expect(data.orders).toEqual([expect.objectContaining({ id: orderId, status: 'confirmed', as: 'resident' })])
  expect(data.signUps).toEqual([expect.objectContaining({ eventId: past.id, status: 'attended' })])
  expect(data.redemptions).toEqual([expect.objectContaining({ giftName: gift.name, status: 'reserved' })])

  expect(await okAs(openid, users.deleteAccount, { confirm: true })).toEqual({ deleted: true, forfeited: 40 })
  expect(await balanceOf(openid)).toBe(0)
  expect((await sdkDb().collection('users').doc(openid).get()).data).toBeNull()
  const order = (await sdkDb().collection('orders').doc(orderId).get()).data
  expect(order).toMatchObject({ status: 'confirmed', contactName: GONE_NAME, contactPhone: '', volunteerId: vol })
  expect(JSON.stringify(order)).not.toContain(openid)
  expect((await sdkDb().collection('event_regs').doc(`reg:${past.id}:${openid}`).get()).data).toMatchObject({ name: GONE_NAME, status: 'attended' })
  expect((await sdkDb().collection('redemptions').doc(`rd:${reserved.code}`).get()).data).toMatchObject({ status: 'cancelled', name: GONE_NAME })
  expect((await sdkDb().collection('points_transfers').where({ accounts: personAccountId(openid), 'source.kind': 'closure' }).get()).data).toHaveLength(1)
  expect((await quietCheck()).violations).toEqual([])

  // the same WeChat id registers again: an empty history
  await okAs(openid, users.updateProfile, { name: '新来的居民', phone: '13712340001', buildingId: 'b1', unitId: 'b1-1' })
  expect(await okAs(openid, users.myData, {})).toMatchObject({ orders: [], signUps: [], redemptions: [], points: { balance: 0 } })
  expect((await okAs(openid, orders.mine, { limit: 20 })).items).toEqual([])
})

test('work to finish first is named: open orders, upcoming sign-ups, a work role', async () => {
  const { openid } = await newResident({ buildingId: 'b1' })
  const o = await newOrder(openid)
  expect(await okAs(openid, users.myData, {})).toMatchObject({ blocker: 'HAS_ACTIVE_ORDERS' })
  expect(await callAs(openid, users.deleteAccount, { confirm: true })).toMatchObject({ ok: false, error: { code: 'HAS_ACTIVE_ORDERS', message: '您还有没办完的单子，请先取消，或等办完确认后再注销' } })
  await okAs(openid, orders.cancel, { orderId: o._id })
  const e = await newEvent()
  await okAs(openid, eventsFn.signUp, { eventId: e.id })
  expect(await callAs(openid, users.deleteAccount, { confirm: true })).toMatchObject({ ok: false, error: { code: 'HAS_SIGNUPS' } })
  expect(await callAs(P.zhang, users.deleteAccount, { confirm: true })).toMatchObject({ ok: false, error: { code: 'HAS_WORK_ROLE' } })
  expect((await sdkDb().collection('users').doc(openid).get()).data).toMatchObject({ roles: ['resident'] })
  expect(await callAs(PERSONAS.residentWang.openid, users.deleteAccount, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'confirm', message: '请确认要注销' }] } })
})
