import { aCaller } from '../orders/fixtures'
import { HOT_FACTOR, HOT_MIN, hotspotsOf } from './hotspots'
import { canFreeze, canSeeKpis } from './permissions'
import { shiftMonth } from './vocab'

describe('whose numbers', () => {
  const staff = aCaller({ roles: ['resident', 'staff'], scopes: { grids: ['g1', 'g2'] } })
  const admin = aCaller({ roles: ['resident', 'admin'] })
  const street = aCaller({ roles: ['resident', 'street_admin'], scopes: { streets: ['s1'] } })
  it('a 网格员: their grids, or one of them; never another grid or community', () => {
    expect(canSeeKpis(staff, {})).toMatchObject({ ok: true, scope: { level: 'grid', communities: ['c1'], grids: ['g1', 'g2'] } })
    expect(canSeeKpis(staff, { gridId: 'g2' })).toMatchObject({ ok: true, scope: { grids: ['g2'] } })
    expect(canSeeKpis(staff, { gridId: 'g9' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(canSeeKpis(staff, { communityId: 'c2' })).toMatchObject({ ok: false, code: 'OTHER_COMMUNITY' })
  })
  it('an admin: every grid of the community acted in; a street admin: the street, or one community of it', () => {
    expect(canSeeKpis(admin, {})).toMatchObject({ ok: true, scope: { level: 'community', communities: ['c1'], grids: 'all' } })
    expect(canSeeKpis(street, {})).toMatchObject({ ok: true, scope: { level: 'street', communities: 'street', grids: 'all' } })
    expect(canSeeKpis(street, { communityId: 'c2' })).toMatchObject({ ok: true, scope: { communities: ['c2'] } })
  })
  it('a resident or volunteer sees none; freezing is for an admin (community) or a street admin (street)', () => {
    expect(canSeeKpis(aCaller(), {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(canFreeze(admin)).toMatchObject({ ok: true, level: 'community', scopeId: 'c1' })
    expect(canFreeze(street)).toMatchObject({ ok: true, level: 'street', scopeId: 's1' })
    expect(canFreeze(staff)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('hotspots', () => {
  const counts = (category: Record<string, number>, building: Record<string, number> = {}) => ({ category, building })
  const spots = (now: ReturnType<typeof counts>, before: ReturnType<typeof counts>[]) =>
    hotspotsOf({ now, before, categoryLabel: (c) => `类${c}`, buildingName: (b) => `楼${b}` }).map((h) => [h.kind, h.id, h.count, h.usual])
  it(`at least ${HOT_MIN} this month and ${HOT_FACTOR}× the average of the three months before`, () => {
    const before = [counts({ pipe: 2, light: 5 }, { b1: 1 }), counts({ pipe: 3, light: 5 }, { b1: 2 }), counts({ pipe: 1, light: 5 }, { b1: 0 })]
    expect(spots(counts({ pipe: 4, light: 9 }, { b1: 6 }), before)).toEqual([['building', 'b1', 6, 1]])
    // the furthest above its usual first
    expect(spots(counts({ pipe: 5, light: 10 }), before)).toEqual([['category', 'light', 10, 5], ['category', 'pipe', 5, 2]])
  })
  it('with no history, the minimum alone', () => {
    expect(spots(counts({ pipe: 5, light: 4 }), [])).toEqual([['category', 'pipe', 5, 0]])
  })
  it('as far above usual: categories before buildings, then by id, whatever order they were counted in', () => {
    const want = [['category', 'light', 6, 0], ['category', 'pipe', 6, 0], ['building', 'b1', 6, 0], ['building', 'b2', 6, 0]]
    expect(spots(counts({ pipe: 6, light: 6 }, { b2: 6, b1: 6 }), [])).toEqual(want)
    expect(spots(counts({ light: 6, pipe: 6 }, { b1: 6, b2: 6 }), [])).toEqual(want)
  })
})

test('months step across the year both ways', () => {
  expect([shiftMonth('2026-12', 1), shiftMonth('2026-01', -1), shiftMonth('2026-12', -5), shiftMonth('2026-03', 0)]).toEqual(['2027-01', '2025-12', '2026-07', '2026-03'])
})
