import { keysOf } from './vocab'

/**
 * Roles live in the database (the users collection); this is their vocabulary.
 * - guest: an OPENID with no profile yet
 * - resident: has a profile (everyone registered is a resident)
 * - volunteer: applied and approved by staff
 * - staff: 网格员, scoped to their grids
 * - building_lead: 楼栋长, scoped to their buildings
 * - admin: community administrator, of the communities in their scope
 * - street_admin: 街道管理员, sees every community of their street (read-only), sets street-wide
 *   defaults and answers the 大事 communities escalate; never sees residents' phone numbers
 */
export const ROLE_LABELS = {
  guest: '访客',
  resident: '居民',
  volunteer: '志愿者',
  staff: '网格员',
  building_lead: '楼栋长',
  admin: '管理员',
  street_admin: '街道管理员',
}
export const ROLES = keysOf(ROLE_LABELS)
export type Role = (typeof ROLES)[number]

/** Staff actions: a 网格员 (their scope is checked by the action) or an admin. */
export const STAFF = ['staff', 'admin'] as const satisfies readonly Role[]

/** Who may call an action: a list of roles, or 'anyone' (guests included). */
export type Audience = readonly Role[] | 'anyone'

export function mayCall(audience: Audience, roles: ReadonlySet<Role> | readonly Role[]): boolean {
  if (audience === 'anyone') return true
  const have = roles instanceof Set ? roles : new Set(roles as readonly Role[])
  return audience.some((r) => have.has(r))
}
