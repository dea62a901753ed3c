/** Any order in any state in one line, for tests: anOrder({ status: 'accepted', volunteerId: 'v1' }). */
import { withKeys } from './keys'
import { blankOrder, type Order } from './model'
import type { Caller } from './permissions'

export const T0 = Date.UTC(2026, 0, 5, 2, 0, 0)
/** The community (and street) the fixtures live in. */
export const HERE = { communityId: 'c1', streetId: 's1' }

export function anOrder(over: Partial<Order> = {}): Order {
  const base: Order = {
    ...blankOrder({ _id: 'o-1', now: T0, orderedBy: 'res', gridId: 'g1', ...HERE }),
    category: 'repair_pipe',
    description: '厨房下水道堵了',
    address: '3号楼1单元201',
    buildingId: 'b3',
    unitId: 'b3-1',
    when: 'today',
    contactName: '王秀英',
    contactPhone: '13900000001',
    residentId: 'res',
    points: 10,
  }
  return withKeys({ ...base, ...over })
}

/** A caller at home in HERE, acting there; `scopes` may be given in part. */
export function aCaller(over: Omit<Partial<Caller>, 'scopes'> & { scopes?: Partial<Caller['scopes']> } = {}): Caller {
  const scopes = { streets: [], communities: [], staffOf: [], adminOf: [], grids: [], buildings: [], ...over.scopes }
  return { openid: 'someone', roles: ['resident'], gridId: null, skills: [], team: null, home: HERE, ...HERE, ...over, scopes }
}
