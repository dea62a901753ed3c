/**
 * A street of three communities through the real SDK: the street office's queue of escalated 大事
 * and its answer, the street pool (a volunteer of a neighbouring community serves, the points come
 * from the pool of the order's community), and staff of one community refused in another.
 */
import { orders } from '../../core/orders/contract'
import { PERSONAS } from '../../core/demo/personas'
import { users } from '../../core/users/contract'
import { callAs, sdkDb } from '../support/call'
import { newResident } from '../support/people'
import { balanceOf, newOrder, okAs, P } from './orders-support'
import { publishBase } from './points-support'
import { eventsFn } from '../../core/events/contract'
import { pointsFn } from '../../core/points/contract'

const STREET_ADMIN = PERSONAS.streetAdmin.openid
const HEPING_STAFF = PERSONAS.staffHeping.openid
const HEPING_VOLUNTEER = 'demo-hp-v1' // approved, repairs, lives in 和平社区

const poolShards = async (communityId: string): Promise<number> => {
  const { data } = await sdkDb().collection('points_accounts').where({ kind: 'pool', communityId }).limit(100).get()
  return (data as { balance: number }[]).reduce((s, a) => s + a.balance, 0)
}

describe('the street office', () => {
  it('sees a 大事 escalated to the street (phone masked), answers it, and the staff who sent it see the answer', async () => {
    const o = await newOrder(P.wang, { category: 'other', description: '小区门口路灯坏了一排' })
    await okAs(P.zhang, orders.escalate, { orderId: o._id, department: '街道城管科', note: '需要街道协调', toStreet: true })
    const queue = await okAs(STREET_ADMIN, orders.streetQueue, { limit: 50, communityId: 'xingfuli' })
    const item = queue.items.find((i) => i._id === o._id)!
    expect(item).toMatchObject({ communityId: 'xingfuli', street: { answeredAt: null }, clock: { respondLate: false, solveLate: false } })
    expect(item.clock.respondBy - item.street!.since).toBe(24 * 3_600_000)
    // the street admin reads orders of their street without the resident's phone
    const seen = await okAs(STREET_ADMIN, orders.get, { orderId: o._id })
    expect(seen.contactPhone).toMatch(/\*\*\*\*/)

    await okAs(STREET_ADMIN, orders.streetReply, { orderId: o._id, note: '已安排城管科三天内更换' })
    const after = await okAs(P.zhang, orders.get, { orderId: o._id })
    expect(after.street).toMatchObject({ answer: '已安排城管科三天内更换', by: STREET_ADMIN })
    expect(after.timeline.at(-1)).toMatchObject({ event: 'STREET_REPLY', actor: 'street', note: '已安排城管科三天内更换' })
    // answered: behind the unanswered ones in the queue
    const again = await okAs(STREET_ADMIN, orders.streetQueue, { limit: 50 })
    expect(again.items.find((i) => i._id === o._id)!.street!.answeredAt).not.toBeNull()
    // nobody else answers for the street, and the street cannot answer what was not sent up to it
    expect(await callAs(P.zhang, orders.streetReply, { orderId: o._id, note: '我来答' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const local = await newOrder(P.wang, { category: 'other', description: '楼道灯不亮' })
    await okAs(P.zhang, orders.escalate, { orderId: local._id, department: '物业', note: '社区内协调' })
    expect(await callAs(STREET_ADMIN, orders.streetReply, { orderId: local._id, note: '答复' })).toMatchObject({ ok: false })
  })

  it('a street admin cannot change a community’s orders (read-only)', async () => {
    const o = await newOrder(P.wang, { category: 'other', description: '想找人陪聊天' })
    expect(await callAs(STREET_ADMIN, orders.publish, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('communities side by side', () => {
  it('staff of 和平社区 are refused on an order of 幸福里社区 and do not see it in their queue', async () => {
    const o = await newOrder(P.wang, { category: 'repair_pipe', description: '水管漏水' })
    expect(await callAs(HEPING_STAFF, orders.publish, { orderId: o._id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
    expect(await callAs(HEPING_STAFF, orders.get, { orderId: o._id })).toMatchObject({ ok: false })
    const queue = await okAs(HEPING_STAFF, orders.triageQueue, { limit: 50 })
    expect(queue.items.every((i) => i.communityId === 'heping')).toBe(true)
    expect(queue.items.some((i) => i._id === o._id)).toBe(false)
  })

  it('published to the street pool, a volunteer of a neighbouring community serves it; the points come from the order’s community', async () => {
    const resident = await newResident({ prefix: 'street-res' })
    const o = await newOrder(resident.openid, { category: 'repair_pipe', description: '厨房水龙头坏了' })
    // only the community's own pool: the neighbouring volunteer cannot take it
    await okAs(P.zhang, orders.publish, { orderId: o._id, points: 10 })
    expect(await callAs(HEPING_VOLUNTEER, orders.accept, { orderId: o._id })).toMatchObject({ ok: false })
    await okAs(P.zhang, orders.reassign, { orderId: o._id, reason: '放到街道' })
    const o2 = await newOrder(resident.openid, { category: 'repair_pipe', description: '卫生间水管堵了' })
    await okAs(P.zhang, orders.publish, { orderId: o2._id, points: 10, toStreet: true })
    const [before, xingfuliPool, hepingPool] = await Promise.all([balanceOf(HEPING_VOLUNTEER), poolShards('xingfuli'), poolShards('heping')])
    await okAs(HEPING_VOLUNTEER, orders.accept, { orderId: o2._id })
    await okAs(HEPING_VOLUNTEER, orders.reportDone, { orderId: o2._id, note: '修好了', photos: [] })
    await okAs(resident.openid, orders.confirm, { orderId: o2._id, stars: 5 })
    expect(await balanceOf(HEPING_VOLUNTEER)).toBe(before + 10)
    expect(await poolShards('xingfuli')).toBe(xingfuliPool - 10)
    expect(await poolShards('heping')).toBe(hepingPool)
  })

  it('events: a community’s event is listed, opened and signed up for only in that community', async () => {
    const e = await okAs(HEPING_STAFF, eventsFn.publish, { ...publishBase(), title: '和平社区义剪' })
    const listOf = async (who: string) => (await okAs(who, eventsFn.list, { tab: 'upcoming', limit: 50 })).items.map((i) => i.id)
    expect(await listOf('demo-hp-r1')).toContain(e.id)
    expect(await listOf(P.wang)).not.toContain(e.id)
    expect(await callAs(P.wang, eventsFn.detail, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await callAs(P.wang, eventsFn.signUp, { eventId: e.id, family: 0, subscribed: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await callAs(P.zhang, eventsFn.attendees, { eventId: e.id })).toMatchObject({ ok: false, error: { code: 'OTHER_COMMUNITY' } })
  })

  it('the audit trail of one community is not shown to the admin of another', async () => {
    const ghost = `it-ghost-${Date.now().toString(36)}`
    await callAs(P.admin, pointsFn.adjust, { openid: ghost, delta: 5, reason: '测试审计', requestId: ghost.slice(-16) })
    const trail = async (admin: string) => (await okAs(admin, pointsFn.auditLog, { action: 'points.adjust', limit: 50 })).items
    expect((await trail(P.admin)).some((i) => JSON.stringify(i.input).includes(ghost))).toBe(true)
    const other = await trail('demo-hp-admin')
    expect(other.some((i) => JSON.stringify(i.input).includes(ghost))).toBe(false)
    expect(other.every((i) => i.by !== P.admin)).toBe(true)
  })

  it('acting in another community is only for those who work there', async () => {
    expect(await callAs(P.zhang, users.actIn, { communityId: 'heping' })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_COMMUNITY' } })
    expect(await okAs(STREET_ADMIN, users.actIn, { communityId: 'heping' })).toEqual({ communityId: 'heping', streetId: 'xingfu' })
    const q = await okAs(STREET_ADMIN, orders.triageQueue, { limit: 50 })
    expect(q.items.every((i) => i.communityId === 'heping')).toBe(true)
    await okAs(STREET_ADMIN, users.actIn, { communityId: 'xingfuli' })
  })
})

describe('street-wide defaults', () => {
  it('a community without its own SLA uses the street’s; one with its own keeps it; only a street admin sets the street’s', async () => {
    const base = await okAs(HEPING_STAFF, orders.sla, {})
    const streetSla = { byUrgency: { ...base.byUrgency, normal: { ...base.byUrgency.normal, triage: 12 } }, byCategory: base.byCategory, level: 'street' as const }
    expect(await callAs('demo-hp-admin', orders.setSla, streetSla)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await okAs(STREET_ADMIN, orders.setSla, streetSla)
    expect((await okAs(HEPING_STAFF, orders.sla, {})).byUrgency.normal.triage).toBe(12)
    expect((await okAs('demo-ch-staff1', orders.sla, {})).byUrgency.normal.triage).toBe(12)
    // 和平 sets its own: it wins there, 春晖 still follows the street
    await okAs('demo-hp-admin', orders.setSla, { ...streetSla, level: 'community', byUrgency: { ...base.byUrgency, normal: { ...base.byUrgency.normal, triage: 6 } } })
    expect((await okAs(HEPING_STAFF, orders.sla, {})).byUrgency.normal.triage).toBe(6)
    expect((await okAs('demo-ch-staff1', orders.sla, {})).byUrgency.normal.triage).toBe(12)
    const stored = await sdkDb().collection('settings').doc('orders_sla:street:xingfu').get()
    expect(stored.data).toMatchObject({ streetId: 'xingfu', byUrgency: { normal: { triage: 12 } } })
    // back to the built-in hours for the other files (same values as the default)
    await okAs(STREET_ADMIN, orders.setSla, { ...streetSla, byUrgency: base.byUrgency })
    await okAs('demo-hp-admin', orders.setSla, { ...streetSla, level: 'community', byUrgency: base.byUrgency })
  })
})
