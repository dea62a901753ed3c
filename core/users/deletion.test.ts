import { anOrder } from '../orders/fixtures'
import { closureTransfer } from '../points/transfers'
import { anonymiseOrder, deletionBlocker, GONE_NAME, GONE_VOLUNTEER } from './deletion'

describe('account deletion', () => {
  it('waits for work roles, open orders, tasks and upcoming sign-ups, in that order', () => {
    const none = { roles: ['resident'] as const, activeOrders: 0, activeTasks: 0, upcomingSignUps: 0 }
    expect(deletionBlocker(none)).toBeNull()
    expect(deletionBlocker({ ...none, roles: ['resident', 'building_lead'], activeOrders: 1 })).toBe('HAS_WORK_ROLE')
    expect(deletionBlocker({ ...none, activeOrders: 1, activeTasks: 1 })).toBe('HAS_ACTIVE_ORDERS')
    expect(deletionBlocker({ ...none, activeTasks: 1 })).toBe('HAS_ACTIVE_TASKS')
    expect(deletionBlocker({ ...none, upcomingSignUps: 2 })).toBe('HAS_SIGNUPS')
  })

  it('an order no longer leads back to the resident: name, phone, detailed address and the WeChat id go', () => {
    const o = anOrder({ status: 'confirmed', address: '3号楼 1单元 201室', volunteerId: 'vol', rating: { stars: 5, comment: '好', at: 1, by: 'res' } })
    const a = anonymiseOrder(o, 'res', 'gone-1')
    expect(a).toMatchObject({ residentId: 'gone-1', orderedBy: 'gone-1', contactName: GONE_NAME, contactPhone: '', address: '3号楼', rating: { by: 'gone-1' }, parties: ['gone-1'] })
    expect(JSON.stringify(a)).not.toContain('"res"')
    expect(a.volunteerId).toBe('vol')
  })

  it('a volunteer\'s name goes from the orders they served; a neighbour\'s contact on a proxy order stays', () => {
    const served = anonymiseOrder(anOrder({ status: 'confirmed', volunteerId: 'vol', volunteerName: '李建国' }), 'vol', 'gone-2')
    expect(served).toMatchObject({ volunteerId: 'gone-2', volunteerName: GONE_VOLUNTEER, contactName: '王秀英' })
    const proxy = anonymiseOrder(anOrder({ residentId: null, orderedBy: 'lead', proxy: true, contactName: '李奶奶' }), 'lead', 'gone-3')
    expect(proxy).toMatchObject({ orderedBy: 'gone-3', contactName: '李奶奶' })
  })

  it('what is left on the account, expired lots included, goes back to the pool in one transfer', () => {
    expect(closureTransfer({ communityId: 'c', openid: 'u', lots: { 2023: 5, 2026: 10 }, closureId: 'u:gone-1', at: 1 })).toMatchObject({
      id: 'close:u:gone-1',
      from: { kind: 'person', openid: 'u' },
      to: { kind: 'pool' },
      amount: 15,
      lots: { 2023: 5, 2026: 10 },
    })
    expect(closureTransfer({ communityId: 'c', openid: 'u', lots: {}, closureId: 'x', at: 1 })).toBeNull()
  })
})
