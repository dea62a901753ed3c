/**
 * The residents list and the volunteer applications page by a cursor: walking every page gives each
 * person once while people register (and apply) between pages; what arrives after the cursor is
 * listed too (both lists are oldest first).
 */
import { users } from '../../core/users/contract'
import { PERSONAS } from '../../core/demo/personas'
import { okAs } from '../support/call'
import { expectEachOnce, walkPages } from '../support/paging'
import { newGrid, newResident } from '../support/people'

const application = { skills: ['repair_pipe' as const], availableTimes: ['weekend_morning' as const] }

describe('users lists page by a cursor', () => {
  let own: Awaited<ReturnType<typeof newGrid>>
  const residents: string[] = []
  const join = async () => {
    const { openid } = await newResident({ buildingId: own.buildingId, unitId: `${own.buildingId}-${(residents.length % 2) + 1}` })
    residents.push(openid)
    return openid
  }

  beforeAll(async () => {
    own = await newGrid('paging')
    residents.push(own.staff)
    for (let i = 0; i < 11; i++) await join()
  })

  it('residents of a grid: oldest first, each once, newcomers while paging included', async () => {
    const seen = await walkPages((cursor) => okAs(own.staff, users.listUsers, { cursor, limit: 3 }), { between: join })
    expectEachOnce(seen.map((u) => u.openid), residents)
    expect(seen).toHaveLength(residents.length)
    expect(seen.map((u) => u.createdAt)).toEqual([...seen.map((u) => u.createdAt)].sort((a, b) => a - b))
    const named = await okAs(PERSONAS.admin.openid, users.listUsers, { gridId: own.gridId, keyword: '测试居民', limit: 50 })
    expect(named.total).toBe(residents.length)
  })

  it('volunteer applications: first come first, each once, applications while paging included', async () => {
    const applied: string[] = []
    const apply = async (openid: string | undefined) => {
      if (!openid) return
      await okAs(openid, users.applyVolunteer, application)
      applied.push(openid)
    }
    for (const openid of residents.slice(1, 8)) await apply(openid)
    const later = residents.slice(8, 12)
    const seen = await walkPages((cursor) => okAs(own.staff, users.listVolunteerApplications, { cursor, limit: 2 }), { between: () => apply(later.shift()) })
    expect(later).toEqual([])
    expectEachOnce(seen.map((a) => a.openid), applied)
    expect(seen).toHaveLength(applied.length)
    expect(seen.map((a) => a.appliedAt)).toEqual([...seen.map((a) => a.appliedAt)].sort((a, b) => a - b))
    expect((await okAs(own.staff, users.listVolunteerApplications, { limit: 1 })).total).toBe(applied.length)
  })
})
