import type { Caller } from '../users/permissions'
import type { Audience } from './model'
import { canManageEvent, canPublishFor, canSeeEvent, earnsAttendance, visibleAudiences, type Viewer } from './permissions'

/** A caller acting in c1 (street s1); staff and admins are scoped there. */
const caller = (roles: Caller['roles'], grids: string[] = [], at = { communityId: 'c1', streetId: 's1' }): Caller => {
  const staffOf = roles.includes('staff') ? ['c1'] : []
  const adminOf = roles.includes('admin') ? ['c1'] : []
  const streets = roles.includes('street_admin') ? ['s1'] : []
  return { openid: 'x', roles, scopes: { streets, communities: [...new Set([...staffOf, ...adminOf])], staffOf, adminOf, grids, buildings: [] }, ...at }
}
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
    expect(canPublishFor(resident, { kind: 'everyone' })).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('managing an event follows publishing', () => {
  const g2Event = { audience: { kind: 'grid' as const, gridId: 'g2' }, communityId: 'c1' }
  it('staff manage community-wide events and their own grid\'s, admin all', () => {
    expect(canManageEvent(staffG1, { audience: { kind: 'everyone' }, communityId: 'c1' })).toEqual({ ok: true })
    expect(canManageEvent(staffG1, g2Event)).toEqual({ ok: false, code: 'NOT_YOUR_EVENT' })
    expect(canManageEvent(admin, g2Event)).toEqual({ ok: true })
    expect(canManageEvent(resident, { audience: { kind: 'everyone' }, communityId: 'c1' })).toEqual({ ok: false, code: 'NOT_YOUR_EVENT' })
  })
  it('those who run an event earn no attendance points for it', () => {
    expect(earnsAttendance(staffG1, { audience: { kind: 'everyone' }, communityId: 'c1' })).toBe(false)
    expect(earnsAttendance(staffG1, g2Event)).toBe(true)
    expect(earnsAttendance(resident, g2Event)).toBe(true)
    expect(earnsAttendance(admin, g2Event)).toBe(false)
  })
})

describe('one visibility rule for list and detail', () => {
  const viewer = (c: Caller, gridId: string | null): Viewer => ({ ...c, gridId })
  const ev = (audience: Audience, communityId = 'c1') => ({ audience, communityId })
  it('residents see everyone\'s events and their own grid\'s', () => {
    const v = viewer(resident, 'g1')
    expect(visibleAudiences(v)).toEqual([{ kind: 'everyone' }, { kind: 'grid', gridId: 'g1' }])
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g2' }))).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect(canSeeEvent(v, ev({ kind: 'volunteers' }))).toEqual({ ok: false, code: 'NOT_FOUND' })
  })
  it('staff also see their grids\' and volunteers\' events, not other grids\'', () => {
    const v = viewer(staffG1, 'g3')
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g1' }))).toEqual({ ok: true })
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g3' }))).toEqual({ ok: true })
    expect(canSeeEvent(v, ev({ kind: 'grid', gridId: 'g2' }))).toEqual({ ok: false, code: 'NOT_FOUND' })
    expect(canSeeEvent(v, ev({ kind: 'volunteers' }))).toEqual({ ok: true })
  })
  it('admin sees all', () => {
    expect(visibleAudiences(viewer(admin, null))).toBe('all')
  })
})

describe('events belong to one community', () => {
  const everyone = (communityId: string) => ({ audience: { kind: 'everyone' as const }, communityId })
  const volunteersOnly = (communityId: string) => ({ audience: { kind: 'volunteers' as const }, communityId })
  it('nobody sees an event of another community than the one acted in, not even an admin', () => {
    expect(canSeeEvent({ ...resident, gridId: 'g1' }, everyone('c1')).ok).toBe(true)
    expect(canSeeEvent({ ...resident, gridId: 'g1' }, everyone('c2')).ok).toBe(false)
    expect(canSeeEvent({ ...admin, gridId: null }, everyone('c2')).ok).toBe(false)
    expect(canSeeEvent({ ...staffG1, gridId: 'g1' }, { audience: { kind: 'grid', gridId: 'g1' }, communityId: 'c2' }).ok).toBe(false)
  })
  it('managing an event of another community is OTHER_COMMUNITY, before any scope question', () => {
    expect(canManageEvent(admin, everyone('c2'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
    expect(canManageEvent(staffG1, everyone('c2'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
    expect(canManageEvent(resident, everyone('c2'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
    // an admin of c1 acting in c2 runs nothing of c1 from there
    expect(canManageEvent(caller(['resident', 'admin'], [], { communityId: 'c2', streetId: 's1' }), everyone('c1'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
  })
  it('an admin of another community earns attendance points at an event here', () => {
    expect(earnsAttendance(admin, everyone('c1'))).toBe(false)
    expect(earnsAttendance(admin, everyone('c2'))).toBe(true)
  })
  it('a street admin reads every audience of the community acted in, and nothing of another', () => {
    const street = { ...caller(['resident', 'street_admin']), gridId: null }
    expect(visibleAudiences(street)).toBe('all')
    expect(canSeeEvent(street, volunteersOnly('c1')).ok).toBe(true)
    expect(canSeeEvent(street, { audience: { kind: 'grid', gridId: 'g9' }, communityId: 'c1' }).ok).toBe(true)
    expect(canSeeEvent(street, volunteersOnly('c3')).ok).toBe(false)
    const actingInC3 = { ...caller(['resident', 'street_admin'], [], { communityId: 'c3', streetId: 's1' }), gridId: null }
    expect(canSeeEvent(actingInC3, volunteersOnly('c3')).ok).toBe(true)
    expect(canSeeEvent(actingInC3, volunteersOnly('c1')).ok).toBe(false)
  })
  it('a street admin reads events but does not run them', () => {
    const street = caller(['resident', 'street_admin'])
    expect(canManageEvent(street, everyone('c1'))).toEqual({ ok: false, code: 'NOT_YOUR_EVENT' })
    expect(canPublishFor(street, { kind: 'everyone' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
