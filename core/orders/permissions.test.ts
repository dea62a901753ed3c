import { aCaller, anOrder } from './fixtures'
import { mayAwardPoints } from '../points/adjustments'
import { actorFor, capacities, mayOrderFor, viewFor, visibility } from './permissions'
import type { EventType } from './machine'

const people = {
  owner: aCaller({ openid: 'res' }),
  otherResident: aCaller({ openid: 'res2' }),
  volunteer: aCaller({ openid: 'vol', roles: ['resident', 'volunteer'], skills: ['repair_pipe'], team: 'red_steward' }),
  otherVolunteer: aCaller({ openid: 'vol2', roles: ['resident', 'volunteer'], skills: ['elder_meals'], team: 'youth' }),
  staffHere: aCaller({ openid: 'st1', roles: ['resident', 'staff'], scopes: { grids: ['g1'], buildings: [] } }),
  staffThere: aCaller({ openid: 'st2', roles: ['resident', 'staff'], scopes: { grids: ['g2'], buildings: [] } }),
  lead: aCaller({ openid: 'lead', roles: ['resident', 'building_lead'], scopes: { grids: [], buildings: ['b3'] } }),
  admin: aCaller({ openid: 'adm', roles: ['resident', 'admin'] }),
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
  it('a candidate sees an open order with the phone masked', () => {
    const open = anOrder({ status: 'open' })
    expect(viewFor(people.otherVolunteer, open)?.contactPhone).toBe('139****0001')
    expect(viewFor(people.owner, open)?.contactPhone).toBe('13900000001')
    expect(viewFor(people.otherResident, open)).toBeNull()
  })
})

describe('ordering for a neighbour', () => {
  it('楼栋长 for their buildings, 网格员 for their grids, admin anywhere', () => {
    const b3 = { id: 'b3', gridId: 'g1' }
    const b6 = { id: 'b6', gridId: 'g2' }
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
    const staff = aCaller({ roles: ['resident', 'staff'], scopes: { grids: ['g1'], buildings: [] } })
    expect(mayAwardPoints(staff, 20, 10)).toBe(true)
    expect(mayAwardPoints(staff, 21, 10)).toBe(false)
    expect(mayAwardPoints(aCaller({ roles: ['resident', 'admin'] }), 500, 10)).toBe(true)
  })
})
