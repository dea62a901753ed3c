import type { Caller } from './permissions'
import { applyGrant, canGrant, canReview, gridScope, planRevoke } from './permissions'
import { rolesOf, scopesOf, viewUser, type UserDoc } from './model'
import { maskPhone } from './vocab'

const gridOf = (b: string) => ({ b1: 'g1', b2: 'g1', b5: 'g2' })[b]
const admin: Caller = { openid: 'a', roles: ['resident', 'admin'], scopes: { grids: [], buildings: [] } }
const staff1: Caller = { openid: 's1', roles: ['resident', 'staff'], scopes: { grids: ['g1'], buildings: [] } }
const resident: Caller = { openid: 'r', roles: ['resident'], scopes: { grids: [], buildings: [] } }

const user = (over: Partial<UserDoc> = {}): UserDoc => ({
  _id: 'u',
  name: '王秀英',
  phone: '13812345678',
  buildingId: 'b1',
  unitId: 'b1-1',
  gridId: 'g1',
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
    expect(scopesOf(user({ grids: ['g1'], buildings: ['b1'] }))).toEqual({ grids: [], buildings: [] })
    expect(scopesOf(user({ roles: ['resident', 'staff'], grids: ['g1'] }))).toEqual({ grids: ['g1'], buildings: [] })
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
    expect(canReview(staff1, { _id: 'x', gridId: 'g1' }).ok).toBe(true)
    expect(canReview(admin, { _id: 'x', gridId: 'g2' }).ok).toBe(true)
    expect(canReview(staff1, { _id: 'x', gridId: 'g2' }).ok).toBe(false)
  })
  it('nobody reviews their own application', () => {
    expect(canReview(staff1, { _id: 's1', gridId: 'g1' })).toMatchObject({ ok: false, message: '自己的申请要由其他网格员或管理员审核' })
    expect(canReview(admin, { _id: 'a', gridId: 'g1' }).ok).toBe(false)
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
  ]
  it.each(cases)('%s', (_n, c, g, ok) => expect(canGrant(c, g, gridOf).ok).toBe(ok))

  it('applyGrant merges scopes and adds the role once', () => {
    const t = user({ roles: ['resident', 'building_lead'], buildings: ['b1'] })
    expect(applyGrant(t, { role: 'building_lead', buildings: ['b1', 'b2'] })).toEqual({
      roles: ['resident', 'building_lead'],
      grids: [],
      buildings: ['b1', 'b2'],
    })
  })
})

describe('planRevoke', () => {
  const lead = user({ _id: 'l', roles: ['resident', 'building_lead'], buildings: ['b1', 'b5'] })
  it('staff removes only the buildings of their grid; the role stays while others remain', () => {
    const d = planRevoke(staff1, lead, { role: 'building_lead' }, gridOf)
    expect(d).toMatchObject({ ok: true, next: { roles: ['resident', 'building_lead'], buildings: ['b5'] } })
  })
  it('staff may not name a building outside their grid', () => {
    expect(planRevoke(staff1, lead, { role: 'building_lead', scope: ['b5'] }, gridOf).ok).toBe(false)
  })
  it('admin removes the whole role', () => {
    expect(planRevoke(admin, lead, { role: 'building_lead' }, gridOf)).toMatchObject({ ok: true, next: { roles: ['resident'], buildings: [] } })
  })
  it('admin cannot revoke their own admin role; staff cannot revoke staff or admin', () => {
    expect(planRevoke(admin, user({ _id: 'a', roles: ['resident', 'admin'] }), { role: 'admin' }, gridOf)).toMatchObject({ code: 'CANNOT_REVOKE_SELF' })
    expect(planRevoke(staff1, user({ roles: ['resident', 'staff'], grids: ['g1'] }), { role: 'staff' }, gridOf).ok).toBe(false)
    expect(planRevoke(staff1, user({ roles: ['resident', 'admin'] }), { role: 'admin' }, gridOf).ok).toBe(false)
  })
  it('staff with a scope removes some grids only', () => {
    const s = user({ roles: ['resident', 'staff'], grids: ['g1', 'g2'] })
    expect(planRevoke(admin, s, { role: 'staff', scope: ['g1'] }, gridOf)).toMatchObject({ next: { roles: ['resident', 'staff'], grids: ['g2'] } })
  })
  it('volunteer: staff of the grid yes, staff of another grid no', () => {
    const v = user({ roles: ['resident', 'volunteer'], gridId: 'g1' })
    expect(planRevoke(staff1, v, { role: 'volunteer' }, gridOf)).toMatchObject({ ok: true, next: { roles: ['resident'] } })
    expect(planRevoke(staff1, { ...v, gridId: 'g2' }, { role: 'volunteer' }, gridOf).ok).toBe(false)
  })
})
