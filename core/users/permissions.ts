import type { Role } from '../contract/roles'
import { allow, deny, enforce, type Decision } from '../contract/decision'
import { usersError } from './contract'
import type { UserDoc } from './model'
import type { Caller as OneCaller } from './caller'
import type { Place } from '../community/places'

/**
 * Who may do what to whom — pure, no I/O. The role list in the contract is the first gate
 * (e.g. staff or admin); these functions decide the scope.
 *
 * Grants:   admin → staff (with grids), building_lead (with buildings), admin.
 *           staff → building_lead, only for buildings inside their own grids.
 * Nobody grants themselves a role or reviews their own volunteer application.
 * Revokes:  admin → any role of anyone except their own admin role.
 *           staff → building_lead buildings inside their grids; volunteer of a resident of their grid.
 * Volunteer review and user lists: staff within their grids, admin everywhere.
 */
/** What these rules read of the one caller (core/users/caller.ts). */
export type Caller = Pick<OneCaller, 'openid' | 'roles' | 'scopes'> & Partial<Pick<OneCaller, 'communityId' | 'streetId'>>

export const isAdmin = (c: Caller) => c.roles.includes('admin')
export const isStaffOf = (c: Caller, gridId: string) => c.roles.includes('staff') && c.scopes.grids.includes(gridId)

/** Grid ids a caller may see in lists: 'all' for admin; their grids for staff; narrowed by a requested grid. */
export function gridScope(c: Caller, requested?: string): Decision<'FORBIDDEN', { grids: 'all' | string[] }> {
  if (isAdmin(c)) return { ok: true, grids: requested ? [requested] : 'all' }
  if (!c.roles.includes('staff')) return deny('FORBIDDEN', '只有网格员和管理员可以查看')
  if (requested && !c.scopes.grids.includes(requested)) return deny('FORBIDDEN', '您只能查看自己网格的居民')
  return { ok: true, grids: requested ? [requested] : [...c.scopes.grids] }
}

/** gridScope, or throw its denial. */
export function mustGridScope(c: Caller, requested?: string): 'all' | string[] {
  return enforce(gridScope(c, requested), usersError).grids
}

export function canReview(c: Caller, applicant: Pick<UserDoc, '_id' | 'gridId' | 'communityId'>): Decision<'FORBIDDEN' | 'OTHER_COMMUNITY'> {
  if (applicant._id === c.openid) return deny('FORBIDDEN', '自己的申请要由其他网格员或管理员审核')
  if (applicant.communityId !== c.communityId) return deny('OTHER_COMMUNITY', '这位居民不在本社区，请由他所在社区审核')
  if (isAdmin(c) || isStaffOf(c, applicant.gridId)) return allow
  return deny('FORBIDDEN', '您只能审核自己网格居民的申请')
}

export type Grant = { role: 'staff'; grids: string[] } | { role: 'building_lead'; buildings: string[] } | { role: 'admin' } | { role: 'street_admin' }
export type Revoke = { role: 'volunteer' | 'staff' | 'building_lead' | 'admin' | 'street_admin'; scope?: string[] }
type Target = Pick<UserDoc, '_id' | 'roles' | 'grids' | 'buildings' | 'gridId' | 'communityId' | 'streetId' | 'staffOf' | 'adminOf' | 'streets'>

/**
 * Whom a role may be given to or taken from, in the community acted in: a 楼栋长 (and a volunteer)
 * lives there; staff and admins come from the same street (a 网格员 may serve a neighbouring
 * community); anyone else is OTHER_COMMUNITY.
 */
export function canTouch(c: Caller, target: Target, role: Grant['role'] | Revoke['role']): Decision<'OTHER_COMMUNITY'> {
  const local = role === 'building_lead' || role === 'volunteer'
  if (local ? target.communityId === c.communityId : target.streetId === c.streetId) return allow
  const scoped = [...(target.staffOf ?? []), ...(target.adminOf ?? [])].includes(c.communityId ?? '')
  return scoped && !local ? allow : deny('OTHER_COMMUNITY', '这位居民不在本社区（或本街道），请到他所在的社区办理')
}

export function canGrant(c: Caller, grant: Grant & { openid: string }, gridOf: (buildingId: string) => string | undefined): Decision<'FORBIDDEN'> {
  if (grant.openid === c.openid) return deny('FORBIDDEN', '不能给自己任命角色，请让其他管理员操作')
  if (grant.role === 'street_admin') return c.roles.includes('street_admin') ? allow : deny('FORBIDDEN', '只有街道管理员可以任命街道管理员')
  if (isAdmin(c)) return allow
  if (grant.role !== 'building_lead') return deny('FORBIDDEN', '只有管理员可以任命网格员和管理员')
  const outside = grant.buildings.filter((b) => {
    const g = gridOf(b)
    return !g || !isStaffOf(c, g)
  })
  return outside.length ? deny('FORBIDDEN', '网格员只能任命自己网格内的楼栋长') : allow
}

/** The target's roles and scopes after a grant in `at` (scopes are merged, never replaced). */
export function applyGrant(target: Omit<Target, '_id' | 'gridId' | 'communityId' | 'streetId'>, grant: Grant, at: Place) {
  const roles = new Set(target.roles)
  roles.add(grant.role)
  const add = (list: string[] | undefined, yes: boolean, more: readonly string[]) => (yes ? union(list, more) : [...(list ?? [])])
  return {
    roles: [...roles],
    grids: add(target.grids, grant.role === 'staff', grant.role === 'staff' ? grant.grids : []),
    buildings: add(target.buildings, grant.role === 'building_lead', grant.role === 'building_lead' ? grant.buildings : []),
    staffOf: add(target.staffOf, grant.role === 'staff', [at.communityId]),
    adminOf: add(target.adminOf, grant.role === 'admin', [at.communityId]),
    streets: add(target.streets, grant.role === 'street_admin', [at.streetId]),
  }
}

type Next = Pick<UserDoc, 'roles' | 'grids' | 'buildings'> & Required<Pick<UserDoc, 'staffOf' | 'adminOf' | 'streets'>>

/**
 * Check a revoke in the community acted in and compute the target's roles and scopes after it.
 * Staff and admin scopes of other communities stay; staff revoking a 楼栋长 without a scope removes
 * only the buildings inside their own grids.
 */
export function planRevoke(
  c: Caller,
  target: Target,
  revoke: Revoke,
  here: { gridOf: (buildingId: string) => string | undefined; hasGrid: (gridId: string) => boolean },
): Decision<'FORBIDDEN' | 'CANNOT_REVOKE_SELF', { next: Next }> {
  const admin = isAdmin(c)
  const at = c.communityId ?? ''
  if (revoke.role === 'admin' && target._id === c.openid) return deny('CANNOT_REVOKE_SELF')
  const next: Next = {
    roles: [...target.roles],
    grids: [...(target.grids ?? [])],
    buildings: [...(target.buildings ?? [])],
    staffOf: [...(target.staffOf ?? [])],
    adminOf: [...(target.adminOf ?? [])],
    streets: [...(target.streets ?? [])],
  }
  let dropRole = true
  if (revoke.role === 'street_admin') {
    if (!c.roles.includes('street_admin')) return deny('FORBIDDEN', '只有街道管理员可以撤销街道管理员')
    next.streets = next.streets.filter((s) => s !== c.streetId)
    dropRole = next.streets.length === 0
  } else if (revoke.role === 'staff' || revoke.role === 'admin') {
    if (!admin) return deny('FORBIDDEN', '只有管理员可以撤销网格员和管理员')
    if (revoke.role === 'staff') {
      const gone = (g: string) => here.hasGrid(g) && (!revoke.scope || revoke.scope.includes(g))
      next.grids = next.grids.filter((g) => !gone(g))
      if (!next.grids.some(here.hasGrid)) next.staffOf = next.staffOf.filter((x) => x !== at)
      dropRole = next.staffOf.length === 0
    } else {
      next.adminOf = next.adminOf.filter((x) => x !== at)
      dropRole = next.adminOf.length === 0
    }
  } else if (revoke.role === 'building_lead') {
    const mine = (b: string) => admin || isStaffOf(c, here.gridOf(b) ?? '')
    const remove = revoke.scope ?? next.buildings.filter(mine)
    if (!remove.length || !remove.every(mine)) return deny('FORBIDDEN', '网格员只能撤销自己网格内的楼栋长')
    next.buildings = next.buildings.filter((b) => !remove.includes(b))
    dropRole = next.buildings.length === 0
  } else if (!admin && !isStaffOf(c, target.gridId)) {
    return deny('FORBIDDEN', '您只能撤销自己网格居民的志愿者身份')
  }
  if (dropRole) next.roles = next.roles.filter((r) => r !== revoke.role)
  const keeps = (r: Role) => next.roles.includes(r)
  return {
    ok: true,
    next: { ...next, grids: keeps('staff') ? next.grids : [], staffOf: keeps('staff') ? next.staffOf : [], buildings: keeps('building_lead') ? next.buildings : [], adminOf: keeps('admin') ? next.adminOf : [], streets: keeps('street_admin') ? next.streets : [] },
  }
}

function union(a: readonly string[] | undefined, b: readonly string[]): string[] {
  return [...new Set([...(a ?? []), ...b])]
}
