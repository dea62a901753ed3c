import { aCaller, anOrder } from './fixtures'
import { canAwardPoints } from '../points/adjustments'
import { canOrderFor, canSee, canSend, canTriage, capacities, isCandidate, managesGrid } from './permissions'
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

/** The capacity an event is sent in, or the view allowed — null when refused. */
const actorOf = (...a: Parameters<typeof canSend>) => {
  const d = canSend(...a)
  return d.ok ? d.actor : null
}
const viewOf = (...a: Parameters<typeof canSee>) => {
  const d = canSee(...a)
  return d.ok ? d.view : null
}

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
      expect([who, canSend(c, held, type).ok]).toEqual([who, allowed.includes(who as Who)])
    }
  })
  it('ACCEPT: any approved volunteer the order is published to', () => {
    const allowedFor = (o = open) => Object.entries(people).filter(([, c]) => canSend(c, o, 'ACCEPT').ok).map(([w]) => w)
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
    expect(canSend(people.lead, proxied, 'CANCEL')).toEqual({ ok: true, actor: 'owner' })
    expect(canSend(people.owner, proxied, 'CANCEL')).toEqual({ ok: true, actor: 'owner' })
  })
  it('refused FORBIDDEN to those who see the order, NOT_FOUND to those who do not', () => {
    expect(canSend(people.owner, held, 'START')).toEqual({ ok: false, code: 'FORBIDDEN' })
    expect(canSend(people.otherResident, held, 'CANCEL')).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('visibility and phone masking', () => {
  it('owner, staff of the grid, admin, holder and 楼栋长 see everything; others nothing', () => {
    const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
    const seen = Object.fromEntries(Object.entries(people).map(([w, c]) => [w, canSee(c, held)]))
    const full = { ok: true, view: 'full', order: held }
    const hidden = { ok: false, code: 'NOT_FOUND' }
    expect(seen).toEqual({
      owner: full,
      otherResident: hidden,
      volunteer: full,
      otherVolunteer: hidden,
      staffHere: full,
      staffThere: hidden,
      lead: full,
      admin: full,
    })
  })
  it('a 楼栋长 who moved to another community no longer sees their old building', () => {
    const moved = aCaller({ ...people.lead, communityId: 'c2', home: { communityId: 'c2', streetId: people.lead.streetId! } })
    expect(canSee(moved, anOrder({ status: 'accepted', volunteerId: 'vol' }))).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
  it('a candidate sees an open order with the phone masked', () => {
    const open = anOrder({ status: 'open' })
    expect(canSee(people.otherVolunteer, open)).toEqual({ ok: true, view: 'masked', order: { ...open, contactPhone: '139****0001' } })
    expect(canSee(people.owner, open)).toEqual({ ok: true, view: 'full', order: open })
    expect(canSee(people.otherResident, open)).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('ordering for a neighbour', () => {
  it('楼栋长 for their buildings, 网格员 for their grids, admin anywhere', () => {
    const b3 = { id: 'b3', gridId: 'g1', communityId: 'c1' }
    const b6 = { id: 'b6', gridId: 'g2', communityId: 'c1' }
    const refused = { ok: false, code: 'NOT_YOUR_NEIGHBOUR' }
    expect(canOrderFor(people.lead, b3)).toEqual({ ok: true })
    expect(canOrderFor(people.lead, b6)).toEqual(refused)
    expect(canOrderFor(people.staffHere, b3)).toEqual({ ok: true })
    expect(canOrderFor(people.staffHere, b6)).toEqual(refused)
    expect(canOrderFor(people.admin, b6)).toEqual({ ok: true })
    expect(canOrderFor(people.owner, b3)).toEqual(refused)
    expect(canOrderFor(people.volunteer, b3)).toEqual(refused)
  })
})

describe('reading the dispatch queue', () => {
  it('admin any grid (all when none asked), 网格员 their own grids only', () => {
    expect(canTriage(people.admin)).toEqual({ ok: true, grids: 'all' })
    expect(canTriage(people.admin, 'g2')).toEqual({ ok: true, grids: ['g2'] })
    expect(canTriage(people.staffHere)).toEqual({ ok: true, grids: ['g1'] })
    expect(canTriage(people.staffHere, 'g1')).toEqual({ ok: true, grids: ['g1'] })
    expect(canTriage(people.staffHere, 'g2')).toEqual({ ok: false, code: 'FORBIDDEN' })
    expect(canTriage(aCaller({ roles: ['resident', 'staff'] }))).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
  it('a street admin reads the whole queue of the community acted in, or one grid of it', () => {
    const streetAdmin = aCaller({ openid: 'sa', roles: ['resident', 'street_admin'], scopes: { streets: ['s1'] } })
    expect(canTriage(streetAdmin)).toEqual({ ok: true, grids: 'all' })
    expect(canTriage(streetAdmin, 'g2')).toEqual({ ok: true, grids: ['g2'] })
    expect(canTriage(people.volunteer)).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('points staff may set on an order or an event', () => {
  it('up to twice the rule for a 网格员; an admin decides more', () => {
    const staff = aCaller({ roles: ['resident', 'staff'], scopes: { grids: ['g1'], staffOf: ['c1'], communities: ['c1'] } })
    expect(canAwardPoints(staff, 20, 10)).toEqual({ ok: true })
    expect(canAwardPoints(staff, 21, 10)).toEqual({ ok: false, code: 'POINTS_OVER_RULE' })
    expect(canAwardPoints(aCaller({ roles: ['resident', 'admin'] }), 500, 10)).toEqual({ ok: true })
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
      expect(canSee(people.admin, there)).toEqual({ ok: false, code: 'NOT_FOUND' })
      expect(canSee(people.staffHere, there)).toEqual({ ok: false, code: 'NOT_FOUND' })
      expect(canOrderFor(people.admin, { id: 'hp-b1', gridId: 'hp-g1', communityId: 'c2' })).toEqual({ ok: false, code: 'NOT_YOUR_NEIGHBOUR' })
    })
    it('staff and admins sending to another community\'s order are told so (to switch); a resident is told nothing', () => {
      const there = anOrder({ ...C2, status: 'accepted', volunteerId: 'vol9' })
      expect(canSend(people.admin, there, 'REASSIGN')).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
      expect(canSend(people.staffHere, there, 'PUBLISH')).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
      expect(canSend(people.otherResident, there, 'CANCEL')).toEqual({ ok: false, code: 'NOT_FOUND' })
    })
  })

  describe('the street office', () => {
    const streetAdmin = aCaller({ openid: 'sa', roles: ['resident', 'street_admin'], scopes: { streets: ['s1'] } })
    it('reads the orders of its street with the phone masked, nothing of another street', () => {
      const held = anOrder({ status: 'accepted', volunteerId: 'vol' })
      expect(viewOf(streetAdmin, held)).toBe('masked')
      expect(canSee(streetAdmin, held)).toMatchObject({ ok: true, order: { contactPhone: '139****0001' } })
      expect(viewOf(streetAdmin, anOrder({ ...C2, status: 'submitted' }))).toBe('masked')
      expect(viewOf(streetAdmin, anOrder({ ...C9, status: 'submitted' }))).toBeNull()
    })
    it('stands as the street only towards an order sent up to it, in its street', () => {
      const up = anOrder({ status: 'escalated', street: sentUp })
      expect([...capacities(streetAdmin, up)]).toEqual(['street'])
      expect(actorOf(streetAdmin, up, 'STREET_REPLY')).toBe('street')
      const kept = anOrder({ status: 'escalated', street: null })
      expect(capacities(streetAdmin, kept).has('street')).toBe(false)
      expect(actorOf(streetAdmin, kept, 'STREET_REPLY')).toBeNull()
      expect(capacities(streetAdmin, anOrder({ ...C9, status: 'escalated', street: sentUp })).has('street')).toBe(false)
    })
    it('changes nothing itself: no staff events, no STREET_REPLY for staff', () => {
      const up = anOrder({ status: 'escalated', street: sentUp })
      for (const type of ['FOLLOW_UP', 'CLOSE', 'PUBLISH', 'REJECT'] as const) expect(actorOf(streetAdmin, up, type)).toBeNull()
      expect(actorOf(people.staffHere, up, 'STREET_REPLY')).toBeNull()
      expect(actorOf(people.admin, up, 'STREET_REPLY')).toBeNull()
    })
    it('a resident with no street role sees nothing of the street\'s orders', () => {
      expect(viewOf(aCaller({ openid: 'x', scopes: { streets: ['s1'] } }), anOrder({ ...C2 }))).toBeNull()
    })
  })
})
