import type { Role } from '../contract/roles'
import { disputeRoleOf, type DisputeScope } from './access'
import { aCaller } from '../orders/fixtures'

const CASE: DisputeScope = { communityId: 'c1', gridId: 'g1', parties: ['p1', 'p2'], mediators: ['m1'], reporter: 'l1', reportedFor: 'b1' }
const who = (openid: string, roles: Role[], over: { grids?: string[]; buildings?: string[]; communityId?: string } = {}) =>
  aCaller({
    openid,
    roles,
    communityId: over.communityId ?? 'c1',
    scopes: {
      grids: roles.includes('staff') ? (over.grids ?? []) : [],
      buildings: roles.includes('building_lead') ? (over.buildings ?? ['b1']) : [],
      staffOf: roles.includes('staff') ? ['c1'] : [],
      adminOf: roles.includes('admin') ? [over.communityId ?? 'c1'] : [],
    },
  })

describe('who may see a dispute', () => {
  it.each([
    ['a party', who('p1', ['resident']), 'party'],
    ['the 楼栋长 who reported it for an elder', who('l1', ['resident', 'building_lead']), 'reporter'],
    ['its mediator', who('m1', ['resident', 'volunteer']), 'mediator'],
    ['the 网格员 of its grid', who('s1', ['resident', 'staff'], { grids: ['g1'] }), 'staff'],
    ['the community admin', who('a1', ['resident', 'admin']), 'admin'],
    ['a resident who is not a party', who('r9', ['resident']), null],
    ['a volunteer who is not its mediator', who('v9', ['resident', 'volunteer']), null],
    ['a 网格员 of another grid', who('s2', ['resident', 'staff'], { grids: ['g2'] }), null],
    ['an admin acting in another community', who('a2', ['resident', 'admin'], { communityId: 'c2' }), null],
    ['the street office', who('st', ['resident', 'street_admin']), null],
    ['the 楼栋长 who reported it, since moved to another building', who('l1', ['resident', 'building_lead'], { buildings: ['b2'] }), null],
    ['the 楼栋长 who reported it, no longer one', who('l1', ['resident']), null],
  ] as const)('%s → %s', (_label, caller, role) => {
    expect(disputeRoleOf(caller, CASE)).toBe(role)
  })

  it('lets a reporter who is a party follow their case whatever their roles', () => {
    expect(disputeRoleOf(who('l1', ['resident']), { ...CASE, parties: [], reportedFor: null })).toBe('reporter')
  })

  it('lets a 网格员 who reported for a neighbour follow it as reporter only while the grid is theirs', () => {
    const moved = { ...who('s1', ['resident', 'staff'], { grids: ['g2'] }) }
    expect(disputeRoleOf(moved, { ...CASE, reporter: 's1' })).toBeNull()
    expect(disputeRoleOf(who('s1', ['resident', 'staff'], { grids: ['g1'] }), { ...CASE, reporter: 's1' })).toBe('staff')
  })
})
