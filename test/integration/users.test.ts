/** users: profile and volunteer application, through the real SDK and the dev entry. */
import type { InputOf } from '../../core/contract/define'
import { users } from '../../core/users/contract'
import { orders } from '../../core/orders/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, freshOpenid, okAs, sdkDb } from '../support/call'
import { newGrid, newResident } from '../support/people'

const { staffZhang, admin, newcomer } = PERSONAS

describe('profile', () => {
  test('a newcomer is a guest with no profile', async () => {
    expect(await okAs(newcomer.openid, users.me, {})).toEqual({ profile: null, roles: ['guest'], scopes: { streets: [], communities: [], staffOf: [], adminOf: [], grids: [], buildings: [] }, place: null })
  })

  test('registering checks the phone, building and unit, then makes a resident', async () => {
    const openid = freshOpenid('reg')
    const bad = await callAs(openid, users.updateProfile, { name: '  ', phone: '1381234', buildingId: 'b1', unitId: 'b1-1' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!bad.ok && bad.error.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: '请填写姓名' },
        { path: 'phone', message: '请填写11位手机号' },
      ]),
    )
    const input = { name: '李阿姨', phone: '13812345678', buildingId: 'b6', unitId: 'b6-3' }
    expect(await callAs(openid, users.updateProfile, { ...input, buildingId: 'nope' })).toMatchObject({ error: { code: 'UNKNOWN_BUILDING', details: [{ path: 'buildingId', message: '没有找到这个楼栋，请重新选择' }] } })
    expect(await callAs(openid, users.updateProfile, { ...input, unitId: 'b1-1' })).toMatchObject({ error: { code: 'UNKNOWN_UNIT', details: [{ path: 'unitId', message: '这个楼栋没有这个单元，请重新选择' }] } })
    const view = await okAs(openid, users.updateProfile, input)
    expect(view).toMatchObject({ openid, name: '李阿姨', phone: '13812345678', gridId: 'g2', roles: ['resident'], volunteer: null })
    const me = await okAs(openid, users.me, {})
    expect(me.roles).toEqual(['resident'])
    const stored = (await sdkDb().collection('users').doc(openid).get()).data
    expect(stored).toMatchObject({ _id: openid, phone: '13812345678', gridId: 'g2', roles: ['resident'] })
  })

  test('saving again keeps roles and creation time; moving building moves the grid', async () => {
    const { openid, profile } = await newResident({ buildingId: 'b1' })
    const moved = await okAs(openid, users.updateProfile, { name: '改名了', phone: '13700000000', buildingId: 'b7', unitId: 'b7-2' })
    expect(moved).toMatchObject({ name: '改名了', gridId: 'g2', createdAt: profile.createdAt, roles: ['resident'] })
  })

  test('30 concurrent saves of one profile: each ok or BUSY (never a raw error); one of them is stored', async () => {
    const { openid } = await newResident()
    const inputs = Array.from({ length: 30 }, (_, i) => ({ name: `并发${i}`, phone: `1360000${String(i).padStart(4, '0')}`, buildingId: 'b4', unitId: 'b4-2' }))
    const results = await Promise.all(inputs.map((input) => callAs(openid, users.updateProfile, input)))
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c !== 'ok' && c !== 'BUSY')).toEqual([])
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(0)
    const stored = (await sdkDb().collection('users').doc(openid).get()).data
    expect(inputs.map((i) => i.name)).toContain(stored.name)
    console.log(`30 concurrent profile saves: ${codes.filter((c) => c === 'ok').length} ok, ${codes.filter((c) => c === 'BUSY').length} BUSY`)
  })

  test('the owner sees the whole phone; staff see it masked', async () => {
    // a grid of this test's own: the list holds its 网格员 and this resident, whatever other files add
    const own = await newGrid('phone')
    const { openid } = await newResident({ buildingId: own.buildingId })
    const list = await okAs(own.staff, users.listUsers, { buildingId: own.buildingId })
    expect(list.items.map((u) => u.openid).sort()).toEqual([own.staff, openid].sort())
    const row = list.items.find((u) => u.openid === openid)!
    expect(row.phone).toMatch(/^137\*{4}\d{4}$/)
    expect((await okAs(openid, users.me, {})).profile!.phone).toMatch(/^137\d{8}$/)
  })
})

describe('volunteer application and review', () => {
  const application: InputOf<typeof users.applyVolunteer> = { skills: ['repair_pipe', 'elder_visit'], availableTimes: ['weekend_morning'], team: 'red_steward', intro: '会修水管' }

  test('a guest must register first; bad skills are refused in Chinese', async () => {
    expect(await callAs(freshOpenid('g'), users.applyVolunteer, application)).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED', message: expect.stringContaining('个人信息') } })
    const { openid } = await newResident()
    const r = await callAs(openid, users.applyVolunteer, { ...application, skills: ['flying'] })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'skills.0', message: '请从列表中选择技能' }] } })
  })

  test('apply → staff of another grid cannot see or review → reject with reason → apply again → approve', async () => {
    const own = await newGrid('apply')
    const { openid } = await newResident({ buildingId: own.buildingId })
    const applied = await okAs(openid, users.applyVolunteer, application)
    expect(applied.volunteer).toMatchObject({ status: 'pending', skills: ['repair_pipe', 'elder_visit'], team: 'red_steward' })

    const inGrid = await okAs(own.staff, users.listVolunteerApplications, {})
    expect(inGrid).toMatchObject({ total: 1, items: [{ openid, gridId: own.gridId, status: 'pending' }] })
    const zhangs = await okAs(staffZhang.openid, users.listVolunteerApplications, { limit: 50 })
    expect(zhangs.items.every((i) => i.gridId === 'g1' && i.status === 'pending')).toBe(true)
    expect(zhangs.items.map((i) => i.openid)).not.toContain(openid)
    const all = await okAs(admin.openid, users.listVolunteerApplications, { gridId: own.gridId })
    expect(all.items.map((i) => i.openid)).toEqual([openid])
    expect(await callAs(staffZhang.openid, users.listVolunteerApplications, { gridId: own.gridId })).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await callAs(staffZhang.openid, users.reviewVolunteer, { openid, decision: 'approve' })).toMatchObject({ error: { code: 'FORBIDDEN' } })

    expect(await callAs(own.staff, users.reviewVolunteer, { openid, decision: 'reject' })).toMatchObject({ error: { code: 'INVALID_INPUT' } })
    const rejected = await okAs(own.staff, users.reviewVolunteer, { openid, decision: 'reject', reason: '请先参加一次培训' })
    expect(rejected.volunteer).toMatchObject({ status: 'rejected', reason: '请先参加一次培训', reviewedBy: own.staff })
    expect(rejected.roles).not.toContain('volunteer')
    expect(await callAs(own.staff, users.reviewVolunteer, { openid, decision: 'approve' })).toMatchObject({ error: { code: 'ALREADY_REVIEWED' } })

    const again = await okAs(openid, users.applyVolunteer, { ...application, intro: '培训完成了' })
    expect(again.volunteer).toEqual(expect.objectContaining({ status: 'pending', intro: '培训完成了' }))
    expect(again.volunteer).not.toHaveProperty('reason')
    const approved = await okAs(admin.openid, users.reviewVolunteer, { openid, decision: 'approve' })
    expect(approved.roles).toEqual(expect.arrayContaining(['resident', 'volunteer']))
    expect((await okAs(openid, users.me, {})).roles).toContain('volunteer')
    expect(await callAs(openid, users.applyVolunteer, application)).toMatchObject({ error: { code: 'ALREADY_VOLUNTEER' } })
    // the applicant heard each answer in their inbox: why not, then welcome
    const told = (await okAs(openid, orders.inbox, { limit: 20 })).items.filter((n) => n.kind.startsWith('volunteer_'))
    expect(told.map((n) => [n.kind, n.read])).toEqual([['volunteer_approved', false], ['volunteer_rejected', false]])
    expect(told[1].body).toContain('请先参加一次培训')
  })

  test('ten reviewers at once: exactly one decision wins', async () => {
    const { openid } = await newResident()
    await okAs(openid, users.applyVolunteer, application)
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        callAs(i % 2 ? staffZhang.openid : admin.openid, users.reviewVolunteer, i % 3 ? { openid, decision: 'approve' } : { openid, decision: 'reject', reason: '名额已满' }),
      ),
    )
    const wins = results.filter((r) => r.ok)
    expect(wins).toHaveLength(1)
    for (const r of results.filter((x) => !x.ok)) expect(['ALREADY_REVIEWED', 'BUSY']).toContain(!r.ok && r.error.code)
    const stored = (await sdkDb().collection('users').doc(openid).get()).data
    expect(stored.volunteer.status).toBe(wins[0].ok && wins[0].data.volunteer!.status)
    // one answer, one notice
    expect((await okAs(openid, orders.inbox, { limit: 20 })).items.filter((n) => n.kind.startsWith('volunteer_'))).toHaveLength(1)
  })

  test('reviewing someone who never applied', async () => {
    const { openid } = await newResident()
    expect(await callAs(admin.openid, users.reviewVolunteer, { openid, decision: 'approve' })).toMatchObject({ error: { code: 'NO_APPLICATION' } })
    expect(await callAs(admin.openid, users.reviewVolunteer, { openid: freshOpenid('x'), decision: 'approve' })).toMatchObject({ error: { code: 'NO_APPLICATION' } })
  })
})
