import type { Role } from '../contract/roles'
import { canAdjust, canDecide, limitsAt, planLimits, quotaId, RAISE_DELAY_MS, RECENT_MOVE_MS, routeAdjustment, type AdjustmentDoc } from './adjustments'

const limits = { adjustLimit: 50, adjustDailyLimit: 200 }
const T = Date.UTC(2026, 11, 4, 2)

describe('routeAdjustment', () => {
  const a = { requester: 's', target: 'r', delta: 10 }
  it('never to oneself; within the limits at once; over them, or for someone who just moved grid, for approval', () => {
    expect(routeAdjustment({ ...a, target: 's' }, 0, limits, T)).toEqual({ kind: 'refuse', code: 'SELF_DEALING' })
    expect(routeAdjustment(a, 190, limits, T)).toEqual({ kind: 'direct' })
    expect(routeAdjustment({ ...a, delta: -51 }, 0, limits, T)).toEqual({ kind: 'approval', why: 'over_limit' })
    expect(routeAdjustment(a, 191, limits, T)).toEqual({ kind: 'approval', why: 'over_daily' })
    expect(routeAdjustment({ ...a, targetGridSince: T - RECENT_MOVE_MS + 1 }, 0, limits, T)).toEqual({ kind: 'approval', why: 'recent_move' })
    expect(routeAdjustment({ ...a, targetGridSince: T - RECENT_MOVE_MS }, 0, limits, T)).toEqual({ kind: 'direct' })
  })
})

describe('the daily adjust quota', () => {
  it('is one counter per China day: 23:59 and 00:00 in Beijing (15:59 / 16:00 UTC) are different days', () => {
    expect(quotaId('s', Date.UTC(2026, 11, 4, 15, 59))).toBe('quota:s:2026-12-04')
    expect(quotaId('s', Date.UTC(2026, 11, 4, 16, 0))).toBe('quota:s:2026-12-05')
    expect(quotaId('s', Date.UTC(2026, 11, 4, 0, 30))).toBe(quotaId('s', Date.UTC(2026, 11, 4, 15, 59)))
  })
})

describe('raising the limits waits a day; lowering them does not', () => {
  it('planLimits and limitsAt', () => {
    const raise = planLimits(limits, { adjustLimit: 5000, adjustDailyLimit: 100 }, 'admin', T)
    expect(raise).toEqual({ now: { adjustLimit: 50, adjustDailyLimit: 100 }, pending: { adjustLimit: 5000, adjustDailyLimit: 100, effectiveAt: T + RAISE_DELAY_MS, by: 'admin' } })
    const rules = { ...raise.now, pendingLimits: raise.pending }
    expect(limitsAt(rules, T + RAISE_DELAY_MS - 1)).toMatchObject({ adjustLimit: 50, adjustDailyLimit: 100 })
    expect(limitsAt(rules, T + RAISE_DELAY_MS)).toMatchObject({ adjustLimit: 5000, adjustDailyLimit: 100, pendingLimits: null })
    expect(planLimits(limits, { adjustLimit: 20, adjustDailyLimit: 100 }, 'admin', T)).toEqual({ now: { adjustLimit: 20, adjustDailyLimit: 100 }, pending: null })
  })
})

describe('canDecide', () => {
  const adj: AdjustmentDoc = {
    _id: 'adj:s:1', key: 's:1', communityId: 'c', requester: 's', requesterName: '', target: 'r', targetName: '', targetGridId: 'g1',
    delta: 80, reason: '补发', status: 'pending', why: 'over_limit', createdAt: T, sortKey: '', expiresAt: T + 1000,
  }
  const noScopes = { streets: [], communities: ['c'], staffOf: [], adminOf: ['c'], grids: [], buildings: [] }
  const admin = (openid: string) => ({ openid, roles: ['resident', 'admin'] as const, scopes: noScopes, communityId: 'c', streetId: 's' })
  it('another admin, not the requester, not the person credited, not appointed by the requester, before it lapses', () => {
    expect(canDecide(admin('a'), adj, T)).toEqual({ ok: true })
    expect(canDecide(admin('s'), adj, T)).toEqual({ ok: false, code: 'SELF_APPROVAL' })
    expect(canDecide(admin('a'), adj, T, 's')).toEqual({ ok: false, code: 'APPOINTEE_APPROVAL' })
    expect(canDecide(admin('r'), adj, T)).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(canDecide(admin('a'), adj, T + 1000)).toEqual({ ok: false, code: 'ADJUSTMENT_EXPIRED' })
    expect(canDecide(admin('a'), { ...adj, status: 'approved' }, T)).toEqual({ ok: false, code: 'ADJUSTMENT_CLOSED' })
    expect(canDecide({ ...admin('a'), roles: ['resident', 'staff'] }, adj, T)).toEqual({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('canAdjust', () => {
  const scopes = { streets: [], communities: ['c1'], staffOf: ['c1'], adminOf: [], grids: ['g1'], buildings: [] }
  const staff = { openid: 's', roles: ['resident', 'staff'] as Role[], scopes, communityId: 'c1', streetId: 's1' }
  const resident = (gridId: string, communityId = 'c1') => ({ openid: 'r', gridId, communityId })
  it('never one\'s own account; a 网格员 within their grids, an admin anywhere in the community acted in', () => {
    expect(canAdjust(staff, resident('g1'))).toEqual({ ok: true })
    expect(canAdjust(staff, { ...resident('g1'), openid: 's' })).toEqual({ ok: false, code: 'SELF_DEALING' })
    expect(canAdjust(staff, resident('g2'))).toEqual({ ok: false, code: 'OUT_OF_SCOPE' })
    expect(canAdjust({ ...staff, roles: ['resident', 'admin'] }, resident('g2'))).toEqual({ ok: true })
  })
  it('never a resident of another community: the credit would come from this community\'s pool', () => {
    expect(canAdjust({ ...staff, roles: ['resident', 'admin'] }, resident('g1', 'c2'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
    expect(canAdjust(staff, resident('g1', 'c2'))).toEqual({ ok: false, code: 'OTHER_COMMUNITY' })
  })
})
