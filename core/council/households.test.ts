import { householdOf } from './households'

describe('households', () => {
  const home = { communityId: 'c1', buildingId: 'b3', unitId: 'b3-1' }
  it('one household per room of a unit, however the room is written', () => {
    const keys = ['302', '302室', ' 302 ', '３０２', '302号'].map((room) => householdOf({ ...home, room }))
    expect(new Set(keys)).toEqual(new Set(['c1|b3|b3-1|302']))
    expect(householdOf({ ...home, room: 'a01' })).toBe('c1|b3|b3-1|A01')
  })
  it('another unit, building or community is another household; no room, none yet', () => {
    expect(householdOf({ ...home, unitId: 'b3-2', room: '302' })).not.toBe(householdOf({ ...home, room: '302' }))
    expect(householdOf({ ...home, communityId: 'c2', room: '302' })).toBe('c2|b3|b3-1|302')
    expect([householdOf({ ...home }), householdOf({ ...home, room: '  ' }), householdOf({ ...home, room: null })]).toEqual([null, null, null])
  })
})
