import { buildStructure, indexStructure, unitsOf } from './structure'

describe('community structure', () => {
  const s = buildStructure(
    { id: 'c', name: '幸福里社区', streetId: 's' },
    [
      { _id: 'g2', communityId: 'c', name: '第二网格', order: 2 },
      { _id: 'g1', communityId: 'c', name: '第一网格', order: 1 },
    ],
    [
      { _id: 'b2', communityId: 'c', gridId: 'g1', name: '2号楼', order: 2, unitCount: 1 },
      { _id: 'b1', communityId: 'c', gridId: 'g1', name: '1号楼', order: 1, unitCount: 2 },
      { _id: 'b9', communityId: 'c', gridId: 'gone', name: '孤楼', order: 1, unitCount: 1 },
    ],
  )
  it('sorts grids and buildings by order; drops buildings of unknown grids', () => {
    expect(s.grids.map((g) => g.id)).toEqual(['g1', 'g2'])
    expect(s.grids[0].buildings.map((b) => b.id)).toEqual(['b1', 'b2'])
    expect(s.grids[1].buildings).toEqual([])
  })
  it('units are <building>-<n> named n单元', () => {
    expect(unitsOf('b1', 2)).toEqual([
      { id: 'b1-1', name: '1单元' },
      { id: 'b1-2', name: '2单元' },
    ])
  })
  it('index answers grid of building and unit existence', () => {
    const ix = indexStructure(s)
    expect(ix.gridOf('b2')).toBe('g1')
    expect(ix.gridOf('b9')).toBeUndefined()
    expect(ix.hasUnit('b1', 'b1-2')).toBe(true)
    expect(ix.hasUnit('b1', 'b2-1')).toBe(false)
    expect(ix.hasGrid('g2')).toBe(true)
  })
})
