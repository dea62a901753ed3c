/**
 * Auth matrix for every points and events action × seven callers: the contract's roles decide
 * (guest → NOT_REGISTERED, others outside the roles → FORBIDDEN); allowed callers get past the
 * role check. Staff scope: adjusting someone outside one's grid is OUT_OF_SCOPE. Claims in the
 * payload (openid, roles) change nothing. The same payloads (幸福里's event, gift and resident) from
 * four callers elsewhere — 和平's 网格员 and admin, the street admin of 幸福街道 acting in 幸福里, the
 * street admin of another street — pass the same role gate and are then refused, except for what
 * is their own (their balance, lists and settings of where they act, a gift or event of their own).
 */
import type { ActionContract } from '../../core/contract/define'
import { mayCall, type Role } from '../../core/contract/roles'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { pointsFn } from '../../core/points/contract'
import { callAs, okAs } from '../support/call'
import { HP, once, otherStreet, streetAdminOfXingfu } from '../support/communities'
import { declares } from '../support/isolation'
import { makeUsers } from './orders-support'
import { balanceOf, credit, newEvent, newGift, requestId } from './points-support'

const CALLERS: [string, string, Role[]][] = [
  ['guest', PERSONAS.newcomer.openid, ['guest']],
  ['resident', PERSONAS.residentSun.openid, ['resident']],
  ['volunteer', PERSONAS.volunteerLi.openid, ['resident', 'volunteer']],
  ['staff g1', PERSONAS.staffZhang.openid, ['resident', 'staff']],
  ['staff g2', PERSONAS.staffChen.openid, ['resident', 'staff']],
  ['楼栋长', PERSONAS.leadZhao.openid, ['resident', 'building_lead']],
  ['admin', PERSONAS.admin.openid, ['resident', 'admin']],
]

let inputs: Record<string, () => unknown>
beforeAll(async () => {
  const gift = await newGift({ totalStock: 500 })
  const e = await newEvent({ booths: [{ giftId: gift.id, stock: 20 }], startAt: Date.now() - 60e3 })
  const [target] = await makeUsers(1, { prefix: 'auth', buildingId: 'b1' })
  const now = Date.now()
  inputs = {
    'points.adjust': () => ({ openid: target, delta: 1, reason: '测试调整', requestId: requestId() }),
    'points.setRules': () => ({ categoryPoints: {}, attendancePoints: 5, dailyCap: 200 }),
    'points.upsertGift': () => ({ name: '毛巾', price: 5, totalStock: 5, activeFrom: now, activeTo: now + 1e6 }),
    'points.redeem': () => ({ eventId: e.id, giftId: gift.id, requestId: requestId() }),
    'points.verify': () => ({ code: 'ABCD-EFGH' }),
    'points.cancelRedemption': () => ({ code: 'ABCD-EFGH', reason: '测试取消' }),
    'points.reconcile': () => ({ eventId: e.id }),
    'events.publish': () => ({ kind: 'other', title: '测试活动', place: '活动室', startAt: now + 1e6, endAt: now + 2e6, deadline: now + 1e6, capacity: 2 }),
    'events.addBooth': () => ({ eventId: e.id, giftId: gift.id, stock: 1 }),
    'events.detail': () => ({ eventId: e.id }),
    'events.signUp': () => ({ eventId: e.id }),
    'events.cancel': () => ({ eventId: e.id }),
    'events.myCode': () => ({ eventId: e.id }),
    'events.checkinCode': () => ({ eventId: e.id }),
    'events.checkIn': () => ({ eventId: e.id, code: '123456' }),
    'events.staffCheckIn': () => ({ eventId: e.id, openid: target, walkIn: true }),
    'events.attendees': () => ({ eventId: e.id }),
  }
})

const ACTIONS = [...Object.values(pointsFn), ...Object.values(eventsFn)] as ActionContract[]

const CROSS: [string, () => Promise<string>, Role[]][] = [
  ['staff of another community', async () => HP.staff, ['resident', 'staff']],
  ['admin of another community', async () => HP.admin, ['resident', 'admin']],
  ['street admin (same street)', once(() => streetAdminOfXingfu('xingfuli')), ['resident', 'street_admin']],
  ['street admin (other street)', async () => (await otherStreet()).admin, ['resident', 'street_admin']],
]
/** What reads or writes only the caller's own (account, or the community acted in): may answer ok. */
const OWN = new Set(['points.balance', 'points.statement', 'points.adjustments', 'points.auditLog', 'points.accounts', 'points.rules', 'points.gifts', 'points.myRedemptions', 'points.upsertGift', 'events.publish', 'events.list'])
/** 和平's admin asks for the street's rules; a street admin for a community's: refused, nothing written. */
const crossInput = (name: string, roles: Role[]) => (name === 'points.setRules' && roles.includes('admin') ? { ...(inputs[name]() as object), level: 'street' } : (inputs[name] ?? (() => ({})))())
const ROLE_REFUSALS = ['NOT_REGISTERED', 'FORBIDDEN']

describe.each(ACTIONS.map((c) => [`${c.fn}.${c.action}`, c] as const))('%s', (name, c) => {
  test.each(CALLERS)('%s', async (_who, openid, roles) => {
    const r = await callAs(openid, c, (inputs[name] ?? (() => ({})))())
    if (mayCall(c.roles, roles)) {
      if (!r.ok) expect(ROLE_REFUSALS).not.toContain(r.error.code)
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: roles.includes('guest') ? 'NOT_REGISTERED' : 'FORBIDDEN' } })
    }
  })
})

test('staff adjust only inside their grid; payload claims of identity or role change nothing', async () => {
  const [g1Resident] = await makeUsers(1, { prefix: 'auth', buildingId: 'b2' })
  await credit([g1Resident], 10)
  const chen = PERSONAS.staffChen.openid
  expect(await callAs(chen, pointsFn.adjust, { openid: g1Resident, delta: -10, reason: '越权', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'OUT_OF_SCOPE' } })
  const sneaky = { openid: g1Resident, roles: ['admin'], page: 1 }
  const mine = await okAs(PERSONAS.residentSun.openid, pointsFn.balance, sneaky as never)
  expect(mine.balance).toBe(await balanceOf(PERSONAS.residentSun.openid))
  expect(await callAs(PERSONAS.residentSun.openid, pointsFn.adjust, { openid: PERSONAS.residentSun.openid, delta: 999, reason: '给自己加', requestId: requestId(), roles: ['admin'] })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(await balanceOf(g1Resident)).toBe(10)
})

describe.each(ACTIONS.map((c) => [`${c.fn}.${c.action}`, c] as const))('%s across communities', (name, c) => {
  test.each(CROSS)('%s', async (who, openidOf, roles) => {
    const r = await callAs(await openidOf(), c, crossInput(name, roles))
    if (!mayCall(c.roles, roles)) return expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    if (OWN.has(name)) return r.ok || expect(ROLE_REFUSALS).not.toContain(r.error.code)
    // the street office reads 幸福里's event (it acts there); nothing else of 幸福里 is within reach
    if (name === 'events.detail' && who.includes('same street')) return expect(r.ok).toBe(true)
    if (r.ok) throw new Error(`${name} as ${who}: ok on 幸福里's data`)
    expect(declares(c, r.error.code) && r.error.code !== 'INTERNAL').toBe(true)
  })
})
