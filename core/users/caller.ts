/**
 * The one caller every feature's pure rules decide on: who (openid), in which community they act,
 * in which roles there, over which streets, communities, grids and buildings, with which home, and
 * as a volunteer with which skills and team. The router builds it once per call from the users
 * document it reads anyway (server/context.ts): the scopes add no read. Nothing in the payload goes
 * into it.
 */
import type { Place } from '../community/places'
import type { Role } from '../contract/roles'
import { rolesOf, scopesOf, type Scopes, type UserDoc } from './model'
import type { Skill, Team } from './vocab'

export interface Caller {
  openid: string
  /** Roles that hold in the community acted in (staff and admin only where they are scoped). */
  roles: readonly Role[]
  /** 街道管理员: streets; staff and admins: communities; 网格员: grids; 楼栋长: buildings. */
  scopes: Readonly<Scopes>
  /** The community acted in (the one chosen, if allowed, else home); null for a guest. */
  communityId: string | null
  streetId: string | null
  /** Where they live (from their building), if registered. */
  home: Place | null
  gridId: string | null
  /** An approved volunteer's skills and team (none otherwise). */
  skills: readonly Skill[]
  team: Team | null
}

/** Whether a person may act in a community: home, a community of their staff/admin scope, or one of their street. */
export function mayActIn(scopes: Pick<Caller['scopes'], 'streets' | 'communities'>, home: Pick<Place, 'communityId'> | null, p: Place): boolean {
  return home?.communityId === p.communityId || scopes.communities.includes(p.communityId) || scopes.streets.includes(p.streetId)
}

/**
 * Whether the caller takes part where they act — signs up for its events, spends points at its
 * booths: at home, or in a community where they work as staff or admin. A street admin acting in
 * another community of the street oversees it (reads), and does not join in there.
 */
export function takesPartHere(c: Pick<Caller, 'communityId' | 'home' | 'scopes'>): boolean {
  return !!c.communityId && (c.home?.communityId === c.communityId || c.scopes.communities.includes(c.communityId))
}

/** The roles that hold in the community acted in. */
function rolesIn(stored: Role[], scopes: Scopes, home: Place | null, at: Place | null): Role[] {
  if (!at) return stored
  const holds: Record<Role, boolean> = {
    guest: true,
    resident: true,
    volunteer: true,
    building_lead: home?.communityId === at.communityId,
    staff: scopes.staffOf.includes(at.communityId),
    admin: scopes.adminOf.includes(at.communityId),
    street_admin: scopes.streets.includes(at.streetId),
  }
  return stored.filter((r) => holds[r])
}

export function callerFrom(openid: string, user: UserDoc | null): Caller {
  const v = user?.volunteer
  const approved = !!user?.roles?.includes('volunteer') && v?.status === 'approved'
  const scopes = scopesOf(user)
  const home = user?.communityId ? { communityId: user.communityId, streetId: user.streetId } : null
  const at = user?.acting && mayActIn(scopes, home, user.acting) ? user.acting : home
  return {
    openid,
    roles: rolesIn(rolesOf(user), scopes, home, at),
    scopes,
    communityId: at?.communityId ?? null,
    streetId: at?.streetId ?? null,
    home,
    gridId: user?.gridId ?? null,
    skills: approved ? v.skills : [],
    team: approved ? (v.team ?? null) : null,
  }
}
