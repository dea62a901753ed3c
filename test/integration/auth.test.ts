/**
 * Identity and role checks for every registered action: identity comes only from the caller's
 * OPENID (never the payload), and a caller outside an action's roles is refused before anything runs.
 */
import { ALL_ACTIONS } from '../../core/registry'
import { COMMON_ERRORS } from '../../core/contract/errors'
import { users } from '../../core/users/contract'
import { PERSONAS } from '../../core/demo/personas'
import { callAs, callRaw, freshOpenid, okAs, sdkCloud, sdkDb } from '../support/call'
import { newResident } from '../support/people'
import { roleGateCases } from '../support/auth-matrix'

const { residentWang, admin, staffZhang } = PERSONAS

describe('identity comes from the OPENID only', () => {
  test('claims of another openid or role in the event or the data change nothing', async () => {
    const claims = { openid: admin.openid, _openid: admin.openid, OPENID: admin.openid, role: 'admin', roles: ['admin'], userInfo: { openId: admin.openid } }
    const r = (await callRaw(residentWang.openid, 'users', { action: 'me', data: claims, ...claims })) as { ok: boolean; data: { profile: { openid: string }; roles: string[] } }
    expect(r.ok).toBe(true)
    expect(r.data.profile.openid).toBe(residentWang.openid)
    expect(r.data.roles).toEqual(['resident'])
  })

  test('a profile save cannot set roles, scopes or someone else\'s document', async () => {
    const { openid } = await newResident()
    const before = (await sdkDb().collection('users').doc(admin.openid).get()).data
    const sneaky = {
      name: '想当管理员',
      phone: '13712345678',
      buildingId: 'b1',
      unitId: 'b1-2',
      roles: ['admin', 'staff'],
      grids: ['g1', 'g2'],
      buildings: ['b1'],
      _id: admin.openid,
      openid: admin.openid,
      volunteer: { status: 'approved' },
    }
    const saved = await okAs(openid, users.updateProfile, sneaky as never)
    expect(saved).toMatchObject({ openid, roles: ['resident'], scopes: { grids: [], buildings: [] }, volunteer: null })
    const stored = (await sdkDb().collection('users').doc(openid).get()).data
    expect(stored).toMatchObject({ roles: ['resident'], grids: [], buildings: [], volunteer: null })
    expect((await sdkDb().collection('users').doc(admin.openid).get()).data).toEqual(before)
  })

  test('a resident cannot grant themselves a role, whatever the payload says', async () => {
    const { openid } = await newResident()
    const r = await callRaw(openid, 'users', { action: 'grantRole', data: { openid, role: 'admin' }, openid: admin.openid, role: 'admin' })
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: COMMON_ERRORS.FORBIDDEN, details: { action: 'grantRole' } } })
    expect((await okAs(openid, users.me, {})).roles).toEqual(['resident'])
  })

  test('no OPENID at all → UNAUTHENTICATED', async () => {
    expect(await callAs(undefined, users.me, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: COMMON_ERRORS.UNAUTHENTICATED } })
  })

  test('through the SDK\'s callFunction (the weapp path) the same router answers; a server-side caller has no OPENID', async () => {
    const res = await sdkCloud().callFunction({ name: 'users', data: { action: 'me', data: {}, openid: admin.openid } })
    expect(res.result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: COMMON_ERRORS.UNAUTHENTICATED } })
    const unknown = await sdkCloud().callFunction({ name: 'community', data: { action: 'dropDatabase', data: {} } })
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })
})

describe('staff actions refuse residents with a clear Chinese message', () => {
  test.each([
    ['listVolunteerApplications', users.listVolunteerApplications, {}],
    ['reviewVolunteer', users.reviewVolunteer, { openid: freshOpenid('x'), decision: 'approve' }],
    ['listUsers', users.listUsers, {}],
    ['grantRole', users.grantRole, { openid: residentWang.openid, role: 'building_lead', buildings: ['b3'] }],
  ] as const)('%s', async (_n, c, input) => {
    const r = await callAs(residentWang.openid, c, input)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限做这件事，如有疑问请联系网格员' } })
  })
  test('a guest is asked to register first', async () => {
    expect(await callAs(freshOpenid('guest'), users.listUsers, {})).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED', message: COMMON_ERRORS.NOT_REGISTERED } })
  })
  test('staff of grid 1 reviewing in grid 2 are told why', async () => {
    const { openid } = await newResident({ buildingId: 'b6' })
    await okAs(openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekend_evening'] })
    expect(await callAs(staffZhang.openid, users.reviewVolunteer, { openid, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '您只能审核自己网格居民的申请' },
    })
  })
})

describe('role gate over every registered action (core/registry.ts)', () => {
  const cases = roleGateCases(ALL_ACTIONS)
  test('covers every action that is not open to anyone', () => {
    const gated = new Set(cases.map(([, c]) => `${c.fn}.${c.action}`))
    expect(gated.size).toBe(ALL_ACTIONS.filter((c) => c.roles !== 'anyone').length)
  })
  test.each(cases)('%s → refused', async (_n, c, caller) => {
    const openid = typeof caller.openid === 'string' ? caller.openid : await caller.openid()
    const r = await callAs(openid, c, { junk: '<payload that would not parse>' })
    expect(r).toMatchObject({ ok: false, error: { code: caller.roles.includes('guest') ? 'NOT_REGISTERED' : 'FORBIDDEN' } })
  })
})
