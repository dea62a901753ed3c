/** users: grants, revokes, lists and the first admin; community upserts. */
import { users } from '../../core/users/contract'
import { community } from '../../core/community/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, freshOpenid, okAs, testCloud } from '../support/call'
import { newResident } from '../support/people'

const { staffZhang, staffChen, admin, residentWang, leadZhao } = PERSONAS

describe('grant and revoke', () => {
  test('admin grants staff with grids; the new staff member sees their grid', async () => {
    const { openid } = await newResident()
    expect(await callAs(admin.openid, users.grantRole, { openid, role: 'staff', grids: ['nope'] })).toMatchObject({ error: { code: 'UNKNOWN_GRID' } })
    const v = await okAs(admin.openid, users.grantRole, { openid, role: 'staff', grids: ['g2'] })
    expect(v).toMatchObject({ roles: expect.arrayContaining(['staff']), scopes: { grids: ['g2'] } })
    const list = await okAs(openid, users.listUsers, { limit: 50 })
    expect(list.items.length).toBeGreaterThan(0)
    expect(list.items.every((u) => u.gridId === 'g2')).toBe(true)
  })

  test('staff appoint a 楼栋长 only inside their grid; never staff or admin', async () => {
    const { openid } = await newResident()
    expect(await callAs(staffZhang.openid, users.grantRole, { openid, role: 'building_lead', buildings: ['b5'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '网格员只能任命自己网格内的楼栋长' },
    })
    expect(await callAs(staffZhang.openid, users.grantRole, { openid, role: 'staff', grids: ['g1'] })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await callAs(staffZhang.openid, users.grantRole, { openid, role: 'admin' })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await callAs(staffZhang.openid, users.grantRole, { openid: freshOpenid('nobody'), role: 'building_lead', buildings: ['b1'] })).toMatchObject({
      error: { code: 'TARGET_NOT_REGISTERED' },
    })
    const lead = await okAs(staffZhang.openid, users.grantRole, { openid, role: 'building_lead', buildings: ['b1', 'b2'] })
    expect(lead.scopes.buildings).toEqual(['b1', 'b2'])
    expect((await okAs(openid, users.me, {})).roles).toContain('building_lead')

    // Admin adds a building of grid 2; staff of grid 1 then removes only theirs: the role stays for b5.
    await okAs(admin.openid, users.grantRole, { openid, role: 'building_lead', buildings: ['b5'] })
    const after = await okAs(staffZhang.openid, users.revokeRole, { openid, role: 'building_lead' })
    expect(after).toMatchObject({ roles: expect.arrayContaining(['building_lead']), scopes: { buildings: ['b5'] } })
    expect(await callAs(staffZhang.openid, users.revokeRole, { openid, role: 'building_lead' })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const gone = await okAs(staffChen.openid, users.revokeRole, { openid, role: 'building_lead', scope: ['b5'] })
    expect(gone.roles).not.toContain('building_lead')
    expect(gone.scopes.buildings).toEqual([])
  })

  test('revoking a volunteer lets them apply again; an admin cannot drop their own admin role', async () => {
    const { openid } = await newResident()
    await okAs(openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekday_evening'] })
    await okAs(staffZhang.openid, users.reviewVolunteer, { openid, decision: 'approve' })
    expect(await callAs(staffChen.openid, users.revokeRole, { openid, role: 'volunteer' })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const revoked = await okAs(staffZhang.openid, users.revokeRole, { openid, role: 'volunteer' })
    expect(revoked.roles).not.toContain('volunteer')
    expect(revoked.volunteer).toMatchObject({ status: 'rejected', reason: '志愿者身份已撤销' })
    expect((await okAs(openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekday_evening'] })).volunteer?.status).toBe('pending')
    expect(await callAs(admin.openid, users.revokeRole, { openid: admin.openid, role: 'admin' })).toMatchObject({
      error: { code: 'CANNOT_REVOKE_SELF', message: expect.stringContaining('另一位管理员') },
    })
  })
})

describe('listUsers', () => {
  test('staff see their grid only; admin sees everyone; filters', async () => {
    const mine = await okAs(staffZhang.openid, users.listUsers, { limit: 50 })
    expect(mine.items.every((u) => u.gridId === 'g1')).toBe(true)
    expect(await callAs(staffZhang.openid, users.listUsers, { gridId: 'g2' })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const all = await okAs(admin.openid, users.listUsers, { limit: 50 })
    expect(all.total).toBeGreaterThanOrEqual(28)
    const wang = await okAs(admin.openid, users.listUsers, { keyword: '秀英' })
    expect(wang.items.map((u) => u.openid)).toContain(residentWang.openid)
    const vols = await okAs(admin.openid, users.listUsers, { role: 'volunteer', limit: 50 })
    expect(vols.items.length).toBeGreaterThanOrEqual(5)
    expect(vols.items.every((u) => u.roles.includes('volunteer'))).toBe(true)
    expect(await okAs(admin.openid, users.listUsers, { keyword: '.*' })).toMatchObject({ items: [], total: 0 })
  })

  test('a 楼栋长 or resident may not list users', async () => {
    expect(await callAs(leadZhao.openid, users.listUsers, {})).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await callAs(residentWang.openid, users.listUsers, {})).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })
})

describe('first admin (bootstrap)', () => {
  test('wrong code refused; the invite works once; a listed OPENID needs no code', async () => {
    const { adminInvite, adminOpenids } = testCloud()
    const first = await newResident()
    const second = await newResident()
    expect(await callAs(first.openid, users.bootstrapAdmin, { code: 'guess-guess' })).toMatchObject({ error: { code: 'INVITE_INVALID' } })
    expect(await callAs(freshOpenid('g'), users.bootstrapAdmin, { code: adminInvite })).toMatchObject({ error: { code: 'NOT_REGISTERED' } })
    const made = await Promise.all([first, second].map((p) => callAs(p.openid, users.bootstrapAdmin, { code: adminInvite })))
    expect(made.filter((r) => r.ok)).toHaveLength(1)
    expect(made.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual([expect.stringMatching(/^(INVITE_USED|BUSY)$/)])
    const winner = made[0].ok ? first : second
    expect((await okAs(winner.openid, users.me, {})).roles).toContain('admin')
    expect(await okAs(winner.openid, users.bootstrapAdmin, { code: adminInvite })).toMatchObject({ roles: expect.arrayContaining(['admin']) })

    const listed = adminOpenids[0]
    await okAs(listed, users.updateProfile, { name: '书记', phone: '13911112222', buildingId: 'b4', unitId: 'b4-1' })
    expect((await okAs(listed, users.bootstrapAdmin, {})).roles).toContain('admin')
  })
})

describe('community structure management', () => {
  test('admin adds a grid and a building; units only grow; residents can live there', async () => {
    expect(await callAs(staffZhang.openid, community.upsertGrid, { id: 'it-g9', name: '测试网格' })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await okAs(admin.openid, community.upsertGrid, { id: 'it-g9', name: '测试网格', order: 9 })).toEqual({ id: 'it-g9', name: '测试网格', order: 9 })
    expect(await callAs(admin.openid, community.upsertBuilding, { id: 'it-b90', gridId: 'nope', name: '90号楼', unitCount: 2 })).toMatchObject({ error: { code: 'UNKNOWN_GRID' } })
    const b = await okAs(admin.openid, community.upsertBuilding, { id: 'it-b90', gridId: 'it-g9', name: '90号楼', unitCount: 2 })
    expect(b.units.map((u) => u.id)).toEqual(['it-b90-1', 'it-b90-2'])
    expect(await callAs(admin.openid, community.upsertBuilding, { id: 'it-b90', gridId: 'it-g9', name: '90号楼', unitCount: 1 })).toMatchObject({ error: { code: 'UNITS_CANNOT_SHRINK' } })
    expect(await callAs(admin.openid, community.upsertBuilding, { id: 'it-b90', gridId: 'g1', name: '90号楼', unitCount: 3 })).toMatchObject({ error: { code: 'BUILDING_GRID_FIXED' } })
    const s = await okAs(freshOpenid('guest'), community.structure, {})
    expect(s.grids.find((g) => g.id === 'it-g9')?.buildings.map((x) => x.id)).toEqual(['it-b90'])
    const demo = (gridId: string) => s.grids.find((g) => g.id === gridId)!.buildings.filter((x) => /^b\d$/.test(x.id)).map((x) => x.id)
    expect([demo('g1'), demo('g2')]).toEqual([['b1', 'b2', 'b3', 'b4'], ['b5', 'b6', 'b7', 'b8']])
    const { profile } = await newResident({ buildingId: 'it-b90', unitId: 'it-b90-2' })
    expect(profile.gridId).toBe('it-g9')
  })
})
