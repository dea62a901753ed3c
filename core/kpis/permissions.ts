/**
 * Whose numbers a caller may read: a 网格员 their grids, an admin every grid of the community they
 * act in, a 街道管理员 every community of their street (or one of them). Never another's.
 */
import { allow, deny, type Decision } from '../contract/decision'
import type { Role } from '../contract/roles'
import type { Caller } from '../users/caller'

export interface KpiScope {
  level: 'grid' | 'community' | 'street'
  /** 'street': every community of the caller's street (the handler lists them). */
  communities: string[] | 'street'
  grids: string[] | 'all'
}

const has = (c: Caller, r: Role) => c.roles.includes(r)

export function canSeeKpis(c: Caller, want: { communityId?: string; gridId?: string }): Decision<'FORBIDDEN' | 'OTHER_COMMUNITY', { scope: KpiScope }> {
  if (!c.communityId) return deny('FORBIDDEN')
  const grids = want.gridId ? [want.gridId] : 'all'
  if (has(c, 'street_admin')) return { ...allow, scope: { level: 'street', communities: want.communityId ? [want.communityId] : 'street', grids } }
  if (want.communityId && want.communityId !== c.communityId) return deny('OTHER_COMMUNITY')
  if (has(c, 'admin')) return { ...allow, scope: { level: 'community', communities: [c.communityId], grids } }
  if (!has(c, 'staff') || !c.scopes.grids.length) return deny('FORBIDDEN')
  if (want.gridId && !c.scopes.grids.includes(want.gridId)) return deny('FORBIDDEN')
  return { ...allow, scope: { level: 'grid', communities: [c.communityId], grids: want.gridId ? [want.gridId] : [...c.scopes.grids] } }
}

/** Freezing a month's 报送版: a community's by its admin, the street's by its street admin. */
export function canFreeze(c: Caller): Decision<'FORBIDDEN', { level: 'community' | 'street'; scopeId: string }> {
  if (has(c, 'street_admin') && c.streetId) return { ...allow, level: 'street', scopeId: c.streetId }
  if (has(c, 'admin') && c.communityId) return { ...allow, level: 'community', scopeId: c.communityId }
  return deny('FORBIDDEN')
}
