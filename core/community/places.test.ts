import { placeOf, streetsTree, type CommunityDoc, type StreetDoc } from './places'

const street = (_id: string, name: string): StreetDoc => ({ _id, name, streetId: _id })
const community = (_id: string, streetId: string, order: number): CommunityDoc => ({ _id, name: `${_id}社区`, streetId, communityId: _id, order })

describe('streetsTree', () => {
  it('streets by id (they carry no order), communities by order then id, each under its own street', () => {
    const tree = streetsTree(
      [street('s2', '二街道'), street('s1', '一街道')],
      [community('c3', 's1', 2), community('c1', 's1', 1), community('c9', 's2', 1), community('c2', 's1', 2)],
    )
    expect(tree).toEqual([
      { id: 's1', name: '一街道', communities: [{ id: 'c1', name: 'c1社区' }, { id: 'c2', name: 'c2社区' }, { id: 'c3', name: 'c3社区' }] },
      { id: 's2', name: '二街道', communities: [{ id: 'c9', name: 'c9社区' }] },
    ])
  })
  it('a community of an unknown street is left out; a street without communities is kept, empty', () => {
    const tree = streetsTree([street('s1', '一街道'), street('s3', '三街道')], [community('c1', 's1', 1), community('lost', 'gone', 0)])
    expect(tree.map((s) => [s.id, s.communities.map((c) => c.id)])).toEqual([
      ['s1', ['c1']],
      ['s3', []],
    ])
  })
  it('does not reorder the arrays it is given', () => {
    const streets = [street('s2', '二'), street('s1', '一')]
    const communities = [community('c2', 's1', 2), community('c1', 's1', 1)]
    streetsTree(streets, communities)
    expect(streets.map((s) => s._id)).toEqual(['s2', 's1'])
    expect(communities.map((c) => c._id)).toEqual(['c2', 'c1'])
  })
})

describe('placeOf', () => {
  it('a community document is the place of its id and street', () => {
    expect(placeOf(community('c1', 's1', 1))).toEqual({ communityId: 'c1', streetId: 's1' })
  })
})
