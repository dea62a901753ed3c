import { buildStructure, indexStructure } from '../community/structure'
import { rolesOf, scopesOf } from '../users/model'
import { PERSONAS } from './personas'
import { demoSeedDocs } from './seed-docs'

describe('demo seed documents', () => {
  const docs = demoSeedDocs()
  const place = indexStructure(buildStructure({ id: 'main', name: docs.community.name }, docs.grids, docs.buildings))

  it('has 2 grids, 8 buildings and about 20 neighbours besides the personas', () => {
    expect(docs.grids).toHaveLength(2)
    expect(docs.buildings).toHaveLength(8)
    expect(docs.users.length).toBeGreaterThanOrEqual(25)
    expect(docs.users.filter((u) => u.tags?.includes('独居老人')).length).toBeGreaterThanOrEqual(5)
  })
  it('every person lives in a real unit of a real building, with the right grid', () => {
    for (const u of docs.users) {
      expect(place.hasUnit(u.buildingId, u.unitId)).toBe(true)
      expect(u.gridId).toBe(place.gridOf(u.buildingId))
      expect(u.phone).toMatch(/^1\d{10}$/)
    }
  })
  it('ids and phones are unique; the newcomer has no profile', () => {
    expect(new Set(docs.users.map((u) => u._id)).size).toBe(docs.users.length)
    expect(new Set(docs.users.map((u) => u.phone)).size).toBe(docs.users.length)
    expect(docs.users.find((u) => u._id === PERSONAS.newcomer.openid)).toBeUndefined()
  })
  it('personas get the roles and scopes their labels promise', () => {
    const by = (id: string) => docs.users.find((u) => u._id === id)!
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
  it('is deterministic', () => {
    expect(demoSeedDocs()).toEqual(docs)
  })
})
