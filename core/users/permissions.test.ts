import type { Caller } from './permissions'
import { applyGrant, canGrant, canReview, canTouch, gridScope, planRevoke } from './permissions'
import { rolesOf, scopesOf, viewUser, type Scopes, type UserDoc } from './model'
import { maskPhone } from './vocab'

/** Community c1 of street s1 has grids g1 (b1, b2) and g2 (b5); c2 (also of s1) has grid hp-g1. */
const C1 = { communityId: 'c1', streetId: 's1' }
const C2 = { communityId: 'c2', streetId: 's1' }
const gridOf = (b: string) => ({ b1: 'g1', b2: 'g1', b5: 'g2' })[b]
const here = { gridOf, hasGrid: (g: string) => g === 'g1' || g === 'g2' }
const scopes = (over: Partial<Scopes> = {}): Scopes => ({ streets: [], communities: [], staffOf: [], adminOf: [], grids: [], buildings: [], ...over })
/** A caller acting in c1 unless told otherwise. */
const caller = (openid: string, roles: Caller['roles'], over: Partial<Scopes> = {}, at = C1): Caller => ({ openid, roles, scopes: scopes(over), ...at })
const admin = caller('a', ['resident', 'admin'], { adminOf: ['c1'], communities: ['c1'] })
const staff1 = caller('s1', ['resident', 'staff'], { grids: ['g1'], staffOf: ['c1'], communities: ['c1'] })
const resident = caller('r', ['resident'])

const user = (over: Partial<UserDoc> = {}): UserDoc => ({
  _id: 'u',
  name: '王秀英',
  phone: '13812345678',
  buildingId: 'b1',
  unitId: 'b1-1',
  gridId: 'g1',
  ...C1,
  roles: ['resident'],
  grids: [],
  buildings: [],
  volunteer: null,
  createdAt: 1,
  updatedAt: 1,
  sortKey: '000000001u',
  ...over,
})

describe('roles and views', () => {
  it('no profile is a guest; a profile is always a resident', () => {
    expect(rolesOf(null)).toEqual(['guest'])
    expect(rolesOf({ roles: [] })).toEqual(['resident'])
    expect(rolesOf({ roles: ['staff', 'guest'] as never })).toEqual(['staff', 'resident'])
  })
  it('scopes count only for the role that carries them', () => {
    const everything = { grids: ['g1'], buildings: ['b1'], staffOf: ['c1'], adminOf: ['c2'], streets: ['s1'] }
    expect(scopesOf(user(everything))).toEqual(scopes())
    expect(scopesOf(user({ roles: ['resident', 'staff'], grids: ['g1'] }))).toEqual(scopes({ grids: ['g1'] }))
    expect(scopesOf(user({ ...everything, roles: ['resident', 'staff'] }))).toEqual(scopes({ grids: ['g1'], staffOf: ['c1'], communities: ['c1'] }))
    expect(scopesOf(user({ ...everything, roles: ['resident', 'admin', 'staff'] }))).toEqual(
      scopes({ grids: ['g1'], staffOf: ['c1'], adminOf: ['c2'], communities: ['c1', 'c2'] }),
    )
    expect(scopesOf(user({ ...everything, roles: ['resident', 'street_admin', 'building_lead'] }))).toEqual(scopes({ streets: ['s1'], buildings: ['b1'] }))
  })
  it('the owner sees the whole phone, anyone else 138****5678', () => {
    expect(viewUser(user(), 'u').phone).toBe('13812345678')
    expect(viewUser(user(), 'other').phone).toBe('138****5678')
    expect(maskPhone('123')).toBe('****')
  })
})

describe('gridScope (lists)', () => {
  it.each([
    [admin, undefined, 'all'],
    [admin, 'g2', ['g2']],
    [staff1, undefined, ['g1']],
    [staff1, 'g1', ['g1']],
  ] as const)('%#: allowed', (c, req, want) => expect(gridScope(c, req)).toEqual({ ok: true, grids: want }))
  it('staff asking for another grid, or a resident, is denied', () => {
    expect(gridScope(staff1, 'g2')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(gridScope(resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('canReview', () => {
  it('staff of the applicant grid and admin may review; other staff may not', () => {
    expect(canReview(staff1, { _id: 'x', gridId: 'g1', communityId: 'c1' }).ok).toBe(true)
    expect(canReview(admin, { _id: 'x', gridId: 'g2', communityId: 'c1' }).ok).toBe(true)
    expect(canReview(staff1, { _id: 'x', gridId: 'g2', communityId: 'c1' }).ok).toBe(false)
  })
  it('nobody reviews their own application', () => {
    expect(canReview(staff1, { _id: 's1', gridId: 'g1', communityId: 'c1' })).toMatchObject({ ok: false, message: '自己的申请要由其他网格员或管理员审核' })
    expect(canReview(admin, { _id: 'a', gridId: 'g1', communityId: 'c1' }).ok).toBe(false)
  })
  it('an applicant of another community is reviewed there, not by this community’s admin', () => {
    expect(canReview(admin, { _id: 'x', gridId: 'g9', communityId: 'c2' })).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
  })
})

describe('canGrant matrix', () => {
  const cases: [string, Caller, Parameters<typeof canGrant>[1], boolean][] = [
    ['admin grants staff', admin, { openid: 't', role: 'staff', grids: ['g2'] }, true],
    ['admin grants themselves staff', admin, { openid: 'a', role: 'staff', grids: ['g2'] }, false],
    ['staff make themselves 楼栋长', staff1, { openid: 's1', role: 'building_lead', buildings: ['b1'] }, false],
    ['admin grants admin', admin, { openid: 't', role: 'admin' }, true],
    ['admin grants lead anywhere', admin, { openid: 't', role: 'building_lead', buildings: ['b5'] }, true],
    ['staff grants lead in own grid', staff1, { openid: 't', role: 'building_lead', buildings: ['b1', 'b2'] }, true],
    ['staff grants lead in other grid', staff1, { openid: 't', role: 'building_lead', buildings: ['b1', 'b5'] }, false],
    ['staff grants lead of unknown building', staff1, { openid: 't', role: 'building_lead', buildings: ['zz'] }, false],
    ['staff grants staff', staff1, { openid: 't', role: 'staff', grids: ['g1'] }, false],
    ['staff grants admin', staff1, { openid: 't', role: 'admin' }, false],
    ['resident grants lead', resident, { openid: 't', role: 'building_lead', buildings: ['b1'] }, false],
    ['admin grants street admin', admin, { openid: 't', role: 'street_admin' }, false],
    ['street admin grants street admin', caller('sa', ['resident', 'street_admin'], { streets: ['s1'] }), { openid: 't', role: 'street_admin' }, true],
    ['street admin makes themselves street admin again', caller('sa', ['resident', 'street_admin'], { streets: ['s1'] }), { openid: 'sa', role: 'street_admin' }, false],
  ]
  it.each(cases)('%s', (_n, c, g, ok) => expect(canGrant(c, g, gridOf).ok).toBe(ok))

  it('applyGrant merges scopes and adds the role once', () => {
    const t = user({ roles: ['resident', 'building_lead'], buildings: ['b1'] })
    expect(applyGrant(t, { role: 'building_lead', buildings: ['b1', 'b2'] }, C1)).toEqual({
      roles: ['resident', 'building_lead'],
      grids: [],
      buildings: ['b1', 'b2'],
      staffOf: [],
      adminOf: [],
      streets: [],
    })
  })
})

describe('planRevoke', () => {
  const lead = user({ _id: 'l', roles: ['resident', 'building_lead'], buildings: ['b1', 'b5'] })
  it('staff removes only the buildings of their grid; the role stays while others remain', () => {
    const d = planRevoke(staff1, lead, { role: 'building_lead' }, here)
    expect(d).toMatchObject({ ok: true, next: { roles: ['resident', 'building_lead'], buildings: ['b5'] } })
  })
  it('staff may not name a building outside their grid', () => {
    expect(planRevoke(staff1, lead, { role: 'building_lead', scope: ['b5'] }, here).ok).toBe(false)
  })
  it('admin removes the whole role', () => {
    expect(planRevoke(admin, lead, { role: 'building_lead' }, here)).toMatchObject({ ok: true, next: { roles: ['resident'], buildings: [] } })
  })
  it('admin cannot revoke their own admin role; staff cannot revoke staff or admin', () => {
    expect(planRevoke(admin, user({ _id: 'a', roles: ['resident', 'admin'] }), { role: 'admin' }, here)).toMatchObject({ code: 'CANNOT_REVOKE_SELF' })
    expect(planRevoke(staff1, user({ roles: ['resident', 'staff'], grids: ['g1'] }), { role: 'staff' }, here).ok).toBe(false)
    expect(planRevoke(staff1, user({ roles: ['resident', 'admin'] }), { role: 'admin' }, here).ok).toBe(false)
  })
  it('staff with a scope removes some grids only', () => {
    const s = user({ roles: ['resident', 'staff'], grids: ['g1', 'g2'], staffOf: ['c1'] })
    expect(planRevoke(admin, s, { role: 'staff', scope: ['g1'] }, here)).toMatchObject({ next: { roles: ['resident', 'staff'], grids: ['g2'] } })
  })
  it('volunteer: staff of the grid yes, staff of another grid no', () => {
    const v = user({ roles: ['resident', 'volunteer'], gridId: 'g1' })
    expect(planRevoke(staff1, v, { role: 'volunteer' }, here)).toMatchObject({ ok: true, next: { roles: ['resident'] } })
    expect(planRevoke(staff1, { ...v, gridId: 'g2' }, { role: 'volunteer' }, here).ok).toBe(false)
  })
})

describe('several communities of one street', () => {
  /** c1 and c2 are in street s1; c9 is in street s2. */
  const C9 = { communityId: 'c9', streetId: 's2' }
  const adminC2 = caller('a2', ['resident', 'admin'], { adminOf: ['c2'], communities: ['c2'] }, C2)
  const streetAdmin = caller('sa', ['resident', 'street_admin'], { streets: ['s1'] })

  describe('canTouch: whom a role may be given to or taken from', () => {
    const atHome = user({ _id: 't' })
    const neighbour = user({ _id: 't', ...C2, gridId: 'hp-g1', buildingId: 'hp-b1' })
    const farAway = user({ _id: 't', ...C9, gridId: 'x-g1', buildingId: 'x-b1' })
    it('a 楼栋长 or a volunteer only among residents of the community acted in', () => {
      for (const role of ['building_lead', 'volunteer'] as const) {
        expect(canTouch(admin, atHome, role)).toEqual({ ok: true })
        expect(canTouch(admin, neighbour, role)).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
        expect(canTouch(adminC2, neighbour, role)).toEqual({ ok: true })
        expect(canTouch(adminC2, atHome, role)).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
      }
    })
    it('staff and admins from anywhere in the same street, not from another street', () => {
      for (const role of ['staff', 'admin'] as const) {
        expect(canTouch(admin, neighbour, role)).toEqual({ ok: true })
        expect(canTouch(admin, farAway, role)).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
      }
    })
    it('someone of another street who already works in this community may be touched as staff or admin, never as 楼栋长', () => {
      const staffHere = { ...farAway, roles: ['resident' as const, 'staff' as const], staffOf: ['c1'] }
      const adminHere = { ...farAway, roles: ['resident' as const, 'admin' as const], adminOf: ['c1'] }
      expect(canTouch(admin, staffHere, 'staff')).toEqual({ ok: true })
      expect(canTouch(admin, adminHere, 'admin')).toEqual({ ok: true })
      expect(canTouch(admin, staffHere, 'building_lead')).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
      expect(canTouch(adminC2, staffHere, 'staff')).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
    })
    it('a street admin role within the street', () => {
      expect(canTouch(streetAdmin, neighbour, 'street_admin')).toEqual({ ok: true })
      expect(canTouch(streetAdmin, farAway, 'street_admin')).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
    })
  })

  describe('applyGrant records the community (or street) the grant was made in', () => {
    const staffC1 = user({ roles: ['resident', 'staff'], grids: ['g1'], staffOf: ['c1'] })
    it('staff in a second community: grids and staffOf are merged', () => {
      expect(applyGrant(staffC1, { role: 'staff', grids: ['hp-g1'] }, C2)).toEqual({
        roles: ['resident', 'staff'],
        grids: ['g1', 'hp-g1'],
        buildings: [],
        staffOf: ['c1', 'c2'],
        adminOf: [],
        streets: [],
      })
    })
    it('admin of a second community; other scopes untouched', () => {
      const t = user({ roles: ['resident', 'admin', 'staff'], grids: ['g1'], staffOf: ['c1'], adminOf: ['c1'] })
      expect(applyGrant(t, { role: 'admin' }, C2)).toMatchObject({ roles: ['resident', 'admin', 'staff'], adminOf: ['c1', 'c2'], staffOf: ['c1'], grids: ['g1'] })
      expect(applyGrant(t, { role: 'admin' }, C1).adminOf).toEqual(['c1'])
    })
    it('a street admin gets the street; a 楼栋长 gets no community scope', () => {
      expect(applyGrant(user(), { role: 'street_admin' }, C2)).toMatchObject({ roles: ['resident', 'street_admin'], streets: ['s1'], staffOf: [], adminOf: [] })
      expect(applyGrant(staffC1, { role: 'building_lead', buildings: ['hp-b1'] }, C2)).toMatchObject({ buildings: ['hp-b1'], staffOf: ['c1'], adminOf: [] })
    })
  })

  describe('planRevoke takes away only what was given in the community acted in', () => {
    it('revoking admin here keeps the admin role of another community', () => {
      const both = user({ _id: 't', roles: ['resident', 'admin'], adminOf: ['c1', 'c2'] })
      expect(planRevoke(admin, both, { role: 'admin' }, here)).toEqual({
        ok: true,
        next: { roles: ['resident', 'admin'], grids: [], buildings: [], staffOf: [], adminOf: ['c2'], streets: [] },
      })
      const onlyHere = user({ _id: 't', roles: ['resident', 'admin'], adminOf: ['c1'] })
      expect(planRevoke(admin, onlyHere, { role: 'admin' }, here)).toMatchObject({ ok: true, next: { roles: ['resident'], adminOf: [] } })
    })
    it('revoking staff here removes only this community\'s grids; the role stays for the other', () => {
      const both = user({ _id: 't', roles: ['resident', 'staff'], grids: ['g1', 'g2', 'hp-g1'], staffOf: ['c1', 'c2'] })
      expect(planRevoke(admin, both, { role: 'staff' }, here)).toEqual({
        ok: true,
        next: { roles: ['resident', 'staff'], grids: ['hp-g1'], buildings: [], staffOf: ['c2'], adminOf: [], streets: [] },
      })
    })
    it('revoking one grid of several here keeps the community in staffOf', () => {
      const both = user({ _id: 't', roles: ['resident', 'staff'], grids: ['g1', 'g2', 'hp-g1'], staffOf: ['c1', 'c2'] })
      expect(planRevoke(admin, both, { role: 'staff', scope: ['g1'] }, here)).toMatchObject({ next: { roles: ['resident', 'staff'], grids: ['g2', 'hp-g1'], staffOf: ['c1', 'c2'] } })
      // a scope naming a grid of another community takes nothing away there
      expect(planRevoke(admin, both, { role: 'staff', scope: ['hp-g1'] }, here)).toMatchObject({ next: { grids: ['g1', 'g2', 'hp-g1'], staffOf: ['c1', 'c2'] } })
    })
    it('revoking the last grid of the only community drops the role and its scopes', () => {
      const one = user({ _id: 't', roles: ['resident', 'staff'], grids: ['g1'], staffOf: ['c1'] })
      expect(planRevoke(admin, one, { role: 'staff' }, here)).toMatchObject({ ok: true, next: { roles: ['resident'], grids: [], staffOf: [] } })
    })
    it('an admin of another community may not revoke staff or admin from here', () => {
      // acting in c2, an admin of c1 holds no admin role (callerFrom drops it): the rule refuses
      const adminC1InC2 = caller('a', ['resident'], { adminOf: ['c1'], communities: ['c1'] }, C2)
      const t = user({ _id: 't', roles: ['resident', 'staff'], grids: ['g1'], staffOf: ['c1'] })
      expect(planRevoke(adminC1InC2, t, { role: 'staff' }, here).ok).toBe(false)
    })
    it('a street admin revokes a street admin of their street only; others may not', () => {
      const two = user({ _id: 't', roles: ['resident', 'street_admin'], streets: ['s1', 's2'] })
      expect(planRevoke(streetAdmin, two, { role: 'street_admin' }, here)).toMatchObject({ ok: true, next: { roles: ['resident', 'street_admin'], streets: ['s2'] } })
      const one = user({ _id: 't', roles: ['resident', 'street_admin'], streets: ['s1'] })
      expect(planRevoke(streetAdmin, one, { role: 'street_admin' }, here)).toMatchObject({ ok: true, next: { roles: ['resident'], streets: [] } })
      expect(planRevoke(admin, one, { role: 'street_admin' }, here).ok).toBe(false)
    })
  })
})
