import { buildStructure, indexStructure } from '../community/structure'
import { streetsTree } from '../community/places'
import { callerFrom } from '../users/caller'
import { rolesOf, scopesOf } from '../users/model'
import { PERSONAS } from './personas'
import { demoSeedDocs } from './seed-docs'

describe('demo seed documents', () => {
  const docs = demoSeedDocs()
  /** One structure index per community, as the community function builds it. */
  const places = new Map(
    docs.communities.map((c) => [
      c._id,
      indexStructure(
        buildStructure(
          { id: c._id, name: c.name, streetId: c.streetId },
          docs.grids.filter((g) => g.communityId === c._id),
          docs.buildings.filter((b) => b.communityId === c._id),
        ),
      ),
    ]),
  )
  const by = (id: string) => docs.users.find((u) => u._id === id)!

  it('is one street 幸福街道 with three communities: 幸福里, 和平, 春晖 in that order', () => {
    expect(docs.streets).toEqual([{ _id: 'xingfu', name: '幸福街道', streetId: 'xingfu' }])
    expect(streetsTree(docs.streets, docs.communities)).toEqual([
      {
        id: 'xingfu',
        name: '幸福街道',
        communities: [
          { id: 'xingfuli', name: '幸福里社区' },
          { id: 'heping', name: '和平社区' },
          { id: 'chunhui', name: '春晖社区' },
        ],
      },
    ])
    expect(docs.communities.every((c) => c.communityId === c._id && c.streetId === 'xingfu')).toBe(true)
  })
  it('幸福里社区 has 2 grids, 8 buildings and about 20 neighbours besides the personas', () => {
    const inXingfuli = <T extends { communityId: string }>(xs: T[]) => xs.filter((x) => x.communityId === 'xingfuli')
    expect(inXingfuli(docs.grids).map((g) => g._id)).toEqual(['g1', 'g2'])
    expect(inXingfuli(docs.buildings).map((b) => b._id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'])
    expect(inXingfuli(docs.users).length).toBeGreaterThanOrEqual(25)
    expect(inXingfuli(docs.users).filter((u) => u.tags?.includes('独居老人')).length).toBeGreaterThanOrEqual(5)
  })
  it('the two neighbouring communities have their own grids, buildings and people', () => {
    const count = (id: string) => ({
      grids: docs.grids.filter((g) => g.communityId === id).length,
      buildings: docs.buildings.filter((b) => b.communityId === id).length,
      admins: docs.users.filter((u) => u.communityId === id && u.roles.includes('admin')).length,
    })
    expect(count('heping')).toEqual({ grids: 1, buildings: 3, admins: 1 })
    expect(count('chunhui')).toEqual({ grids: 3, buildings: 12, admins: 1 })
  })
  it('every person lives in a real unit of a real building of their community, with the right grid and street', () => {
    for (const u of docs.users) {
      const place = places.get(u.communityId)
      expect([u._id, !!place]).toEqual([u._id, true])
      expect([u._id, place!.hasUnit(u.buildingId, u.unitId)]).toEqual([u._id, true])
      expect(u.gridId).toBe(place!.gridOf(u.buildingId))
      expect(u.streetId).toBe('xingfu')
      expect(u.phone).toMatch(/^1\d{10}$/)
    }
  })
  it('ids and phones are unique; the newcomer has no profile', () => {
    expect(new Set(docs.users.map((u) => u._id)).size).toBe(docs.users.length)
    expect(new Set(docs.users.map((u) => u.phone)).size).toBe(docs.users.length)
    expect(docs.users.find((u) => u._id === PERSONAS.newcomer.openid)).toBeUndefined()
  })
  it('personas get the roles and scopes their labels promise', () => {
    expect(scopesOf(by(PERSONAS.staffZhang.openid)).grids).toEqual(['g1'])
    expect(scopesOf(by(PERSONAS.staffChen.openid)).grids).toEqual(['g2'])
    expect(scopesOf(by(PERSONAS.leadZhao.openid)).buildings).toEqual(['b3'])
    expect(rolesOf(by(PERSONAS.admin.openid))).toContain('admin')
    expect(by(PERSONAS.volunteerLi.openid).volunteer).toMatchObject({ status: 'approved', team: 'red_steward' })
    expect(by(PERSONAS.applicantZhou.openid).volunteer?.status).toBe('pending')
    const approved = docs.users.filter((u) => u.volunteer?.status === 'approved')
    expect(approved.every((u) => u.roles.includes('volunteer'))).toBe(true)
    expect(approved.filter((u) => u.volunteer?.team === 'red_steward').length).toBeGreaterThanOrEqual(2)
  })
  it('staff and admins work in their home community; the street admin over the street', () => {
    expect(scopesOf(by(PERSONAS.staffZhang.openid))).toMatchObject({ staffOf: ['xingfuli'], adminOf: [] })
    expect(scopesOf(by(PERSONAS.admin.openid))).toMatchObject({ adminOf: ['xingfuli'], staffOf: [] })
    expect(by(PERSONAS.staffHeping.openid)).toMatchObject({ communityId: 'heping', staffOf: ['heping'] })
    expect(scopesOf(by(PERSONAS.staffHeping.openid)).grids).toEqual(['hp-g1'])
    const street = callerFrom(PERSONAS.streetAdmin.openid, by(PERSONAS.streetAdmin.openid))
    expect(street).toMatchObject({ communityId: 'chunhui', streetId: 'xingfu', scopes: { streets: ['xingfu'] } })
    expect(street.roles).toContain('street_admin')
    // the 幸福里 admin cannot choose to act in 和平: adminOf names only home
    expect(callerFrom(PERSONAS.admin.openid, { ...by(PERSONAS.admin.openid), acting: { communityId: 'heping', streetId: 'xingfu' } }).communityId).toBe('xingfuli')
  })
  it('gives every resident a room number (上门服务 need it) and every community its own phone', () => {
    expect(docs.users.filter((u) => !/^[1-6]0[12]$/.test(u.room ?? '')).map((u) => u._id)).toEqual([])
    expect(docs.communities.map((c) => [c._id, c.phone])).toEqual([
      ['xingfuli', '021-55550101'],
      ['heping', '021-55550202'],
      ['chunhui', '021-55550303'],
    ])
  })
  it('is deterministic', () => {
    expect(demoSeedDocs()).toEqual(docs)
  })
})
