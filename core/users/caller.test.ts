import { callerFrom } from './caller'
import type { UserDoc } from './model'

const user = (over: Partial<UserDoc>): UserDoc => ({ _id: 'u1', name: '王', phone: '13800000000', buildingId: 'b1', unitId: 'b1-1', gridId: 'g1', roles: ['resident'], createdAt: 0, ...over }) as UserDoc

describe('the one caller', () => {
  it('a guest: no roles but guest, no scopes, no home grid', () => {
    expect(callerFrom('x', null)).toEqual({ openid: 'x', roles: ['guest'], scopes: { grids: [], buildings: [] }, gridId: null, skills: [], team: null })
  })

  it('scopes only with the role that gives them; skills only once approved', () => {
    const staff = callerFrom('u1', user({ roles: ['resident', 'staff'], grids: ['g1', 'g2'], buildings: ['b9'] }))
    expect(staff.scopes).toEqual({ grids: ['g1', 'g2'], buildings: [] })
    expect(staff.gridId).toBe('g1')
    const pending = callerFrom('u1', user({ roles: ['resident'], volunteer: { status: 'pending', skills: ['repair_pipe'], team: 'youth' } as UserDoc['volunteer'] }))
    expect(pending).toMatchObject({ skills: [], team: null })
    const approved = callerFrom('u1', user({ roles: ['resident', 'volunteer'], volunteer: { status: 'approved', skills: ['repair_pipe'], team: 'youth' } as UserDoc['volunteer'] }))
    expect(approved).toMatchObject({ skills: ['repair_pipe'], team: 'youth' })
  })
})
