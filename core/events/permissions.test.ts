import type { Caller } from '../users/permissions'
import type { Audience } from './model'
import { canManageEvent, canPublishFor, canSeeEvent, earnsAttendance, visibleAudiences, type Viewer } from './permissions'

const caller = (roles: Caller['roles'], grids: string[] = []): Caller => ({ openid: 'x', roles, scopes: { grids, buildings: [] } })
const staffG1 = caller(['resident', 'staff'], ['g1'])
const admin = caller(['resident', 'admin'])
const resident = caller(['resident'])

describe('canPublishFor', () => {
  it('lets staff publish community-wide and for their own grid only', () => {
    expect(canPublishFor(staffG1, { kind: 'everyone' })).toEqual({ ok: true })
    expect(canPublishFor(staffG1, { kind: 'volunteers' })).toEqual({ ok: true })
    expect(canPublishFor(staffG1, { kind: 'grid', gridId: 'g1' })).toEqual({ ok: true })
    expect(canPublishFor(staffG1, { kind: 'grid', gridId: 'g2' })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只能给自己负责的网格发布活动' })
  })
  it('lets admin publish for any grid and refuses residents', () => {
    expect(canPublishFor(admin, { kind: 'grid', gridId: 'g2' })).toEqual({ ok: true })
    expect(canPublishFor(resident, { kind: 'everyone' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('managing an event follows publishing', () => {
  const g2Event = { audience: { kind: 'grid' as const, gridId: 'g2' } }
  it('staff manage community-wide events and their own grid\'s, admin all', () => {
    expect(canManageEvent(staffG1, { audience: { kind: 'everyone' } })).toEqual({ ok: true })
    expect(canManageEvent(staffG1, g2Event)).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE' })
    expect(canManageEvent(admin, g2Event)).toEqual({ ok: true })
    expect(canManageEvent(resident, { audience: { kind: 'everyone' } }).ok).toBe(false)
  })
  it('those who run an event earn no attendance points for it', () => {
    expect(earnsAttendance(staffG1, { audience: { kind: 'everyone' } })).toBe(false)
    expect(earnsAttendance(staffG1, g2Event)).toBe(true)
    expect(earnsAttendance(resident, g2Event)).toBe(true)
    expect(earnsAttendance(admin, g2Event)).toBe(false)
  })
})

describe('one visibility rule for list and detail', () => {
  const viewer = (c: Caller, gridId: string | null): Viewer => ({ ...c, gridId })
  const ev = (audience: Audience) => ({ audience })
  it('residents see everyone\'s events and their own grid\'s', () => {
    const v = viewer(resident, 'g1')
    expect(visibleAudiences(v)).toEqual([{ kind: 'everyone' }, { kind: 'grid', gridId: 'g1' }])
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g2' }))).toBe(false)
    expect(canSeeEvent(v, ev({ kind: 'volunteers' }))).toBe(false)
  })
  it('staff also see their grids\' and volunteers\' events, not other grids\'', () => {
    const v = viewer(staffG1, 'g3')
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g1' }))).toBe(true)
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g3' }))).toBe(true)
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g2' }))).toBe(false)
    expect(canSeeEvent(v, ev({ kind: 'volunteers' }))).toBe(true)
  })
  it('admin sees all', () => {
    expect(visibleAudiences(viewer(admin, null))).toBe('all')
  })
})
