import { aCaller, anOrder } from './fixtures'
import { mayAwardPoints } from '../points/adjustments'
import { actorFor, capacities, isCandidate, managesGrid, mayOrderFor, viewFor, visibility } from './permissions'
import type { EventType } from './machine'

const people = {
  owner: aCaller({ openid: 'res' }),
  otherResident: aCaller({ openid: 'res2' }),
  volunteer: aCaller({ openid: 'vol', roles: ['resident', 'volunteer'], skills: ['repair_pipe'], team: 'red_steward' }),
  otherVolunteer: aCaller({ openid: 'vol2', roles: ['resident', 'volunteer'], skills: ['elder_meals'], team: 'youth' }),
  staffHere: aCaller({ openid: 'st1', roles: ['resident', 'staff'], scopes: { grids: ['g1'], staffOf: ['c1'], communities: ['c1'] } }),
  staffThere: aCaller({ openid: 'st2', roles: ['resident', 'staff'], scopes: { grids: ['g2'], staffOf: ['c1'], communities: ['c1'] } }),
  lead: aCaller({ openid: 'lead', roles: ['resident', 'building_lead'], scopes: { buildings: ['b3'] } }),
  admin: aCaller({ openid: 'adm', roles: ['resident', 'admin'], scopes: { adminOf: ['c1'], communities: ['c1'] } }),
}
type Who = keyof typeof people

describe('who may send which event (order in g1/b3 owned by res, held by vol)', () => {
  const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
  const open = anOrder({ status: 'open' })
  const table: [EventType, Who[]][] = [
    ['PUBLISH', ['staffHere', 'admin']],
    ['REJECT', ['staffHere', 'admin']],
    ['CANCEL', ['owner']],
    ['CONFIRM', ['owner']],
    ['REOPEN', ['owner']],
    ['START', ['volunteer']],
    ['RELEASE', ['volunteer']],
    ['AUTO_CONFIRM', []],
  ]
  it.each(table)('%s is allowed for exactly %j', (type, allowed) => {
    for (const [who, c] of Object.entries(people)) {
      expect([who, actorFor(c, held, type) !== null]).toEqual([who, allowed.includes(who as Who)])
    }
  })
  it('ACCEPT: any approved volunteer the order is published to', () => {
    const allowedFor = (o = open) => Object.entries(people).filter(([, c]) => actorFor(c, o, 'ACCEPT')).map(([w]) => w)
    expect(allowedFor()).toEqual(['volunteer', 'otherVolunteer'])
    expect(allowedFor(anOrder({ status: 'open', audience: { skill: null, team: 'red_steward', volunteerId: null } }))).toEqual(['volunteer'])
    expect(allowedFor(anOrder({ status: 'open', audience: { skill: 'elder_meals', team: null, volunteerId: null } }))).toEqual(['otherVolunteer'])
    expect(allowedFor(anOrder({ status: 'open', audience: { skill: null, team: null, volunteerId: 'vol2' } }))).toEqual(['otherVolunteer'])
  })
  it('a volunteer who lost the role is no longer the holder', () => {
    expect(capacities(aCaller({ openid: 'vol' }), held).has('volunteer')).toBe(false)
  })
  it('the proxy orderer acts as owner; the served resident too', () => {
    const proxied = anOrder({ residentId: 'res', orderedBy: 'lead', proxy: true })
    expect(actorFor(people.lead, proxied, 'CANCEL')).toBe('owner')
    expect(actorFor(people.owner, proxied, 'CANCEL')).toBe('owner')
  })
})

describe('visibility and phone masking', () => {
  it('owner, staff of the grid, admin, holder and 楼栋长 see everything; others nothing', () => {
    const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
    const seen = Object.fromEntries(Object.entries(people).map(([w, c]) => [w, visibility(c, held)]))
    expect(seen).toEqual({
      owner: 'full',
      otherResident: null,
      volunteer: 'full',
      otherVolunteer: null,
      staffHere: 'full',
      staffThere: null,
      lead: 'full',
      admin: 'full',
    })
  })
  it('a 楼栋长 who moved to another community no longer sees their old building', () => {
    const moved = aCaller({ ...people.lead, communityId: 'c2', home: { communityId: 'c2', streetId: people.lead.streetId! } })
    expect(visibility(moved, anOrder({ status: 'accepted', volunteerId: 'vol' }))).toBeNull()
  })
  it('a candidate sees an open order with the phone masked', () => {
    const open = anOrder({ status: 'open' })
    expect(viewFor(people.otherVolunteer, open)?.contactPhone).toBe('139****0001')
    expect(viewFor(people.owner, open)?.contactPhone).toBe('13900000001')
    expect(viewFor(people.otherResident, open)).toBeNull()
  })
})

describe('ordering for a neighbour', () => {
  it('楼栋长 for their buildings, 网格员 for their grids, admin anywhere', () => {
    const b3 = { id: 'b3', gridId: 'g1', communityId: 'c1' }
    const b6 = { id: 'b6', gridId: 'g2', communityId: 'c1' }
    expect(mayOrderFor(people.lead, b3)).toBe(true)
    expect(mayOrderFor(people.lead, b6)).toBe(false)
    expect(mayOrderFor(people.staffHere, b3)).toBe(true)
    expect(mayOrderFor(people.staffHere, b6)).toBe(false)
    expect(mayOrderFor(people.admin, b6)).toBe(true)
    expect(mayOrderFor(people.owner, b3)).toBe(false)
    expect(mayOrderFor(people.volunteer, b3)).toBe(false)
  })
})

describe('points staff may set on an order or an event', () => {
  it('up to twice the rule for a 网格员; an admin decides more', () => {
    const staff = aCaller({ roles: ['resident', 'staff'], scopes: { grids: ['g1'], staffOf: ['c1'], communities: ['c1'] } })
    expect(mayAwardPoints(staff, 20, 10)).toBe(true)
    expect(mayAwardPoints(staff, 21, 10)).toBe(false)
    expect(mayAwardPoints(aCaller({ roles: ['resident', 'admin'] }), 500, 10)).toBe(true)
  })
})

describe('several communities of one street', () => {
  /** HERE is c1 of street s1; c2 is a neighbouring community of s1; c9 is in street s2. */
  const C2 = { communityId: 'c2', streetId: 's1' }
  const C9 = { communityId: 'c9', streetId: 's2' }
  const open = (over: Partial<Parameters<typeof anOrder>[0]> = {}) => anOrder({ status: 'open', ...over })
  const sentUp = { since: 1, answeredAt: null, answer: null, by: null }

  describe('who may take an order from a pool', () => {
    const vol = people.volunteer
    it('their own community\'s pool and their street\'s pool', () => {
      expect(isCandidate(vol, open())).toBe(true)
      expect(isCandidate(vol, open({ pool: 'street' }))).toBe(true)
      expect(isCandidate(vol, open({ ...C2, pool: 'street' }))).toBe(true)
    })
    it('not a neighbouring community\'s own pool, nor another street\'s pool', () => {
      expect(isCandidate(vol, open({ ...C2 }))).toBe(false)
      expect(isCandidate(vol, open({ ...C9, pool: 'street' }))).toBe(false)
      expect(isCandidate(vol, open({ ...C9 }))).toBe(false)
    })
    it('the audience still narrows the street pool', () => {
      expect(isCandidate(vol, open({ ...C2, pool: 'street', audience: { skill: 'elder_meals', team: null, volunteerId: null } }))).toBe(false)
      expect(isCandidate(people.otherVolunteer, open({ ...C2, pool: 'street', audience: { skill: 'elder_meals', team: null, volunteerId: null } }))).toBe(true)
      expect(isCandidate(vol, open({ ...C2, pool: 'street', audience: { skill: null, team: null, volunteerId: 'vol2' } }))).toBe(false)
    })
    it('reach is judged from home, not from the community acted in', () => {
      const away = aCaller({ ...vol, ...C2, scopes: { staffOf: ['c2'], communities: ['c2'] } })
      expect(isCandidate(away, open())).toBe(true)
      expect(isCandidate(away, open({ ...C2 }))).toBe(false)
      expect(isCandidate(aCaller({ ...vol, home: null }), open())).toBe(false)
    })
    it('a resident who is no volunteer is never a candidate, street pool or not', () => {
      expect(isCandidate(people.owner, open({ pool: 'street' }))).toBe(false)
    })
  })

  describe('staff and admins only in the community acted in', () => {
    it('managesGrid needs the order\'s community to be the one acted in', () => {
      expect(managesGrid(people.staffHere, { gridId: 'g1', communityId: 'c1' })).toBe(true)
      expect(managesGrid(people.staffHere, { gridId: 'g1', communityId: 'c2' })).toBe(false)
      expect(managesGrid(people.admin, { gridId: 'g1', communityId: 'c2' })).toBe(false)
      const adminActingInC2 = aCaller({ ...people.admin, ...C2 })
      expect(managesGrid(adminActingInC2, { gridId: 'hp-g1', communityId: 'c2' })).toBe(true)
      expect(managesGrid(adminActingInC2, { gridId: 'g1', communityId: 'c1' })).toBe(false)
    })
    it('an order of a neighbouring community: no staff capacity, nothing to see, no ordering for it', () => {
      const there = anOrder({ ...C2, status: 'accepted', volunteerId: 'vol9' })
      expect(capacities(people.admin, there).has('staff')).toBe(false)
      expect(visibility(people.admin, there)).toBeNull()
      expect(visibility(people.staffHere, there)).toBeNull()
      expect(actorFor(people.admin, there, 'REASSIGN')).toBeNull()
      expect(mayOrderFor(people.admin, { id: 'hp-b1', gridId: 'hp-g1', communityId: 'c2' })).toBe(false)
    })
  })

  describe('the street office', () => {
    const streetAdmin = aCaller({ openid: 'sa', roles: ['resident', 'street_admin'], scopes: { streets: ['s1'] } })
    it('reads the orders of its street with the phone masked, nothing of another street', () => {
      const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
      expect(visibility(streetAdmin, held)).toBe('masked')
      expect(viewFor(streetAdmin, held)?.contactPhone).toBe('139****0001')
      expect(visibility(streetAdmin, anOrder({ ...C2, status: 'submitted' }))).toBe('masked')
      expect(visibility(streetAdmin, anOrder({ ...C9, status: 'submitted' }))).toBeNull()
    })
    it('stands as the street only towards an order sent up to it, in its street', () => {
      const up = anOrder({ status: 'escalated', street: sentUp })
      expect([...capacities(streetAdmin, up)]).toEqual(['street'])
      expect(actorFor(streetAdmin, up, 'STREET_REPLY')).toBe('street')
      const kept = anOrder({ status: 'escalated', street: null })
      expect(capacities(streetAdmin, kept).has('street')).toBe(false)
      expect(actorFor(streetAdmin, kept, 'STREET_REPLY')).toBeNull()
      expect(capacities(streetAdmin, anOrder({ ...C9, status: 'escalated', street: sentUp })).has('street')).toBe(false)
    })
    it('changes nothing itself: no staff events, no STREET_REPLY for staff', () => {
      const up = anOrder({ status: 'escalated', street: sentUp })
      for (const type of ['FOLLOW_UP', 'CLOSE', 'PUBLISH', 'REJECT'] as const) expect(actorFor(streetAdmin, up, type)).toBeNull()
      expect(actorFor(people.staffHere, up, 'STREET_REPLY')).toBeNull()
      expect(actorFor(people.admin, up, 'STREET_REPLY')).toBeNull()
    })
    it('a resident with no street role sees nothing of the street\'s orders', () => {
      expect(visibility(aCaller({ openid: 'x', scopes: { streets: ['s1'] } }), anOrder({ ...C2 }))).toBeNull()
    })
  })
})
