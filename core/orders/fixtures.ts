/** Any order in any state in one line, for tests: anOrder({ status: 'accepted', volunteerId: 'v1' }). */
import { withKeys } from './keys'
import { EVERYONE, type Order } from './model'
import type { Caller } from './permissions'

export const T0 = Date.UTC(2026, 0, 5, 2, 0, 0)

export function anOrder(over: Partial<Order> = {}): Order {
  const base: Order = {
    _id: 'o-1',
    category: 'repair_pipe',
    description: '厨房下水道堵了',
    photos: [],
    address: '3号楼1单元201',
    buildingId: 'b3',
    unitId: 'b3-1',
    gridId: 'g1',
    when: 'today',
    urgency: 'normal',
    contactName: '王秀英',
    contactPhone: '13900000001',
    residentId: 'res',
    orderedBy: 'res',
    proxy: false,
    status: 'submitted',
    priority: 'normal',
    points: 10,
    audience: EVERYONE,
    volunteerId: null,
    volunteerName: null,
    triage: null,
    reason: null,
    doneNote: null,
    donePhotos: [],
    rating: null,
    reopenCount: 0,
    awardsAllowed: 1,
    awardsGiven: 0,
    createdAt: T0,
    updatedAt: T0,
    stageSince: T0,
    doneAt: null,
    confirmedAt: null,
    dueAt: null,
    overdue: false,
    timeline: [],
    grants: {},
    parties: [],
    audienceKey: 'all',
    queueKey: null,
    poolKey: null,
  }
  return withKeys({ ...base, ...over })
}

export function aCaller(over: Partial<Caller> = {}): Caller {
  return { openid: 'someone', roles: ['resident'], grids: [], buildings: [], skills: [], team: null, ...over }
}
