import { callerFrom, mayActIn, takesPartHere } from './caller'
import type { Scopes, UserDoc } from './model'

/** Street s1 has communities c1 (home of the test user), c2 and c3; c9 is in street s2. */
const C1 = { communityId: 'c1', streetId: 's1' }
const C2 = { communityId: 'c2', streetId: 's1' }
const C3 = { communityId: 'c3', streetId: 's1' }
const C9 = { communityId: 'c9', streetId: 's2' }

const user = (over: Partial<UserDoc>): UserDoc =>
  ({ _id: 'u1', name: '王', phone: '13800000000', buildingId: 'b1', unitId: 'b1-1', gridId: 'g1', ...C1, roles: ['resident'], createdAt: 0, ...over }) as UserDoc
const scopes = (over: Partial<Scopes> = {}): Scopes => ({ streets: [], communities: [], staffOf: [], adminOf: [], grids: [], buildings: [], ...over })

describe('the one caller', () => {
  it('a guest: no roles but guest, no scopes, no home grid, no community', () => {
    expect(callerFrom('x', null)).toEqual({
      openid: 'x',
      roles: ['guest'],
      scopes: scopes(),
      communityId: null,
      streetId: null,
      home: null,
      gridId: null,
      skills: [],
      team: null,
    })
  })

  it('scopes only with the role that gives them; skills only once approved', () => {
    const staff = callerFrom('u1', user({ roles: ['resident', 'staff'], grids: ['g1', 'g2'], buildings: ['b9'], staffOf: ['c1'] }))
    expect(staff.scopes).toEqual(scopes({ grids: ['g1', 'g2'], staffOf: ['c1'], communities: ['c1'] }))
    expect(staff.gridId).toBe('g1')
    const pending = callerFrom('u1', user({ roles: ['resident'], volunteer: { status: 'pending', skills: ['repair_pipe'], team: 'youth' } as UserDoc['volunteer'] }))
    expect(pending).toMatchObject({ skills: [], team: null })
    const approved = callerFrom('u1', user({ roles: ['resident', 'volunteer'], volunteer: { status: 'approved', skills: ['repair_pipe'], team: 'youth' } as UserDoc['volunteer'] }))
    expect(approved).toMatchObject({ skills: ['repair_pipe'], team: 'youth' })
  })
})

describe('the community acted in', () => {
  it('a resident acts at home, with home as their place', () => {
    const c = callerFrom('u1', user({}))
    expect(c).toMatchObject({ ...C1, home: C1, roles: ['resident'] })
  })
  it('a chosen community where they are staff is acted in; home stays home', () => {
    const c = callerFrom('u1', user({ roles: ['resident', 'staff'], grids: ['hp-g1'], staffOf: ['c2'], acting: C2 }))
    expect(c).toMatchObject({ communityId: 'c2', streetId: 's1', home: C1 })
    expect(c.roles).toContain('staff')
  })
  it('a chosen community they have no business in falls back to home', () => {
    expect(callerFrom('u1', user({ acting: C2 }))).toMatchObject({ ...C1, home: C1 })
    // staffOf without the staff role gives no scope, so no way in either
    expect(callerFrom('u1', user({ staffOf: ['c2'], acting: C2 }))).toMatchObject(C1)
    // a community of another street, for staff of a community of this street
    expect(callerFrom('u1', user({ roles: ['resident', 'staff'], staffOf: ['c2'], acting: C9 }))).toMatchObject(C1)
  })
  it('admin holds only in the communities of adminOf', () => {
    const u = user({ roles: ['resident', 'admin', 'staff'], grids: ['hp-g1'], adminOf: ['c1'], staffOf: ['c2'] })
    expect(callerFrom('u1', u).roles).toContain('admin')
    const inC2 = callerFrom('u1', { ...u, acting: C2 })
    expect(inC2.communityId).toBe('c2')
    expect(inC2.roles).not.toContain('admin')
    // an admin with no adminOf administers nothing
    expect(callerFrom('u1', user({ roles: ['resident', 'admin'] })).roles).toEqual(['resident'])
  })
  it('staff holds only in the communities of staffOf', () => {
    const u = user({ roles: ['resident', 'admin', 'staff'], grids: ['hp-g1'], adminOf: ['c1'], staffOf: ['c2'] })
    expect(callerFrom('u1', u).roles).not.toContain('staff')
    expect(callerFrom('u1', { ...u, acting: C2 }).roles).toContain('staff')
    // the scopes stay whole wherever they act (the rules narrow them by the community acted in)
    expect(callerFrom('u1', u).scopes).toEqual(scopes({ grids: ['hp-g1'], adminOf: ['c1'], staffOf: ['c2'], communities: ['c2', 'c1'] }))
  })
  it('a 楼栋长 is one only at home', () => {
    const u = user({ roles: ['resident', 'building_lead', 'staff'], buildings: ['b3'], staffOf: ['c2'] })
    expect(callerFrom('u1', u).roles).toContain('building_lead')
    const away = callerFrom('u1', { ...u, acting: C2 })
    expect(away.communityId).toBe('c2')
    expect(away.roles).not.toContain('building_lead')
    expect(away.roles).toContain('staff')
  })
  it('a street admin acts in any community of their street, and is one only there', () => {
    const u = user({ roles: ['resident', 'street_admin'], streets: ['s1'] })
    expect(callerFrom('u1', u)).toMatchObject({ ...C1, roles: ['resident', 'street_admin'] })
    expect(callerFrom('u1', { ...u, acting: C3 })).toMatchObject({ ...C3, roles: ['resident', 'street_admin'], home: C1 })
    // a community of another street is not theirs to act in
    expect(callerFrom('u1', { ...u, acting: C9 })).toMatchObject(C1)
    // living in another street, at home they are no street admin; in their street they are
    const elsewhere = user({ ...C9, roles: ['resident', 'street_admin'], streets: ['s1'] })
    expect(callerFrom('u1', elsewhere)).toMatchObject({ ...C9, roles: ['resident'] })
    expect(callerFrom('u1', { ...elsewhere, acting: C2 })).toMatchObject({ ...C2, roles: ['resident', 'street_admin'] })
  })
  it('a volunteer keeps the role wherever they act', () => {
    const u = user({ roles: ['resident', 'volunteer', 'staff'], staffOf: ['c2'], acting: C2, volunteer: { status: 'approved', skills: ['repair_pipe'] } as unknown as UserDoc['volunteer'] })
    expect(callerFrom('u1', u)).toMatchObject({ communityId: 'c2', roles: ['resident', 'volunteer', 'staff'], skills: ['repair_pipe'] })
  })
})

describe('mayActIn', () => {
  const none = { streets: [], communities: [] }
  it('at home', () => {
    expect(mayActIn(none, C1, C1)).toBe(true)
    expect(mayActIn(none, C1, C2)).toBe(false)
  })
  it('in a community of their staff or admin scope', () => {
    expect(mayActIn({ streets: [], communities: ['c2'] }, C1, C2)).toBe(true)
    expect(mayActIn({ streets: [], communities: ['c2'] }, C1, C3)).toBe(false)
  })
  it('in any community of their streets, not of another street', () => {
    expect(mayActIn({ streets: ['s1'], communities: [] }, C9, C3)).toBe(true)
    expect(mayActIn({ streets: ['s1'], communities: [] }, C1, C9)).toBe(false)
  })
  it('without a home only through scopes', () => {
    expect(mayActIn(none, null, C1)).toBe(false)
    expect(mayActIn({ streets: [], communities: ['c1'] }, null, C1)).toBe(true)
  })
})

describe('takesPartHere', () => {
  it('at home, and where one works as staff or admin; not where a street admin only oversees', () => {
    expect(takesPartHere(callerFrom('u1', user({})))).toBe(true)
    const staff = user({ roles: ['resident', 'staff'], grids: ['g7'], staffOf: ['c2'], acting: C2 })
    expect(takesPartHere(callerFrom('u1', staff))).toBe(true)
    const street = user({ roles: ['resident', 'street_admin'], streets: ['s1'] })
    expect(takesPartHere(callerFrom('u1', street))).toBe(true)
    expect(takesPartHere(callerFrom('u1', { ...street, acting: C3 }))).toBe(false)
    expect(takesPartHere(callerFrom('x', null))).toBe(false)
  })
})
