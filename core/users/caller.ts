/**
 * The one caller every feature's pure rules decide on: who (openid), in which roles, over which
 * grids and buildings, with which home grid, and as a volunteer with which skills and team. The
 * router builds it once per call from the users collection (server/context.ts); nothing in the
 * payload goes into it.
 */
import type { Role } from '../contract/roles'
import { rolesOf, scopesOf, type UserDoc } from './model'
import type { Skill, Team } from './vocab'

export interface Caller {
  openid: string
  roles: readonly Role[]
  /** 网格员: the grids served; 楼栋长: the buildings served. */
  scopes: { grids: readonly string[]; buildings: readonly string[] }
  /** Where they live (from their building), if registered. */
  gridId: string | null
  /** An approved volunteer's skills and team (none otherwise). */
  skills: readonly Skill[]
  team: Team | null
}

export function callerFrom(openid: string, user: UserDoc | null): Caller {
  const v = user?.volunteer
  const approved = !!user?.roles?.includes('volunteer') && v?.status === 'approved'
  return {
    openid,
    roles: rolesOf(user),
    scopes: scopesOf(user),
    gridId: user?.gridId ?? null,
    skills: approved ? v.skills : [],
    team: approved ? (v.team ?? null) : null,
  }
}
