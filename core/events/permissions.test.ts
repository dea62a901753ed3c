import type { Caller } from '../users/permissions'
import { canPublishFor } from './permissions'

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
